using System.Globalization;
using Negotiations.EventSourcing;

namespace Negotiations;

/// <summary>Every fact of a track in world order, each with its citation. Built by <see cref="TimelineProjection"/>.</summary>
/// <remarks>
/// Entries are sorted by <see cref="TimelineEntry.OccurredOn"/> (<see cref="WorldDate.CompareTo"/>), ties by the
/// order they were recorded, so a fact reported late lands in its place. The facts of a retracted command are
/// dropped; the retraction itself stays as an entry, citing the correction.
/// </remarks>
public sealed record Timeline
{
    /// <summary>The track id (the stream id).</summary>
    public string Id { get; init; } = string.Empty;

    /// <summary>The stream version of the last event folded: 0 before any event.</summary>
    public long Version { get; init; }

    /// <summary>The day the timeline was computed as of; null when it holds every fact recorded.</summary>
    public DateOnly? AsOf { get; init; }

    /// <summary>The facts, in world order.</summary>
    public IReadOnlyList<TimelineEntry> Entries { get; init; } = [];

    /// <summary>
    /// The kind of every proposal made on the track, by proposal id, whatever the as-of day: what lets the entry of an
    /// answer say what it answers ("rejected the demand four-regions").
    /// </summary>
    public IReadOnlyDictionary<string, ProposalKind> ProposalKinds { get; init; } = new Dictionary<string, ProposalKind>();

    /// <summary>An empty timeline.</summary>
    /// <param name="id">The track id.</param>
    /// <param name="asOf">The day the timeline is to be computed as of; null for every fact.</param>
    /// <returns>The timeline.</returns>
    public static Timeline Empty(string id = "", DateOnly? asOf = null)
    {
        ArgumentNullException.ThrowIfNull(id);
        return new Timeline { Id = id, AsOf = asOf };
    }
}

/// <summary>One fact of a timeline and its citation.</summary>
public sealed record TimelineEntry : IFact
{
    /// <summary>The stream version of the event.</summary>
    public required long Sequence { get; init; }

    /// <summary>When it happened in the world.</summary>
    public required WorldDate OccurredOn { get; init; }

    /// <summary>The event's wire name (<c>round_scheduled.v1</c>).</summary>
    public required string EventType { get; init; }

    /// <summary>The fact in one line of English.</summary>
    public required string Description { get; init; }

    /// <summary>The actors the fact names.</summary>
    public IReadOnlyList<Actor> Actors { get; init; } = [];

    /// <summary>The document, quote, attribution and reported day it rests on, if any.</summary>
    public Source? Source { get; init; }

    /// <summary>The command that recorded it.</summary>
    public string? CommandId { get; init; }
}

/// <summary>Builds the <see cref="Timeline"/> of a track, with every fact recorded or as of a day.</summary>
/// <remarks>
/// As of a day, an entry counts once its fact has surely happened by then (<see cref="NegotiationEvents.CountsAsOf"/>).
/// A <see cref="FactRetracted"/> drops the retracted command's entries whatever the day (the correction withdraws
/// them from the record entirely); its own entry shows only once the correction has happened by the day. Folding N
/// events costs O(N) in world order, O(N log N) otherwise.
/// </remarks>
public sealed class TimelineProjection : StreamProjection<Timeline>
{
    /// <summary>Creates the projection.</summary>
    /// <param name="asOf">The day to compute the timeline as of; null for every fact recorded.</param>
    public TimelineProjection(DateOnly? asOf = null) => AsOf = asOf;

    /// <summary>The day the timeline is computed as of; null for every fact recorded.</summary>
    public DateOnly? AsOf { get; }

    /// <inheritdoc />
    public override int SchemaVersion => 3;

    /// <inheritdoc />
    public override ProjectedEventTypes EventTypes { get; } = new(NegotiationEvents.Catalog.Types, []);

    /// <inheritdoc />
    public override Timeline Start(string streamId) => Timeline.Empty(streamId, AsOf);

    /// <inheritdoc />
    public override Timeline Evolve(Timeline view, RecordedEvent @event)
    {
        ArgumentNullException.ThrowIfNull(@event);
        return Fold(view, [@event]);
    }

