using System.Text.Json;
using BenchmarkDotNet.Attributes;
using JasperFx.Events.Projections;
using Marten;
using Marten.Events;
using Negotiations.EventSourcing;
using Negotiations.Marten;
using Negotiations.Serialization;
using Negotiations.Tests.Shared;
using Npgsql;

namespace Negotiations.Benchmarks;

/// <summary>
/// The current <see cref="NegotiationState"/> of a track of 10,000 events, read from PostgreSQL by
/// <see cref="INegotiationReader.GetStateAsync"/> with the view registered async (as <c>UseMarten</c> recommends) and
/// kept up to date by the daemon: Marten's <c>FetchLatest</c> of the stored view and the (no) events after it.
/// </summary>
/// <remarks>
/// The baseline, <see cref="RawReadView"/>, reads the same stored view row with Npgsql and deserializes its view with
/// System.Text.Json and the library's contract: the target is at least 0.7 of its speed (<c>Ratio</c> at most 1.43).
/// <see cref="RawReadEvents"/> reads the track's 10,000 events raw and deserializes each (what folding the track
/// would start with), for comparison.
/// </remarks>
[MemoryDiagnoser]
public class MartenReadBenchmarks
{
    private readonly string _schema = Postgres.NewSchema("read");
    private readonly TrackId _track = new("benchmark-read");
    private DocumentStore _store = null!;
    private INegotiationReader _reader = null!;
    private NpgsqlDataSource _raw = null!;

    [GlobalSetup]
    public async Task GlobalSetup()
    {
        _store = await Postgres.NegotiationsStoreAsync(_schema, ProjectionLifecycle.Async, o => o.AddProjection(new NegotiationStateProjection(), ProjectionLifecycle.Async)).ConfigureAwait(false);
        var events = new MartenEventStore(_store, NegotiationEvents.Catalog);
        await new CommandImporter<NegotiationDecisionState, NegotiationCommand, INegotiationEvent>(new NegotiationDecider(), events, NegotiationCommandFingerprints.Instance)
            .ImportAsync(SyntheticTrack.Create(Sizes.ReadTrackLength).CommandsFor(_track)).ConfigureAwait(false);
        using (var daemon = await _store.BuildProjectionDaemonAsync().ConfigureAwait(false))
        {
            await daemon.StartAllAsync().ConfigureAwait(false);
            await _store.WaitForNonStaleProjectionDataAsync(TimeSpan.FromMinutes(5)).ConfigureAwait(false);
            await daemon.StopAllAsync().ConfigureAwait(false);
        }

        _reader = Readers.Over(events, new MartenViews(_store));
        _raw = NpgsqlDataSource.Create(Postgres.Require());

        var library = JsonSerializer.Serialize(await ReaderState().ConfigureAwait(false), NegotiationJson.Options);
        var raw = JsonSerializer.Serialize(await RawReadView().ConfigureAwait(false), NegotiationJson.Options);
        var folded = JsonSerializer.Serialize(new NegotiationStateProjection().Project(_track.Value, await events.ReadStreamAsync(StreamKey.Of(_track.Value)).ConfigureAwait(false)), NegotiationJson.Options);
        Checks.That($"{nameof(MartenReadBenchmarks)} the reader, the raw read and a fold give the same state", library == raw && raw == folded, $"{library.Length}, {raw.Length} and {folded.Length} characters of JSON");
        Checks.That($"{nameof(MartenReadBenchmarks)} the raw event read reads every event", (await RawReadEvents().ConfigureAwait(false)) == Sizes.ReadTrackLength, $"{Sizes.ReadTrackLength} events");
    }

    [Benchmark(Baseline = true)]
    public async Task<NegotiationState> RawReadView()
    {
        await using var connection = await _raw.OpenConnectionAsync().ConfigureAwait(false);
        await using var command = new NpgsqlCommand($"SELECT data FROM {_schema}.mt_doc_negotiation_state WHERE id = $1", connection) { Parameters = { new() { Value = _track.Value } } };
        await using var reader = await command.ExecuteReaderAsync().ConfigureAwait(false);
        await reader.ReadAsync().ConfigureAwait(false);
        using var document = JsonDocument.Parse(reader.GetString(0));
        return document.RootElement.GetProperty("view").Deserialize<NegotiationState>(NegotiationJson.Options)!;
    }

    [Benchmark]
    public async Task<NegotiationState> ReaderState() => (await _reader.GetStateAsync(_track).ConfigureAwait(false))!;

    [Benchmark]
    public async Task<int> RawReadEvents()
    {
        await using var connection = await _raw.OpenConnectionAsync().ConfigureAwait(false);
        await using var command = new NpgsqlCommand($"SELECT type, data FROM {_schema}.mt_events WHERE stream_id = $1 ORDER BY version", connection) { Parameters = { new() { Value = _track.Value } } };
        await using var reader = await command.ExecuteReaderAsync().ConfigureAwait(false);
        var count = 0;
        while (await reader.ReadAsync().ConfigureAwait(false))
        {
            using var data = JsonDocument.Parse(reader.GetString(1));
            _ = NegotiationJson.DeserializeEvent(reader.GetString(0), data.RootElement);
            count++;
        }

        return count;
    }

    [GlobalCleanup]
    public async Task GlobalCleanup()
    {
        _store.Dispose();
        await _raw.DisposeAsync().ConfigureAwait(false);
        await Postgres.DropAsync(_schema).ConfigureAwait(false);
    }
}
