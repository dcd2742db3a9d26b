using FluentAssertions;
using JasperFx.Events.Projections;
using Microsoft.Extensions.DependencyInjection;
using Negotiations.EventSourcing;
using Negotiations.Scripts;
using Negotiations.Serialization;
using Negotiations.Tests;
using Xunit;

namespace Negotiations.Marten.Tests;

/// <summary>
/// The seed article's replay script through the real command path, once on Marten and once in memory: the same
/// events, the same state, and inline snapshots of the state and timeline equal to folding the stream.
/// </summary>
public sealed class SeedOnMartenTests(PostgresSchema<SeedOnMartenTests> schema) : IClassFixture<PostgresSchema<SeedOnMartenTests>>
{
    private static ReplayScript Seed()
    {
        return ScriptReader.ReadFiles(RepositoryPaths.Seed.Article, RepositoryPaths.Seed.Script);
    }

    private static async Task<string> ReplayAsync(IServiceProvider services, ReplayScript script)
    {
        var commands = services.GetRequiredService<INegotiationCommands>();
        foreach (var command in script.Commands)
        {
            var result = await commands.SendAsync(command);
            result.Outcome.Should().Be(CommandOutcome.Accepted, $"command {command.CommandId.Value} of the seed is accepted ({result.Error?.Code}: {result.Error?.Message})");
        }

        return script.Commands.Select(c => ((IStreamCommand)c).StreamId).Distinct().Single();
    }

    [Fact]
    public async Task The_seed_replayed_on_marten_gives_the_same_events_and_state_as_in_memory_with_inline_snapshots_equal_to_the_fold()
    {
        var connectionString = await schema.ConnectionStringAsync();
        var script = Seed();
        var marten = new ServiceCollection();
        marten.AddLogging();
        marten.AddNegotiations().UseMarten(o =>
        {
            o.ConnectionString = connectionString;
            o.SchemaName = schema.Name;
            o.AddProjection(new NegotiationStateProjection(), ProjectionLifecycle.Inline);
            o.AddProjection(new TimelineProjection(), ProjectionLifecycle.Inline);
        });
        var memory = new ServiceCollection();
        memory.AddNegotiations().UseInMemoryStore();
        await using var onMarten = marten.BuildServiceProvider();
        await using var inMemory = memory.BuildServiceProvider();

        var track = await ReplayAsync(onMarten, script);
        await ReplayAsync(inMemory, script);

        var martenEvents = await onMarten.GetRequiredService<IEventStore>().ReadStreamAsync(StreamKey.Of(track));
        var memoryEvents = await inMemory.GetRequiredService<IEventStore>().ReadStreamAsync(StreamKey.Of(track));
        martenEvents.Select(e => (e.Version, e.EventType, e.Metadata))
            .Should().Equal(memoryEvents.Select(e => (e.Version, e.EventType, e.Metadata)));
        martenEvents.Select(e => NegotiationJson.SerializeEvent((INegotiationEvent)e.Data))
            .Should().Equal(memoryEvents.Select(e => NegotiationJson.SerializeEvent((INegotiationEvent)e.Data)));

        var decisions = new NegotiationDecider().State;
        var martenDecisionState = await onMarten.GetRequiredService<MartenViews>().LoadLatestAsync<NegotiationDecisionState>(StreamKey.Of(track));
        martenDecisionState.Should().BeEquivalentTo(decisions.Project(track, memoryEvents), o => o.WithStrictOrdering());

        var views = onMarten.GetRequiredService<MartenViews>();
        var state = await views.LoadAsync<NegotiationState>(track);
        var timeline = await views.LoadAsync<Timeline>(track);
        state!.EventCount.Should().Be(martenEvents.Count);
        state.View.Should().BeEquivalentTo(new NegotiationStateProjection().Project(track, martenEvents), o => o.WithStrictOrdering());
        state.View.Should().BeEquivalentTo((await views.AggregateAsync<NegotiationState>(track))!.View, o => o.WithStrictOrdering());
        // A dictionary has no order, and jsonb keeps object keys in an order of its own.
        timeline!.View.Should().BeEquivalentTo(new TimelineProjection().Project(track, memoryEvents), o => o.WithStrictOrdering().WithoutStrictOrderingFor(t => t.ProposalKinds));
        timeline.View.Entries.Should().NotBeEmpty();
    }
}
