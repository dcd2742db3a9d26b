using System.Runtime.CompilerServices;

namespace Negotiations.EventSourcing;

/// <summary>
/// A thread-safe event store in process memory, with the same optimistic concurrency and command records as the
/// PostgreSQL store. For tests, samples and tools; its events are gone when the process ends.
/// </summary>
/// <remarks>
/// It keeps no decision states: the command service caches them and reads only the events it has not seen
/// (<see cref="IEventStore.DecideAndAppendAsync{TState}"/>). Reads copy only the range asked for.
/// </remarks>
public sealed class InMemoryEventStore : IEventStore
{
    private readonly object _gate = new();
    private readonly Dictionary<StreamKey, List<RecordedEvent>> _streams = [];
    private readonly Dictionary<(StreamKey Stream, string CommandId), CommandRecord> _commands = [];
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
    public Task<AppendResult> AppendAsync(
        StreamKey stream,
        long expectedVersion,
        IReadOnlyList<object> events,
        EventMetadata metadata,
        CancellationToken cancellationToken = default)
    {
        StoreArguments.ValidateAppend(stream, expectedVersion, events, metadata);
        cancellationToken.ThrowIfCancellationRequested();
        var names = new string[events.Count];
        for (var i = 0; i < names.Length; i++)
        {
            names[i] = _catalog.NameOf(events[i].GetType());
        }

        lock (_gate)
        {
            _streams.TryGetValue(stream, out var events0);
            var actual = events0?.Count ?? 0;
            if (actual != expectedVersion)
            {
                throw new StreamVersionConflictException(stream, expectedVersion, actual);
            }

            var record = CommandRecord.Of(stream, expectedVersion, events.Count, metadata);
            if (record is not null && _commands.ContainsKey((stream, record.CommandId)))
            {
                throw new CommandAlreadyRecordedException(stream, record.CommandId, actual);
            }

            if (events0 is null)
            {
                events0 = [];
                _streams.Add(stream, events0);
            }

            var now = _timeProvider.GetUtcNow();
            var positions = new long[events.Count];
            for (var i = 0; i < events.Count; i++)
            {
                positions[i] = _all.Count + 1;
                var recorded = new RecordedEvent(stream, actual + i + 1, positions[i], names[i], events[i], metadata, now);
                events0.Add(recorded);
                _all.Add(recorded);
            }

            if (record is not null)
            {
                _commands.Add((stream, record.CommandId), record);
            }

            return Task.FromResult(new AppendResult(events0.Count, positions));
        }
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<RecordedEvent>> ReadStreamAsync(
        StreamKey stream,
        long fromVersion = 1,
        long? untilVersion = null,
        CancellationToken cancellationToken = default)
    {
        StoreArguments.ValidateRead(stream, fromVersion, untilVersion);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            if (!_streams.TryGetValue(stream, out var events))
            {
                return Task.FromResult<IReadOnlyList<RecordedEvent>>([]);
            }

            var start = (int)Math.Min(fromVersion - 1, events.Count);
            var end = (int)Math.Min(untilVersion ?? events.Count, events.Count);
            return Task.FromResult<IReadOnlyList<RecordedEvent>>(end <= start ? [] : events.GetRange(start, end - start).ToArray());
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

    /// <inheritdoc />
    public Task<CommandRecord?> FindCommandAsync(StreamKey stream, string commandId, CancellationToken cancellationToken = default)
    {
        StoreArguments.ValidateFindCommand(stream, commandId);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            return Task.FromResult(_commands.TryGetValue((stream, commandId), out var record) ? record : null);
        }
    }
}
