namespace Negotiations.Marten;

/// <summary>
/// A view as Marten keeps it: the document a <see cref="EventSourcing.StreamProjection{TView}"/> or
/// <see cref="EventSourcing.CrossStreamProjection{TView}"/> maintains, with its id and how far it has got.
/// </summary>
/// <remarks>
/// <para>The view itself is stored as <see cref="View"/>, serialized with the store's JSON options, so view types need
/// no id property and no Marten attribute. Query stored views with
/// <c>session.Query&lt;ProjectedView&lt;TView&gt;&gt;()</c> or through <see cref="MartenViews"/>.</para>
/// <para>Stored views are read back leniently, so that a view type can change shape between versions (see
/// <see cref="NegotiationsMartenOptions.SerializerOptions"/>); rebuild with <see cref="MartenViews.RebuildAsync{TView}"/>
/// to fill new members from the events.</para>
/// </remarks>
/// <typeparam name="TView">The view type.</typeparam>
public sealed class ProjectedView<TView>
    where TView : class
{
    /// <summary>The view's id: the stream id for a stream projection, the routed id for a cross-stream one.</summary>
    public string Id { get; set; } = string.Empty;

    /// <summary>
    /// How many events have been folded into the view. A stream projection sees every event of its stream, so for
    /// it this is the stream version the view reflects.
    /// </summary>
    /// <remarks>
    /// Counted by the adapter rather than taken from Marten, so that it means the same live, inline, async and after a
    /// rebuild. (It is not called <c>Version</c>: Marten sets a property of that name on projected documents from its
    /// own event metadata, which inline projections in its Quick append modes do not know.)
    /// </remarks>
    public long EventCount { get; set; }

    /// <summary>The view.</summary>
    public TView View { get; set; } = null!;
}
