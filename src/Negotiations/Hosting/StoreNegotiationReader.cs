using Negotiations.EventSourcing;

namespace Negotiations.Hosting;

/// <summary>The library's reader: stored views where the store keeps them, one fold of the stream otherwise.</summary>
internal sealed class StoreNegotiationReader(IEventStore store, IStoredViews? views, string tenant) : INegotiationReader
{
    public string Tenant { get; } = tenant;

    public Task<NegotiationState?> GetStateAsync(TrackId track, DateOnly? asOf = null, CancellationToken cancellationToken = default) =>
        ReadAsync(track, new NegotiationStateProjection(asOf), asOf, cancellationToken);

    public Task<Timeline?> GetTimelineAsync(TrackId track, DateOnly? asOf = null, CancellationToken cancellationToken = default) =>
        ReadAsync(track, new TimelineProjection(asOf), asOf, cancellationToken);

    private async Task<TView?> ReadAsync<TView>(TrackId track, StreamProjection<TView> projection, DateOnly? asOf, CancellationToken cancellationToken)
        where TView : class
    {
        if (track.Value is null)
        {
            throw new ArgumentException("The track id is the default value; create it with new TrackId(\"a-slug\").", nameof(track));
        }

        var stream = new StreamKey(Tenant, track.Value);
        if (asOf is null && views is not null && views.Keeps<TView>())
        {
            return await views.LoadLatestAsync<TView>(stream, cancellationToken).ConfigureAwait(false);
        }

        var events = await store.ReadStreamAsync(stream, cancellationToken: cancellationToken).ConfigureAwait(false);
        return events.Count == 0 ? null : projection.Project(track.Value, events);
    }
}
