using FluentAssertions;
using FluentAssertions.Equivalency;
using Microsoft.Extensions.Options;
using Negotiations.EventSourcing;
using Negotiations.Serialization;

namespace Negotiations.Tests.Domain;

/// <summary>
/// Given/When/Then over the <see cref="NegotiationDecider"/> as an application runs it: the command service on an
/// in-memory store. Given these facts, when this command, then these events, this error code, or nothing. Each given
/// fact is recorded as if by its own command (<c>given-1</c>, <c>given-2</c>, ...) unless <see cref="By"/> names it;
/// given commands (<see cref="AndCommands"/>) are recorded with their commands, so sending one again is a repeat.
/// </summary>
internal sealed class Given
{
    private static readonly NegotiationDecider Decider = new();
    private static readonly StreamKey Stream = StreamKey.Of(Track.Id.Value);
    private readonly InMemoryEventStore _store = new(NegotiationEvents.Catalog);
    private readonly CommandService<NegotiationDecisionState, NegotiationCommand, INegotiationEvent> _service;
    private long _version;
    private int _given;

    private Given() =>
        _service = new(Decider, _store, NegotiationCommandFingerprints.Instance, Options.Create(new NegotiationsOptions { MaxConflictRetries = 0 }));

    /// <summary>Starts from these facts.</summary>
    public static Given Facts(params INegotiationEvent[] events) => new Given().And(events);

    /// <summary>Starts from a track opened by the command <see cref="Track.Open"/>.</summary>
    public static Given OpenedTrack(params INegotiationEvent[] events) => new Given().AndCommands(Track.Open()).And(events);

    /// <summary>Starts from a track that was never opened.</summary>
    public static Given NothingYet() => new();

    /// <summary>Adds facts, each recorded by its own command.</summary>
    public Given And(params INegotiationEvent[] events)
    {
        foreach (var @event in events)
        {
            By($"given-{++_given}", @event);
        }

        return this;
    }

    /// <summary>Adds facts recorded by one named command, whose content is not known (a later command under its id reuses it).</summary>
    public Given By(string commandId, params INegotiationEvent[] events)
    {
        var metadata = new EventMetadata { CommandId = commandId, CommandType = "given", CommandFingerprint = $"given:{commandId}" };
        _version = _store.AppendAsync(Stream, _version, [.. events], metadata).GetAwaiter().GetResult().Version;
        return this;
    }

    /// <summary>Adds the facts of commands, decided in turn; a refused command fails the set-up.</summary>
    public Given AndCommands(params NegotiationCommand[] commands)
    {
        foreach (var command in commands)
        {
            var result = Send(command);
            result.Error.Should().BeNull("given command {0} '{1}' sets up the scenario", command.GetType().Name, command.CommandId);
            _version = result.StreamVersion;
        }

        return this;
    }

    /// <summary>The read model of the facts so far.</summary>
    public NegotiationState State => new NegotiationStateProjection().Project(Track.Id.Value, Events);

    /// <summary>The decision state of the facts so far.</summary>
    public NegotiationDecisionState DecisionState => Decider.State.Project(Track.Id.Value, Events);

    private IReadOnlyList<RecordedEvent> Events => _store.ReadStreamAsync(Stream).GetAwaiter().GetResult();

    /// <summary>Sends a command through the command service.</summary>
    public Outcome When(NegotiationCommand command) => new(command, Send(command), this);

    private CommandResult Send(NegotiationCommand command) => _service.HandleAsync(command).GetAwaiter().GetResult();

    internal sealed class Outcome(NegotiationCommand command, CommandResult result, Given given)
    {
        /// <summary>The command service's result.</summary>
        public CommandResult Result => result;

        /// <summary>Checks the command recorded exactly these events; returns the read model after them.</summary>
        public NegotiationState Then(params INegotiationEvent[] expected)
        {
            result.Error.Should().BeNull("{0} '{1}' should be accepted", command.GetType().Name, command.CommandId);
            result.Outcome.Should().Be(CommandOutcome.Accepted);
            result.Events.Select(e => (INegotiationEvent)e.Data).Should().BeEquivalentTo(expected, Exactly);
            return given.State;
        }

        /// <summary>Checks the command was accepted (with any events); returns the read model after them.</summary>
        public NegotiationState ThenAccepted()
        {
            result.Error.Should().BeNull("{0} '{1}' should be accepted", command.GetType().Name, command.CommandId);
            result.Outcome.Should().Be(CommandOutcome.Accepted);
            result.Events.Should().NotBeEmpty();
            return given.State;
        }

        /// <summary>Checks the command was refused with a code; returns the error for checks of its message.</summary>
        public DomainError ThenFails(string code)
        {
            result.Error.Should().NotBeNull("{0} '{1}' should be refused with {2}, but it decided {3}", command.GetType().Name, command.CommandId, code, string.Join(", ", result.Events.Select(e => e.Data.GetType().Name)));
            result.Error!.Code.Should().Be(code, "the refusal said: {0}", result.Error.Message);
            result.Events.Should().BeEmpty();
            return result.Error;
        }

        /// <summary>Checks the command appended nothing: a repeat of an applied command.</summary>
        public void ThenNothing()
        {
            result.Error.Should().BeNull();
            result.Outcome.Should().Be(CommandOutcome.AlreadyApplied);
        }
    }

    /// <summary>Events compare by their members, lists in order, whatever the declared types.</summary>
    internal static EquivalencyAssertionOptions<INegotiationEvent> Exactly(EquivalencyAssertionOptions<INegotiationEvent> options) =>
        options.ComparingRecordsByMembers().RespectingRuntimeTypes().WithStrictOrdering();
}
