using JasperFx.Events;
using JasperFx.Events.Aggregation;
using JasperFx.Events.Daemon;
using JasperFx.Events.Projections;
using Marten;
using Marten.Events.Projections;
using Negotiations.EventSourcing;

namespace Negotiations.Marten;

/// <summary>
/// Runs a core <see cref="CrossStreamProjection{TView}"/> as a Marten multi-stream projection: a custom grouping
/// routes each event to the view ids <see cref="CrossStreamProjection{TView}.ViewIdsFor"/> names, and each view's slice
/// is folded at once through <see cref="CrossStreamProjection{TView}.Fold"/>.
/// </summary>
/// <typeparam name="TView">The view type.</typeparam>
internal sealed class MartenCrossStreamProjection<TView> : MultiStreamProjection<ProjectedView<TView>, string>, IViewProjection
    where TView : class
{
    private readonly CrossStreamProjection<TView> _projection;

    public MartenCrossStreamProjection(CrossStreamProjection<TView> projection, ProjectionLifecycle lifecycle)
    {
        _projection = projection;
        Name = projection.GetType().Name;
        Lifecycle = lifecycle;
        if (projection.EventTypes is { } types)
        {
            foreach (var type in types.Handled)
            {
                IncludeType(type);
            }
        }

        CustomGrouping((_, events, grouping) =>
        {
            foreach (var e in events)
            {
                if (e.StreamKey is null)
                {
                    continue;
                }

                foreach (var viewId in _projection.ViewIdsFor(MartenEvents.ToRecorded(e, e.EventTypeName)))
                {
                    grouping.AddEvent(viewId, e);
                }
            }

            return Task.CompletedTask;
        });
    }

    public Type ViewType => typeof(TView);

    public Type SourceType => _projection.GetType();

    public ViewRole Role => ViewRole.ReadModel;

    public object? BuildView(string streamId, IReadOnlyList<RecordedEvent> events) => null;

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

        var recorded = events.Select(e => MartenEvents.ToRecorded(e, e.EventTypeName)).ToArray();
        var count = (snapshot?.EventCount ?? 0) + recorded.Length;
        var document = snapshot ?? new ProjectedView<TView> { Id = identity };
        if (snapshot is { } stored && (!stored.IsReadable || stored.SchemaVersion != _projection.SchemaVersion))
        {
            document.ReadError = stored.ReadError ?? $"the stored view is of schema {stored.SchemaVersion}, not {_projection.SchemaVersion}";
            document.View = null!;
        }
        else
        {
            document.View = _projection.Fold(snapshot?.View ?? _projection.Start(identity), recorded);
        }

        document.EventCount = count;
        document.SchemaVersion = _projection.SchemaVersion;
        return new((document, ActionType.Store));
    }
}
