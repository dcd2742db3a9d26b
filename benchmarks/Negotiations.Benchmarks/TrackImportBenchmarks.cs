using Negotiations.Tests.Shared;
using BenchmarkDotNet.Attributes;
using Negotiations.EventSourcing;
using NegotiationCommandService = Negotiations.EventSourcing.CommandService<Negotiations.NegotiationDecisionState, Negotiations.NegotiationCommand, Negotiations.INegotiationEvent>;

namespace Negotiations.Benchmarks;

/// <summary>
/// Recording a whole track command by command, as an import of a long history or a replay script does: the
/// <see cref="Events"/> commands of a synthetic track sent in order through a new
/// <see cref="NegotiationCommandService"/> on a new <see cref="InMemoryEventStore"/>. Each command pays for the track
/// recorded before it (<see cref="CommandBenchmarks"/>), so this shows what that adds up to.
/// </summary>
[MemoryDiagnoser]
public class TrackImportBenchmarks
{
    private NegotiationCommand[] _commands = null!;

    /// <summary>The number of commands (and events) of the track.</summary>
    [Params(100, 1000)]
    public int Events { get; set; }

    [GlobalSetup]
    public void GlobalSetup() => _commands = [.. SyntheticTrack.Create(Events).Decided.Select(d => d.Command)];

    [Benchmark]
    public async Task<long> SendEveryCommand()
    {
        var service = new NegotiationCommandService(new NegotiationDecider(), new InMemoryEventStore(NegotiationEvents.Catalog), Negotiations.Serialization.NegotiationCommandFingerprints.Instance);
        var version = 0L;
        foreach (var command in _commands)
        {
            var result = await service.HandleAsync(command).ConfigureAwait(false);
            if (result.Outcome != CommandOutcome.Accepted)
            {
                throw new InvalidOperationException($"{command.GetType().Name} '{command.CommandId}' was {result.Outcome}: {result.Error?.Code}.");
            }

            version = result.StreamVersion;
        }

        return version;
    }
}
