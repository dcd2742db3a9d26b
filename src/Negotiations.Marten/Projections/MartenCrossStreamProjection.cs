using JasperFx.Events;
using JasperFx.Events.Projections;
using Marten.Events.Projections;
using Negotiations.EventSourcing;

namespace Negotiations.Marten;

/// <summary>
/// Runs a core <see cref="CrossStreamProjection{TView}"/> as a Marten multi-stream projection: a custom grouping
/// routes each event to the view ids <see cref="CrossStreamProjection{TView}.ViewIdsFor"/> names, and the explicit
/// <c>Evolve</c> override folds it.
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

    public override ProjectedView<TView>? Evolve(ProjectedView<TView>? snapshot, string id, IEvent e)
    {
        snapshot ??= new ProjectedView<TView> { Id = id, View = _projection.Start(id) };
        snapshot.View = _projection.Evolve(snapshot.View, MartenEvents.ToRecorded(e, e.EventTypeName));
        snapshot.EventCount++;
        return snapshot;
    }
}
