using BenchmarkDotNet.Attributes;
using JasperFx.Events.Projections;
using Marten;
using Negotiations.EventSourcing;
using Negotiations.Marten;
using Negotiations.Serialization;
using Negotiations.Tests.Shared;
using Npgsql;
using NpgsqlTypes;

namespace Negotiations.Benchmarks;

/// <summary>
/// One command on PostgreSQL through the command service and the Marten store, on a track of <see cref="Events"/>
/// events, by <see cref="Clients"/> clients at once, each on its own track with its own pooled connections, against
/// raw Npgsql writes of the same shape on a table of the same shape (see <see cref="Postgres.CreateRawTablesAsync"/>).
/// </summary>
/// <remarks>
/// <para>The baseline, <see cref="RawOptimisticAppend"/>, is the least a correct event store does per command: a
/// prepared <c>SELECT version, snapshot</c> of the stream, then <c>BEGIN</c>, the event's <c>INSERT</c>,
/// <c>UPDATE ... WHERE version = $v</c>, <c>COMMIT</c>. <see cref="RawInsertAndCommit"/> is a plain single-row insert
/// in its own transaction (no version check): the floor. <c>Ratio</c> is time per command against the baseline, so a
/// throughput ratio of at least 0.6 is a <c>Ratio</c> of at most 1.67.</para>
/// <para><see cref="Command"/> is the library as <c>UseMarten</c> sets it up: decision states kept by the async
/// daemon (not running here: Marten's write cache holds each track's state after the first command, and every
/// command reads the stream version and the events after the cached state in one round trip), command records, no read
/// models. <see cref="CommandInlineDecisionState"/> keeps the decision state inline instead, rewriting it with every
/// command; <see cref="CommandInlineViews"/> adds the <see cref="NegotiationState"/> and <see cref="Timeline"/> read
/// models inline. Those two have no target: they show what inline costs as a track grows.</para>
/// <para>Every command is a statement (the commonest command); the tracks grow by the statements the benchmark
/// sends, which add nothing to a decision state. PostgreSQL runs with its defaults, <c>synchronous_commit = on</c>.</para>
/// </remarks>
[MemoryDiagnoser]
public class MartenCommandBenchmarks
{
    private static readonly NegotiationDecider Decider = new();
    private readonly string _schema = Postgres.NewSchema("command");
    private readonly Dictionary<string, long> _invocations = [];
    private SyntheticTrack _track = null!;
    private Path _library = null!;
    private Path _inlineDecisions = null!;
    private Path _inlineViews = null!;
    private NpgsqlDataSource _raw = null!;
    private string _statementJson = null!;
    private string[] _rawStreams = null!;
    private int _sequence;

    /// <summary>What the raw baseline reads back as its stream's snapshot: the sides of the track.</summary>
    private const string RawSnapshot = """{"sides":["UKR","RUS","TUR","USA"]}""";

    [ParamsSource(nameof(Lengths))]
    public int Events { get; set; }

    [ParamsSource(nameof(ClientCounts))]
    public int Clients { get; set; }

    public static IEnumerable<int> Lengths => Sizes.TrackLengths;

    public static IEnumerable<int> ClientCounts => Sizes.Clients;

    /// <summary>The commands of one invocation, shared among the clients.</summary>
    private const int CommandsPerInvocation = 20;

    private int CommandsPerClient => CommandsPerInvocation / Clients;

