using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using FluentAssertions;
using MediatR;
using Microsoft.Extensions.DependencyInjection;
using Negotiations.EventSourcing;
using Xunit;

namespace Negotiations.MediatR.Tests;

/// <summary>
/// What the adapter promises, whatever the store: every store runs these tests (in memory, Marten), each test on a
/// track of its own.
/// </summary>
public abstract class MediatRAdapterContract
{
    private readonly TrackId _track = new($"talks-{Guid.NewGuid():N}");

    /// <summary>Chooses the store under test on the builder.</summary>
    protected abstract Task<NegotiationsBuilder> ChooseStoreAsync(NegotiationsBuilder builder);

    [Fact]
    public async Task Any_command_sent_through_the_mediator_returns_the_command_services_result()
    {
        await using var app = await BuildAsync();
        var mediator = Mediator(app);
        var store = app.GetRequiredService<IEventStore>();

        NegotiationCommand[] commands = [Talks.Open(_track), Talks.TurkiyeHosts(_track), Talks.FiftyDays(_track), Talks.WorkAhead(_track)];
        CommandResult? result = null;
        foreach (var command in commands)
        {
            result = await mediator.Send(new NegotiationRequest(command));

            result.Outcome.Should().Be(CommandOutcome.Accepted, "{0} is a valid command", command.GetType().Name);
            result.StreamId.Should().Be(_track.Value);
            result.CommandId.Should().Be(command.CommandId.Value);
            result.Events.Should().NotBeEmpty();
            var stored = await store.ReadStreamAsync(StreamKey.Of(_track.Value));
            result.StreamVersion.Should().Be(stored[^1].Version);
            result.Events.Select(e => new { e.StreamId, e.Version, e.EventType, e.Metadata, e.Data }).Should().BeEquivalentTo(
                stored.Where(e => e.Metadata.CommandId == command.CommandId.Value).Select(e => new { e.StreamId, e.Version, e.EventType, e.Metadata, e.Data }),
                o => o.WithStrictOrdering().RespectingRuntimeTypes());
        }

        result!.StreamVersion.Should().Be(commands.Length);
    }

    [Fact]
    public async Task A_notification_handler_sees_exactly_the_committed_events_in_stream_order()
    {
        await using var app = await BuildAsync(Published.HandleEveryEvent);
        var mediator = Mediator(app);
        var context = new CommandContext(CorrelationId: "corr-1", CausationId: "article-1");

        await mediator.Send(new NegotiationRequest(Talks.Open(_track), context));
        await mediator.Send(new NegotiationRequest(Talks.TurkiyeHosts(_track), context));
        await mediator.Send(new NegotiationRequest(Talks.FiftyDays(_track), context));
        await mediator.Send(new NegotiationRequest(Talks.WorkAhead(_track)));

        var stored = await app.GetRequiredService<IEventStore>().ReadStreamAsync(StreamKey.Of(_track.Value));
        stored.Select(e => e.Version).Should().Equal(1, 2, 3, 4);
        var received = app.GetRequiredService<Published>().Received;
        received.Select(n => n.Type).Should().Equal(stored.Select(e => typeof(NegotiationEventNotification<>).MakeGenericType(e.Data.GetType())));
        received.Select(n => new { n.StreamId, n.Version, n.EventType, n.Metadata, n.Event }).Should().BeEquivalentTo(
            stored.Select(e => new { e.StreamId, e.Version, e.EventType, e.Metadata, Event = e.Data }),
            o => o.WithStrictOrdering().RespectingRuntimeTypes());
        received[2].Metadata.Should().BeEquivalentTo(new { CommandId = $"{_track}-us-ultimatum", CommandType = nameof(IssueUltimatum), CorrelationId = "corr-1", CausationId = "article-1" });
        received[3].Metadata.Should().BeEquivalentTo(new { CommandId = $"{_track}-peskov-work-ahead", CorrelationId = (string?)null });
    }

    [Fact]
    public async Task The_events_of_one_commit_are_published_one_by_one_in_stream_order()
    {
        await using var app = await BuildAsync(services =>
        {
            services.AddSingleton<IDecider<NegotiationDecisionState, NegotiationCommand, INegotiationEvent>, SeveralEventsDecider>();
            Published.HandleEveryEvent(services);
        });
        var mediator = Mediator(app);
        await mediator.Send(new NegotiationRequest(Talks.Open(_track)));
        var published = app.GetRequiredService<Published>();
        var before = published.Received.Count;

        var result = await mediator.Send(new NegotiationRequest(Talks.WorkAhead(_track)));

        result.Events.Select(e => e.Version).Should().Equal(2, 3);
        published.Received.Skip(before).Should().Equal(
            result.Events.Select(e => new Published.Notification(typeof(NegotiationEventNotification<StatementMade>), e.StreamId, e.Version, e.EventType, e.Metadata, e.Data)));
        published.Received.Skip(before).Select(n => ((StatementMade)n.Event).Summary)
            .Should().Equal("A lot of diplomatic work lies ahead", SeveralEventsDecider.FollowUp);
    }

