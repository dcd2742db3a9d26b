using Negotiations.EventSourcing;

namespace Negotiations;

/// <summary>
/// Reads negotiation tracks: the state and the timeline of a track, with every fact recorded or as of a day.
/// </summary>
/// <remarks>
/// Without an as-of day, a view the store keeps (<see cref="IStoredViews"/>: on Marten, the projections registered with
/// <c>UseMarten</c>) is read as stored, with no fold; otherwise, and as of a day, the track's stream is read and folded
/// once, in time linear in its length.
/// </remarks>
public sealed class NegotiationReader
{
    private readonly IEventStore _store;
    private readonly IStoredViews? _views;

    /// <summary>Creates a reader.</summary>
    /// <param name="store">The store the tracks live in.</param>
    /// <param name="views">The views the store keeps, if any.</param>
    public NegotiationReader(IEventStore store, IStoredViews? views = null)
    {
        ArgumentNullException.ThrowIfNull(store);
        _store = store;
        _views = views;
    }

    /// <summary>Reads the state of a track.</summary>
    /// <param name="track">The track.</param>
    /// <param name="asOf">The day to compute it as of (see <see cref="NegotiationStateProjection"/>); null for every fact recorded.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The state, or null when the track has no events.</returns>
    public Task<NegotiationState?> GetStateAsync(TrackId track, DateOnly? asOf = null, CancellationToken cancellationToken = default) =>
        ReadAsync(track, new NegotiationStateProjection(asOf), asOf, cancellationToken);

    /// <summary>Reads the timeline of a track.</summary>
    /// <param name="track">The track.</param>
    /// <param name="asOf">The day to compute it as of (see <see cref="TimelineProjection"/>); null for every fact recorded.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The timeline, or null when the track has no events.</returns>
    public Task<Timeline?> GetTimelineAsync(TrackId track, DateOnly? asOf = null, CancellationToken cancellationToken = default) =>
        ReadAsync(track, new TimelineProjection(asOf), asOf, cancellationToken);

    private async Task<TView?> ReadAsync<TView>(TrackId track, StreamProjection<TView> projection, DateOnly? asOf, CancellationToken cancellationToken)
        where TView : class
    {
        if (track.Value is null)
        {
            throw new ArgumentException("The track id is the default value; create it with new TrackId(\"a-slug\").", nameof(track));
        }

        var stream = StreamKey.Of(track.Value);
        if (asOf is null && _views is not null && _views.Keeps<TView>())
        {
            return await _views.LoadLatestAsync<TView>(stream, cancellationToken).ConfigureAwait(false);
        }

        var events = await _store.ReadStreamAsync(stream, cancellationToken: cancellationToken).ConfigureAwait(false);
        return events.Count == 0 ? null : projection.Project(track.Value, events);
    }
}
