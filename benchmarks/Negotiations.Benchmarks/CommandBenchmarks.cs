using Negotiations.Tests.Shared;
using System.Diagnostics;
using BenchmarkDotNet.Attributes;
using Negotiations.EventSourcing;
using NegotiationCommandService = Negotiations.EventSourcing.CommandService<Negotiations.NegotiationDecisionState, Negotiations.NegotiationCommand, Negotiations.INegotiationEvent>;

namespace Negotiations.Benchmarks;

/// <summary>
/// One command through <see cref="NegotiationCommandService"/> on an <see cref="InMemoryEventStore"/>, on a track that
/// already holds <see cref="EventCount"/> events. The service reads the whole stream and folds it for every command, so
/// this is the cost a caller pays per command as a track grows.
/// </summary>
/// <remarks>
/// <para>An accepted command appends an event, so a stream would grow with every invocation and the benchmark would
/// drift. Each iteration therefore starts from a fresh store holding <see cref="Copies"/> copies of the track (built in
/// <see cref="IterationSetup"/>, outside the measurement), and each invocation sends its command to the next copy:
/// every measured command meets a stream of exactly <see cref="EventCount"/> events. The invocation count is fixed to
/// the number of copies, per class: many copies for short tracks, so that the fixed cost of starting an iteration on
/// fresh memory is spread over enough commands (with 64, the figure for 100 events came out four times too high); few
/// for long ones, whose commands are long enough.</para>
/// </remarks>
public abstract class CommandBenchmarks
{
    private SyntheticTrack _track = null!;
    private NegotiationCommand[] _next = null!;
    private NegotiationCommand[] _repeats = null!;
    private NegotiationCommandService _service = null!;
    private int _invocation;

    /// <summary>The number of events on the track before the command.</summary>
    protected abstract int EventCount { get; }

    /// <summary>Copies of the track per iteration: the invocation count of the class.</summary>
    protected abstract int Copies { get; }

    [GlobalSetup]
    public void GlobalSetup()
    {
        _track = SyntheticTrack.Create(EventCount);
        _next = [.. Enumerable.Range(0, Copies).Select(i => _track.NextStatement(TrackOf(i), "next-statement"))];
        _repeats = [.. Enumerable.Range(0, Copies).Select(i => _track.RepeatOfLast(TrackOf(i)))];

        // Measure what the names say: the new statement is accepted, the repeat is recognised.
        IterationSetup();
        Expect(Accepted().GetAwaiter().GetResult(), CommandOutcome.Accepted, nameof(Accepted));
        Expect(Repeated().GetAwaiter().GetResult(), CommandOutcome.AlreadyApplied, nameof(Repeated));

        WarmUp();
    }

    [IterationSetup]
    public void IterationSetup()
    {
        var store = new InMemoryEventStore(NegotiationEvents.Catalog);
        for (var i = 0; i < Copies; i++)
        {
            _track.AppendToAsync(store, TrackOf(i).Value).GetAwaiter().GetResult();
        }

        _service = new NegotiationCommandService(new NegotiationDecider(), store, Negotiations.Serialization.NegotiationCommandFingerprints.Instance);
        _invocation = 0;
    }

    /// <summary>A new statement: read the stream, fold it, decide, append one event.</summary>
    [Benchmark(Baseline = true)]
    public Task<CommandResult> Accepted() => _service.HandleAsync(_next[_invocation++]);

    /// <summary>The track's last command sent again (a client retry): read, find the command id, fold, append nothing.</summary>
    [Benchmark]
    public Task<CommandResult> Repeated() => _service.HandleAsync(_repeats[_invocation++]);

    /// <summary>
    /// Runs both command paths for a second before BenchmarkDotNet measures, so that the measured iterations run the
    /// JIT's optimised code even when the job's own warm-up is short (a fixed invocation count has no pilot stage).
    /// </summary>
    private void WarmUp()
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromSeconds(1))
        {
            IterationSetup();
            for (var i = 0; i < Copies; i++)
            {
                Accepted().GetAwaiter().GetResult();
            }

            IterationSetup();
            for (var i = 0; i < Copies; i++)
            {
                Repeated().GetAwaiter().GetResult();
            }
        }
    }

    private static TrackId TrackOf(int copy) => new($"track-{copy:D4}");

    private static void Expect(CommandResult result, CommandOutcome outcome, string benchmark)
    {
        if (result.Outcome != outcome)
        {
            throw new InvalidOperationException($"{benchmark}: expected {outcome}, got {result.Outcome} ({result.Error?.Code}).");
        }
    }
}

/// <summary><see cref="CommandBenchmarks"/> on tracks of 10 and 100 events, 2048 commands an iteration.</summary>
[MemoryDiagnoser]
[InvocationCount(Commands)]
public class ShortTrackCommandBenchmarks : CommandBenchmarks
{
    private const int Commands = 2048;

    /// <summary>The number of events on the track before the command.</summary>
    [Params(10, 100)]
    public int Events { get; set; }

    protected override int EventCount => Events;

    protected override int Copies => Commands;
}

/// <summary><see cref="CommandBenchmarks"/> on a track of 1000 events, 64 commands an iteration.</summary>
[MemoryDiagnoser]
[InvocationCount(Commands)]
public class LongTrackCommandBenchmarks : CommandBenchmarks
{
    private const int Commands = 64;

    /// <summary>The number of events on the track before the command.</summary>
    [Params(1000)]
    public int Events { get; set; }

    protected override int EventCount => Events;

    protected override int Copies => Commands;
}