    [Fact]
    public async Task An_app_handler_of_one_event_type_sees_that_type_alone()
    {
        var ultimatums = new List<NegotiationEventNotification<UltimatumIssued>>();
        await using var app = await BuildAsync(
            services => services.AddSingleton<INotificationHandler<NegotiationEventNotification<UltimatumIssued>>>(new UltimatumHandler(ultimatums)));
        var mediator = Mediator(app);

        await mediator.Send(new NegotiationRequest(Talks.Open(_track)));
        var issued = await mediator.Send(new NegotiationRequest(Talks.FiftyDays(_track)));
        await mediator.Send(new NegotiationRequest(Talks.WorkAhead(_track)));

        var notification = ultimatums.Should().ContainSingle().Which;
        notification.Event.Should().BeSameAs(issued.Events.Single().Data);
        notification.Event.Ultimatum.Should().Be(new UltimatumId("fifty-days"));
        notification.StreamId.Should().Be(_track.Value);
        notification.Version.Should().Be(2);
        notification.EventType.Should().Be("ultimatum_issued.v1");
        notification.Metadata.CommandId.Should().Be($"{_track}-us-ultimatum");
    }

    [Fact]
    public async Task A_refused_command_is_returned_as_refused_and_publishes_nothing()
    {
        await using var app = await BuildAsync(Published.HandleEveryEvent);

        var result = await Mediator(app).Send(new NegotiationRequest(Talks.OnAnUnopenedTrack(_track)));

        result.Outcome.Should().Be(CommandOutcome.Refused);
        result.Error!.Code.Should().Be(NegotiationErrors.TrackNotOpened);
        result.Events.Should().BeEmpty();
        (await app.GetRequiredService<IEventStore>().ReadStreamAsync(StreamKey.Of(_track.Value))).Should().BeEmpty();
        app.GetRequiredService<Published>().Received.Should().BeEmpty();
    }

    [Fact]
    public async Task A_repeated_command_returns_the_earlier_outcome_and_publishes_nothing_again()
    {
        await using var app = await BuildAsync(Published.HandleEveryEvent);
        var mediator = Mediator(app);
        var first = await mediator.Send(new NegotiationRequest(Talks.Open(_track)));
        var published = app.GetRequiredService<Published>();
        var afterFirst = published.Received;

        var repeat = await mediator.Send(new NegotiationRequest(Talks.Open(_track)));

        repeat.Outcome.Should().Be(CommandOutcome.AlreadyApplied);
        // A repeat reads its events back from the store, which knows their global positions even when the first append did not.
        repeat.Events.Should().BeEquivalentTo(first.Events, o => o.RespectingRuntimeTypes().Excluding(e => e.GlobalPosition));
        afterFirst.Should().HaveCount(first.Events.Count);
        published.Received.Should().Equal(afterFirst);
    }

    [Fact]
    public async Task A_failing_notification_handler_fails_the_send_after_the_commit_and_nothing_is_published_again()
    {
        await using var app = await BuildAsync(services =>
        {
            services.AddSingleton<INotificationHandler<NegotiationEventNotification<NegotiationOpened>>>(new FailingHandler());
            Published.HandleEveryEvent(services);
        });
        var mediator = Mediator(app);

        var send = () => mediator.Send(new NegotiationRequest(Talks.Open(_track)));

        await send.Should().ThrowExactlyAsync<InvalidOperationException>().WithMessage("projection down");
        (await app.GetRequiredService<IEventStore>().ReadStreamAsync(StreamKey.Of(_track.Value))).Should().ContainSingle("the command was committed before publishing");
        var repeat = await mediator.Send(new NegotiationRequest(Talks.Open(_track)));
        repeat.Outcome.Should().Be(CommandOutcome.AlreadyApplied);
        app.GetRequiredService<Published>().Received.Should().BeEmpty("publishing stopped at the failing handler, and delivery is at most once");
    }

    protected async Task<ServiceProvider> BuildAsync(Action<IServiceCollection>? configureApp = null)
    {
        var services = new ServiceCollection();
        TestApp.AddMediatR5(services);
        (await ChooseStoreAsync(services.AddNegotiations())).AddMediatRAdapter();
        configureApp?.Invoke(services);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
    }

    // The app registers IMediator as scoped; a scope of MediatR 5 holds nothing to dispose.
    protected static IMediator Mediator(ServiceProvider app) => app.CreateScope().ServiceProvider.GetRequiredService<IMediator>();

    private sealed class UltimatumHandler(List<NegotiationEventNotification<UltimatumIssued>> received)
        : INotificationHandler<NegotiationEventNotification<UltimatumIssued>>
    {
        public Task Handle(NegotiationEventNotification<UltimatumIssued> notification, CancellationToken cancellationToken)
        {
            received.Add(notification);
            return Task.CompletedTask;
        }
    }

    private sealed class FailingHandler : INotificationHandler<NegotiationEventNotification<NegotiationOpened>>
    {
        public Task Handle(NegotiationEventNotification<NegotiationOpened> notification, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("projection down");
    }
}