    /// <inheritdoc />
    public override Timeline Fold(Timeline view, IReadOnlyList<RecordedEvent> events)
    {
        ArgumentNullException.ThrowIfNull(view);
        ArgumentNullException.ThrowIfNull(events);
        var retracted = new RetractedCommands();
        Dictionary<string, ProposalKind>? kinds = null;
        var entries = new FactList<TimelineEntry>(retracted, view.Entries);
        var version = view.Version;
        foreach (var @event in events)
        {
            version = @event.Version == 0 ? version + 1 : @event.Version;
            if (@event.Data is not INegotiationEvent fact || !EventTypes.Declares(fact.GetType()))
            {
                throw new UndeclaredEventTypeException(typeof(TimelineProjection), @event.Data.GetType());
            }

            if (fact is FactRetracted retraction)
            {
                retracted.Add(retraction.Retracted.Value);
            }

            if (fact is ProposalMade made)
            {
                kinds ??= new Dictionary<string, ProposalKind>(view.ProposalKinds, StringComparer.Ordinal);
                kinds[made.Proposal.Value] = made.Kind;
            }

            if (AsOf is not { } day || fact.OccurredOn.HasHappenedBy(day))
            {
                entries.Add(new TimelineEntry
                {
                    Sequence = version,
                    OccurredOn = fact.OccurredOn,
                    EventType = @event.EventType,
                    Description = TimelineText.Describe(fact, kinds ?? view.ProposalKinds),
                    Actors = TimelineText.ActorsOf(fact),
                    Source = fact.Source,
                    CommandId = @event.Metadata.CommandId,
                });
            }
        }

        return view with { Version = version, Entries = entries.Build(), ProposalKinds = kinds ?? view.ProposalKinds };
    }
}

/// <summary>The one-line English descriptions and the actors of each fact.</summary>
internal static class TimelineText
{
    public static string Describe(INegotiationEvent fact, IReadOnlyDictionary<string, ProposalKind> kinds) => fact switch
    {
        NegotiationOpened e => $"Negotiation \"{e.Title}\" opened with {string.Join(", ", e.Participants.Select(p => $"{Name(p.Actor)} as {Role(p.Role)}"))}",
        ParticipantJoined e => $"{Name(e.Participant.Actor)} joined as {Role(e.Participant.Role)}",
        RoundProposed e => $"{Name(e.ProposedBy)} proposed round {e.Round}{(e.Window is null ? string.Empty : $" for {e.Window}")}{About(e.Agenda)}",
        RoundScheduled e => $"{Name(e.AnnouncedBy)} announced round {e.Round} for {e.Date} in {Place(e.Venue)}{(e.ReportedBy is null ? string.Empty : $", on the report of {Name(e.ReportedBy)}")}",
        RoundPostponed e => $"Round {e.Round} was postponed{(e.NewDate is null ? string.Empty : $" to {e.NewDate}")}{Because(e.Reason)}",
        RoundCancelled e => $"Round {e.Round} was cancelled{Because(e.Reason)}",
        RoundHeld e => $"Round {e.Round} was held in {Place(e.Venue)}{Delegations(e.Delegations)}: {Outcome(e.Outcome)}{About(e.Topics)}{(e.Summary is null ? string.Empty : $"; {e.Summary}")}",
        ProposalMade e => $"{Name(e.By)} made {Article(e.Kind)} {e.Kind.ToString().ToLowerInvariant()} {e.Proposal}{(e.AddressedTo.Count == 0 ? string.Empty : $" to {string.Join(", ", e.AddressedTo)}")}: {e.Terms}",
        ProposalAnswered e => $"{Name(e.By)} {Answer(e, kinds.TryGetValue(e.Proposal.Value, out var kind) ? kind : ProposalKind.Proposal)}",
        ExchangeAgreed e => $"{string.Join(" and ", e.Between)} agreed exchange {e.Exchange} of {e.Kind.ToString().ToLowerInvariant()}{Counts(e.Counts)}{(e.Terms is null ? string.Empty : $": {e.Terms}")}",
        ExchangeCarriedOut e => $"Stage {e.Stage} of exchange {e.Exchange} was carried out{Counts(e.Counts)}",
        UltimatumIssued e => $"{Name(e.Issuer)} gave {e.Target} until {e.Deadline} (ultimatum {e.Ultimatum}): {e.Demand}, or {e.Consequence}",
        UltimatumRevised e => $"Ultimatum {e.Ultimatum} was revised: deadline {e.Deadline}{(e.Demand is null ? string.Empty : $", demand: {e.Demand}")}{(e.Consequence is null ? string.Empty : $", consequence: {e.Consequence}")}",
        UltimatumWithdrawn e => $"Ultimatum {e.Ultimatum} was withdrawn{Because(e.Reason)}",
        StatementMade e => $"{Name(e.By)} ({e.Kind.ToString().ToLowerInvariant()}{(e.Tone is null ? string.Empty : $", {e.Tone.Value.ToString().ToLowerInvariant()}")}): {e.Summary}",
        FactRetracted e => $"The facts of command {e.Retracted} were retracted: {e.Reason}",
        _ => throw new UndeclaredEventTypeException(typeof(TimelineProjection), fact.GetType()),
    };

