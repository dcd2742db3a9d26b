namespace Negotiations.EventSourcing;

/// <summary>
/// What a store keeps of each command that appended events to a stream, once per (tenant, stream, command id):
/// which command it was and which versions it appended. It makes repeating a command harmless and reusing its id
/// for another command detectable, without scanning the stream.
/// </summary>
/// <remarks>
/// A store inserts the record in the transaction that appends the command's events (never updates it); a second
/// append with the same command id fails with <see cref="CommandAlreadyRecordedException"/> and appends nothing.
/// Records are derived from the events' metadata (<see cref="EventMetadata.CommandId"/>,
/// <see cref="EventMetadata.CommandType"/>, <see cref="EventMetadata.CommandFingerprint"/>), so they can be rebuilt.
/// </remarks>
/// <param name="Stream">The stream.</param>
/// <param name="CommandId">The caller's id of the command.</param>
/// <param name="CommandType">The command's type name (<c>RecordStatement</c>).</param>
/// <param name="Fingerprint">
/// A digest of the command's content without its id (<c>v1:</c> and the SHA-256 of its canonical wire JSON), so a
/// repeat is told from another command sent under the same id.
/// </param>
/// <param name="FirstVersion">The stream version of the command's first event.</param>
/// <param name="LastVersion">The stream version of its last event.</param>
public sealed record CommandRecord(StreamKey Stream, string CommandId, string CommandType, string Fingerprint, long FirstVersion, long LastVersion)
{
    /// <summary>Builds the record of an append from its metadata, or null when the metadata records no command.</summary>
    /// <param name="stream">The stream appended to.</param>
    /// <param name="expectedVersion">The version the append was made at.</param>
    /// <param name="eventCount">How many events it appended.</param>
    /// <param name="metadata">The metadata of its events.</param>
    /// <returns>The record, or null.</returns>
    public static CommandRecord? Of(StreamKey stream, long expectedVersion, int eventCount, EventMetadata metadata)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        return metadata.RecordsCommand
            ? new CommandRecord(stream, metadata.CommandId!, metadata.CommandType ?? string.Empty, metadata.CommandFingerprint!, expectedVersion + 1, expectedVersion + eventCount)
            : null;
    }
}

/// <summary>
/// Thrown by <see cref="IEventStore.AppendAsync"/> when the stream has a record of the append's command id already:
/// the command was applied before (or its id was used by another command). Nothing of the append was written.
/// </summary>
public sealed class CommandAlreadyRecordedException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="stream">The stream.</param>
    /// <param name="commandId">The command id recorded already.</param>
    /// <param name="streamVersion">The stream's version when the append was refused, when the store knows it.</param>
    /// <param name="innerException">The store's own exception, if any.</param>
    public CommandAlreadyRecordedException(StreamKey stream, string commandId, long? streamVersion = null, Exception? innerException = null)
        : base($"Stream '{stream}' has a record of command '{commandId}' already; nothing was appended.", innerException)
    {
        Stream = stream;
        CommandId = commandId;
        StreamVersion = streamVersion;
    }

    /// <summary>The stream's version when the append was refused, when the store knows it.</summary>
    public long? StreamVersion { get; }

    /// <summary>The stream.</summary>
    public StreamKey Stream { get; }

    /// <summary>The command id.</summary>
    public string CommandId { get; }
}
