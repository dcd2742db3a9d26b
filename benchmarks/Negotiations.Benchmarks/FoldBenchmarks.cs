using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Negotiations.EventSourcing;
using Negotiations.Tests.Shared;

namespace Negotiations.Benchmarks;

/// <summary>
/// Folding a stored track of <see cref="Events"/> events in memory, reported in world order or in reverse: the decision
/// state (what the write path folds when it has no snapshot) against a hand-written mutable fold of the same state,
/// and the <see cref="NegotiationState"/> read model (and the <see cref="Timeline"/>) against a hand-written mutable
/// fold of the same picture. Each category has its own baseline, so <c>Ratio</c> is time against the hand-written
/// fold of the same state.
/// </summary>
/// <remarks>
/// Targets: the decision fold at least 0.5 of its baseline's speed (Ratio at most 2), with allocations per event at
/// most 2x its baseline's and the same at 1,000 and 10,000 events; the read-model fold at least 0.25 (Ratio at most
/// 4), its time per event at 10,000 within 1.3x and its allocations per event within 1.1x of those at 1,000. The
/// reversed track has every fact reported before the ones already recorded, the worst case of world order.
/// </remarks>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class FoldBenchmarks
{
    private static readonly NegotiationDecider Decider = new();
    private RecordedEvent[] _events = null!;

    [ParamsSource(nameof(Lengths))]
    public int Events { get; set; }

    [Params(Reporting.InWorldOrder, Reporting.Reversed)]
    public Reporting Reported { get; set; }

    public static IEnumerable<int> Lengths => Sizes.FoldLengths;

    [GlobalSetup]
    public void GlobalSetup()
    {
        var track = SyntheticTrack.Create(Events, Reported);
        _events = [.. track.Decided.Select((d, i) => new RecordedEvent(StreamKey.Of("benchmark-track"), i + 1, i + 1, NegotiationEvents.Catalog.NameOf(d.Event.GetType()), d.Event, d.Metadata, DateTimeOffset.UnixEpoch))];
        Checks.That($"{nameof(FoldBenchmarks)} decision state, {Events} events {Reported}", HandWrittenFolds.Of(DecisionState()) == HandWrittenDecisionState().Summarize(), $"{HandWrittenFolds.Of(DecisionState())} vs {HandWrittenDecisionState().Summarize()}");
        Checks.That($"{nameof(FoldBenchmarks)} read model, {Events} events {Reported}", HandWrittenFolds.Of(State()) == HandWrittenState().Summarize(), $"{HandWrittenFolds.Of(State())} vs {HandWrittenState().Summarize()}");
    }

    [Benchmark(Baseline = true)]
    [BenchmarkCategory("decision state")]
    public HandWrittenFolds.DecisionState HandWrittenDecisionState()
    {
        var fold = new HandWrittenFolds.DecisionState();
        foreach (var e in _events)
        {
            fold.Apply(e);
        }

        return fold;
    }

    [Benchmark]
    [BenchmarkCategory("decision state")]
    public NegotiationDecisionState DecisionState() => Decider.State.Project("benchmark-track", _events);

    [Benchmark(Baseline = true)]
    [BenchmarkCategory("read model")]
    public HandWrittenFolds.StateFold HandWrittenState()
    {
        var fold = new HandWrittenFolds.StateFold();
        foreach (var e in _events)
        {
            fold.Apply(e);
        }

        fold.Finish();
        return fold;
    }

    [Benchmark]
    [BenchmarkCategory("read model")]
    public NegotiationState State() => new NegotiationStateProjection().Project("benchmark-track", _events);

    [Benchmark]
    [BenchmarkCategory("read model")]
    public Timeline Timeline() => new TimelineProjection().Project("benchmark-track", _events);
}
