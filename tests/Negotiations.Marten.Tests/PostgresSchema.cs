using System.Text;
using Marten;
using Npgsql;
using Negotiations.Tests.Shared;

namespace Negotiations.Marten.Tests;

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

    /// <summary>Runs a statement, returning the number of rows it changed.</summary>
    public async Task<int> ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(await ConnectionStringAsync());
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteNonQueryAsync();
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

        await Postgres.DropSchemasAsync(_schemas);
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
