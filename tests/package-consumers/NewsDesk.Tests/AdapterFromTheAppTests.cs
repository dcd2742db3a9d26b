using FluentAssertions;
using MediatR;
using Microsoft.Extensions.DependencyInjection;
using Negotiations;
using Negotiations.EventSourcing;
using Negotiations.MediatR;
using Xunit;

namespace NewsDesk.Tests;

/// <summary>
/// This test project references Negotiations.MediatR itself, beside the app that compiles the package's sources: the
/// adapter's types come from the app, once (the package's build targets leave this project's copy out, so there is
/// no CS0436 and no ambiguous <c>AddMediatRAdapter</c>), and a handler written here can be public.
/// </summary>
public sealed class AdapterFromTheAppTests
{
    [Fact]
    public void The_adapters_types_are_the_apps_and_there_is_one_copy_of_them()
    {
        var app = typeof(TalksDesk).Assembly;

        typeof(NegotiationRequest).Assembly.Should().BeSameAs(app);
        typeof(NegotiationEventNotification<>).Assembly.Should().BeSameAs(app);
        typeof(NegotiationsMediatRBuilderExtensions).Assembly.Should().BeSameAs(app);
        typeof(AdapterFromTheAppTests).Assembly.GetTypes().Should().NotContain(type => type.Namespace == "Negotiations.MediatR");
    }

    [Fact]
    public async Task A_public_handler_of_the_tests_sees_what_the_app_commits_through_the_mediator()
    {
        var opened = new OpenedTracks();
        var services = new ServiceCollection();
        services.AddSingleton<INotificationHandler<NegotiationEventNotification<NegotiationOpened>>>(opened);
        services.AddNewsDesk().UseInMemoryStore().AddMediatRAdapter();
        await using var provider = services.BuildServiceProvider();
        await using var scope = provider.CreateAsyncScope();
        var mediator = scope.ServiceProvider.GetRequiredService<IMediator>();

        var result = await mediator.Send(new NegotiationRequest(HarbourTalks.Commands[0]), TestContext.Current.CancellationToken);

        result.Outcome.Should().Be(CommandOutcome.Accepted);
        opened.Notifications.Should().ContainSingle().Which.StreamId.Should().Be(HarbourTalks.Track.Value);
    }
}

/// <summary>A handler of the test project's own, public, of a notification type the app compiled.</summary>
public sealed class OpenedTracks : INotificationHandler<NegotiationEventNotification<NegotiationOpened>>
{
    private readonly List<NegotiationEventNotification<NegotiationOpened>> _notifications = [];

    /// <summary>What was received.</summary>
    public IReadOnlyList<NegotiationEventNotification<NegotiationOpened>> Notifications => _notifications;

    /// <inheritdoc />
    public Task Handle(NegotiationEventNotification<NegotiationOpened> notification, CancellationToken cancellationToken)
    {
        _notifications.Add(notification);
        return Task.CompletedTask;
    }
}
