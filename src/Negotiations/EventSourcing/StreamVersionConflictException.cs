namespace Negotiations.EventSourcing;

/// <summary>
/// Thrown when an append finds its stream at another version than the caller expected: someone else
/// wrote to the stream since the caller read it. Nothing of the failed append was written.
/// </summary>
/// <remarks>
/// Every store raises this one exception for a conflict, whatever its own exception types are. The
/// command service catches it, reloads the stream's tail and retries a bounded number of times
/// (<see cref="NegotiationsOptions.MaxConflictRetries"/>) before letting it surface.
/// </remarks>
public sealed class StreamVersionConflictException : Exception
{
    /// <summary>Creates the exception for a stream, the version the caller expected, and the version found.</summary>
    /// <param name="stream">The stream.</param>
    /// <param name="expectedVersion">The version the caller expected.</param>
    /// <param name="actualVersion">The version the stream was at, or null when the store could not tell.</param>
    /// <param name="innerException">The store's own exception, if any.</param>
    public StreamVersionConflictException(StreamKey stream, long expectedVersion, long? actualVersion, Exception? innerException = null)
        : base(BuildMessage(stream, expectedVersion, actualVersion), innerException)
    {
        Stream = stream;
        ExpectedVersion = expectedVersion;
        ActualVersion = actualVersion;
    }

    /// <summary>The stream whose version did not match.</summary>
    public StreamKey Stream { get; }

    /// <summary>The id of the stream whose version did not match.</summary>
    public string StreamId => Stream.StreamId;

    /// <summary>The version the caller expected the stream to be at.</summary>
    public long ExpectedVersion { get; }

    /// <summary>The version the stream was at, or null when the store could not tell.</summary>
    public long? ActualVersion { get; }

    private static string BuildMessage(StreamKey stream, long expectedVersion, long? actualVersion) =>
        actualVersion is { } actual
            ? $"Stream '{stream}' was expected at version {expectedVersion} but is at version {actual}; nothing was appended."
            : $"Stream '{stream}' was expected at version {expectedVersion} but has moved on; nothing was appended.";
}
