using CsCheck;
using FluentAssertions;
using JasperFx.Events.Projections;
using Negotiations.EventSourcing;
using Negotiations.Serialization;
using Negotiations.Tests.Shared;
using Xunit;

namespace Negotiations.Marten.Tests;

/// <summary>
/// The properties of <see cref="CommandSequenceProperties"/> over 200 generated sequences of up to 30 commands (26 and up to 3 sent again, after the opening) on
/// PostgreSQL, the read models inline; each sequence also runs in memory, and both stores keep the same events, the
/// same decision state and the same <see cref="NegotiationState"/>. A failure prints CsCheck's seed (replay it with
/// <c>CsCheck_Seed</c>).
/// </summary>
public sealed class MartenCommandSequencePropertyTests(PostgresSchema<MartenCommandSequencePropertyTests> schema) : IClassFixture<PostgresSchema<MartenCommandSequencePropertyTests>>
{
    [Fact]
    public async Task Any_sequence_of_commands_gives_the_same_events_and_states_on_postgresql_as_in_memory()
    {
        var store = await schema.SharedStoreAsync(o =>
        {
            o.AddNegotiations(NegotiationEvents.Catalog, NegotiationJson.Options, ProjectionLifecycle.Inline);
            o.AddProjection(new NegotiationStateProjection(), ProjectionLifecycle.Inline);
        });
        var events = new MartenEventStore(store, NegotiationEvents.Catalog);
        var views = new MartenViews(store);
        var sequences = 0;
        var tracks = 0;

        await CommandSequenceProperties.SampleAsync(
            Gen.Const(() => new TrackId($"generated-{Interlocked.Increment(ref tracks)}-{Guid.NewGuid():N}"[..40]))
                .SelectMany(track => CommandSequences.Sequence(track, 26)),
            async commands =>
            {
                var track = commands[0].Track;
                var onPostgres = await CommandSequenceProperties.RunAsync(events, track, commands, views);
                var inMemory = await CommandSequenceProperties.RunAsync(new InMemoryEventStore(NegotiationEvents.Catalog), track, commands);

                onPostgres.Events.Should().Equal(inMemory.Events);
                onPostgres.DecisionState.Should().Be(inMemory.DecisionState);
                onPostgres.State.Should().Be(inMemory.State);
                Interlocked.Increment(ref sequences);
            },
            iterations: 200,
            threads: 2);

        sequences.Should().BeGreaterThanOrEqualTo(200);
    }
}
