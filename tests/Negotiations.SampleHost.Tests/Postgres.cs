using Npgsql;
using Xunit;

namespace Negotiations.SampleHost.Tests;

/// <summary>
/// The PostgreSQL server of the tests, from NEGOTIATIONS_POSTGRES. Without a reachable server the tests skip with the
/// reason, except under CI=true, where they fail with it.
/// </summary>
internal static class Postgres
{
    private static readonly Lazy<Task<string?>> Problem = new(FindProblemAsync);

    public static string? ConnectionString => Environment.GetEnvironmentVariable("NEGOTIATIONS_POSTGRES");

    private static bool UnderCi => string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>Returns the connection string, or skips (fails under CI) the calling test, saying why.</summary>
    public static async Task<string> RequireAsync()
    {
        var problem = await Problem.Value;
        if (problem is null)
        {
            return ConnectionString!;
        }

        if (UnderCi)
        {
            throw new InvalidOperationException($"CI=true and the PostgreSQL tests cannot run: {problem}");
        }

        Assert.Skip(problem);
        return null!;
    }

    private static async Task<string?> FindProblemAsync()
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
        catch (Exception ex) when (ex is NpgsqlException or ArgumentException or InvalidOperationException or TimeoutException)
        {
            return $"PostgreSQL named by NEGOTIATIONS_POSTGRES is unreachable: {ex.Message}";
        }
    }
}

/// <summary>A class fixture giving a test class its own PostgreSQL schemas, dropped when the class is done.</summary>
public sealed class SampleSchemas : IAsyncDisposable
{
    private readonly string _prefix = $"sample_host_{Guid.NewGuid():N}"[..24];
    private readonly List<string> _schemas = [];

    /// <summary>A schema of its own for one test.</summary>
    public string New(string name)
    {
        var schema = $"{_prefix}_{name}";
        lock (_schemas)
        {
            _schemas.Add(schema);
        }

        return schema;
    }

    public async ValueTask DisposeAsync()
    {
        if (Postgres.ConnectionString is not { Length: > 0 } connectionString)
        {
            return;
        }

        try
        {
            await using var connection = new NpgsqlConnection(connectionString);
            await connection.OpenAsync();
            foreach (var schema in _schemas)
            {
                await using var drop = new NpgsqlCommand($"DROP SCHEMA IF EXISTS {schema} CASCADE", connection);
                await drop.ExecuteNonQueryAsync();
            }
        }
        catch (NpgsqlException)
        {
            // No server, or it went away: the schemas stay behind, which harms no later run.
        }
    }
}
