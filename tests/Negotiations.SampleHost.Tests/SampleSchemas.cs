using Negotiations.Tests.Shared;

namespace Negotiations.SampleHost.Tests;

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

    public async ValueTask DisposeAsync() => await Postgres.DropSchemasAsync(_schemas);
}
