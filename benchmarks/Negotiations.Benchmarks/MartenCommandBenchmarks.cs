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
/// raw Npgsql writes of the same shape on a table of the same shape (see <see cref="Postgres.CreateRawTablesAsync"/>)
/// and against Marten's own API doing the same write.
/// </summary>
/// <remarks>
/// <para>The baseline, <see cref="RawOptimisticAppend"/>, is the least a correct event store does per command: a
/// prepared <c>SELECT version, snapshot</c> of the stream, then <c>BEGIN</c>, the event's <c>INSERT</c>,
/// <c>UPDATE ... WHERE version = $v</c>, <c>COMMIT</c>. <see cref="RawInsertAndCommit"/> is a plain single-row insert
/// in its own transaction (no version check): the floor. <c>Ratio</c> is time per command against the baseline, so a
/// throughput ratio of at least 0.6 is a <c>Ratio</c> of at most 1.67. <see cref="MartenFetchForWriting"/> is Marten's
/// own API on the library's store options, with no library code: <c>FetchForWriting</c> of the decision snapshot,
/// <c>AppendOne</c>, <c>SaveChangesAsync</c>; it shows what of <see cref="Command"/> is Marten's.</para>
/// <para><see cref="Command"/> is the library as <c>UseMarten</c> sets it up: decision states kept by the async
/// daemon (not running here: Marten's write cache holds each track's state after the first command, and every
/// command reads the stream version and the events after the cached state in one round trip), command records, no read
/// models. <see cref="CommandInlineDecisionState"/> keeps the decision state inline instead, rewriting it with every
/// command; <see cref="CommandInlineViews"/> adds the <see cref="NegotiationState"/> and <see cref="Timeline"/> read
/// models inline. Those two have no target: they show what inline costs as a track grows.</para>
/// <para>Every command is a statement (the commonest command); the tracks grow by the statements the benchmark
/// sends, which add nothing to a decision state. PostgreSQL runs with its defaults, <c>synchronous_commit = on</c>.</para>
/// <para>BenchmarkDotNet runs each case in a process of its own; each sets up only what its case uses. Before the
/// measured iterations, each case sends <see cref="WarmUpCommands"/> commands of its own kind to short warm-up tracks:
/// Marten and Npgsql are large, and on this 2-core machine tiered compilation takes about ten seconds of commands to
/// settle, longer than BenchmarkDotNet's warm-up, so without it the figures mix the JIT's work into the commands'.</para>
/// </remarks>
[MemoryDiagnoser]
public class MartenCommandBenchmarks
{
    private static readonly NegotiationDecider Decider = new();
    private readonly string _schema = Postgres.NewSchema("command");
    private readonly Dictionary<string, long> _invocations = [];
    private SyntheticTrack _track = null!;
    private Path? _path;
    private string? _pathName;
    private NpgsqlDataSource? _raw;
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

    /// <summary>Commands sent to the warm-up tracks before the measurement (see the remarks).</summary>
    private static int WarmUpCommands => Sizes.Smoke ? 20 : 3000;

    private int CommandsPerClient => CommandsPerInvocation / Clients;

    [GlobalSetup(Targets = [nameof(RawOptimisticAppend), nameof(RawInsertAndCommit)])]
    public async Task SetUpRaw()
    {
        _track = SyntheticTrack.Create(Events);
        await Postgres.CreateRawTablesAsync(_schema + "_r").ConfigureAwait(false);
        _raw = NpgsqlDataSource.Create(Postgres.Require());
        var statement = (RecordStatement)_track.NextStatement(new TrackId("raw"), "raw");
        _statementJson = NegotiationJson.SerializeEvent(new StatementMade
        {
            By = statement.By,
            Kind = statement.Kind,
            Summary = statement.Summary,
            Tone = statement.Tone,
            Agenda = statement.Agenda,
            OccurredOn = statement.OccurredOn,
            Source = statement.Source,
        });
        _rawStreams = [.. Enumerable.Range(0, Clients).Select(c => $"raw-{c}")];
        foreach (var stream in _rawStreams.Append("raw-warm-up"))
        {
            await Postgres.ExecuteAsync($"""
                INSERT INTO {_schema}_r.raw_events (stream_id, version, type, data) SELECT '{stream}', v, 'statement_made.v1', '{_statementJson.Replace("'", "''", StringComparison.Ordinal)}'::jsonb FROM generate_series(1, {Events}) v;
                INSERT INTO {_schema}_r.raw_streams (id, version, snapshot) VALUES ('{stream}', {Events}, '{RawSnapshot}');
                """).ConfigureAwait(false);
        }

        for (var i = 0; i < WarmUpCommands; i++)
        {
            await RawAppendAsync("raw-warm-up").ConfigureAwait(false);
            await RawInsertAsync("raw-warm-up-plain", -i - 1).ConfigureAwait(false);
        }
    }

