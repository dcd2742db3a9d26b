using Npgsql;
using Xunit;

namespace NewsDesk.Tests;

/// <summary>
/// The PostgreSQL server of the end-to-end test, from NEGOTIATIONS_POSTGRES (test.sh starts one). Without a reachable
/// server the test is skipped with the reason, except under CI=true, where it fails with it.
/// </summary>
internal static class Postgres
{
    private static readonly Lazy<Task<string?>> Problem = new(FindProblemAsync);

    public static string? ConnectionString => Environment.GetEnvironmentVariable("NEGOTIATIONS_POSTGRES");

    public static async Task<string> RequireAsync()
    {
        var problem = await Problem.Value;
        if (problem is null)
        {
            return ConnectionString!;
        }

        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException($"CI=true and the end-to-end test cannot run: {problem}");
        }

        Assert.Skip(problem);
        return null!;
    }

    public static async Task DropSchemaAsync(string schema)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP SCHEMA IF EXISTS {schema} CASCADE", connection);
        await drop.ExecuteNonQueryAsync();
    }

    private static async Task<string?> FindProblemAsync()
    {
        if (string.IsNullOrWhiteSpace(ConnectionString))
        {
            return "NEGOTIATIONS_POSTGRES is not set: run ./test.sh, which starts PostgreSQL, or set it to an Npgsql connection string.";
        }

        try
        {
            await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(ConnectionString) { Timeout = 5 }.ConnectionString);
            await connection.OpenAsync();
            return null;
        }
        catch (Exception ex) when (ex is NpgsqlException or ArgumentException or InvalidOperationException or TimeoutException)
        {
            return $"PostgreSQL named by NEGOTIATIONS_POSTGRES is unreachable: {ex.Message}";
        }
    }
}