    public static IReadOnlyList<Actor> ActorsOf(INegotiationEvent fact) => fact switch
    {
        NegotiationOpened e => [.. e.Participants.Select(p => p.Actor)],
        ParticipantJoined e => [e.Participant.Actor],
        RoundProposed e => [e.ProposedBy],
        RoundScheduled e => e.ReportedBy is { } reporter ? [e.AnnouncedBy, reporter] : [e.AnnouncedBy],
        RoundHeld e => [.. e.Delegations.Select(d => d.Head).OfType<Actor>()],
        ProposalMade e => [e.By],
        ProposalAnswered e => [e.By],
        UltimatumIssued e => [e.Issuer],
        StatementMade e => [e.By],
        RoundPostponed or RoundCancelled or ExchangeAgreed or ExchangeCarriedOut or UltimatumRevised or UltimatumWithdrawn or FactRetracted => [],
        _ => throw new UndeclaredEventTypeException(typeof(TimelineProjection), fact.GetType()),
    };

    private static string Name(Actor actor) => $"{actor.Name} ({actor.Affiliation})";

    private static string Role(ParticipantRole role) => role switch
    {
        ParticipantRole.ThirdParty => "third party",
        _ => role.ToString().ToLowerInvariant(),
    };

    private static string Place(Venue venue) => venue.City is null ? venue.Country.Code : $"{venue.City}, {venue.Country}";

    private static string About(IReadOnlyList<string> agenda) => agenda.Count == 0 ? string.Empty : $" on {string.Join(", ", agenda)}";

    private static string Because(string? reason) => reason is null ? string.Empty : $": {reason}";

    private static string Article(ProposalKind kind) => kind == ProposalKind.Offer ? "an" : "a";

    private static string Delegations(IReadOnlyList<Delegation> delegations) => delegations.Count == 0
        ? string.Empty
        : $" between {string.Join(" and ", delegations.Select(d => d.Head is null ? d.Side.Code : $"{d.Side} (headed by {d.Head.Name})"))}";

    private static string Outcome(RoundOutcome outcome) => outcome switch
    {
        RoundOutcome.NoBreakthrough => "no breakthrough",
        RoundOutcome.Unknown => "outcome unknown",
        _ => outcome.ToString().ToLowerInvariant(),
    };

    private static string Counts(IReadOnlyList<SideCount> counts) => counts.Count == 0
        ? string.Empty
        : $" ({string.Join(", ", counts.Select(c => string.Create(CultureInfo.InvariantCulture, $"{c.Side} {c.Count}")))})";

    // "rejected the demand four-regions": an answer names the kind of what it answers, as the proposal's entry does.
    private static string Answer(ProposalAnswered e, ProposalKind kind)
    {
        var what = $"the {kind.ToString().ToLowerInvariant()} {e.Proposal}";
        return e.Answer switch
        {
            AnswerKind.Accepted => $"accepted {what}",
            AnswerKind.Rejected => $"rejected {what}",
            AnswerKind.AcceptedWithConditions => $"accepted {what} on conditions: {e.Conditions}",
            AnswerKind.Countered => $"countered {what} with {e.CounteredBy}",
            _ => $"answered {what}",
        };
    }
}
