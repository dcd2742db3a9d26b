using System.Collections.Concurrent;
using MediatR;
using Negotiations;
using Negotiations.MediatR;

namespace NewsDesk;

/// <summary>The alerts the desk has raised, newest last: one per ultimatum recorded.</summary>
public sealed class AlertBoard
{
    private readonly ConcurrentQueue<string> _alerts = new();

    /// <summary>The alerts so far.</summary>
    public IReadOnlyList<string> Alerts => [.. _alerts];

    internal void Raise(string alert) => _alerts.Enqueue(alert);
}

/// <summary>Raises an alert when an ultimatum is committed: a MediatR notification from the adapter.</summary>
public sealed class UltimatumAlert(AlertBoard board) : INotificationHandler<NegotiationEventNotification<UltimatumIssued>>
{
    public Task Handle(NegotiationEventNotification<UltimatumIssued> notification, CancellationToken cancellationToken)
    {
        var ultimatum = notification.Event;
        board.Raise($"{notification.StreamId}: {ultimatum.Issuer.Name} gives {ultimatum.Target} until {ultimatum.Deadline}: {ultimatum.Demand}");
        return Task.CompletedTask;
    }
}
