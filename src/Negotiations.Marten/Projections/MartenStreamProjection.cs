using JasperFx.Events;
using JasperFx.Events.Aggregation;
using JasperFx.Events.Daemon;
using JasperFx.Events.Projections;
using Marten;
using Marten.Events.Aggregation;
using Negotiations.EventSourcing;

namespace Negotiations.Marten;

/// <summary>
/// Runs a core <see cref="StreamProjection{TView}"/> as a Marten single-stream projection, overriding
/// <c>DetermineActionAsync</c> (no method conventions, so no source generator is needed where the view is defined):
/// each slice of a stream's events, inline, in the async daemon, in <c>FetchForWriting</c> or a live aggregation, is
/// folded at once through <see cref="StreamProjection{TView}.Fold"/>.
/// </summary>
/// <remarks>
/// A stored view that cannot be continued (unreadable, written by another schema version, or not at the version just
/// before the slice) is not folded on: the result is marked stale (<see cref="ProjectedView{TView}.IsReadable"/> false)
/// at the slice's last version, so it never blocks an append, readers are told to rebuild, and the store refolds a
/// decision state from the stream instead of deciding on it.
/// </remarks>
/// <typeparam name="TView">The view type.</typeparam>
internal sealed class MartenStreamProjection<TView> : SingleStreamProjection<ProjectedView<TView>, string>, IViewProjection
    where TView : class
{
    private readonly StreamProjection<TView> _projection;

    public MartenStreamProjection(StreamProjection<TView> projection, ProjectionLifecycle lifecycle, ViewRole role)
    {
        _projection = projection;
        Name = projection.GetType().Name;
        Lifecycle = lifecycle;
        Role = role;
        if (projection.EventTypes is { } types)
        {
            foreach (var type in types.All)
            {
                IncludeType(type);
            }
        }
    }

    public Type ViewType => typeof(TView);

    public Type SourceType => _projection.GetType();

    public ViewRole Role { get; }

    public object? BuildView(string streamId, IReadOnlyList<RecordedEvent> events) =>
        new ProjectedView<TView> { Id = streamId, EventCount = events.Count, SchemaVersion = _projection.SchemaVersion, View = _projection.Project(streamId, events) };

    public override ValueTask<(ProjectedView<TView>?, ActionType)> DetermineActionAsync(
        IQuerySession session,
        ProjectedView<TView>? snapshot,
        string identity,
        IIdentitySetter<ProjectedView<TView>, string> identitySetter,
        IReadOnlyList<IEvent> events,
        CancellationToken cancellation)
    {
        if (events.Count == 0)
        {
            return new((snapshot, snapshot is null ? ActionType.Nothing : ActionType.Store));
        }

        return new((Fold(snapshot, identity, events), ActionType.Store));
    }

    private ProjectedView<TView> Fold(ProjectedView<TView>? snapshot, string identity, IReadOnlyList<IEvent> events)
    {
        var count = snapshot?.EventCount ?? 0;
        var recorded = new RecordedEvent[events.Count];
        for (var i = 0; i < events.Count; i++)
        {
            // Marten does not tell an inline projection the versions it assigns in the database in its Quick append
            // modes when the events were appended without a known version: every event of the stream comes here in
            // order, so the count is the version then.
            var version = events[i].Version != 0 ? events[i].Version : count + i + 1;
            recorded[i] = MartenEvents.ToRecorded(events[i], events[i].EventTypeName) with { Version = version };
        }

        var last = recorded[^1].Version;
        var first = recorded[0].Version;
        var continues = snapshot is null
            ? first == 1
            : snapshot.IsReadable && snapshot.SchemaVersion == _projection.SchemaVersion && snapshot.EventCount == first - 1;
        // The document is changed in place, as Marten expects: the instance FetchForWriting handed out is the one its
        // write cache keeps after the commit. The view inside it is immutable and replaced, never changed.
        var document = snapshot ?? new ProjectedView<TView> { Id = identity };
        if (!continues)
        {
            document.ReadError = snapshot is null
                ? $"the view was missing before version {first}"
                : snapshot.ReadError ?? $"the stored view (version {snapshot.EventCount}, schema {snapshot.SchemaVersion}) does not continue into version {first} of schema {_projection.SchemaVersion}";
            document.View = null!;
        }
        else
        {
            document.View = _projection.Fold(snapshot?.View ?? _projection.Start(identity), recorded);
            document.ReadError = null;
        }

        document.EventCount = last;
        document.SchemaVersion = _projection.SchemaVersion;
        return document;
    }
}
