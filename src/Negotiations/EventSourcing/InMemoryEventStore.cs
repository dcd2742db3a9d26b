using System.Runtime.CompilerServices;

namespace Negotiations.EventSourcing;

/// <summary>
/// A thread-safe event store in process memory, with the same optimistic concurrency as the PostgreSQL
/// store. For tests, samples and tools; its events are gone when the process ends.
/// </summary>
public sealed class InMemoryEventStore : IEventStore
{
    private readonly object _gate = new();
    private readonly Dictionary<string, List<RecordedEvent>> _streams = new(StringComparer.Ordinal);
    private readonly List<RecordedEvent> _all = [];
    private readonly EventCatalog _catalog;
    private readonly TimeProvider _timeProvider;

    /// <summary>Creates an empty store.</summary>
    /// <param name="catalog">The event types the store accepts, with their wire names.</param>
    /// <param name="timeProvider">The clock that stamps <see cref="RecordedEvent.RecordedAt"/>; the system clock when null.</param>
    public InMemoryEventStore(EventCatalog catalog, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        _catalog = catalog;
        _timeProvider = timeProvider ?? TimeProvider.System;
    }

    /// <inheritdoc />
    public Task<long> AppendAsync(
        string streamId,
        long expectedVersion,
        IReadOnlyList<object> events,
        EventMetadata metadata,
        CancellationToken cancellationToken = default)
    {
        StoreArguments.ValidateAppend(streamId, expectedVersion, events, metadata);
        cancellationToken.ThrowIfCancellationRequested();
        var names = events.Select(e => _catalog.NameOf(e.GetType())).ToArray();
        lock (_gate)
        {
            _streams.TryGetValue(streamId, out var stream);
            var actual = stream?.Count ?? 0;
            if (actual != expectedVersion)
            {
                throw new StreamVersionConflictException(streamId, expectedVersion, actual);
            }

            if (stream is null)
            {
                stream = [];
                _streams.Add(streamId, stream);
            }

            var now = _timeProvider.GetUtcNow();
            for (var i = 0; i < events.Count; i++)
            {
                var recorded = new RecordedEvent(streamId, actual + i + 1, _all.Count + 1, names[i], events[i], metadata, now);
                stream.Add(recorded);
                _all.Add(recorded);
            }

            return Task.FromResult((long)stream.Count);
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<RecordedEvent>> ReadStreamAsync(
        string streamId,
        long? untilVersion = null,
        CancellationToken cancellationToken = default)
    {
        StoreArguments.ValidateRead(streamId, untilVersion);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            if (!_streams.TryGetValue(streamId, out var stream))
            {
                return Task.FromResult<IReadOnlyList<RecordedEvent>>([]);
            }

            var count = untilVersion is { } until ? (int)Math.Min(until, stream.Count) : stream.Count;
            return Task.FromResult<IReadOnlyList<RecordedEvent>>(stream.GetRange(0, count).ToArray());
        }
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<RecordedEvent> ReadAllAsync(
        long afterPosition = 0,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(afterPosition);
        RecordedEvent[] snapshot;
        lock (_gate)
        {
            var start = (int)Math.Min(afterPosition, _all.Count);
            snapshot = _all.GetRange(start, _all.Count - start).ToArray();
        }

        foreach (var recorded in snapshot)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return recorded;
        }

        await Task.CompletedTask.ConfigureAwait(false);
    }
}
