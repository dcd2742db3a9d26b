using System.Text.Json.Serialization;

namespace Negotiations.Marten;

/// <summary>
/// A view as Marten keeps it: the document a <see cref="EventSourcing.StreamProjection{TView}"/> or
/// <see cref="EventSourcing.CrossStreamProjection{TView}"/> maintains (a decider's decision state included), with its
/// id, how far it has got, and the version of the projection that wrote it.
/// </summary>
/// <remarks>
/// <para>The view itself is stored as <see cref="View"/>, serialized with the store's JSON options, so view types need
/// no id property and no Marten attribute. Load stored views through <see cref="MartenViews"/>, or query them with
/// Marten's LINQ, <c>session.Query&lt;ProjectedView&lt;TView&gt;&gt;()</c>, on the members of <see cref="View"/> as
/// they are stored:</para>
/// <list type="bullet">
/// <item><description>strings, numbers, booleans, days (<see cref="DateOnly"/>, also within a
/// <see cref="WorldDate"/>: <c>OccurredOn.NotAfter</c>), collections through <c>Any</c> and
/// <c>Count()</c>;</description></item>
/// <item><description>enums compared with <c>==</c>, <c>!=</c> or <c>Contains</c>, by the names the store writes
/// (with the library's JSON options, snake_case: <c>Where(v =&gt; v.View.Opening!.OccurredOn.Precision == DatePrecision.Day)</c>
/// matches <c>"precision":"day"</c>). Ordering (<c>&lt;</c>, <c>&gt;</c>, <c>OrderBy</c>) on an enum member compares
/// the stored names as text, not the enum's order: order by an enum in memory;</description></item>
/// <item><description>members of the library's id types (<see cref="NegotiationIds.Types"/>: <see cref="TrackId"/>,
/// <see cref="RoundId"/>, <see cref="ActorCode"/>, <see cref="Affiliation"/>...), stored as plain strings, compared with
/// <c>==</c>, <c>!=</c> or <c>Contains</c> by those strings, also inside <c>Any</c> and in lists of ids
/// (<c>Where(v =&gt; v.View.Participants.Any(p =&gt; p.Actor.Code == code))</c>): the store registers them as Marten
/// value types (see <see cref="NegotiationsStoreOptionsExtensions.AddNegotiations"/>). Compare the id itself, not its
/// <c>Value</c>.</description></item>
/// </list>
/// <para>Read views are read back leniently, so that a view type can change shape between versions (see
/// <see cref="NegotiationsMartenOptions.SerializerOptions"/>); decision states strictly. A stored view that cannot be
/// read at all is loaded with <see cref="IsReadable"/> false rather than failing the session that loads it; rebuild
/// with <see cref="MartenViews.RebuildAsync{TView}"/> to fill new members from the events.</para>
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

    /// <summary>The <see cref="EventSourcing.StreamProjection{TView}.SchemaVersion"/> of the projection that wrote the view.</summary>
    public int SchemaVersion { get; set; }

    /// <summary>The view; null only when the stored view could not be read (<see cref="IsReadable"/> is false).</summary>
    public TView View { get; set; } = null!;

    /// <summary>False when the stored JSON of the view could not be read with the store's options; <see cref="ReadError"/> says why.</summary>
    [JsonIgnore]
    public bool IsReadable => ReadError is null;

    /// <summary>Why the stored view could not be read, or null when it was.</summary>
    [JsonIgnore]
    public string? ReadError { get; set; }
}