    [GlobalSetup]
    public async Task GlobalSetup()
    {
        _track = SyntheticTrack.Create(Events);
        _library = await Path.CreateAsync(_schema + "_a", ProjectionLifecycle.Async, null, _track, Clients).ConfigureAwait(false);
        _inlineDecisions = await Path.CreateAsync(_schema + "_i", ProjectionLifecycle.Inline, null, _track, Clients).ConfigureAwait(false);
        _inlineViews = await Path.CreateAsync(_schema + "_v", ProjectionLifecycle.Async, o =>
        {
            o.AddProjection(new NegotiationStateProjection(), ProjectionLifecycle.Inline);
            o.AddProjection(new TimelineProjection(), ProjectionLifecycle.Inline);
        }, _track, Clients).ConfigureAwait(false);

        await Postgres.CreateRawTablesAsync(_schema + "_r").ConfigureAwait(false);
        _raw = NpgsqlDataSource.Create(Postgres.Require());
        var statement = (RecordStatement)_track.NextStatement(new TrackId("raw"), "raw");
        _statementJson = NegotiationJson.SerializeEvent(new StatementMade(statement.By, statement.Kind, statement.Summary, statement.Tone, statement.Agenda, statement.OccurredOn, statement.Source));
        _rawStreams = [.. Enumerable.Range(0, Clients).Select(c => $"raw-{c}")];
        foreach (var stream in _rawStreams)
        {
            await Postgres.ExecuteAsync($"""
                INSERT INTO {_schema}_r.raw_events (stream_id, version, type, data) SELECT '{stream}', v, 'statement_made.v1', '{_statementJson.Replace("'", "''", StringComparison.Ordinal)}'::jsonb FROM generate_series(1, {Events}) v;
                INSERT INTO {_schema}_r.raw_streams (id, version, snapshot) VALUES ('{stream}', {Events}, '{RawSnapshot}');
                """).ConfigureAwait(false);
        }

        // The first command of a process on a track meets Marten's schema checks and fills its write cache.
        await RunAsync(nameof(GlobalSetup), (client, id) => _library.SendAsync(client, id)).ConfigureAwait(false);
        await RunAsync(nameof(GlobalSetup), (client, id) => _inlineDecisions.SendAsync(client, id)).ConfigureAwait(false);
        await RunAsync(nameof(GlobalSetup), (client, id) => _inlineViews.SendAsync(client, id)).ConfigureAwait(false);
        await RawOptimisticAppend().ConfigureAwait(false);
        _invocations.Clear();
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = CommandsPerInvocation)]
    public Task RawOptimisticAppend() => RunAsync(nameof(RawOptimisticAppend), async (client, id) =>
    {
        await using var connection = await _raw.OpenConnectionAsync().ConfigureAwait(false);
        await using var read = new NpgsqlCommand($"SELECT version, snapshot FROM {_schema}_r.raw_streams WHERE id = $1", connection) { Parameters = { new() { Value = _rawStreams[client] } } };
        long version;
        await using (var reader = await read.ExecuteReaderAsync().ConfigureAwait(false))
        {
            await reader.ReadAsync().ConfigureAwait(false);
            version = reader.GetInt64(0);
            _ = reader.GetString(1);
        }

        await using var transaction = await connection.BeginTransactionAsync().ConfigureAwait(false);
        await using var insert = new NpgsqlCommand($"INSERT INTO {_schema}_r.raw_events (stream_id, version, type, data) VALUES ($1, $2, 'statement_made.v1', $3)", connection, transaction)
        {
            Parameters = { new() { Value = _rawStreams[client] }, new() { Value = version + 1 }, new() { Value = _statementJson, NpgsqlDbType = NpgsqlDbType.Jsonb } },
        };
        await insert.ExecuteNonQueryAsync().ConfigureAwait(false);
        await using var update = new NpgsqlCommand($"UPDATE {_schema}_r.raw_streams SET version = $2 WHERE id = $1 AND version = $3", connection, transaction)
        {
            Parameters = { new() { Value = _rawStreams[client] }, new() { Value = version + 1 }, new() { Value = version } },
        };
        if (await update.ExecuteNonQueryAsync().ConfigureAwait(false) != 1)
        {
            throw new InvalidOperationException("The raw baseline lost a race it cannot lose: each client has its own stream.");
        }

        await transaction.CommitAsync().ConfigureAwait(false);
    });

    [Benchmark(OperationsPerInvoke = CommandsPerInvocation)]
    public Task RawInsertAndCommit() => RunAsync(nameof(RawInsertAndCommit), async (client, id) =>
    {
        await using var connection = await _raw.OpenConnectionAsync().ConfigureAwait(false);
        await using var insert = new NpgsqlCommand($"INSERT INTO {_schema}_r.raw_events (stream_id, version, type, data) VALUES ($1, $2, 'statement_made.v1', $3)", connection)
        {
            Parameters = { new() { Value = _rawStreams[client] + "-plain" }, new() { Value = (long)id }, new() { Value = _statementJson, NpgsqlDbType = NpgsqlDbType.Jsonb } },
        };
        await insert.ExecuteNonQueryAsync().ConfigureAwait(false);
    });

    [Benchmark(OperationsPerInvoke = CommandsPerInvocation)]
    public Task Command() => RunAsync(nameof(Command), (client, id) => _library.SendAsync(client, id));

    [Benchmark(OperationsPerInvoke = CommandsPerInvocation)]
    public Task CommandInlineDecisionState() => RunAsync(nameof(CommandInlineDecisionState), (client, id) => _inlineDecisions.SendAsync(client, id));

    [Benchmark(OperationsPerInvoke = CommandsPerInvocation)]
    public Task CommandInlineViews() => RunAsync(nameof(CommandInlineViews), (client, id) => _inlineViews.SendAsync(client, id));

    [GlobalCleanup]
    public async Task GlobalCleanup()
    {
        // Every invocation sends CommandsPerInvocation commands; the set-up sent one invocation's worth on each path.
        var raw = await Postgres.CountAsync($"SELECT count(*) FROM {_schema}_r.raw_events WHERE stream_id NOT LIKE '%-plain'").ConfigureAwait(false);
        var plain = await Postgres.CountAsync($"SELECT count(*) FROM {_schema}_r.raw_events WHERE stream_id LIKE '%-plain'").ConfigureAwait(false);
        var rawExpected = (long)Events * Clients + CommandsPerInvocation * (1 + Invocations(nameof(RawOptimisticAppend)));
        Checks.That($"{nameof(MartenCommandBenchmarks)} {nameof(RawOptimisticAppend)} ({Events} events, {Clients} clients)", raw == rawExpected, $"{raw} rows, expected {rawExpected}");
        Checks.That($"{nameof(MartenCommandBenchmarks)} {nameof(RawInsertAndCommit)} ({Events} events, {Clients} clients)", plain == CommandsPerInvocation * Invocations(nameof(RawInsertAndCommit)), $"{plain} rows for {Invocations(nameof(RawInsertAndCommit))} invocations");
        foreach (var (name, path) in new[] { (nameof(Command), _library), (nameof(CommandInlineDecisionState), _inlineDecisions), (nameof(CommandInlineViews), _inlineViews) })
        {
            var expected = Events + CommandsPerClient * (1 + Invocations(name));
            var versions = await path.VersionsAsync().ConfigureAwait(false);
            Checks.That($"{nameof(MartenCommandBenchmarks)} {name} ({Events} events, {Clients} clients)", versions.All(v => v == expected), $"track versions {string.Join(", ", versions)}, expected {expected}");
        }

        _library.Dispose();
        _inlineDecisions.Dispose();
        _inlineViews.Dispose();
        await _raw.DisposeAsync().ConfigureAwait(false);
        foreach (var suffix in new[] { "_a", "_i", "_v", "_r" })
        {
            await Postgres.DropAsync(_schema + suffix).ConfigureAwait(false);
        }
    }

    private long Invocations(string name) => _invocations.GetValueOrDefault(name);

    /// <summary>Runs <see cref="CommandsPerClient"/> operations on each of <see cref="Clients"/> clients at once; the work of one invocation.</summary>
    private async Task RunAsync(string name, Func<int, int, Task> operation)
    {
        _invocations[name] = _invocations.GetValueOrDefault(name) + 1;
        await Task.WhenAll(Enumerable.Range(0, Clients).Select(client => Task.Run(async () =>
        {
            for (var i = 0; i < CommandsPerClient; i++)
            {
                await operation(client, Interlocked.Increment(ref _sequence)).ConfigureAwait(false);
            }
        }))).ConfigureAwait(false);
    }

    /// <summary>One way of sending commands: a Marten store of its own, with its tracks, one per client.</summary>
    private sealed class Path : IDisposable
    {
        private readonly DocumentStore _store;
        private readonly CommandService<NegotiationDecisionState, NegotiationCommand, INegotiationEvent> _service;
        private readonly TrackId[] _tracks;
        private readonly SyntheticTrack _track;

        private Path(DocumentStore store, TrackId[] tracks, SyntheticTrack track)
        {
            _store = store;
            _tracks = tracks;
            _track = track;
            _service = new(Decider, new MartenEventStore(store, NegotiationEvents.Catalog), NegotiationCommandFingerprints.Instance);
        }

        public static async Task<Path> CreateAsync(string schema, ProjectionLifecycle decisionStates, Action<StoreOptions>? configure, SyntheticTrack track, int clients)
        {
            var store = await Postgres.NegotiationsStoreAsync(schema, decisionStates, configure).ConfigureAwait(false);
            var tracks = Enumerable.Range(0, clients).Select(c => new TrackId($"track-{c}")).ToArray();
            var importer = new CommandImporter<NegotiationDecisionState, NegotiationCommand, INegotiationEvent>(Decider, new MartenEventStore(store, NegotiationEvents.Catalog), NegotiationCommandFingerprints.Instance);
            var imported = await importer.ImportAsync(tracks.SelectMany(track.CommandsFor)).ConfigureAwait(false);
            if (!imported.Succeeded)
            {
                throw new InvalidOperationException($"The benchmark tracks were not imported: {string.Join("; ", imported.Streams.Select(s => s.Error))}");
            }

            return new Path(store, tracks, track);
        }

        public async Task SendAsync(int client, int id)
        {
            var result = await _service.HandleAsync(_track.NextStatement(_tracks[client], $"statement-{id}")).ConfigureAwait(false);
            if (result.Outcome != CommandOutcome.Accepted)
            {
                throw new InvalidOperationException($"A benchmark command was {result.Outcome}: {result.Error?.Code} {result.Error?.Message}");
            }
        }

        public async Task<long[]> VersionsAsync()
        {
            var store = new MartenEventStore(_store, NegotiationEvents.Catalog);
            var versions = new long[_tracks.Length];
            for (var i = 0; i < _tracks.Length; i++)
            {
                var tail = await store.ReadStreamAsync(StreamKey.Of(_tracks[i].Value), 1).ConfigureAwait(false);
                versions[i] = tail.Count == 0 ? 0 : tail[^1].Version;
            }

            return versions;
        }

        public void Dispose() => _store.Dispose();
    }
}
