namespace Negotiations.EventSourcing;

/// <summary>How a command ended.</summary>
public enum CommandOutcome
{
    /// <summary>The command was decided and its events (possibly none) appended.</summary>
    Accepted,

    /// <summary>A command with the same id and content was applied earlier; nothing was appended and the earlier events are returned.</summary>
    AlreadyApplied,

    /// <summary>The command breaks a rule, or reuses the id of another command; nothing was appended.</summary>
    Refused,
}

/// <summary>The result of handling one command.</summary>
public sealed class CommandResult
{
    internal CommandResult(
        CommandOutcome outcome,
        StreamKey stream,
        string commandId,
        IReadOnlyList<CommittedEvent> events,
        long streamVersion,
        DomainError? error)
    {
        Outcome = outcome;
        Stream = stream;
        CommandId = commandId;
        Events = events;
        StreamVersion = streamVersion;
        Error = error;
    }

    /// <summary>How the command ended.</summary>
    public CommandOutcome Outcome { get; }

    /// <summary>The stream the command was for.</summary>
    public StreamKey Stream { get; }

    /// <summary>The id of the stream the command was for.</summary>
    public string StreamId => Stream.StreamId;

    /// <summary>The command's id.</summary>
    public string CommandId { get; }

    /// <summary>
    /// The events the command appended; for <see cref="CommandOutcome.AlreadyApplied"/> the events it appended
    /// the first time; empty when refused.
    /// </summary>
    public IReadOnlyList<CommittedEvent> Events { get; }

    /// <summary>
    /// The stream's version: after the command's events when accepted; the version now for a repeat; the version the
    /// decision was made on for a refusal.
    /// </summary>
    public long StreamVersion { get; }

    /// <summary>The global position of the command's last event, where the store knows it; null otherwise (and for refusals).</summary>
    public long? GlobalPosition => Events.Count > 0 ? Events[^1].GlobalPosition : null;

    /// <summary>The broken rule, when refused.</summary>
    public DomainError? Error { get; }

    /// <summary>True when the command was accepted now or earlier.</summary>
    public bool Succeeded => Outcome is not CommandOutcome.Refused;
}

/// <summary>The stable codes of the refusals the command service itself makes, whatever the model.</summary>
public static class CommandErrors
{
    /// <summary>
    /// The command's id was used on the stream by another command (another type, or other content): the command is
    /// refused rather than dropped as a repeat. Send it under a new id.
    /// </summary>
    public const string IdReused = "command.id_reused";
}

/// <summary>Names and fingerprints commands, so that a store can record them and tell a repeat from a reused id.</summary>
/// <typeparam name="TCommand">The commands.</typeparam>
public interface ICommandFingerprints<in TCommand>
{
    /// <summary>The command's stable type name (<c>RecordStatement</c>).</summary>
    /// <param name="command">The command.</param>
    /// <returns>The name.</returns>
    string NameOf(TCommand command);

    /// <summary>
    /// A digest of the command's content without its id: equal for a repeat of the command (whatever the order its
    /// members were written in), different for any other command. See <see cref="CommandRecord.Fingerprint"/>.
    /// </summary>
    /// <param name="command">The command.</param>
    /// <returns>The fingerprint, prefixed by its version (<c>v1:</c>).</returns>
    string FingerprintOf(TCommand command);
}
