namespace Negotiations.EventSourcing;

/// <summary>Argument checks every store applies the same way, so the contract suite holds for all.</summary>
public static class StoreArguments
{
    /// <summary>Checks the arguments of <see cref="IEventStore.AppendAsync"/>.</summary>
    /// <param name="streamId">The stream id: not empty or white space.</param>
    /// <param name="expectedVersion">Not negative.</param>
    /// <param name="events">At least one event, none null.</param>
    /// <param name="metadata">Not null.</param>
    public static void ValidateAppend(string streamId, long expectedVersion, IReadOnlyList<object> events, EventMetadata metadata)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(streamId);
        ArgumentOutOfRangeException.ThrowIfNegative(expectedVersion);
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(metadata);
        if (events.Count == 0)
        {
            throw new ArgumentException($"An append to stream '{streamId}' needs at least one event.", nameof(events));
        }

        for (var i = 0; i < events.Count; i++)
        {
            if (events[i] is null)
            {
                throw new ArgumentException($"Event {i} of the append to stream '{streamId}' is null.", nameof(events));
            }
        }
    }

    /// <summary>Checks the arguments of <see cref="IEventStore.ReadStreamAsync"/>.</summary>
    /// <param name="streamId">The stream id: not empty or white space.</param>
    /// <param name="untilVersion">Not negative when given.</param>
    public static void ValidateRead(string streamId, long? untilVersion)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(streamId);
        if (untilVersion is { } until)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(until, nameof(untilVersion));
        }
    }
}
