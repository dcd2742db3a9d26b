using JasperFx.Events;
using JasperFx.Events.Projections;
using Marten.Events.Aggregation;
using Negotiations.EventSourcing;

namespace Negotiations.Marten;

/// <summary>
/// Runs a core <see cref="StreamProjection{TView}"/> as a Marten single-stream projection through the explicit
/// <c>Evolve</c> override (no method conventions, so no source generator is needed where the view is defined).
/// </summary>
/// <typeparam name="TView">The view type.</typeparam>
internal sealed class MartenStreamProjection<TView> : SingleStreamProjection<ProjectedView<TView>, string>, IViewProjection
    where TView : class
{
    private readonly StreamProjection<TView> _projection;

    public MartenStreamProjection(StreamProjection<TView> projection, ProjectionLifecycle lifecycle)
    {
        _projection = projection;
        Name = projection.GetType().Name;
        Lifecycle = lifecycle;
    }

    public Type ViewType => typeof(TView);

    public Type SourceType => _projection.GetType();

    public override ProjectedView<TView>? Evolve(ProjectedView<TView>? snapshot, string id, IEvent e)
    {
        snapshot ??= new ProjectedView<TView> { Id = id, View = _projection.Start(id) };
        snapshot.EventCount++;

        // Marten does not tell an inline projection the versions it assigns in the database (Quick append modes);
        // every event of the stream comes here in order, so the count is the version then.
        var recorded = MartenEvents.ToRecorded(e, e.EventTypeName);
        if (recorded.Version == 0)
        {
            recorded = recorded with { Version = snapshot.EventCount };
        }

        snapshot.View = _projection.Evolve(snapshot.View, recorded);
        return snapshot;
    }
}
