using FluentAssertions;
using JasperFx.Events.Projections;
using Negotiations.EventSourcing;
using Negotiations.Serialization;
using Negotiations.Tests.Shared;
using Xunit;

namespace Negotiations.Marten.Tests;

/// <summary>The import contract on PostgreSQL: new tracks by COPY, existing ones by batched appends.</summary>
public sealed class MartenImportTests(PostgresSchema<MartenImportTests> schema) : ImportContract, IClassFixture<PostgresSchema<MartenImportTests>>
{
    protected override IEventStore CreateStore() => Task.Run(async () => new MartenEventStore(await StoreAsync(), NegotiationEvents.Catalog)).GetAwaiter().GetResult();

    private Task<global::Marten.DocumentStore> StoreAsync() => schema.SharedStoreAsync(o =>
    {
        o.AddNegotiations(NegotiationEvents.Catalog, NegotiationJson.Options, ProjectionLifecycle.Inline);
        o.AddProjection(new NegotiationStateProjection(), ProjectionLifecycle.Inline);
    });

    [Fact]
    public async Task A_track_imported_by_copy_has_its_decision_state_and_inline_views_written_as_the_projections_would()
    {
        var marten = await StoreAsync();
        var store = new MartenEventStore(marten, NegotiationEvents.Catalog);
        var track = $"copy-{Guid.NewGuid():N}"[..24];
        var commands = Scripts.ScriptReader.ReadFiles(global::Negotiations.Tests.RepositoryPaths.Seed.Article, global::Negotiations.Tests.RepositoryPaths.Seed.Script).Commands.Select(c => c with { Track = new TrackId(track) });

        await new CommandImporter<NegotiationDecisionState, NegotiationCommand, INegotiationEvent>(new NegotiationDecider(), store, NegotiationCommandFingerprints.Instance).ImportAsync(commands);

        var events = await store.ReadStreamAsync(StreamKey.Of(track));
        var views = new MartenViews(marten);
        var state = await views.LoadAsync<NegotiationState>(track);
        state!.EventCount.Should().Be(events.Count);
        state.View.Should().BeEquivalentTo(new NegotiationStateProjection().Project(track, events), o => o.WithStrictOrdering());
        var decision = await views.LoadAsync<NegotiationDecisionState>(track);
        decision!.EventCount.Should().Be(events.Count);
        decision.View.Should().BeEquivalentTo(new NegotiationDecider().State.Project(track, events), o => o.WithStrictOrdering());
    }
}
