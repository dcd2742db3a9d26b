using Microsoft.Extensions.Time.Testing;
using Negotiations.EventSourcing;
using Negotiations.Scripts;
using Negotiations.Serialization;
using Negotiations.Tests;

namespace Negotiations.Testing.Tests;

/// <summary>The seed article replayed through the command service into an in-memory store, at a fixed record time.</summary>
internal static class SeedHistory
{
    public const string Track = "russia-ukraine-2025";

    public static readonly DateOnly Published = new(2025, 7, 21);

    /// <summary>The committed history file captured from the seed (see <see cref="EventHistoryTests"/>).</summary>
    public static string HistoryFile => Path.Combine(RepositoryPaths.Root, "tests", "Negotiations.Testing.Tests", "histories", "russia-ukraine-2025.history.json");

    public static async Task<InMemoryEventStore> ReplayAsync()
    {
        var store = new InMemoryEventStore(NegotiationEvents.Catalog, new FakeTimeProvider(new DateTimeOffset(2025, 7, 21, 20, 0, 0, TimeSpan.Zero)));
        var service = new CommandService<NegotiationDecisionState, NegotiationCommand, INegotiationEvent>(new NegotiationDecider(), store, NegotiationCommandFingerprints.Instance);
        var script = ScriptReader.ReadFiles(RepositoryPaths.Seed.Article, RepositoryPaths.Seed.Script);
        foreach (var command in script.Commands)
        {
            var result = await service.HandleAsync(command);
            if (!result.Succeeded)
            {
                throw new InvalidOperationException($"The seed entry '{command.CommandId}' was refused: {result.Error}");
            }
        }

        return store;
    }
}
