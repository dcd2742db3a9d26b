using System.Text;
using Marten;
using Npgsql;
using Xunit;

namespace Negotiations.Marten.Tests;

/// <summary>
/// The PostgreSQL server of the tests, from NEGOTIATIONS_POSTGRES. Without a reachable server the tests skip with
/// the reason, except under CI=true, where they fail with it.
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
        catch (ArgumentException)
        {
            return "a connection string Npgsql cannot parse";
        }
    }
}

/// <summary>
/// A class fixture giving each test class its own PostgreSQL schemas, named after the class with a short unique
/// suffix, and dropping them when the class is done.
/// </summary>
/// <typeparam name="TTests">The test class.</typeparam>
public sealed class PostgresSchema<TTests> : IAsyncDisposable
{
    private readonly List<string> _schemas = [];
    private readonly List<IDisposable> _owned = [];
    private readonly SemaphoreSlim _sharedGate = new(1, 1);
    private DocumentStore? _shared;

    public PostgresSchema()
    {
        var name = Snake(typeof(TTests).Name);
        Name = $"{name[..Math.Min(name.Length, 40)]}_{Guid.NewGuid():N}"[..(Math.Min(name.Length, 40) + 7)];
        _schemas.Add(Name);
    }

    /// <summary>The class's main schema.</summary>
    public string Name { get; }

    /// <summary>A further schema of the class (dropped with it).</summary>
    public string Also(string suffix)
    {
        var schema = $"{Name}_{suffix}";
        lock (_schemas)
        {
            if (!_schemas.Contains(schema))
            {
                _schemas.Add(schema);
            }
        }

        return schema;
    }

    /// <summary>The connection string; skips the test (fails it under CI) when there is no server.</summary>
    public Task<string> ConnectionStringAsync() => Postgres.RequireAsync();

    /// <summary>A Marten store on one of the class's schemas, disposed with the fixture.</summary>
    public async Task<DocumentStore> StoreAsync(Action<StoreOptions> configure, string? schema = null)
    {
        var options = new StoreOptions();
        options.Connection(await ConnectionStringAsync());
        options.DatabaseSchemaName = schema ?? Name;
        configure(options);
        var store = new DocumentStore(options);
        lock (_owned)
        {
            _owned.Add(store);
        }

        return store;
    }

    /// <summary>One Marten store on the main schema for the whole class, made on first use.</summary>
    public async Task<DocumentStore> SharedStoreAsync(Action<StoreOptions> configure)
    {
        await _sharedGate.WaitAsync();
        try
        {
            return _shared ??= await StoreAsync(configure);
        }
        finally
        {
            _sharedGate.Release();
        }
    }

    /// <summary>Runs a query returning one value.</summary>
    public async Task<T?> ScalarAsync<T>(string sql)
    {
        await using var connection = new NpgsqlConnection(await ConnectionStringAsync());
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        var value = await command.ExecuteScalarAsync();
        return value is null or DBNull ? default : (T)value;
    }

    /// <summary>Runs a query returning rows of text.</summary>
    public async Task<IReadOnlyList<string?[]>> RowsAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(await ConnectionStringAsync());
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string?[]>();
        while (await reader.ReadAsync())
        {
            var row = new string?[reader.FieldCount];
            for (var i = 0; i < row.Length; i++)
            {
                row[i] = reader.IsDBNull(i) ? null : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture);
            }

            rows.Add(row);
        }

        return rows;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var owned in _owned)
        {
            owned.Dispose();
        }

        _sharedGate.Dispose();

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
            // No server, or it went away: the schemas are left behind, which harms no later run.
        }
    }

    private static string Snake(string name)
    {
        var snake = new StringBuilder();
        for (var i = 0; i < name.Length; i++)
        {
            if (char.IsUpper(name[i]) && i > 0)
            {
                snake.Append('_');
            }

            snake.Append(char.ToLowerInvariant(name[i]));
        }

        return snake.ToString();
    }
}
