using FluentAssertions;
using JasperFx.Events.Projections;
using Marten;
using Negotiations.EventSourcing;
using Negotiations.Serialization;
using Negotiations.Tests.Shared;
using Xunit;

namespace Negotiations.Marten.Tests;

/// <summary>
/// A connection lost in the middle of a command, through a proxy on the loopback interface that cuts it at a chosen
/// point: the caller gets one documented exception, <see cref="EventStoreUnavailableException"/>, saying whether the
/// outcome is unknown, and sending the command again with the same id leaves exactly one copy stored.
/// </summary>
public sealed class StoreFailureTests(PostgresSchema<StoreFailureTests> schema) : IClassFixture<PostgresSchema<StoreFailureTests>>
{
    private static readonly NegotiationDecider Decider = new();

    private async Task<(LoopbackProxy Proxy, DocumentStore Store, CommandService<NegotiationDecisionState, NegotiationCommand, INegotiationEvent> Service)> ThroughProxyAsync(string name, ProjectionLifecycle decisionStates = ProjectionLifecycle.Async)
    {
        var connectionString = await schema.ConnectionStringAsync();
        var proxy = LoopbackProxy.Start(connectionString);
        var options = new StoreOptions();
        options.Connection(proxy.ConnectionString(connectionString));
        options.DatabaseSchemaName = schema.Also(name);
        options.AddNegotiations(NegotiationEvents.Catalog, NegotiationJson.Options, decisionStates);
        var store = new DocumentStore(options);
        await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync();
        return (proxy, store, new(Decider, new MartenEventStore(store, NegotiationEvents.Catalog), NegotiationCommandFingerprints.Instance));
    }

    private static async Task<IReadOnlyList<RecordedEvent>> StoredAsync(DocumentStore store, TrackId track) =>
        await new MartenEventStore(store, NegotiationEvents.Catalog).ReadStreamAsync(StreamKey.Of(track.Value));

    private static TrackId NewTrack() => new($"fault-{Guid.NewGuid():N}"[..24]);

    [Fact]
    public async Task A_connection_cut_after_the_commit_reached_the_server_leaves_the_outcome_unknown_and_the_resend_is_a_repeat()
    {
        var (proxy, store, service) = await ThroughProxyAsync("after_commit");
        await using (proxy)
        using (store)
        {
            var track = NewTrack();
            await service.HandleAsync(BadInputs.Opening(track));
            var statement = BadInputs.Statement with { Track = track };

            proxy.Arm(Cut.AfterTheCommitReachesTheServer);
            var send = () => service.HandleAsync(statement);
            var failure = (await send.Should().ThrowAsync<EventStoreUnavailableException>()).Which;
            var resent = await service.HandleAsync(statement);

            proxy.Cuts.Should().Be(1);
            failure.OutcomeUnknown.Should().BeTrue("the commit was sent and its answer lost");
            failure.Stream.Should().Be(StreamKey.Of(track.Value));
            failure.InnerException.Should().NotBeNull();
            resent.Outcome.Should().Be(CommandOutcome.AlreadyApplied, "the first attempt was committed");
            resent.Events.Select(e => e.Version).Should().Equal(2);
            (await StoredAsync(store, track)).Select(e => e.Metadata.CommandId).Should().Equal("open", "statement");
        }
    }

    [Fact]
    public async Task A_connection_cut_before_the_commit_reached_the_server_leaves_the_outcome_unknown_and_the_resend_appends_once()
    {
        var (proxy, store, service) = await ThroughProxyAsync("before_commit");
        await using (proxy)
        using (store)
        {
            var track = NewTrack();
            await service.HandleAsync(BadInputs.Opening(track));
            var statement = BadInputs.Statement with { Track = track };

            proxy.Arm(Cut.BeforeTheCommitReachesTheServer);
            var send = () => service.HandleAsync(statement);
            var failure = (await send.Should().ThrowAsync<EventStoreUnavailableException>()).Which;
            var resent = await service.HandleAsync(statement);

            proxy.Cuts.Should().Be(1);
            failure.OutcomeUnknown.Should().BeTrue("the client cannot tell whether the commit got through");
            resent.Outcome.Should().Be(CommandOutcome.Accepted, "the server rolled the first attempt back");
            (await StoredAsync(store, track)).Select(e => e.Metadata.CommandId).Should().Equal("open", "statement");
        }
    }

