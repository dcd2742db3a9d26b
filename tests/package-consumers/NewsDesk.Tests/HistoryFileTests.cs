using FluentAssertions;
using Microsoft.Extensions.DependencyInjection;
using Negotiations;
using Negotiations.EventSourcing;
using Negotiations.Testing;
using Xunit;

namespace NewsDesk.Tests;

/// <summary>The history file the projection tests replay is what the desk records, captured with the testing kit.</summary>
public sealed class HistoryFileTests
{
    [Fact]
    public async Task The_committed_history_is_what_the_desk_records_in_memory()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(new FixedClock(new DateTimeOffset(2026, 3, 18, 9, 0, 0, TimeSpan.Zero)));
        services.AddNegotiations().UseInMemoryStore();
        await using var provider = services.BuildServiceProvider();
        var commands = provider.GetRequiredService<INegotiationCommands>();
        foreach (var command in HarbourTalks.Commands)
        {
            var result = await commands.SendAsync(command, cancellationToken: cancellationToken);
            result.Outcome.Should().Be(CommandOutcome.Accepted, $"{command.CommandId} is recorded ({result.Error?.Code})");
        }

        var recorded = EventHistory.Of(await provider.GetRequiredService<IEventStore>().ReadStreamAsync(StreamKey.Of(HarbourTalks.Track.Value), cancellationToken: cancellationToken)).ToJson();
        if (Environment.GetEnvironmentVariable("NEWSDESK_UPDATE_HISTORY") == "1")
        {
            await File.WriteAllTextAsync(Histories.HarbourTalksSource, recorded, cancellationToken);
        }

        (await File.ReadAllTextAsync(Histories.HarbourTalks, cancellationToken)).ReplaceLineEndings("\n").Should().Be(recorded,
            "the history file pins what the desk records; rewrite it with NEWSDESK_UPDATE_HISTORY=1 after a deliberate change");
    }

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
