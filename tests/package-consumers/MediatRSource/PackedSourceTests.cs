using MediatR;
using Microsoft.Extensions.DependencyInjection;
using Negotiations;
using Negotiations.EventSourcing;
using Negotiations.MediatR;
using Xunit;

namespace MediatRSource.Tests;

public sealed class PackedSourceTests
{
    private static readonly TrackId Track = new("packed-source");

    [Fact]
    public void The_packages_sources_are_compiled_into_this_assembly_as_public_types()
    {
        Type[] adapter = [typeof(NegotiationRequest), typeof(NegotiationRequestHandler), typeof(NegotiationEventNotification<>), typeof(NegotiationsMediatRBuilderExtensions)];

        Assert.All(adapter, type => Assert.Same(typeof(PackedSourceTests).Assembly, type.Assembly));
        Assert.All(adapter, type => Assert.True(type.IsPublic, $"{type.Name} should be public, so that an app's handlers of its notifications can be"));
    }

    [Fact]
    public async Task A_command_sent_through_the_mediator_is_committed_and_its_event_published()
    {
        var services = new ServiceCollection();
        services.AddScoped<ServiceFactory>(sp => sp.GetService!);
        services.AddScoped<IMediator, Mediator>();
        var received = new OpenedHandler();
        services.AddSingleton<INotificationHandler<NegotiationEventNotification<NegotiationOpened>>>(received);
        services.AddNegotiations().UseInMemoryStore().AddMediatRAdapter();
        await using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
        await using var scope = provider.CreateAsyncScope();
        var mediator = scope.ServiceProvider.GetRequiredService<IMediator>();
        var ukraine = new Actor(new ActorCode("zelenskyy"), "Volodymyr Zelenskyy", Affiliation.Ukraine, ActorType.HeadOfState);
        var russia = new Actor(new ActorCode("peskov"), "Dmitry Peskov", Affiliation.Russia, ActorType.Spokesperson);
        var open = new OpenNegotiation
        {
            Track = Track,
            CommandId = new CommandId("open-1"),
            Title = "Packed source talks",
            Participants = [new Participant(ukraine, ParticipantRole.Party), new Participant(russia, ParticipantRole.Party)],
            OccurredOn = WorldDate.On(2025, 5, 16),
        };

        var result = await mediator.Send(new NegotiationRequest(open, new CommandContext(CorrelationId: "consumer")), TestContext.Current.CancellationToken);

        Assert.Equal(CommandOutcome.Accepted, result.Outcome);
        var notification = Assert.Single(received.Notifications);
        Assert.Equal(Track.Value, notification.StreamId);
        Assert.Equal(1, notification.Version);
        Assert.Equal("negotiation_opened.v1", notification.EventType);
        Assert.Equal("open-1", notification.Metadata.CommandId);
        Assert.Equal("consumer", notification.Metadata.CorrelationId);
        Assert.Equal("Packed source talks", notification.Event.Title);
        Assert.Same(result.Events.Single(e => e.Data is NegotiationOpened).Data, notification.Event);
    }

    public sealed class OpenedHandler : INotificationHandler<NegotiationEventNotification<NegotiationOpened>>
    {
        public List<NegotiationEventNotification<NegotiationOpened>> Notifications { get; } = [];

        public Task Handle(NegotiationEventNotification<NegotiationOpened> notification, CancellationToken cancellationToken)
        {
            Notifications.Add(notification);
            return Task.CompletedTask;
        }
    }
}
