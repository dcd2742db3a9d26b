namespace Negotiations.Marten;

/// <summary>
/// The names of the Marten event headers in which <see cref="MartenEventStore"/> keeps the parts of
/// <see cref="EventSourcing.EventMetadata"/> that Marten has no column for. They are part of the storage format
/// (the <c>headers</c> column of <c>mt_events</c>) and never change; with them the command records can be rebuilt
/// from the events.
/// </summary>
public static class MartenEventHeaders
{
    /// <summary>The id of the command that appended the event.</summary>
    public const string CommandId = "command-id";

    /// <summary>The type name of the command that appended the event.</summary>
    public const string CommandType = "command-type";

    /// <summary>The fingerprint of the command that appended the event.</summary>
    public const string CommandFingerprint = "command-fingerprint";
}
