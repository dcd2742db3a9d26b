namespace Negotiations.EventSourcing;

/// <summary>
/// A view of one stream, built by folding the stream's events in order: write it once as plain code and
/// run it in memory (<see cref="Project"/>) or on PostgreSQL through <c>Negotiations.Marten</c>, live,
/// inline or async. A decider's decision state is a stream projection too (<see cref="IDecider{TState, TCommand, TEvent}.State"/>).
/// </summary>
/// <remarks>
/// <para>There are no method-name conventions: <see cref="Evolve"/> sees every event of the stream with its
/// metadata and decides what to do with it. It must be deterministic (no clock, no I/O) so that a rebuild
/// gives the same view.</para>
/// <para><see cref="Fold"/> folds many events at once; it calls <see cref="Evolve"/> for each unless overridden.
/// Override it when a view is built better with a mutable builder than by copying an immutable view per event: the
/// library's own views do, so that folding N events costs O(N). Stores fold through it (a replay, a rebuild, a
/// batch of the async daemon), so the two must agree.</para>
/// </remarks>
/// <typeparam name="TView">The view type.</typeparam>
public abstract class StreamProjection<TView>
    where TView : class
{
    /// <summary>
    /// The version of the view's shape and of the meaning of its fold, 1 unless overridden. Stored views of another
    /// version are out of date: a decision snapshot of another version is never decided on.
    /// </summary>
    public virtual int SchemaVersion => 1;

    /// <summary>
    /// The event types this projection handles and those it ignores, when it declares them; null when it takes every
    /// event of its streams as it comes. A store passes a declaring projection only the types it names.
    /// </summary>
    public virtual ProjectedEventTypes? EventTypes => null;

    /// <summary>The view of a stream before any of its events.</summary>
    /// <param name="streamId">The stream.</param>
    /// <returns>A new, empty view.</returns>
    public abstract TView Start(string streamId);

    /// <summary>Folds one event into the view.</summary>
    /// <param name="view">The view so far.</param>
    /// <param name="event">The event, with its stream, version, metadata and record time.</param>
    /// <returns>The view after the event (a new one, or the same instance when nothing changed).</returns>
    public abstract TView Evolve(TView view, RecordedEvent @event);

    /// <summary>Folds events, in stream order, into a view.</summary>
    /// <param name="view">The view so far.</param>
    /// <param name="events">The events after it, in version order.</param>
    /// <returns>The view after the events.</returns>
    public virtual TView Fold(TView view, IReadOnlyList<RecordedEvent> events)
    {
        ArgumentNullException.ThrowIfNull(view);
        ArgumentNullException.ThrowIfNull(events);
        for (var i = 0; i < events.Count; i++)
        {
            view = Evolve(view, events[i]);
        }

        return view;
    }

    /// <summary>Builds the view of one stream from its events, in memory.</summary>
    /// <param name="streamId">The stream.</param>
    /// <param name="events">The stream's events in version order.</param>
    /// <returns>The view.</returns>
    public TView Project(string streamId, IEnumerable<RecordedEvent> events)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(streamId);
        ArgumentNullException.ThrowIfNull(events);
        return Fold(Start(streamId), events as IReadOnlyList<RecordedEvent> ?? [.. events]);
    }
}

/// <summary>
/// A view fed by the events of many streams, such as "open ultimatums across all tracks". Each event is
/// routed to zero or more views by id, then folded in global order.
/// </summary>
/// <remarks>As for <see cref="StreamProjection{TView}"/>, <see cref="Fold"/> may be overridden to fold with a builder.</remarks>
/// <typeparam name="TView">The view type.</typeparam>
public abstract class CrossStreamProjection<TView>
    where TView : class
{
    /// <summary>The version of the view's shape and of the meaning of its fold, 1 unless overridden.</summary>
    public virtual int SchemaVersion => 1;

    /// <summary>The event types this projection handles and those it ignores, when it declares them; null otherwise.</summary>
    public virtual ProjectedEventTypes? EventTypes => null;

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

    /// <summary>Folds events routed to one view, in global order.</summary>
    /// <param name="view">The view so far.</param>
    /// <param name="events">The events after it that feed it, in global order.</param>
    /// <returns>The view after the events.</returns>
    public virtual TView Fold(TView view, IReadOnlyList<RecordedEvent> events)
    {
        ArgumentNullException.ThrowIfNull(view);
        ArgumentNullException.ThrowIfNull(events);
        for (var i = 0; i < events.Count; i++)
        {
            view = Evolve(view, events[i]);
        }

        return view;
    }

    /// <summary>Builds every view from events in global order, in memory.</summary>
    /// <param name="events">Events of any streams, in global order.</param>
    /// <returns>The views by id, in the order they were first fed.</returns>
    public IReadOnlyDictionary<string, TView> Project(IEnumerable<RecordedEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        var routed = new Dictionary<string, List<RecordedEvent>>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (var @event in events)
        {
            foreach (var id in ViewIdsFor(@event))
            {
                if (!routed.TryGetValue(id, out var list))
                {
                    routed.Add(id, list = []);
                    order.Add(id);
                }

                list.Add(@event);
            }
        }

        var views = new Dictionary<string, TView>(order.Count, StringComparer.Ordinal);
        foreach (var id in order)
        {
            views.Add(id, Fold(Start(id), routed[id]));
        }

        return views;
    }
}

