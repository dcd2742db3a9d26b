namespace Negotiations.EventSourcing;

/// <summary>
/// The store port: append-only event streams with optimistic concurrency, read back per stream or
/// all together in global order.
/// </summary>
/// <remarks>
/// A stream that has never been written to has version 0. Each appended event takes the next version,
/// so a stream's version is the number of events in it. Implementations: <see cref="InMemoryEventStore"/>
/// here, and the PostgreSQL store in the <c>Negotiations.Marten</c> package; both pass the same
/// contract test suite.
/// </remarks>
public interface IEventStore
{
    /// <summary>Appends events to a stream if the stream is still at the expected version.</summary>
    /// <param name="streamId">The stream to append to.</param>
    /// <param name="expectedVersion">The version the caller last saw: 0 for a stream that must not exist yet.</param>
    /// <param name="events">One or more events, each of a type the store knows a wire name for.</param>
    /// <param name="metadata">Metadata recorded with every appended event.</param>
    /// <param name="cancellationToken">Cancels the append before it is committed.</param>
    /// <returns>The stream's new version: <paramref name="expectedVersion"/> plus the number of events.</returns>
    /// <exception cref="StreamVersionConflictException">The stream is not at <paramref name="expectedVersion"/>; nothing was appended.</exception>
    /// <exception cref="ArgumentException">The stream id is empty, there are no events, or an event's type has no wire name.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="expectedVersion"/> is negative.</exception>
    Task<long> AppendAsync(
        string streamId,
        long expectedVersion,
        IReadOnlyList<object> events,
        EventMetadata metadata,
        CancellationToken cancellationToken = default);

    /// <summary>Reads a stream in version order.</summary>
    /// <param name="streamId">The stream to read.</param>
    /// <param name="untilVersion">When given, the last version to read; later events are left out.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The stream's events; empty for a stream that does not exist.</returns>
    Task<IReadOnlyList<RecordedEvent>> ReadStreamAsync(
        string streamId,
        long? untilVersion = null,
        CancellationToken cancellationToken = default);

    /// <summary>Reads the events of all streams in global order.</summary>
    /// <param name="afterPosition">Only events whose global position is greater than this; 0 reads from the start.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The events in increasing global position.</returns>
    IAsyncEnumerable<RecordedEvent> ReadAllAsync(
        long afterPosition = 0,
        CancellationToken cancellationToken = default);
}
