namespace Negotiations.Marten;

/// <summary>
/// The names of the Marten event headers in which <see cref="MartenEventStore"/> keeps the parts of
/// <see cref="EventSourcing.EventMetadata"/> that Marten has no column for. They are part of the storage format
/// (the <c>headers</c> column of <c>mt_events</c>) and never change.
/// </summary>
public static class MartenEventHeaders
{
    /// <summary>The id of the command that appended the event.</summary>
    public const string CommandId = "command-id";

    /// <summary>
    /// The tenant the event was recorded for. A label kept with the event, not Marten's tenancy: the events of
    /// every tenant share one Marten tenant, and reads return them all.
    /// </summary>
    public const string Tenant = "tenant";
}
