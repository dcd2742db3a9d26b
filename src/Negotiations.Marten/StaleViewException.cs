namespace Negotiations.Marten;

/// <summary>
/// Thrown when a stored view cannot be read or continued: its JSON no longer fits the view type, it was written by
/// another schema version of its projection, or an event before it is missing. The view is left stale, not deleted,
/// so nothing is lost and appends go on; rebuild it from the events.
/// </summary>
public sealed class StaleViewException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="viewType">The view type.</param>
    /// <param name="projectionType">The projection that keeps it.</param>
    /// <param name="viewId">The view's id (the stream id for a stream projection).</param>
    /// <param name="reason">Why it cannot be read.</param>
    public StaleViewException(Type viewType, Type projectionType, string viewId, string reason)
        : base($"The stored {viewType?.Name} view '{viewId}' of projection {projectionType?.Name} is stale and cannot be loaded: {reason.TrimEnd('.')}. Rebuild it with MartenViews.RebuildAsync<{viewType?.Name}>().")
    {
        ViewType = viewType!;
        ProjectionType = projectionType!;
        ViewId = viewId;
        Reason = reason;
    }

    /// <summary>The view type.</summary>
    public Type ViewType { get; }

    /// <summary>The projection that keeps it.</summary>
    public Type ProjectionType { get; }

    /// <summary>The view's id.</summary>
    public string ViewId { get; }

    /// <summary>Why it cannot be read.</summary>
    public string Reason { get; }
}
