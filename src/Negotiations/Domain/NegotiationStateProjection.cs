using Negotiations.EventSourcing;

namespace Negotiations;

/// <summary>
/// Builds the <see cref="NegotiationState"/> of a track from its stream, with every fact recorded or as of a day.
/// The same fold as <see cref="NegotiationDecider.Evolve"/>; the view also knows its track id.
/// </summary>
/// <remarks>
/// <para>As of a day, an event counts once it has surely happened by then (<see cref="WorldDate.HasHappenedBy"/>:
/// its <see cref="WorldDate.NotAfter"/> is on or before the day; a window open at the end counts once its start has
/// come; an unknown date always counts). Events that have not are skipped.</para>
/// <para>A <see cref="FactRetracted"/> applies whatever the day: a correction withdraws the fact from the record
/// entirely, so the state as of any day leaves it out, even a day before the correction was made.</para>
/// </remarks>
public sealed class NegotiationStateProjection : StreamProjection<NegotiationState>
{
    /// <summary>Creates the projection.</summary>
    /// <param name="asOf">The day to compute the state as of; null for every fact recorded.</param>
    public NegotiationStateProjection(DateOnly? asOf = null) => AsOf = asOf;

    /// <summary>The day the state is computed as of; null for every fact recorded.</summary>
    public DateOnly? AsOf { get; }

    /// <inheritdoc />
    public override NegotiationState Start(string streamId) => NegotiationState.Empty(streamId, AsOf);

    /// <inheritdoc />
    public override NegotiationState Evolve(NegotiationState view, RecordedEvent @event)
    {
        ArgumentNullException.ThrowIfNull(view);
        ArgumentNullException.ThrowIfNull(@event);
        var version = checked((int)@event.Version);
        return @event.Data is INegotiationEvent fact && Counts(fact, AsOf)
            ? NegotiationStateFold.Fold(view, fact, @event.Metadata.CommandId, version)
            : view with { Version = version };
    }

    /// <summary>True when an event counts as of a day: it has surely happened by then, or it is a retraction.</summary>
    internal static bool Counts(INegotiationEvent fact, DateOnly? asOf) =>
        asOf is not { } day || NegotiationEvents.CountsAsOf(fact, day);
}
