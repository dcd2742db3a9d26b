namespace Negotiations.EventSourcing;

/// <summary>
/// Thrown when the store itself failed: the database could not be reached, dropped the connection, timed out, or
/// refused the work for a reason of its own (not a version conflict, not a command recorded already). The store's own
/// exception is <see cref="Exception.InnerException"/>.
/// </summary>
/// <remarks>
/// <para><b>What to do.</b> Send the command again later, with the same command id. That is always safe: when the
/// first attempt was not stored, the command is decided and appended once; when it was, the command's record answers
/// <see cref="CommandOutcome.AlreadyApplied"/> with the events of the first attempt and nothing is appended again.</para>
/// <para><b>Whether anything was written.</b> When <see cref="OutcomeUnknown"/> is false, the failure came before the
/// transaction was asked to commit (or the database reported that it rolled it back): nothing of the command was
/// written. When it is true, the connection failed after the commit was sent: the events may be stored or not, and
/// only a read (or resending the command) tells.</para>
/// <para>The library adds no retries of its own to a failed write; what the store's driver retries is the
/// driver's business (Marten retries a commit only on errors PostgreSQL reports as a rollback).</para>
/// </remarks>
public sealed class EventStoreUnavailableException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="stream">The stream being read or written.</param>
    /// <param name="outcomeUnknown">True when the failure came after the commit was sent, so the write may have been stored.</param>
    /// <param name="innerException">The store's own exception.</param>
    public EventStoreUnavailableException(StreamKey stream, bool outcomeUnknown, Exception innerException)
        : base(BuildMessage(stream, outcomeUnknown, innerException), innerException)
    {
        Stream = stream;
        OutcomeUnknown = outcomeUnknown;
    }

    /// <summary>The stream being read or written; a default key for a read of all streams.</summary>
    public StreamKey Stream { get; }

    /// <summary>
    /// True when the failure came after the commit was sent: the events may have been stored. False when nothing was
    /// written.
    /// </summary>
    public bool OutcomeUnknown { get; }

    private static string BuildMessage(StreamKey stream, bool outcomeUnknown, Exception innerException)
    {
        ArgumentNullException.ThrowIfNull(innerException);
        var which = stream.StreamId is null ? "The event store" : $"The event store, on stream '{stream}',";
        var outcome = outcomeUnknown
            ? "the connection failed after the commit was sent, so the write may or may not be stored; send the command again with the same id to find out (it appends at most once)"
            : "nothing was written; the command may be sent again with the same id";
        return $"{which} failed ({innerException.GetType().Name}: {innerException.Message}): {outcome}.";
    }
}
