using Negotiations.EventSourcing;

namespace Negotiations.MediatR.Tests;

/// <summary>
/// The negotiation decider, except that a statement is recorded together with a second one that follows it: one
/// command, two events in one commit. The core's commands each append one event; the adapter must publish any number.
/// </summary>
internal sealed class SeveralEventsDecider : IDecider<NegotiationDecisionState, NegotiationCommand, INegotiationEvent>
{
    public const string FollowUp = "And it will take time";

    private readonly NegotiationDecider _inner = new();

    public StreamProjection<NegotiationDecisionState> State => _inner.State;

    public Decision<INegotiationEvent> Decide(NegotiationDecisionState state, NegotiationCommand command)
    {
        var decision = _inner.Decide(state, command);
        if (decision.IsRefused || decision.Events is not [StatementMade statement])
        {
            return decision;
        }

        return Decision<INegotiationEvent>.Accept(statement, statement with { Summary = FollowUp });
    }
}
