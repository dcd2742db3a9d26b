namespace Negotiations.EventSourcing;

/// <summary>
/// A view of one stream, built by folding the stream's events in order: write it once as plain code and
/// run it in memory (<see cref="Project"/>) or on PostgreSQL through <c>Negotiations.Marten</c>, live,
/// inline or async.
/// </summary>
/// <remarks>
/// There are no method-name conventions: <see cref="Evolve"/> sees every event of the stream with its
/// metadata and decides what to do with it. It must be deterministic (no clock, no I/O) so that a rebuild
/// gives the same view.
/// </remarks>
/// <typeparam name="TView">The view type.</typeparam>
public abstract class StreamProjection<TView>
    where TView : class
{
    /// <summary>The view of a stream before any of its events.</summary>
    /// <param name="streamId">The stream.</param>
    /// <returns>A new, empty view.</returns>
    public abstract TView Start(string streamId);

    /// <summary>Folds one event into the view.</summary>
    /// <param name="view">The view so far.</param>
    /// <param name="event">The event, with its stream, version, metadata and record time.</param>
    /// <returns>The view after the event (the same instance, changed, or a new one).</returns>
    public abstract TView Evolve(TView view, RecordedEvent @event);

    /// <summary>Builds the view of one stream from its events, in memory.</summary>
    /// <param name="streamId">The stream.</param>
    /// <param name="events">The stream's events in version order.</param>
    /// <returns>The view.</returns>
    public TView Project(string streamId, IEnumerable<RecordedEvent> events)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(streamId);
        ArgumentNullException.ThrowIfNull(events);
        var view = Start(streamId);
        foreach (var @event in events)
        {
            view = Evolve(view, @event);
        }

        return view;
    }
}

/// <summary>
/// A view fed by the events of many streams, such as "open ultimatums across all tracks". Each event is
/// routed to zero or more views by id, then folded in global order.
/// </summary>
/// <typeparam name="TView">The view type.</typeparam>
public abstract class CrossStreamProjection<TView>
    where TView : class
{
    /// <summary>The ids of the views an event feeds; empty when the event does not matter to this projection.</summary>
    /// <param name="event">The event.</param>
    /// <returns>The view ids.</returns>
    public abstract IReadOnlyList<string> ViewIdsFor(RecordedEvent @event);

    /// <summary>A view before any event.</summary>
    /// <param name="viewId">The view's id.</param>
    /// <returns>A new, empty view.</returns>
    public abstract TView Start(string viewId);

    /// <summary>Folds one event into one view.</summary>
    /// <param name="view">The view so far.</param>
    /// <param name="event">The event.</param>
    /// <returns>The view after the event.</returns>
    public abstract TView Evolve(TView view, RecordedEvent @event);

    /// <summary>Builds every view from events in global order, in memory.</summary>
    /// <param name="events">Events of any streams, in global order.</param>
    /// <returns>The views by id, in the order they were first fed.</returns>
    public IReadOnlyDictionary<string, TView> Project(IEnumerable<RecordedEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        var views = new Dictionary<string, TView>(StringComparer.Ordinal);
        foreach (var @event in events)
        {
            foreach (var id in ViewIdsFor(@event))
            {
                var view = views.TryGetValue(id, out var existing) ? existing : Start(id);
                views[id] = Evolve(view, @event);
            }
        }

        return views;
    }
}

/// <summary>Runs projections over a store's events, in memory.</summary>
public static class EventStoreProjectionExtensions
{
    /// <summary>Builds a single-stream view live from the store.</summary>
    /// <typeparam name="TView">The view type.</typeparam>
    /// <param name="store">The store.</param>
    /// <param name="projection">The projection.</param>
    /// <param name="streamId">The stream.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The view.</returns>
    public static async Task<TView> ProjectAsync<TView>(this IEventStore store, StreamProjection<TView> projection, string streamId, CancellationToken cancellationToken = default)
        where TView : class
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(projection);
        var events = await store.ReadStreamAsync(streamId, cancellationToken: cancellationToken).ConfigureAwait(false);
        return projection.Project(streamId, events);
    }

    /// <summary>Builds every cross-stream view live from all the store's events.</summary>
    /// <typeparam name="TView">The view type.</typeparam>
    /// <param name="store">The store.</param>
    /// <param name="projection">The projection.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The views by id.</returns>
    public static async Task<IReadOnlyDictionary<string, TView>> ProjectAsync<TView>(this IEventStore store, CrossStreamProjection<TView> projection, CancellationToken cancellationToken = default)
        where TView : class
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(projection);
        var events = new List<RecordedEvent>();
        await foreach (var @event in store.ReadAllAsync(0, cancellationToken).ConfigureAwait(false))
        {
            events.Add(@event);
        }

        return projection.Project(events);
    }
}
