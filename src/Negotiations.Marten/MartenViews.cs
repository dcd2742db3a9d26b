using JasperFx.Events.Projections;
using Marten;
using Marten.Events;
using Negotiations.EventSourcing;

namespace Negotiations.Marten;

/// <summary>
/// Reads and maintains the views that stream and cross-stream projections keep in a Marten store, by view type.
/// Registered by <see cref="NegotiationsMartenBuilderExtensions.UseMarten"/>; safe to share.
/// </summary>
/// <remarks>
/// To select stored views by their content, query the <see cref="ProjectedView{TView}"/> documents with Marten's LINQ
/// in a session of the store; its remarks say which members translate (enums by their stored names with <c>==</c>,
/// <c>!=</c> and <c>Contains</c>; not members of the library's id types).
/// </remarks>
public sealed class MartenViews : IStoredViews
{
    private readonly IDocumentStore _store;

    /// <summary>Creates the reader over a store whose projections were added with the <c>AddProjection</c> methods.</summary>
    /// <param name="store">The Marten store.</param>
    public MartenViews(IDocumentStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        _store = store;
    }

    /// <summary>
    /// Folds a stream now, through the stream projection registered for <typeparamref name="TView"/> (whatever its
    /// lifecycle), without storing the result: Marten's <c>AggregateStreamAsync</c>.
    /// </summary>
    /// <typeparam name="TView">The view type of a registered stream projection.</typeparam>
    /// <param name="streamId">The stream.</param>
    /// <param name="untilVersion">When given, the last version to fold.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The view with the version it reflects; null when the stream has no events.</returns>
    /// <exception cref="InvalidOperationException">No stream projection is registered for <typeparamref name="TView"/>.</exception>
    public async Task<ProjectedView<TView>?> AggregateAsync<TView>(string streamId, long? untilVersion = null, CancellationToken cancellationToken = default)
        where TView : class
    {
        StoreArguments.ValidateRead(StreamKey.Of(streamId), 1, untilVersion);
        var projection = ProjectionFor<TView>();
        if (projection is not MartenStreamProjection<TView>)
        {
            throw new InvalidOperationException($"View type '{typeof(TView).Name}' is maintained by cross-stream projection '{projection.SourceType.Name}', which cannot be folded per stream; load its views with LoadAsync.");
        }

        if (untilVersion == 0)
        {
            return null;
        }

        var session = _store.QuerySession();
        await using (session.ConfigureAwait(false))
        {
            return await session.Events.AggregateStreamAsync<ProjectedView<TView>>(streamId, untilVersion ?? 0, token: cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Loads a stored view (of an inline or async projection) by id.</summary>
    /// <typeparam name="TView">The view type.</typeparam>
    /// <param name="viewId">The view's id: the stream id for a stream projection.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The view; null when none is stored under that id (yet, for an async projection).</returns>
    public async Task<ProjectedView<TView>?> LoadAsync<TView>(string viewId, CancellationToken cancellationToken = default)
        where TView : class
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(viewId);
        EnsureStored(ProjectionFor<TView>());
        var projection = ProjectionFor<TView>();
        var session = _store.QuerySession();
        await using (session.ConfigureAwait(false))
        {
            var stored = await session.LoadAsync<ProjectedView<TView>>(viewId, cancellationToken).ConfigureAwait(false);
            return stored is null ? null : Readable(stored, projection);
        }
    }

    /// <inheritdoc />
    public bool Keeps<TView>()
        where TView : class =>
        FindProjection<TView>() is { Lifecycle: not ProjectionLifecycle.Live } projection && projection is MartenStreamProjection<TView>;

    /// <inheritdoc />
    /// <remarks>Marten's <c>FetchLatest</c>: an inline view as stored, an async one as stored with the events after it folded in.</remarks>
    /// <exception cref="StaleViewException">The stored view cannot be read or continued; rebuild it.</exception>
    public async Task<TView?> LoadLatestAsync<TView>(StreamKey stream, CancellationToken cancellationToken = default)
        where TView : class
    {
        StoreArguments.ValidateStream(stream);
        var projection = ProjectionFor<TView>();
        EnsureStored(projection);
        var session = _store.LightweightSession();
        await using (session.ConfigureAwait(false))
        {
            var latest = await session.Events.FetchLatest<ProjectedView<TView>>(stream.StreamId, cancellationToken).ConfigureAwait(false);
            return latest is null ? null : Readable(latest, projection).View;
        }
    }

    /// <summary>Loads every stored view of a type, in id order: for small sets such as cross-stream summaries.</summary>
    /// <typeparam name="TView">The view type.</typeparam>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The views.</returns>
    public async Task<IReadOnlyList<ProjectedView<TView>>> LoadAllAsync<TView>(CancellationToken cancellationToken = default)
        where TView : class
    {
        EnsureStored(ProjectionFor<TView>());
        var session = _store.QuerySession();
        await using (session.ConfigureAwait(false))
        {
            var projection = ProjectionFor<TView>();
            var stored = await session.Query<ProjectedView<TView>>().OrderBy(v => v.Id).ToListAsync(cancellationToken).ConfigureAwait(false);
            return [.. stored.Select(v => Readable(v, projection))];
        }
    }

    /// <summary>
    /// Rebuilds the stored views of <typeparamref name="TView"/> from all the events: deletes them, replays every
    /// event through the projection and resumes from the end. For a changed projection, or views thought wrong.
    /// </summary>
    /// <remarks>
    /// The rebuild runs in this process through a daemon of its own. An async projection being rebuilt should not be
    /// run by another daemon meanwhile (stop the hosted daemon, or run it elsewhere with <see cref="NegotiationsMartenOptions.DaemonMode"/> disabled here);
    /// readers see missing or partial views until the rebuild ends.
    /// </remarks>
    /// <typeparam name="TView">The view type of an inline or async projection.</typeparam>
    /// <param name="timeout">How long the rebuild may take before it is abandoned; 5 minutes when null.</param>
    /// <param name="cancellationToken">Cancels the rebuild.</param>
    /// <returns>A task that completes when the views are rebuilt.</returns>
    /// <exception cref="InvalidOperationException">No projection is registered for <typeparamref name="TView"/>, or it is live.</exception>
    public async Task RebuildAsync<TView>(TimeSpan? timeout = null, CancellationToken cancellationToken = default)
        where TView : class
    {
        var projection = ProjectionFor<TView>();
        EnsureStored(projection);
        using var daemon = await _store.BuildProjectionDaemonAsync().ConfigureAwait(false);
        await daemon.RebuildProjectionAsync(projection.Name, timeout ?? TimeSpan.FromMinutes(5), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Waits until the async projections have caught up with every event appended so far: for tests, and for
    /// reads that must see the caller's own writes.
    /// </summary>
    /// <param name="timeout">How long to wait.</param>
    /// <returns>A task that completes when the views are up to date.</returns>
    /// <exception cref="TimeoutException">The projections did not catch up in time (is the async daemon running?).</exception>
    public Task WaitForNonStaleAsync(TimeSpan timeout) => _store.WaitForNonStaleProjectionDataAsync(timeout);

    private static ProjectedView<TView> Readable<TView>(ProjectedView<TView> stored, IViewProjection projection)
        where TView : class =>
        stored.IsReadable ? stored : throw new StaleViewException(typeof(TView), projection.SourceType, stored.Id, stored.ReadError!);

    private IViewProjection? FindProjection<TView>()
        where TView : class =>
        _store.Options.Events.Projections().OfType<IViewProjection>().FirstOrDefault(p => p.ViewType == typeof(TView));

    private IViewProjection ProjectionFor<TView>()
        where TView : class
    {
        var projections = _store.Options.Events.Projections().OfType<IViewProjection>().ToList();
        return FindProjection<TView>()
            ?? throw new InvalidOperationException(
                $"No projection maintains view type '{typeof(TView).Name}' in this Marten store; add one with AddProjection. Views maintained: {(projections.Count == 0 ? "none" : string.Join(", ", projections.Select(p => p.ViewType.Name)))}.");
    }

    private static void EnsureStored(IViewProjection projection)
    {
        if (projection.Lifecycle == ProjectionLifecycle.Live)
        {
            throw new InvalidOperationException(
                $"Projection '{projection.SourceType.Name}' runs live, so its '{projection.ViewType.Name}' views are not stored; fold them with AggregateAsync, or register the projection Inline or Async.");
        }
    }
}
