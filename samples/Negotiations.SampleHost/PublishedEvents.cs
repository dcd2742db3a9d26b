using System.Threading;
using System.Threading.Tasks;
using MediatR;
using Negotiations.MediatR;

namespace Negotiations.SampleHost;

/// <summary>Counts the events the MediatR adapter published as notifications after they were committed.</summary>
internal sealed class PublishedEvents
{
    private int _count;

    public int Count => Volatile.Read(ref _count);

    public void Add() => Interlocked.Increment(ref _count);
}

/// <summary>A notification handler for one event type, as an app registers one per type it cares about.</summary>
internal sealed class PublishedEventCounter<TEvent>(PublishedEvents published) : INotificationHandler<NegotiationEventNotification<TEvent>>
    where TEvent : INegotiationEvent
{
    public Task Handle(NegotiationEventNotification<TEvent> notification, CancellationToken cancellationToken)
    {
        published.Add();
        return Task.CompletedTask;
    }
}
