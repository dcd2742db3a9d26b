using BenchmarkDotNet.Attributes;
using Negotiations.EventSourcing;
using Negotiations.Scripts;
using Negotiations.Tests;
using NegotiationCommandService = Negotiations.EventSourcing.CommandService<Negotiations.NegotiationDecisionState, Negotiations.NegotiationCommand, Negotiations.INegotiationEvent>;

namespace Negotiations.Benchmarks;

/// <summary>
/// The seed replay in memory, end to end as the sample does it without MediatR and the console: read and check the
/// seed article and its replay script from <c>seeds/</c> (<see cref="ScriptReader.ReadFiles"/>), then send its 17
/// commands through a new <see cref="NegotiationCommandService"/> on a new <see cref="InMemoryEventStore"/>. The two
/// halves are measured apart as well.
/// </summary>
[MemoryDiagnoser]
public class SeedReplayBenchmarks
{
    private string _article = null!;
    private string _script = null!;
    private ReplayScript _read = null!;

    [GlobalSetup]
    public void GlobalSetup()
    {
        _article = RepositoryPaths.Seed.Article;
        _script = RepositoryPaths.Seed.Script;
        _read = ScriptReader.ReadFiles(_article, _script);
        if (_read.Commands.Count != 17)
        {
            throw new InvalidOperationException($"The seed script has {_read.Commands.Count} commands; the benchmark describes a replay of 17.");
        }

        var appended = SendAsync(_read).GetAwaiter().GetResult();
        if (appended != _read.Commands.Count)
        {
            throw new InvalidOperationException($"The seed replay appended {appended} events for {_read.Commands.Count} commands.");
        }
    }

    /// <summary>Read both files and check every entry and quote.</summary>
    [Benchmark]
    public ReplayScript ReadScript() => ScriptReader.ReadFiles(_article, _script);

    /// <summary>The 17 commands, read beforehand, through a new service and store.</summary>
    [Benchmark]
    public Task<int> SendCommands() => SendAsync(_read);

    /// <summary>Both: what a replay of the seed costs.</summary>
    [Benchmark(Baseline = true)]
    public Task<int> EndToEnd() => SendAsync(ScriptReader.ReadFiles(_article, _script));

    private static async Task<int> SendAsync(ReplayScript script)
    {
        var service = new NegotiationCommandService(new NegotiationDecider(), new InMemoryEventStore(NegotiationEvents.Catalog), Negotiations.Serialization.NegotiationCommandFingerprints.Instance);
        var appended = 0;
        foreach (var command in script.Commands)
        {
            var result = await service.HandleAsync(command).ConfigureAwait(false);
            if (result.Outcome != CommandOutcome.Accepted)
            {
                throw new InvalidOperationException($"Seed command '{command.CommandId}' was {result.Outcome}: {result.Error?.Code}.");
            }

            appended += result.Events.Count;
        }

        return appended;
    }
}
