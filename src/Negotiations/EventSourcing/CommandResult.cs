namespace Negotiations.EventSourcing;

/// <summary>How a command ended.</summary>
public enum CommandOutcome
{
    /// <summary>The command was decided and its events (possibly none) appended.</summary>
    Accepted,

    /// <summary>A command with the same id was applied earlier; nothing was appended and the earlier events are returned.</summary>
    AlreadyApplied,

    /// <summary>The command breaks a rule; nothing was appended.</summary>
    Refused,
}

/// <summary>The result of handling one command.</summary>
/// <typeparam name="TState">The state type of the model.</typeparam>
public sealed class CommandResult<TState>
{
    internal CommandResult(
        CommandOutcome outcome,
        string streamId,
        string commandId,
        IReadOnlyList<CommittedEvent> events,
        long streamVersion,
        TState state,
        DomainError? error)
    {
        Outcome = outcome;
        StreamId = streamId;
        CommandId = commandId;
        Events = events;
        StreamVersion = streamVersion;
        State = state;
        Error = error;
    }

    /// <summary>How the command ended.</summary>
    public CommandOutcome Outcome { get; }

    /// <summary>The stream the command was for.</summary>
    public string StreamId { get; }

    /// <summary>The command's id.</summary>
    public string CommandId { get; }

    /// <summary>
    /// The events the command appended; for <see cref="CommandOutcome.AlreadyApplied"/> the events it appended
    /// the first time; empty when refused.
    /// </summary>
    public IReadOnlyList<CommittedEvent> Events { get; }

    /// <summary>
    /// The stream version after the command's events; for a repeat, the version its events reached the first
    /// time; for a refusal, the version the decision was made on.
    /// </summary>
    public long StreamVersion { get; }

    /// <summary>The stream's state after the command (for a repeat or a refusal: the state it was decided on).</summary>
    public TState State { get; }

    /// <summary>The broken rule, when refused.</summary>
    public DomainError? Error { get; }

    /// <summary>True when the command was accepted now or earlier.</summary>
    public bool Succeeded => Outcome is not CommandOutcome.Refused;
}
