using System.Text.Json;
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
/// Importing a newsroom's archive: <see cref="Tracks"/> new tracks of 100 events each (1,000,000 events across 10,000
/// tracks in a full run) through the <see cref="CommandImporter{TState, TCommand, TEvent}"/> into PostgreSQL, against a
/// binary <c>COPY</c> of the same rows into a table of the same shape.
/// </summary>
/// <remarks>
/// <para><see cref="Import"/> times everything the import does: deciding every command with the decider, serializing,
/// the <c>COPY</c> of the events, the command records and the decision snapshots (kept inline in this store, so the
/// import writes them). The baseline, <see cref="RawCopy"/>, serializes each event with the same JSON options and
/// copies the rows. Target: at least 0.5 of its speed (<c>Ratio</c> at most 2).</para>
/// <para><see cref="RebuildViews"/> is the read models' side, timed apart: rebuilding the <see cref="NegotiationState"/>
/// of every imported track with Marten's projection rebuild.</para>
/// <para>Each invocation imports fresh tracks; the tables grow across iterations.</para>
/// </remarks>
[MemoryDiagnoser]
public class ImportBenchmarks
{
    private static readonly NegotiationDecider Decider = new();
    private readonly string _schema = Postgres.NewSchema("import");
    private SyntheticTrack _template = null!;
    private DocumentStore _store = null!;
    private DocumentStore _views = null!;
    private NpgsqlDataSource _raw = null!;
    private CommandImporter<NegotiationDecisionState, NegotiationCommand, INegotiationEvent> _importer = null!;
    private int _run;
    private long _imported;
    private long _copied;
    private int _rebuilds;

    [ParamsSource(nameof(TrackCounts))]
    public int Tracks { get; set; }

    public static IEnumerable<int> TrackCounts => Sizes.ImportedTracks;

    [GlobalSetup]
    public async Task GlobalSetup()
    {
        _template = SyntheticTrack.Create(Sizes.EventsPerImportedTrack);
        _store = await Postgres.NegotiationsStoreAsync(_schema, ProjectionLifecycle.Inline).ConfigureAwait(false);
        _importer = new(Decider, new MartenEventStore(_store, NegotiationEvents.Catalog), NegotiationCommandFingerprints.Instance);
        await Postgres.CreateRawTablesAsync(_schema + "_r").ConfigureAwait(false);
        _raw = NpgsqlDataSource.Create(Postgres.Require());

        // The rebuild's store: one import's tracks, with the state view kept async.
        _views = await Postgres.NegotiationsStoreAsync(_schema + "_v", ProjectionLifecycle.Async, o => o.AddProjection(new NegotiationStateProjection(), ProjectionLifecycle.Async)).ConfigureAwait(false);
        var viewsImport = await new CommandImporter<NegotiationDecisionState, NegotiationCommand, INegotiationEvent>(Decider, new MartenEventStore(_views, NegotiationEvents.Catalog), NegotiationCommandFingerprints.Instance)
            .ImportAsync(Commands("views")).ConfigureAwait(false);
        Checks.That($"{nameof(ImportBenchmarks)} the rebuild's tracks", viewsImport.Succeeded && viewsImport.EventsAppended == (long)Tracks * Sizes.EventsPerImportedTrack, $"{viewsImport.EventsAppended} events imported");
    }

    [IterationSetup]
    public void IterationSetup() => _run++;