    [GlobalSetup(Targets = [nameof(Command), nameof(MartenFetchForWriting)])]
    public Task SetUpLibrary() => SetUpPathAsync("_a", ProjectionLifecycle.Async, null);

    [GlobalSetup(Target = nameof(CommandInlineDecisionState))]
    public Task SetUpInlineDecisionState() => SetUpPathAsync("_i", ProjectionLifecycle.Inline, null);

    [GlobalSetup(Target = nameof(CommandInlineViews))]
    public Task SetUpInlineViews() => SetUpPathAsync("_v", ProjectionLifecycle.Async, o =>
    {
        o.AddProjection(new NegotiationStateProjection(), ProjectionLifecycle.Inline);
        o.AddProjection(new TimelineProjection(), ProjectionLifecycle.Inline);
    });

    [Benchmark(Baseline = true, OperationsPerInvoke = CommandsPerInvocation)]
    public Task RawOptimisticAppend() => RunAsync(nameof(RawOptimisticAppend), (client, id) => RawAppendAsync(_rawStreams[client]));

    [Benchmark(OperationsPerInvoke = CommandsPerInvocation)]
    public Task RawInsertAndCommit() => RunAsync(nameof(RawInsertAndCommit), (client, id) => RawInsertAsync(_rawStreams[client] + "-plain", id));

    [Benchmark(OperationsPerInvoke = CommandsPerInvocation)]
    public Task MartenFetchForWriting() => RunAsync(nameof(MartenFetchForWriting), (client, id) => _path!.SendThroughMartenAsync(client, id));

    [Benchmark(OperationsPerInvoke = CommandsPerInvocation)]
    public Task Command() => RunAsync(nameof(Command), (client, id) => _path!.SendAsync(client, id));

    [Benchmark(OperationsPerInvoke = CommandsPerInvocation)]
    public Task CommandInlineDecisionState() => RunAsync(nameof(CommandInlineDecisionState), (client, id) => _path!.SendAsync(client, id));

    [Benchmark(OperationsPerInvoke = CommandsPerInvocation)]
    public Task CommandInlineViews() => RunAsync(nameof(CommandInlineViews), (client, id) => _path!.SendAsync(client, id));

    [GlobalCleanup]
    public async Task GlobalCleanup()
    {
        // Every invocation sends CommandsPerInvocation commands. Only the case that ran has invocations; a case that
        // ran none fails its check rather than passing it empty.
        var ran = _invocations.Where(i => i.Value > 0).Select(i => i.Key).ToList();
        Checks.That($"{nameof(MartenCommandBenchmarks)} ({Events} events, {Clients} clients) ran one case", ran.Count == 1, $"cases with invocations: {string.Join(", ", ran)}");
        if (_raw is not null)
        {
            if (ran.Contains(nameof(RawOptimisticAppend)))
            {
                var raw = await Postgres.CountAsync($"SELECT count(*) FROM {_schema}_r.raw_events WHERE stream_id LIKE 'raw-_'").ConfigureAwait(false);
                var rawExpected = (long)Events * Clients + CommandsPerInvocation * Invocations(nameof(RawOptimisticAppend));
                Checks.That($"{nameof(MartenCommandBenchmarks)} {nameof(RawOptimisticAppend)} ({Events} events, {Clients} clients)", raw == rawExpected, $"{raw} rows, expected {rawExpected}");
            }

            if (ran.Contains(nameof(RawInsertAndCommit)))
            {
                var plain = await Postgres.CountAsync($"SELECT count(*) FROM {_schema}_r.raw_events WHERE stream_id LIKE 'raw-_-plain'").ConfigureAwait(false);
                var plainExpected = CommandsPerInvocation * Invocations(nameof(RawInsertAndCommit));
                Checks.That($"{nameof(MartenCommandBenchmarks)} {nameof(RawInsertAndCommit)} ({Events} events, {Clients} clients)", plain == plainExpected, $"{plain} rows, expected {plainExpected}");
            }

            await _raw.DisposeAsync().ConfigureAwait(false);
        }

        if (_path is not null)
        {
            var sent = ran.Where(name => !name.StartsWith("Raw", StringComparison.Ordinal)).Sum(Invocations);
            var expected = Events + CommandsPerClient * (1 + sent);   // the set-up sent one invocation's worth
            var versions = await _path.VersionsAsync().ConfigureAwait(false);
            Checks.That($"{nameof(MartenCommandBenchmarks)} {string.Join("+", ran)} on {_pathName} ({Events} events, {Clients} clients)", versions.All(v => v == expected), $"track versions {string.Join(", ", versions)}, expected {expected}");
            _path.Dispose();
        }

        foreach (var suffix in new[] { "_a", "_i", "_v", "_r" })
        {
            await Postgres.DropAsync(_schema + suffix).ConfigureAwait(false);
        }
    }

