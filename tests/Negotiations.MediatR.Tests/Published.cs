using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using MediatR;
using Microsoft.Extensions.DependencyInjection;
using Negotiations.EventSourcing;

namespace Negotiations.MediatR.Tests;

/// <summary>What the app's notification handlers received, in the order they received it.</summary>
internal sealed class Published
{
    private readonly ConcurrentQueue<Notification> _received = new();

    public IReadOnlyList<Notification> Received => [.. _received];

    public void Add(Notification notification) => _received.Enqueue(notification);

    /// <summary>Registers a handler for every event type of a track, as an app that wants them all would.</summary>
    public static void HandleEveryEvent(IServiceCollection services)
    {
        services.AddSingleton<Published>();
        foreach (var eventType in NegotiationEvents.Catalog.Types)
        {
            services.AddTransient(
                typeof(INotificationHandler<>).MakeGenericType(typeof(NegotiationEventNotification<>).MakeGenericType(eventType)),
                typeof(Recorder<>).MakeGenericType(eventType));
        }
    }

    /// <summary>A notification as received: its CLR type and its content.</summary>
    internal sealed record Notification(Type Type, string StreamId, long Version, string EventType, EventMetadata Metadata, object Event);

    internal sealed class Recorder<TEvent>(Published published) : INotificationHandler<NegotiationEventNotification<TEvent>>
        where TEvent : INegotiationEvent
    {
        public Task Handle(NegotiationEventNotification<TEvent> notification, CancellationToken cancellationToken)
        {
            published.Add(new Notification(notification.GetType(), notification.StreamId, notification.Version, notification.EventType, notification.Metadata, notification.Event));
            return Task.CompletedTask;
        }
    }
}
