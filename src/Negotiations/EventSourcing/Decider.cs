namespace Negotiations.EventSourcing;

/// <summary>A command addressed to one stream, with an id that makes repeating it harmless.</summary>
public interface IStreamCommand
{
    /// <summary>The stream the command is for, within its tenant.</summary>
    string StreamId { get; }

    /// <summary>
    /// The caller's id for this command. A command whose id was already applied to the stream appends
    /// nothing and returns the earlier outcome.
    /// </summary>
    string CommandId { get; }
}

/// <summary>
/// The pure heart of an event-sourced model: from a stream's decision state and a command, decide which events
/// happen. The decision state is itself a projection of the stream (<see cref="State"/>), kept small: only what the
/// rules need.
/// </summary>
/// <remarks>
/// <para>Implementations read no clock, invent no ids and do no I/O: commands carry the time and ids they need.</para>
/// <para>The decision state is what a store keeps as a snapshot (on Marten) or the command service keeps in its cache
/// (other stores), and is folded from the events a command appends without reading them back. So its projection may
/// read an event's data, version and metadata, but not its record time or global position, which a store may not know
/// when an append returns. Bump <see cref="StreamProjection{TView}.SchemaVersion"/> whenever the state's shape or the
/// meaning of its fold changes: snapshots of another version are never decided on.</para>
/// </remarks>
/// <typeparam name="TState">The state decisions are made on.</typeparam>
/// <typeparam name="TCommand">The commands.</typeparam>
/// <typeparam name="TEvent">The base type of the events.</typeparam>
public interface IDecider<TState, in TCommand, TEvent>
    where TState : class
    where TEvent : notnull
{
    /// <summary>How the decision state is built from a stream: where it starts, how each event folds into it, and the version of its shape.</summary>
    StreamProjection<TState> State { get; }

    /// <summary>Decides what a command does to a state.</summary>
    /// <param name="state">The decision state of the stream.</param>
    /// <param name="command">The command.</param>
    /// <returns>The events that happen, or the rule the command breaks.</returns>
    Decision<TEvent> Decide(TState state, TCommand command);

    /// <summary>
    /// Checks a command on its own, before any state is loaded: every member present where required, within its
    /// limits, of a defined value. The command service and the importer ask this first and refuse an invalid command
    /// without touching the store, so an invalid command never reaches one, whatever its stream id holds;
    /// <see cref="Decide"/> checks the same first.
    /// </summary>
    /// <param name="command">The command.</param>
    /// <returns>The first rule the command breaks, or null when it is well formed. The default accepts every command.</returns>
    DomainError? Validate(TCommand command) => null;
}

/// <summary>A business rule that a command breaks: a stable code for programs and a message for people.</summary>
/// <param name="Code">A stable, dotted code such as <c>round.scheduled_before_announcement</c>; codes never change meaning.</param>
/// <param name="Message">What went wrong, naming the offending value and the rule.</param>
public sealed record DomainError(string Code, string Message)
{
    /// <summary>
    /// The command member the error is about, as a path of member names and list indexes (<c>By.Name</c>,
    /// <c>Participants[2].Actor</c>, <c>Source.Quote</c>), for input errors; null for rules about the track.
    /// </summary>
    public string? Member { get; init; }
}

/// <summary>The outcome of <see cref="IDecider{TState, TCommand, TEvent}.Decide"/>: events that happen, or a refusal.</summary>
/// <typeparam name="TEvent">The base type of the events.</typeparam>
public sealed class Decision<TEvent>
    where TEvent : notnull
{
    private Decision(IReadOnlyList<TEvent> events, DomainError? error, string? requiredCommand)
    {
        Events = events;
        Error = error;
        RequiredCommand = requiredCommand;
    }

    /// <summary>The events that happen; empty when the command is refused or changes nothing.</summary>
    public IReadOnlyList<TEvent> Events { get; }

    /// <summary>
    /// The broken rule when the command is refused; for a decision with a <see cref="RequiredCommand"/>, the refusal
    /// that stands when that command was never applied. Otherwise null.
    /// </summary>
    public DomainError? Error { get; }

    /// <summary>
    /// The id of an earlier command of the stream that the events depend on (a retraction names the command it
    /// withdraws), when the decision state cannot tell whether it was applied: the events happen only if the store
    /// has a record of it; otherwise the command is refused with <see cref="Error"/>. Null for other decisions.
    /// </summary>
    /// <remarks>
    /// This keeps command ids out of the decision state, which would otherwise grow with every command of the stream:
    /// the store's command records answer instead (see <see cref="CommandRecord"/>).
    /// </remarks>
    public string? RequiredCommand { get; }

    /// <summary>True when the command is refused outright.</summary>
    public bool IsRefused => Error is not null && RequiredCommand is null;

    /// <summary>Accepts a command with the events it causes.</summary>
    /// <param name="events">The events, in the order they happen.</param>
    /// <returns>The decision.</returns>
#pragma warning disable CA1000 // Factory members belong on the type they build.
    public static Decision<TEvent> Accept(params IReadOnlyList<TEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        return new Decision<TEvent>(events, null, null);
    }

    /// <summary>Accepts a command on condition that an earlier command of the stream was applied.</summary>
    /// <param name="requiredCommand">The id of the earlier command.</param>
    /// <param name="otherwise">The refusal when the store has no record of it.</param>
    /// <param name="events">The events that happen if it was.</param>
    /// <returns>The decision.</returns>
    public static Decision<TEvent> AcceptIfApplied(string requiredCommand, DomainError otherwise, params IReadOnlyList<TEvent> events)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(requiredCommand);
        ArgumentNullException.ThrowIfNull(otherwise);
        ArgumentNullException.ThrowIfNull(events);
        return new Decision<TEvent>(events, otherwise, requiredCommand);
    }

    /// <summary>Refuses a command.</summary>
    /// <param name="code">The stable code of the broken rule.</param>
    /// <param name="message">What went wrong, naming the offending value.</param>
    /// <returns>The decision.</returns>
    public static Decision<TEvent> Refuse(string code, string message) => new([], new DomainError(code, message), null);

    /// <summary>Refuses a command.</summary>
    /// <param name="error">The broken rule.</param>
    /// <returns>The decision.</returns>
    public static Decision<TEvent> Refuse(DomainError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return new([], error, null);
    }
#pragma warning restore CA1000

    /// <summary>The decision once the store has said whether <see cref="RequiredCommand"/> was applied.</summary>
    /// <param name="applied">Whether the store has a record of the required command.</param>
    /// <returns>This decision without its condition: accepted with its events, or refused.</returns>
    public Decision<TEvent> Resolve(bool applied) =>
        RequiredCommand is null ? this : applied ? Accept(Events) : Refuse(Error!);
}