/// <summary>
/// The event types a projection or decision state declares: those it handles and those it knowingly ignores. A
/// projection that declares them throws on any other type, so a new event type cannot be silently ignored.
/// </summary>
public sealed class ProjectedEventTypes
{
    private readonly HashSet<Type> _handled;
    private readonly HashSet<Type> _ignored;

    /// <summary>Declares the types.</summary>
    /// <param name="handled">The types the projection folds.</param>
    /// <param name="ignored">The types it leaves out on purpose.</param>
    /// <exception cref="ArgumentException">A type is declared both handled and ignored.</exception>
    public ProjectedEventTypes(IEnumerable<Type> handled, IEnumerable<Type> ignored)
    {
        ArgumentNullException.ThrowIfNull(handled);
        ArgumentNullException.ThrowIfNull(ignored);
        _handled = [.. handled];
        _ignored = [.. ignored];
        var both = _handled.Intersect(_ignored).Select(t => t.Name).ToArray();
        if (both.Length > 0)
        {
            throw new ArgumentException($"Event types {string.Join(", ", both)} are declared both handled and ignored.", nameof(ignored));
        }
    }

    /// <summary>The types the projection folds.</summary>
    public IReadOnlyCollection<Type> Handled => _handled;

    /// <summary>The types it leaves out on purpose.</summary>
    public IReadOnlyCollection<Type> Ignored => _ignored;

    /// <summary>Every declared type, handled or ignored.</summary>
    public IEnumerable<Type> All => _handled.Concat(_ignored);

    /// <summary>Whether the projection folds events of a type.</summary>
    /// <param name="eventType">The type.</param>
    /// <returns>True when handled.</returns>
    public bool Handles(Type eventType) => _handled.Contains(eventType);

    /// <summary>Whether a type is declared at all.</summary>
    /// <param name="eventType">The type.</param>
    /// <returns>True when handled or ignored.</returns>
    public bool Declares(Type eventType) => _handled.Contains(eventType) || _ignored.Contains(eventType);
}

/// <summary>Thrown by a projection that declares its event types when it meets an event of another type.</summary>
public sealed class UndeclaredEventTypeException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="projection">The projection's type.</param>
    /// <param name="eventType">The event's type.</param>
    public UndeclaredEventTypeException(Type projection, Type eventType)
        : base($"{projection?.Name} declares neither handling nor ignoring events of type {eventType?.Name}; add it to the projection's event types.")
    {
        ProjectionType = projection!;
        EventType = eventType!;
    }

    /// <summary>The projection's type.</summary>
    public Type ProjectionType { get; }

    /// <summary>The event's type.</summary>
    public Type EventType { get; }
}

/// <summary>Runs projections over a store's events, in memory.</summary>
public static class EventStoreProjectionExtensions
{
    /// <summary>Builds a single-stream view live from the store.</summary>
    /// <typeparam name="TView">The view type.</typeparam>
    /// <param name="store">The store.</param>
    /// <param name="projection">The projection.</param>
    /// <param name="stream">The stream.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The view.</returns>
    public static async Task<TView> ProjectAsync<TView>(this IEventStore store, StreamProjection<TView> projection, StreamKey stream, CancellationToken cancellationToken = default)
        where TView : class
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(projection);
        var events = await store.ReadStreamAsync(stream, cancellationToken: cancellationToken).ConfigureAwait(false);
        return projection.Project(stream.StreamId, events);
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