    [Benchmark(Baseline = true)]
    public async Task RawCopy()
    {
        await using var connection = await _raw.OpenConnectionAsync().ConfigureAwait(false);
        await using var writer = await connection.BeginBinaryImportAsync($"COPY {_schema}_r.raw_events (stream_id, version, type, data, timestamp) FROM STDIN (FORMAT BINARY)").ConfigureAwait(false);
        var now = DateTimeOffset.UtcNow;
        for (var t = 0; t < Tracks; t++)
        {
            var stream = $"run-{_run}-raw-{t}";
            for (var v = 0; v < _template.Decided.Count; v++)
            {
                var data = _template.Decided[v].Event;
                await writer.StartRowAsync().ConfigureAwait(false);
                await writer.WriteAsync(stream, NpgsqlDbType.Text).ConfigureAwait(false);
                await writer.WriteAsync((long)v + 1, NpgsqlDbType.Bigint).ConfigureAwait(false);
                await writer.WriteAsync(NegotiationEvents.Catalog.NameOf(data.GetType()), NpgsqlDbType.Text).ConfigureAwait(false);
                await writer.WriteAsync(JsonSerializer.SerializeToUtf8Bytes(data, data.GetType(), NegotiationJson.Options), NpgsqlDbType.Jsonb).ConfigureAwait(false);
                await writer.WriteAsync(now, NpgsqlDbType.TimestampTz).ConfigureAwait(false);
                _copied++;
            }
        }

        await writer.CompleteAsync().ConfigureAwait(false);
    }

    [Benchmark]
    public async Task Import()
    {
        var result = await _importer.ImportAsync(Commands($"run-{_run}")).ConfigureAwait(false);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"The import failed: {result.Streams.First(s => s.Error is not null).Error}");
        }

        _imported += result.EventsAppended;
    }

    [Benchmark]
    public async Task RebuildViews()
    {
        await new MartenViews(_views).RebuildAsync<NegotiationState>(TimeSpan.FromMinutes(30)).ConfigureAwait(false);
        _rebuilds++;
    }

    [GlobalCleanup]
    public async Task GlobalCleanup()
    {
        var events = await Postgres.CountAsync($"SELECT count(*) FROM {_schema}.mt_events").ConfigureAwait(false);
        var records = await Postgres.CountAsync($"SELECT count(*) FROM {_schema}.mt_doc_command_record").ConfigureAwait(false);
        var snapshots = await Postgres.CountAsync($"SELECT count(*) FROM {_schema}.mt_doc_negotiation_decision_state").ConfigureAwait(false);
        var rows = await Postgres.CountAsync($"SELECT count(*) FROM {_schema}_r.raw_events").ConfigureAwait(false);
        var views = await Postgres.CountAsync($"SELECT count(*) FROM {_schema}_v.mt_doc_negotiation_state").ConfigureAwait(false);
        Checks.That($"{nameof(ImportBenchmarks)} the import stored its events, one record per command and one snapshot per track", events == _imported && records == _imported && snapshots * Sizes.EventsPerImportedTrack == _imported, $"{events} events, {records} records, {snapshots} snapshots for {_imported} imported");
        Checks.That($"{nameof(ImportBenchmarks)} the raw copy stored its rows", rows == _copied, $"{rows} rows for {_copied} copied");
        Checks.That($"{nameof(ImportBenchmarks)} the rebuild built a view per track", _rebuilds == 0 ? views == 0 : views == Tracks, $"{views} views after {_rebuilds} rebuilds");
        _store.Dispose();
        _views.Dispose();
        await _raw.DisposeAsync().ConfigureAwait(false);
        foreach (var suffix in new[] { string.Empty, "_r", "_v" })
        {
            await Postgres.DropAsync(_schema + suffix).ConfigureAwait(false);
        }
    }

    private IEnumerable<NegotiationCommand> Commands(string prefix)
    {
        for (var t = 0; t < Tracks; t++)
        {
            foreach (var command in _template.CommandsFor(new TrackId($"{prefix}-{t}")))
            {
                yield return command;
            }
        }
    }
}

/// <summary>
/// A small archive (10 tracks of 100 events) imported command by command through the command service, as there was
/// no other way before the importer, against the importer and a binary <c>COPY</c> of the same rows.
/// </summary>
[MemoryDiagnoser]
public class CommandByCommandImportBenchmarks
{
    private const int Tracks = 10;
    private static readonly NegotiationDecider Decider = new();
    private readonly string _schema = Postgres.NewSchema("bycommand");
    private SyntheticTrack _template = null!;
    private DocumentStore _store = null!;
    private NpgsqlDataSource _raw = null!;
    private MartenEventStore _events = null!;
    private int _run;

