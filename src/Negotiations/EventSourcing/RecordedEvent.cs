namespace Negotiations.EventSourcing;

/// <summary>An event as a store holds it: the event itself and where and when it was recorded.</summary>
/// <param name="Stream">The stream the event belongs to: its tenant and id.</param>
/// <param name="Version">Its position in the stream, starting at 1.</param>
/// <param name="GlobalPosition">Its position among all events of the store, starting at 1, gap-free in the in-memory store.</param>
/// <param name="EventType">The event's stable wire name (see <see cref="WireNameAttribute"/>).</param>
/// <param name="Data">The event.</param>
/// <param name="Metadata">The command and correlation recorded with it.</param>
/// <param name="RecordedAt">When the store recorded it (record time, not the world time the event speaks of).</param>
public sealed record RecordedEvent(
    StreamKey Stream,
    long Version,
    long GlobalPosition,
    string EventType,
    object Data,
    EventMetadata Metadata,
    DateTimeOffset RecordedAt)
{
    /// <summary>The stream's id within its tenant.</summary>
    public string StreamId => Stream.StreamId;

    /// <summary>The tenant the stream belongs to.</summary>
    public string Tenant => Stream.Tenant;
}

/// <summary>An event that a command has just appended to a stream, or appended the first time it was sent.</summary>
/// <param name="Stream">The stream the event was appended to.</param>
/// <param name="Version">Its position in the stream, starting at 1.</param>
/// <param name="EventType">The event's stable wire name.</param>
/// <param name="Data">The event.</param>
/// <param name="Metadata">The metadata recorded with it.</param>
/// <param name="GlobalPosition">
/// Its position among all events of the store, where the store knows it when the append returns; null otherwise
/// (Marten's fast append modes assign positions in the database and do not read them back).
/// </param>
public sealed record CommittedEvent(
    StreamKey Stream,
    long Version,
    string EventType,
    object Data,
    EventMetadata Metadata,
    long? GlobalPosition = null)
{
    /// <summary>The stream's id within its tenant.</summary>
    public string StreamId => Stream.StreamId;
}