    private async Task SetUpPathAsync(string suffix, ProjectionLifecycle decisionStates, Action<StoreOptions>? configure)
    {
        _track = SyntheticTrack.Create(Events);
        _pathName = suffix;
        _path = await Path.CreateAsync(_schema + suffix, decisionStates, configure, _track, Clients).ConfigureAwait(false);

        // The first command of a process on a track meets Marten's schema checks and fills its write cache; then the
        // warm-up tracks take the commands that let the JIT settle (see the remarks).
        await RunAsync("set-up", (client, id) => _path.SendAsync(client, id)).ConfigureAwait(false);
        for (var i = 0; i < WarmUpCommands; i++)
        {
            await _path.SendToWarmUpTrackAsync(i).ConfigureAwait(false);
        }

        _invocations.Clear();
    }

    private async Task RawAppendAsync(string stream)
    {
        await using var connection = await _raw!.OpenConnectionAsync().ConfigureAwait(false);
        await using var read = new NpgsqlCommand($"SELECT version, snapshot FROM {_schema}_r.raw_streams WHERE id = $1", connection) { Parameters = { new() { Value = stream } } };
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
            Parameters = { new() { Value = stream }, new() { Value = version + 1 }, new() { Value = _statementJson, NpgsqlDbType = NpgsqlDbType.Jsonb } },
        };
        await insert.ExecuteNonQueryAsync().ConfigureAwait(false);
        await using var update = new NpgsqlCommand($"UPDATE {_schema}_r.raw_streams SET version = $2 WHERE id = $1 AND version = $3", connection, transaction)
        {
            Parameters = { new() { Value = stream }, new() { Value = version + 1 }, new() { Value = version } },
        };
        if (await update.ExecuteNonQueryAsync().ConfigureAwait(false) != 1)
        {
            throw new InvalidOperationException("The raw baseline lost a race it cannot lose: each client has its own stream.");
        }

        await transaction.CommitAsync().ConfigureAwait(false);
    }

    private async Task RawInsertAsync(string stream, long version)
    {
        await using var connection = await _raw!.OpenConnectionAsync().ConfigureAwait(false);
        await using var insert = new NpgsqlCommand($"INSERT INTO {_schema}_r.raw_events (stream_id, version, type, data) VALUES ($1, $2, 'statement_made.v1', $3)", connection)
        {
            Parameters = { new() { Value = stream }, new() { Value = version }, new() { Value = _statementJson, NpgsqlDbType = NpgsqlDbType.Jsonb } },
        };
        await insert.ExecuteNonQueryAsync().ConfigureAwait(false);
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

        /// <summary>Short tracks that take the warm-up commands, a hundred each at most, so that no inline view grows long.</summary>
        private static readonly TrackId[] WarmUpTracks = [.. Enumerable.Range(0, Math.Max(1, WarmUpCommands / 100)).Select(i => new TrackId($"warm-up-{i}"))];

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
            // The warm-up tracks are short whatever the case: the JIT needs the calls, not the history.
            var imported = await importer.ImportAsync(tracks.SelectMany(track.CommandsFor).Concat(WarmUpTracks.SelectMany(SyntheticTrack.Create(10).CommandsFor))).ConfigureAwait(false);
            if (!imported.Succeeded)
            {
                throw new InvalidOperationException($"The benchmark tracks were not imported: {string.Join("; ", imported.Streams.Select(s => s.Error))}");
            }

            return new Path(store, tracks, track);
        }

        public Task SendAsync(int client, int id) => SendAsync(_tracks[client], $"statement-{id}");

        public Task SendToWarmUpTrackAsync(int id) => SendAsync(WarmUpTracks[id % WarmUpTracks.Length], $"warm-up-{id}");

        /// <summary>The same statement through Marten's own API: the snapshot fetched for writing, the event appended, saved.</summary>
        public async Task SendThroughMartenAsync(int client, int id)
        {
            var statement = (RecordStatement)_track.NextStatement(_tracks[client], $"statement-{id}");
            var session = _store.LightweightSession();
            await using (session.ConfigureAwait(false))
            {
                var stream = await session.Events.FetchForWriting<ProjectedView<NegotiationDecisionState>>(_tracks[client].Value).ConfigureAwait(false);
                stream.AppendOne(new StatementMade
                {
                    By = statement.By,
                    Kind = statement.Kind,
                    Summary = statement.Summary,
                    Tone = statement.Tone,
                    Agenda = statement.Agenda,
                    OccurredOn = statement.OccurredOn,
                    Source = statement.Source,
                });
                await session.SaveChangesAsync().ConfigureAwait(false);
            }
        }

        private async Task SendAsync(TrackId track, string commandId)
        {
            var result = await _service.HandleAsync(_track.NextStatement(track, commandId)).ConfigureAwait(false);
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
