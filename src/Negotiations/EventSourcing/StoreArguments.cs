namespace Negotiations.EventSourcing;

/// <summary>Argument checks every store applies the same way, so the contract suite holds for all.</summary>
public static class StoreArguments
{
    /// <summary>Checks a stream key: a tenant and a stream id, neither empty nor white space.</summary>
    /// <param name="stream">The key.</param>
    /// <exception cref="ArgumentException">The tenant or the stream id is empty, white space, or missing (a default key).</exception>
    public static void ValidateStream(StreamKey stream)
    {
        if (string.IsNullOrWhiteSpace(stream.Tenant) || string.IsNullOrWhiteSpace(stream.StreamId))
        {
            throw new ArgumentException(
                $"A stream key needs a tenant and a stream id; got tenant '{stream.Tenant}' and stream id '{stream.StreamId}'. Use StreamKey.Of(\"a-stream\") for the default tenant.",
                nameof(stream));
        }
    }

    /// <summary>Checks the arguments of <see cref="IEventStore.AppendAsync"/>.</summary>
    /// <param name="stream">The stream key.</param>
    /// <param name="expectedVersion">Not negative.</param>
    /// <param name="events">At least one event, none null.</param>
    /// <param name="metadata">Not null.</param>
    public static void ValidateAppend(StreamKey stream, long expectedVersion, IReadOnlyList<object> events, EventMetadata metadata)
    {
        ValidateStream(stream);
        ArgumentOutOfRangeException.ThrowIfNegative(expectedVersion);
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(metadata);
        if (events.Count == 0)
        {
            throw new ArgumentException($"An append to stream '{stream}' needs at least one event.", nameof(events));
        }

        for (var i = 0; i < events.Count; i++)
        {
            if (events[i] is null)
            {
                throw new ArgumentException($"Event {i} of the append to stream '{stream}' is null.", nameof(events));
            }
        }
    }

    /// <summary>Checks the arguments of <see cref="IEventStore.ReadStreamAsync"/>.</summary>
    /// <param name="stream">The stream key.</param>
    /// <param name="fromVersion">At least 1.</param>
    /// <param name="untilVersion">Not negative when given.</param>
    public static void ValidateRead(StreamKey stream, long fromVersion, long? untilVersion)
    {
        ValidateStream(stream);
        ArgumentOutOfRangeException.ThrowIfLessThan(fromVersion, 1);
        if (untilVersion is { } until)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(until, nameof(untilVersion));
        }
    }

    /// <summary>Checks the arguments of <see cref="IEventStore.FindCommandAsync"/>.</summary>
    /// <param name="stream">The stream key.</param>
    /// <param name="commandId">Not empty or white space.</param>
    public static void ValidateFindCommand(StreamKey stream, string commandId)
    {
        ValidateStream(stream);
        ArgumentException.ThrowIfNullOrWhiteSpace(commandId);
    }
}
