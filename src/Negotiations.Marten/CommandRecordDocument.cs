namespace Negotiations.Marten;

/// <summary>
/// A command record (<see cref="EventSourcing.CommandRecord"/>) as the Marten store keeps it: one document per stream
/// and command id, inserted (never updated) in the transaction that appends the command's events, so a second append
/// under the same id fails on the document's primary key and rolls back.
/// </summary>
internal sealed class CommandRecordDocument
{
    /// <summary>The stream id's length, a colon, the stream id, a slash and the command id: unambiguous whatever the ids hold.</summary>
    public string Id { get; set; } = string.Empty;

    public string StreamId { get; set; } = string.Empty;

    public string CommandId { get; set; } = string.Empty;

    public string CommandType { get; set; } = string.Empty;

    public string Fingerprint { get; set; } = string.Empty;

    public long FirstVersion { get; set; }

    public long LastVersion { get; set; }

    public static string IdOf(string streamId, string commandId) => $"{streamId.Length}:{streamId}/{commandId}";
}
