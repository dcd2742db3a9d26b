namespace Negotiations.Marten;

/// <summary>
/// A view as Marten keeps it: the document a <see cref="EventSourcing.StreamProjection{TView}"/> or
/// <see cref="EventSourcing.CrossStreamProjection{TView}"/> maintains, with its id and how far it has got.
/// </summary>
/// <remarks>
/// The view itself is stored as <see cref="View"/>, serialized with the store's JSON options, so view types need
/// no id property and no Marten attribute. Query stored views with
/// <c>session.Query&lt;ProjectedView&lt;TView&gt;&gt;()</c> or through <see cref="MartenViews"/>.
/// </remarks>
/// <typeparam name="TView">The view type.</typeparam>
public sealed class ProjectedView<TView>
    where TView : class
{
    /// <summary>The view's id: the stream id for a stream projection, the routed id for a cross-stream one.</summary>
    public string Id { get; set; } = string.Empty;

    /// <summary>
    /// For a stream projection, the stream version the view reflects; for a cross-stream projection, the number
    /// of events folded into the view.
    /// </summary>
    /// <remarks>
    /// In Marten's Quick append modes (its default) an inline projection is not told event versions that Marten
    /// assigns in the database; the stream projection then counts the events it folds, which gives the same
    /// number because it sees every event of the stream.
    /// </remarks>
    public long Version { get; set; }

    /// <summary>The view.</summary>
    public TView View { get; set; } = null!;
}