    [Fact]
    public async Task A_connection_cut_when_the_append_is_sent_says_nothing_was_written_and_the_resend_appends_once()
    {
        var (proxy, store, service) = await ThroughProxyAsync("at_append", ProjectionLifecycle.Inline);
        await using (proxy)
        using (store)
        {
            var track = NewTrack();
            await service.HandleAsync(BadInputs.Opening(track));
            var statement = BadInputs.Statement with { Track = track };

            proxy.Arm(Cut.AtTheAppend);
            var send = () => service.HandleAsync(statement);
            var failure = (await send.Should().ThrowAsync<EventStoreUnavailableException>()).Which;
            var resent = await service.HandleAsync(statement);

            proxy.Cuts.Should().Be(1);
            failure.OutcomeUnknown.Should().BeFalse("the commit was never sent");
            failure.Message.Should().Contain("nothing was written");
            resent.Outcome.Should().Be(CommandOutcome.Accepted);
            (await StoredAsync(store, track)).Select(e => e.Metadata.CommandId).Should().Equal("open", "statement");
        }
    }

    [Fact]
    public async Task A_server_that_cannot_be_reached_gives_the_documented_exception_and_nothing_is_written()
    {
        var connectionString = await schema.ConnectionStringAsync();
        var options = new StoreOptions();
        // A port on the loopback interface that nothing listens on: the proxy's, once it has stopped.
        var proxy = LoopbackProxy.Start(connectionString);
        var unreachable = proxy.ConnectionString(connectionString) + ";Timeout=2";
        await proxy.DisposeAsync();
        options.Connection(unreachable);
        options.DatabaseSchemaName = schema.Also("unreachable");
        options.AddNegotiations(NegotiationEvents.Catalog, NegotiationJson.Options);
        options.AutoCreateSchemaObjects = JasperFx.AutoCreate.None;
        using var store = new DocumentStore(options);
        var service = new CommandService<NegotiationDecisionState, NegotiationCommand, INegotiationEvent>(Decider, new MartenEventStore(store, NegotiationEvents.Catalog), NegotiationCommandFingerprints.Instance);

        var send = () => service.HandleAsync(BadInputs.Opening(NewTrack()));

        var failure = (await send.Should().ThrowAsync<EventStoreUnavailableException>()).Which;
        failure.OutcomeUnknown.Should().BeFalse();
        failure.InnerException.Should().NotBeNull();
    }

    [Fact]
    public async Task A_huge_stale_expected_version_is_a_version_conflict_with_inline_views_too()
    {
        var store = await schema.StoreAsync(o =>
        {
            o.AddNegotiations(NegotiationEvents.Catalog, NegotiationJson.Options, ProjectionLifecycle.Inline);
            o.AddProjection(new NegotiationStateProjection(), ProjectionLifecycle.Inline);
            o.AddProjection(new TimelineProjection(), ProjectionLifecycle.Inline);
        }, schema.Also("stale"));
        var events = new MartenEventStore(store, NegotiationEvents.Catalog);
        var track = NewTrack();
        await new CommandService<NegotiationDecisionState, NegotiationCommand, INegotiationEvent>(Decider, events, NegotiationCommandFingerprints.Instance).HandleAsync(BadInputs.Opening(track));
        var statement = new StatementMade
        {
            By = BadInputs.Peskov,
            Kind = StatementKind.Assessment,
            Summary = "late",
            Tone = null,
            Agenda = [],
            OccurredOn = BadInputs.Day,
            Source = null,
        };

        var append = () => events.AppendAsync(StreamKey.Of(track.Value), long.MaxValue - 1, [statement], new EventMetadata { CommandId = "stale" });

        (await append.Should().ThrowAsync<StreamVersionConflictException>()).Which.ActualVersion.Should().Be(1);
        (await events.ReadStreamAsync(StreamKey.Of(track.Value))).Should().ContainSingle();
    }
}
