using Npgsql;
using Xunit;

namespace Negotiations.Tests.Shared;

// Compiled into the test projects that talk to PostgreSQL (not into Negotiations.Tests, which has no Npgsql).
// System types are spelled out: some of those projects have implicit usings off, others on.

/// <summary>
/// The PostgreSQL server of the tests, from NEGOTIATIONS_POSTGRES. Without a reachable server the tests skip with
/// the reason, except under CI=true, where they fail with it.
/// </summary>
internal static class Postgres
{
    private static readonly System.Lazy<System.Threading.Tasks.Task<string?>> Problem = new(FindProblemAsync);

    /// <summary>The connection string from NEGOTIATIONS_POSTGRES, if set.</summary>
    public static string? ConnectionString => System.Environment.GetEnvironmentVariable("NEGOTIATIONS_POSTGRES");

    private static bool UnderCi => string.Equals(System.Environment.GetEnvironmentVariable("CI"), "true", System.StringComparison.OrdinalIgnoreCase);

    /// <summary>Returns the connection string, or skips (fails under CI) the calling test, saying why.</summary>
    public static async System.Threading.Tasks.Task<string> RequireAsync()
    {
        var problem = await Problem.Value;
        if (problem is null)
        {
            return ConnectionString!;
        }

        if (UnderCi)
        {
            throw new System.InvalidOperationException($"CI=true and the PostgreSQL tests cannot run: {problem}");
        }

        Assert.Skip(problem);
        return null!;
    }

    /// <summary>Drops schemas a test class made; a missing or vanished server leaves them behind, which harms no later run.</summary>
    public static async System.Threading.Tasks.Task DropSchemasAsync(System.Collections.Generic.IEnumerable<string> schemas)
    {
        if (ConnectionString is not { Length: > 0 } connectionString)
        {
            return;
        }

        try
        {
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync();
            foreach (var schema in schemas)
            {
                await using var drop = new NpgsqlCommand($"DROP SCHEMA IF EXISTS {schema} CASCADE", connection);
                await drop.ExecuteNonQueryAsync();
            }
        }
        catch (NpgsqlException)
        {
            // No server, or it went away: the schemas stay behind.
        }
    }

    private static async System.Threading.Tasks.Task<string?> FindProblemAsync()
    {
        var connectionString = ConnectionString;
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            return "NEGOTIATIONS_POSTGRES is not set. Run ./test.sh, which starts PostgreSQL, or set it to an Npgsql connection string.";
        }

        try
        {
            var builder = new NpgsqlConnectionStringBuilder(connectionString) { Timeout = 5 };
            await using var connection = new NpgsqlConnection(builder.ConnectionString);
            await connection.OpenAsync();
            return null;
        }
        catch (System.Exception ex) when (ex is NpgsqlException or System.ArgumentException or System.InvalidOperationException or System.TimeoutException)
        {
            return $"PostgreSQL named by NEGOTIATIONS_POSTGRES ({Describe(connectionString)}) is unreachable: {ex.Message}";
        }
    }

    private static string Describe(string connectionString)
    {
        try
        {
            var builder = new NpgsqlConnectionStringBuilder(connectionString);
            return $"host {builder.Host}, port {builder.Port}, database {builder.Database}";
        }
        catch (System.ArgumentException)
        {
            return "a connection string Npgsql cannot parse";
        }
    }
}
