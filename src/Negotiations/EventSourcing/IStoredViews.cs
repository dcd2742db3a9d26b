namespace Negotiations.EventSourcing;

/// <summary>
/// Views a store keeps up to date itself (on Marten: projections registered inline or async), so that reading one
/// does not fold its stream. The in-memory store keeps none; readers then fold the stream, in linear time.
/// </summary>
public interface IStoredViews
{
    /// <summary>Whether the store keeps views of a type.</summary>
    /// <typeparam name="TView">The view type.</typeparam>
    /// <returns>True when a registered projection keeps them.</returns>
    bool Keeps<TView>()
        where TView : class;

    /// <summary>
    /// Loads the latest view of a stream, up to the stream's last event: a view kept inline as stored; one kept by
    /// the async daemon as stored, with the events after it folded in, so callers read their own writes.
    /// </summary>
    /// <typeparam name="TView">A view type the store keeps (see <see cref="Keeps{TView}"/>).</typeparam>
    /// <param name="stream">The stream.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The view, or null when the stream has no events.</returns>
    Task<TView?> LoadLatestAsync<TView>(StreamKey stream, CancellationToken cancellationToken = default)
        where TView : class;
}
