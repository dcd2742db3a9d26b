using BenchmarkDotNet.Attributes;
using Marten;
using Negotiations.EventSourcing;
using Negotiations.Marten;
using Negotiations.Serialization;
using Negotiations.Tests.Shared;
using Npgsql;
using NpgsqlTypes;

namespace Negotiations.Benchmarks;

/// <summary>
/// 100 events appended in one transaction at the expected version: the library's <see cref="MartenEventStore.AppendAsync"/>
/// against Marten's own append with the library's store options (the baseline: target at least 0.9 of its speed,
/// <c>Ratio</c> at most 1.11, and allocations within 1.1x) and a raw multi-row <c>INSERT</c> with the version check.
/// </summary>
[MemoryDiagnoser]
public class MartenAppendBenchmarks
{
    private const int BatchSize = 100;
    private readonly string _schema = Postgres.NewSchema("append");
    private readonly Dictionary<string, long> _versions = [];
    private DocumentStore _store = null!;
    private MartenEventStore _events = null!;
    private NpgsqlDataSource _raw = null!;
    private object[] _batch = null!;
    private string[] _json = null!;
    private long _rawVersion;
    private int _invocations;

    [GlobalSetup]
    public async Task GlobalSetup()
    {
        _store = await Postgres.NegotiationsStoreAsync(_schema).ConfigureAwait(false);
        _events = new MartenEventStore(_store, NegotiationEvents.Catalog);
        await Postgres.CreateRawTablesAsync(_schema + "_r").ConfigureAwait(false);
        _raw = NpgsqlDataSource.Create(Postgres.Require());
        await Postgres.ExecuteAsync($"INSERT INTO {_schema}_r.raw_streams (id, version, snapshot) VALUES ('raw', 0, '{{}}')").ConfigureAwait(false);
        var track = SyntheticTrack.Create(BatchSize + 1);
        _batch = [.. track.Decided.Skip(1).Select(d => (object)d.Event)];
        _json = [.. _batch.Select(e => NegotiationJson.SerializeEvent((INegotiationEvent)e))];
        await MartenOwnAppend().ConfigureAwait(false);
        await LibraryAppend().ConfigureAwait(false);
        await RawMultiRowInsert().ConfigureAwait(false);
        _invocations = 0;
    }

    [Benchmark(Baseline = true)]
    public async Task MartenOwnAppend()
    {
        var session = _store.LightweightSession();
        await using (session.ConfigureAwait(false))
        {
            var version = Next("marten");
            session.Events.Append("marten-own", version + BatchSize, _batch);
            await session.SaveChangesAsync().ConfigureAwait(false);
        }
    }

    [Benchmark]
    public Task LibraryAppend()
    {
        var version = Next("library");
        return _events.AppendAsync(StreamKey.Of("library"), version, _batch, new EventMetadata { CommandId = $"batch-{version}", CommandType = "Import", CommandFingerprint = $"v1:{version}" });
    }

    [Benchmark]
    public async Task RawMultiRowInsert()
    {
        await using var connection = await _raw.OpenConnectionAsync().ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync().ConfigureAwait(false);
        var values = string.Join(", ", Enumerable.Range(0, BatchSize).Select(i => $"('raw', ${1 + (2 * i)}, 'event', ${2 + (2 * i)})"));
        await using var insert = new NpgsqlCommand($"INSERT INTO {_schema}_r.raw_events (stream_id, version, type, data) VALUES {values}", connection, transaction);
        for (var i = 0; i < BatchSize; i++)
        {
            insert.Parameters.Add(new NpgsqlParameter { Value = _rawVersion + i + 1 });
            insert.Parameters.Add(new NpgsqlParameter { Value = _json[i], NpgsqlDbType = NpgsqlDbType.Jsonb });
        }

        await insert.ExecuteNonQueryAsync().ConfigureAwait(false);
        await using var update = new NpgsqlCommand($"UPDATE {_schema}_r.raw_streams SET version = $2 WHERE id = 'raw' AND version = $1", connection, transaction)
        {
            Parameters = { new() { Value = _rawVersion }, new() { Value = _rawVersion + BatchSize } },
        };
        if (await update.ExecuteNonQueryAsync().ConfigureAwait(false) != 1)
        {
            throw new InvalidOperationException("The raw stream moved on.");
        }

        await transaction.CommitAsync().ConfigureAwait(false);
        _rawVersion += BatchSize;
        _invocations++;
    }

    [GlobalCleanup]
    public async Task GlobalCleanup()
    {
        var marten = await Postgres.CountAsync($"SELECT count(*) FROM {_schema}.mt_events WHERE stream_id = 'marten-own'").ConfigureAwait(false);
        var library = await Postgres.CountAsync($"SELECT count(*) FROM {_schema}.mt_events WHERE stream_id = 'library'").ConfigureAwait(false);
        var raw = await Postgres.CountAsync($"SELECT count(*) FROM {_schema}_r.raw_events").ConfigureAwait(false);
        Checks.That($"{nameof(MartenAppendBenchmarks)} Marten's own append", marten == _versions["marten"], $"{marten} events stored");
        Checks.That($"{nameof(MartenAppendBenchmarks)} the library's append", library == _versions["library"], $"{library} events stored");
        Checks.That($"{nameof(MartenAppendBenchmarks)} the raw insert", raw == _rawVersion, $"{raw} rows stored");
        _store.Dispose();
        await _raw.DisposeAsync().ConfigureAwait(false);
        await Postgres.DropAsync(_schema).ConfigureAwait(false);
        await Postgres.DropAsync(_schema + "_r").ConfigureAwait(false);
    }

    private long Next(string path)
    {
        var version = _versions.GetValueOrDefault(path);
        _versions[path] = version + BatchSize;
        return version;
    }
}
