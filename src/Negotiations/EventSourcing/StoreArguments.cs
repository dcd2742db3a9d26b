namespace Negotiations.EventSourcing;

/// <summary>Argument checks every store applies the same way, so the contract suite holds for all.</summary>
public static class StoreArguments
{
    /// <summary>
    /// Checks a stream key: a tenant (<see cref="StreamKey.DefaultTenant"/>, or 1 to <see cref="StreamKey.TenantLength"/>
    /// letters, digits, <c>-</c>, <c>_</c> and <c>.</c>, starting with a letter or digit) and a stream id (1 to
    /// <see cref="StreamKey.StreamIdLength"/> characters, not white space only, with no control character, NUL or
    /// lone surrogate).
    /// </summary>
    /// <param name="stream">The key.</param>
    /// <exception cref="ArgumentException">The tenant or the stream id breaks those rules, or is missing (a default key).</exception>
    public static void ValidateStream(StreamKey stream)
    {
        if (StreamProblem(stream) is { } problem)
        {
            throw new ArgumentException(problem, nameof(stream));
        }
    }

    /// <summary>What is wrong with a stream key, in words, or null when it is valid.</summary>
    internal static string? StreamProblem(StreamKey stream)
    {
        if (string.IsNullOrWhiteSpace(stream.Tenant) || string.IsNullOrWhiteSpace(stream.StreamId))
        {
            return $"A stream key needs a tenant and a stream id; got tenant {TextRules.Show(stream.Tenant)} and stream id {TextRules.Show(stream.StreamId)}. Use StreamKey.Of(\"a-stream\") for the default tenant.";
        }

        if (StreamKey.TenantProblem(stream.Tenant) is { } tenant)
        {
            return $"The tenant {TextRules.Show(stream.Tenant)} of stream {TextRules.Show(stream.StreamId)} is not a valid tenant id: {tenant}.";
        }

        if (stream.StreamId.Length > StreamKey.StreamIdLength)
        {
            return $"The stream id {TextRules.Show(stream.StreamId)} is not valid: it has {stream.StreamId.Length:N0} characters, more than the {StreamKey.StreamIdLength} allowed.";
        }

        return TextRules.Problem(stream.StreamId, lineBreaks: false) is { } text
            ? $"The stream id {TextRules.Show(stream.StreamId)} is not valid: it holds {text}."
            : null;
    }

    /// <summary>
    /// Checks the metadata of an append: the command id, type and fingerprint and the correlation and causation ids,
    /// where given, are 1 to <see cref="EventMetadata.ValueLength"/> characters with no control character, NUL or
    /// lone surrogate.
    /// </summary>
    /// <param name="metadata">The metadata.</param>
    /// <exception cref="ArgumentException">A value breaks those rules.</exception>
    public static void ValidateMetadata(EventMetadata metadata)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        Check(metadata.CommandId, nameof(EventMetadata.CommandId));
        Check(metadata.CommandType, nameof(EventMetadata.CommandType));
        Check(metadata.CommandFingerprint, nameof(EventMetadata.CommandFingerprint));
        Check(metadata.CorrelationId, nameof(EventMetadata.CorrelationId));
        Check(metadata.CausationId, nameof(EventMetadata.CausationId));

        static void Check(string? value, string name)
        {
            if (value is null)
            {
                return;
            }

            var problem = value.Length == 0 ? "it is empty"
                : value.Length > EventMetadata.ValueLength ? $"it has {value.Length:N0} characters, more than the {EventMetadata.ValueLength} allowed"
                : TextRules.Problem(value, lineBreaks: false) is { } text ? $"it holds {text}"
                : null;
            if (problem is not null)
            {
                throw new ArgumentException($"The metadata's {name} {TextRules.Show(value)} is not valid: {problem}.", nameof(metadata));
            }
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
        ValidateMetadata(metadata);
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