    [GlobalSetup]
    public async Task GlobalSetup()
    {
        _template = SyntheticTrack.Create(Sizes.EventsPerImportedTrack);
        _store = await Postgres.NegotiationsStoreAsync(_schema).ConfigureAwait(false);
        _events = new MartenEventStore(_store, NegotiationEvents.Catalog);
        await Postgres.CreateRawTablesAsync(_schema + "_r").ConfigureAwait(false);
        _raw = NpgsqlDataSource.Create(Postgres.Require());
    }

    [IterationSetup]
    public void IterationSetup() => _run++;

    [Benchmark(Baseline = true)]
    public async Task RawCopy()
    {
        await using var connection = await _raw.OpenConnectionAsync().ConfigureAwait(false);
        await using var writer = await connection.BeginBinaryImportAsync($"COPY {_schema}_r.raw_events (stream_id, version, type, data) FROM STDIN (FORMAT BINARY)").ConfigureAwait(false);
        for (var t = 0; t < Tracks; t++)
        {
            for (var v = 0; v < _template.Decided.Count; v++)
            {
                var data = _template.Decided[v].Event;
                await writer.StartRowAsync().ConfigureAwait(false);
                await writer.WriteAsync($"run-{_run}-{t}", NpgsqlDbType.Text).ConfigureAwait(false);
                await writer.WriteAsync((long)v + 1, NpgsqlDbType.Bigint).ConfigureAwait(false);
                await writer.WriteAsync(NegotiationEvents.Catalog.NameOf(data.GetType()), NpgsqlDbType.Text).ConfigureAwait(false);
                await writer.WriteAsync(JsonSerializer.SerializeToUtf8Bytes(data, data.GetType(), NegotiationJson.Options), NpgsqlDbType.Jsonb).ConfigureAwait(false);
            }
        }

        await writer.CompleteAsync().ConfigureAwait(false);
    }

    [Benchmark]
    public async Task CommandByCommand()
    {
        var service = new CommandService<NegotiationDecisionState, NegotiationCommand, INegotiationEvent>(Decider, _events, NegotiationCommandFingerprints.Instance);
        for (var t = 0; t < Tracks; t++)
        {
            foreach (var command in _template.CommandsFor(new TrackId($"run-{_run}-bycommand-{t}")))
            {
                if ((await service.HandleAsync(command).ConfigureAwait(false)).Outcome != CommandOutcome.Accepted)
                {
                    throw new InvalidOperationException($"Command '{command.CommandId}' was not accepted.");
                }
            }
        }
    }

    [Benchmark]
    public async Task Import()
    {
        var commands = Enumerable.Range(0, Tracks).SelectMany(t => _template.CommandsFor(new TrackId($"run-{_run}-import-{t}")));
        var result = await new CommandImporter<NegotiationDecisionState, NegotiationCommand, INegotiationEvent>(Decider, _events, NegotiationCommandFingerprints.Instance).ImportAsync(commands).ConfigureAwait(false);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("The import failed.");
        }
    }

    [GlobalCleanup]
    public async Task GlobalCleanup()
    {
        var byCommand = await Postgres.CountAsync($"SELECT count(*) FROM {_schema}.mt_events WHERE stream_id LIKE '%-bycommand-%'").ConfigureAwait(false);
        var imported = await Postgres.CountAsync($"SELECT count(*) FROM {_schema}.mt_events WHERE stream_id LIKE '%-import-%'").ConfigureAwait(false);
        var perRun = (long)Tracks * Sizes.EventsPerImportedTrack;
        Checks.That($"{nameof(CommandByCommandImportBenchmarks)} both paths stored whole tracks", byCommand % perRun == 0 && imported % perRun == 0, $"{byCommand} and {imported} events");
        _store.Dispose();
        await _raw.DisposeAsync().ConfigureAwait(false);
        await Postgres.DropAsync(_schema).ConfigureAwait(false);
        await Postgres.DropAsync(_schema + "_r").ConfigureAwait(false);
    }
}
