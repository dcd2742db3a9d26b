using Negotiations.Tests.Shared;
using BenchmarkDotNet.Attributes;
using Negotiations.EventSourcing;

namespace Negotiations.Benchmarks;

/// <summary>
/// Folding a track of <see cref="Events"/> stored events into its <see cref="NegotiationState"/> and its
/// <see cref="Timeline"/>, with every fact and as of a day in the middle of the track (about half the facts have
/// happened by then). The events are read from an <see cref="InMemoryEventStore"/> once, outside the measurement: this
/// is the fold alone, as <c>NegotiationReader</c>, the command service or a Marten live projection runs it.
/// </summary>
[MemoryDiagnoser]
public class ProjectionBenchmarks
{
    private const string StreamId = "benchmark-track";

    private IReadOnlyList<RecordedEvent> _events = null!;
    private NegotiationStateProjection _state = null!;
    private NegotiationStateProjection _stateAsOf = null!;
    private TimelineProjection _timeline = null!;
    private TimelineProjection _timelineAsOf = null!;

    /// <summary>The number of events on the track.</summary>
    [Params(10, 100, 1000)]
    public int Events { get; set; }

    [GlobalSetup]
    public async Task GlobalSetup()
    {
        var track = SyntheticTrack.Create(Events);
        var store = new InMemoryEventStore(NegotiationEvents.Catalog);
        await track.AppendToAsync(store, StreamId).ConfigureAwait(false);
        _events = await store.ReadStreamAsync(StreamKey.Of(StreamId)).ConfigureAwait(false);
        _state = new NegotiationStateProjection();
        _stateAsOf = new NegotiationStateProjection(track.MiddleDay);
        _timeline = new TimelineProjection();
        _timelineAsOf = new TimelineProjection(track.MiddleDay);
    }

    [Benchmark(Baseline = true)]
    public NegotiationState State() => _state.Project(StreamId, _events);

    [Benchmark]
    public NegotiationState StateAsOfMiddleDay() => _stateAsOf.Project(StreamId, _events);

    [Benchmark]
    public Timeline Timeline() => _timeline.Project(StreamId, _events);

    [Benchmark]
    public Timeline TimelineAsOfMiddleDay() => _timelineAsOf.Project(StreamId, _events);
}
