using FluentAssertions;
using FluentAssertions.Equivalency;
using Negotiations.EventSourcing;

namespace Negotiations.Tests.Domain;

/// <summary>
/// Given/When/Then over the <see cref="NegotiationDecider"/>, no store: given these facts, when this command, then
/// these events, this error code, or nothing. Each given fact is recorded as if by its own command
/// (<c>given-1</c>, <c>given-2</c>, ...) unless <see cref="By"/> names the command.
/// </summary>
internal sealed class Given
{
    private static readonly NegotiationDecider Decider = new();
    private readonly List<(INegotiationEvent Event, string CommandId)> _facts = [];

    private Given()
    {
    }

    /// <summary>Starts from these facts.</summary>
    public static Given Facts(params INegotiationEvent[] events) => new Given().And(events);

    /// <summary>Starts from an opened track (<see cref="Track.Opened"/>).</summary>
    public static Given OpenedTrack(params INegotiationEvent[] events) => new Given().By(Track.OpeningCommand, Track.Opened).And(events);

    /// <summary>Starts from a track that was never opened.</summary>
    public static Given NothingYet() => new();

    /// <summary>Adds facts, each recorded by its own command.</summary>
    public Given And(params INegotiationEvent[] events)
    {
        foreach (var @event in events)
        {
            _facts.Add((@event, $"given-{_facts.Count + 1}"));
        }

        return this;
    }

    /// <summary>Adds facts recorded by one named command.</summary>
    public Given By(string commandId, params INegotiationEvent[] events)
    {
        foreach (var @event in events)
        {
            _facts.Add((@event, commandId));
        }

        return this;
    }

    /// <summary>Adds the facts of commands, decided in turn; a refused command fails the set-up.</summary>
    public Given AndCommands(params NegotiationCommand[] commands)
    {
        foreach (var command in commands)
        {
            var decision = Decider.Decide(State, command);
            decision.Error.Should().BeNull("given command {0} '{1}' sets up the scenario", command.GetType().Name, command.CommandId);
            By(command.CommandId.Value, [.. decision.Events]);
        }

        return this;
    }

    /// <summary>The state the facts fold to.</summary>
    public NegotiationState State => _facts.Aggregate(Decider.Initial, (state, fact) => Decider.Evolve(state, fact.Event, new EventMetadata { CommandId = fact.CommandId }));

    /// <summary>Decides a command on the state.</summary>
    public Outcome When(NegotiationCommand command)
    {
        var state = State;
        return new Outcome(command, state, Decider.Decide(state, command));
    }

    internal sealed class Outcome(NegotiationCommand command, NegotiationState state, Decision<INegotiationEvent> decision)
    {
        /// <summary>Checks the command recorded exactly these events; returns the state after them.</summary>
        public NegotiationState Then(params INegotiationEvent[] expected)
        {
            decision.Error.Should().BeNull("{0} '{1}' should be accepted", command.GetType().Name, command.CommandId);
            decision.Events.Should().BeEquivalentTo(expected, Exactly);
            return decision.Events.Aggregate(state, (s, e) => Decider.Evolve(s, e, new EventMetadata { CommandId = command.CommandId.Value }));
        }

        /// <summary>Checks the command was accepted (with any events); returns the state after them.</summary>
        public NegotiationState ThenAccepted()
        {
            decision.Error.Should().BeNull("{0} '{1}' should be accepted", command.GetType().Name, command.CommandId);
            decision.Events.Should().NotBeEmpty();
            return decision.Events.Aggregate(state, (s, e) => Decider.Evolve(s, e, new EventMetadata { CommandId = command.CommandId.Value }));
        }

        /// <summary>Checks the command was refused with a code; returns the error for checks of its message.</summary>
        public DomainError ThenFails(string code)
        {
            decision.Error.Should().NotBeNull("{0} '{1}' should be refused with {2}, but it decided {3}", command.GetType().Name, command.CommandId, code, string.Join(", ", decision.Events.Select(e => e.GetType().Name)));
            decision.Error!.Code.Should().Be(code, "the refusal said: {0}", decision.Error.Message);
            decision.Events.Should().BeEmpty();
            return decision.Error;
        }

        /// <summary>Checks the command decided nothing.</summary>
        public void ThenNothing()
        {
            decision.Error.Should().BeNull();
            decision.Events.Should().BeEmpty();
        }
    }

    /// <summary>Events compare by their members, lists in order, whatever the declared types.</summary>
    internal static EquivalencyAssertionOptions<INegotiationEvent> Exactly(EquivalencyAssertionOptions<INegotiationEvent> options) =>
        options.ComparingRecordsByMembers().RespectingRuntimeTypes().WithStrictOrdering();
}
