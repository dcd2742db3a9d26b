namespace Negotiations.EventSourcing;

/// <summary>An event as a store holds it: the event itself and where and when it was recorded.</summary>
/// <param name="StreamId">The stream the event belongs to.</param>
/// <param name="Version">Its position in the stream, starting at 1.</param>
/// <param name="GlobalPosition">Its position among all events of the store, starting at 1, gap-free in the in-memory store.</param>
/// <param name="EventType">The event's stable wire name (see <see cref="EventNameAttribute"/>).</param>
/// <param name="Data">The event.</param>
/// <param name="Metadata">The command id, correlation id, causation id and tenant recorded with it.</param>
/// <param name="RecordedAt">When the store recorded it (record time, not the world time the event speaks of).</param>
public sealed record RecordedEvent(
    string StreamId,
    long Version,
    long GlobalPosition,
    string EventType,
    object Data,
    EventMetadata Metadata,
    DateTimeOffset RecordedAt);

/// <summary>An event that a command has just appended to a stream.</summary>
/// <remarks>
/// Unlike <see cref="RecordedEvent"/> it has no global position: stores in fast append modes do not
/// know it when the append returns.
/// </remarks>
/// <param name="StreamId">The stream the event was appended to.</param>
/// <param name="Version">Its position in the stream, starting at 1.</param>
/// <param name="EventType">The event's stable wire name.</param>
/// <param name="Data">The event.</param>
/// <param name="Metadata">The metadata recorded with it.</param>
public sealed record CommittedEvent(
    string StreamId,
    long Version,
    string EventType,
    object Data,
    EventMetadata Metadata);
