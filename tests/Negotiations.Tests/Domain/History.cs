using FluentAssertions;
using Negotiations.EventSourcing;

namespace Negotiations.Tests.Domain;

/// <summary>A track's stream built in memory from commands decided in turn, for projection tests (no store).</summary>
internal sealed class History
{
    private static readonly NegotiationDecider Decider = new();
    private readonly List<RecordedEvent> _events = [];
    private NegotiationDecisionState _state = NegotiationDecisionState.Empty;

    /// <summary>A history of these commands, starting with the track's opening.</summary>
    public static History Of(params NegotiationCommand[] commands) => new History().Then(Track.Open()).Then(commands);

    /// <summary>Records more commands; a refused one fails the set-up.</summary>
    public History Then(params NegotiationCommand[] commands)
    {
        foreach (var command in commands)
        {
            var decision = Decider.Decide(_state, command);
            if (decision.RequiredCommand is { } required)
            {
                decision = decision.Resolve(_events.Any(e => e.Metadata.CommandId == required));
            }

            decision.Error.Should().BeNull("command '{0}' sets up the history", command.CommandId);
            foreach (var @event in decision.Events)
            {
                var metadata = new EventMetadata { CommandId = command.CommandId.Value };
                var version = _events.Count + 1;
                _events.Add(new RecordedEvent(StreamKey.Of(Track.Id.Value), version, version, EventCatalog.WireNameOf(@event.GetType()), @event, metadata, DateTimeOffset.UnixEpoch));
                _state = Decider.State.Evolve(_state, _events[^1]);
            }
        }

        return this;
    }

    /// <summary>The stream's events.</summary>
    public IReadOnlyList<RecordedEvent> Events => _events;

    /// <summary>The decision state the decider folded, event by event.</summary>
    public NegotiationDecisionState DeciderState => _state;

    /// <summary>The state built by the projection.</summary>
    public NegotiationState State(DateOnly? asOf = null) => new NegotiationStateProjection(asOf).Project(Track.Id.Value, _events);

    /// <summary>The timeline built by the projection.</summary>
    public Timeline Timeline(DateOnly? asOf = null) => new TimelineProjection(asOf).Project(Track.Id.Value, _events);
}
