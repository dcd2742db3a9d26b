using Negotiations.EventSourcing;

namespace Negotiations;

/// <summary>
/// Reads negotiation tracks from any <see cref="IEventStore"/>: the state and the timeline of a track, with every
/// fact recorded or as of a day. Folds the stream live on each call; register your own projections in the store
/// (Marten) for read-heavy use.
/// </summary>
public sealed class NegotiationReader
{
    private readonly IEventStore _store;

    /// <summary>Creates a reader.</summary>
    /// <param name="store">The store the tracks live in.</param>
    public NegotiationReader(IEventStore store)
    {
        ArgumentNullException.ThrowIfNull(store);
        _store = store;
    }

    /// <summary>Reads the state of a track.</summary>
    /// <param name="track">The track.</param>
    /// <param name="asOf">The day to compute it as of (see <see cref="NegotiationStateProjection"/>); null for every fact recorded.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The state, or null when the track has no events.</returns>
    public async Task<NegotiationState?> GetStateAsync(TrackId track, DateOnly? asOf = null, CancellationToken cancellationToken = default)
    {
        var events = await ReadAsync(track, cancellationToken).ConfigureAwait(false);
        return events.Count == 0 ? null : new NegotiationStateProjection(asOf).Project(track.Value, events);
    }

    /// <summary>Reads the timeline of a track.</summary>
    /// <param name="track">The track.</param>
    /// <param name="asOf">The day to compute it as of (see <see cref="TimelineProjection"/>); null for every fact recorded.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The timeline, or null when the track has no events.</returns>
    public async Task<Timeline?> GetTimelineAsync(TrackId track, DateOnly? asOf = null, CancellationToken cancellationToken = default)
    {
        var events = await ReadAsync(track, cancellationToken).ConfigureAwait(false);
        return events.Count == 0 ? null : new TimelineProjection(asOf).Project(track.Value, events);
    }

    private Task<IReadOnlyList<RecordedEvent>> ReadAsync(TrackId track, CancellationToken cancellationToken)
    {
        if (track.Value is null)
        {
            throw new ArgumentException("The track id is the default value; create it with new TrackId(\"a-slug\").", nameof(track));
        }

        return _store.ReadStreamAsync(track.Value, cancellationToken: cancellationToken);
    }
}
