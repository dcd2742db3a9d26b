namespace Negotiations.EventSourcing;

/// <summary>A command addressed to one stream, with an id that makes repeating it harmless.</summary>
public interface IStreamCommand
{
    /// <summary>The stream the command is for.</summary>
    string StreamId { get; }

    /// <summary>
    /// The caller's id for this command. A command whose id was already applied to the stream appends
    /// nothing and returns the earlier outcome.
    /// </summary>
    string CommandId { get; }
}

/// <summary>
/// The pure heart of an event-sourced model: from the current state and a command, decide which events
/// happen; from a state and an event, compute the next state.
/// </summary>
/// <remarks>
/// Implementations read no clock, invent no ids and do no I/O: commands carry the time and ids they need.
/// </remarks>
/// <typeparam name="TState">The state decisions are made on.</typeparam>
/// <typeparam name="TCommand">The commands.</typeparam>
/// <typeparam name="TEvent">The base type of the events.</typeparam>
public interface IDecider<TState, in TCommand, TEvent>
    where TEvent : notnull
{
    /// <summary>The state of a stream before any event.</summary>
    TState Initial { get; }

    /// <summary>Decides what a command does to a state.</summary>
    /// <param name="state">The state of the stream.</param>
    /// <param name="command">The command.</param>
    /// <returns>The events that happen, or the rule the command breaks.</returns>
    Decision<TEvent> Decide(TState state, TCommand command);

    /// <summary>Folds one event into a state.</summary>
    /// <param name="state">The state before the event.</param>
    /// <param name="event">The event.</param>
    /// <param name="metadata">The event's metadata (which command wrote it, among others).</param>
    /// <returns>The state after the event.</returns>
    TState Evolve(TState state, TEvent @event, EventMetadata metadata);
}

/// <summary>A business rule that a command breaks: a stable code for programs and a message for people.</summary>
/// <param name="Code">A stable, dotted code such as <c>round.scheduled_before_announcement</c>; codes never change meaning.</param>
/// <param name="Message">What went wrong, naming the offending value and the rule.</param>
public sealed record DomainError(string Code, string Message);

/// <summary>The outcome of <see cref="IDecider{TState, TCommand, TEvent}.Decide"/>: events that happen, or a refusal.</summary>
/// <typeparam name="TEvent">The base type of the events.</typeparam>
public sealed class Decision<TEvent>
    where TEvent : notnull
{
    private Decision(IReadOnlyList<TEvent> events, DomainError? error)
    {
        Events = events;
        Error = error;
    }

    /// <summary>The events that happen; empty when the command is refused or changes nothing.</summary>
    public IReadOnlyList<TEvent> Events { get; }

    /// <summary>The broken rule when the command is refused; otherwise null.</summary>
    public DomainError? Error { get; }

    /// <summary>True when the command is refused.</summary>
    public bool IsRefused => Error is not null;

    /// <summary>Accepts a command with the events it causes.</summary>
    /// <param name="events">The events, in the order they happen.</param>
    /// <returns>The decision.</returns>
#pragma warning disable CA1000 // Factory members belong on the type they build.
    public static Decision<TEvent> Accept(params IReadOnlyList<TEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        return new Decision<TEvent>(events, null);
    }

    /// <summary>Refuses a command.</summary>
    /// <param name="code">The stable code of the broken rule.</param>
    /// <param name="message">What went wrong, naming the offending value.</param>
    /// <returns>The decision.</returns>
    public static Decision<TEvent> Refuse(string code, string message) => new([], new DomainError(code, message));
#pragma warning restore CA1000
}
