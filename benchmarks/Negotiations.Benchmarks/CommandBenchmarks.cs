using BenchmarkDotNet.Attributes;
using Negotiations.EventSourcing;
using NegotiationCommandService = Negotiations.EventSourcing.CommandService<Negotiations.NegotiationState, Negotiations.NegotiationCommand, Negotiations.INegotiationEvent>;

namespace Negotiations.Benchmarks;

/// <summary>
/// One command through <see cref="NegotiationCommandService"/> on an <see cref="InMemoryEventStore"/>, on a track that
/// already holds <see cref="Events"/> events. The service reads the whole stream and folds it for every command, so
/// this is the cost a caller pays per command as a track grows.
/// </summary>
/// <remarks>
/// <para>An accepted command appends an event, so a stream would grow with every invocation and the benchmark would
/// drift. Each iteration therefore starts from a fresh store holding <see cref="StreamsPerIteration"/> copies of the
/// track (built in <see cref="IterationSetup"/>, outside the measurement), and each invocation sends its command to
/// the next copy: every measured command meets a stream of exactly <see cref="Events"/> events.</para>
/// </remarks>
[MemoryDiagnoser]
[InvocationCount(StreamsPerIteration)]
public class CommandBenchmarks
{
    /// <summary>Invocations per iteration, one per copy of the track.</summary>
    public const int StreamsPerIteration = 64;

    private SyntheticTrack _track = null!;
    private NegotiationCommand[] _next = null!;
    private NegotiationCommand[] _repeats = null!;
    private NegotiationCommandService _service = null!;
    private int _invocation;

    /// <summary>The number of events on the track before the command.</summary>
    [Params(10, 100, 1000)]
    public int Events { get; set; }

    [GlobalSetup]
    public void GlobalSetup()
    {
        _track = SyntheticTrack.Create(Events);
        _next = [.. Enumerable.Range(0, StreamsPerIteration).Select(i => _track.NextStatement(TrackOf(i), "next-statement"))];
        _repeats = [.. Enumerable.Range(0, StreamsPerIteration).Select(i => _track.RepeatOfLast(TrackOf(i)))];

        // Measure what the names say: the new statement is accepted, the repeat is recognised.
        IterationSetup();
        Expect(Accepted().GetAwaiter().GetResult(), CommandOutcome.Accepted, nameof(Accepted));
        Expect(Repeated().GetAwaiter().GetResult(), CommandOutcome.AlreadyApplied, nameof(Repeated));
    }

    [IterationSetup]
    public void IterationSetup()
    {
        var store = new InMemoryEventStore(NegotiationEvents.Catalog);
        for (var i = 0; i < StreamsPerIteration; i++)
        {
            _track.AppendToAsync(store, TrackOf(i).Value).GetAwaiter().GetResult();
        }

        _service = new NegotiationCommandService(new NegotiationDecider(), store);
        _invocation = 0;
    }

    /// <summary>A new statement: read the stream, fold it, decide, append one event.</summary>
    [Benchmark(Baseline = true)]
    public Task<CommandResult<NegotiationState>> Accepted() => _service.HandleAsync(_next[_invocation++]);

    /// <summary>The track's last command sent again (a client retry): read, find the command id, fold, append nothing.</summary>
    [Benchmark]
    public Task<CommandResult<NegotiationState>> Repeated() => _service.HandleAsync(_repeats[_invocation++]);

    private static TrackId TrackOf(int copy) => new($"track-{copy:D3}");

    private static void Expect(CommandResult<NegotiationState> result, CommandOutcome outcome, string benchmark)
    {
        if (result.Outcome != outcome)
        {
            throw new InvalidOperationException($"{benchmark}: expected {outcome}, got {result.Outcome} ({result.Error?.Code}).");
        }
    }
}
