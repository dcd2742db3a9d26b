using Negotiations.EventSourcing;

namespace Negotiations;

// Every event of a negotiation track, in one file. The [WireName] of each is its stable wire name:
// stored data refers to it, so a name never changes meaning; a changed shape gets a new version (.v2).

/// <summary>
/// A fact of a negotiation track. Every fact says when it happened in the world (<see cref="OccurredOn"/>) and,
/// when it comes from a document, where (<see cref="Source"/>).
/// </summary>
/// <remarks>
/// <para><b>How an event may change.</b> Events are init-only records, so a member can be added without breaking
/// the code that creates them. An optional member (nullable, default null, not <c>required</c>) may be added under
/// the same wire name: the strict readers accept its absence in what was stored before it existed. Every other
/// change (a new required member, a removed or renamed one, a new meaning) gets a new wire name (<c>.v2</c>), and
/// what was stored under the old name is read through an upcaster.</para>
/// </remarks>
public interface INegotiationEvent
{
    /// <summary>When it happened in the world (not when it was recorded).</summary>
    WorldDate OccurredOn { get; }

    /// <summary>The document, quote and attribution it rests on, when there is one.</summary>
    Source? Source { get; }
}

/// <summary>A negotiation track was opened with its first participants: the parties and any hosts, mediators or third parties.</summary>
[WireName("negotiation_opened.v1")]
public sealed record NegotiationOpened : INegotiationEvent
{
    /// <summary>A human title ("Russia-Ukraine peace talks, 2025").</summary>
    public required string Title { get; init; }

    /// <summary>The participants known from the start.</summary>
    public required IReadOnlyList<Participant> Participants { get; init; }

    /// <summary>When the track began; <see cref="WorldDate.Unknown"/> when the news does not say.</summary>
    public required WorldDate OccurredOn { get; init; }

    /// <summary>Where it comes from, if anywhere.</summary>
    public required Source? Source { get; init; }
}

/// <summary>An actor entered the track with a role.</summary>
[WireName("participant_joined.v1")]
public sealed record ParticipantJoined : INegotiationEvent
{
    /// <summary>The actor and its role.</summary>
    public required Participant Participant { get; init; }

    /// <summary>When.</summary>
    public required WorldDate OccurredOn { get; init; }

    /// <summary>Where it comes from.</summary>
    public required Source? Source { get; init; }
}

/// <summary>An actor proposed a round of talks, perhaps for a time window ("next week").</summary>
[WireName("round_proposed.v1")]
public sealed record RoundProposed : INegotiationEvent
{
    /// <summary>The round's id.</summary>
    public required RoundId Round { get; init; }

    /// <summary>Who proposed it.</summary>
    public required Actor ProposedBy { get; init; }

    /// <summary>When the round should take place, if said.</summary>
    public required WorldDate? Window { get; init; }

    /// <summary>Agenda item codes proposed for it (see <see cref="AgendaItems"/>).</summary>
    public required IReadOnlyList<string> Agenda { get; init; }

    /// <summary>When it was proposed.</summary>
    public required WorldDate OccurredOn { get; init; }

    /// <summary>Where it comes from.</summary>
    public required Source? Source { get; init; }
}

/// <summary>A round of talks was set for a date and venue, and announced.</summary>
[WireName("round_scheduled.v1")]
public sealed record RoundScheduled : INegotiationEvent
{
    /// <summary>The round's id.</summary>
    public required RoundId Round { get; init; }

    /// <summary>When the round is to take place.</summary>
    public required WorldDate Date { get; init; }

    /// <summary>Where.</summary>
    public required Venue Venue { get; init; }

    /// <summary>Who announced it.</summary>
    public required Actor AnnouncedBy { get; init; }

    /// <summary>Whose report the announcement rests on, when the news says ("Umerov reported that the meeting is scheduled").</summary>
    public required Actor? ReportedBy { get; init; }

    /// <summary>When it was announced.</summary>
    public required WorldDate OccurredOn { get; init; }

    /// <summary>Where it comes from.</summary>
    public required Source? Source { get; init; }
}

/// <summary>A scheduled round was moved, to a new date if one is known.</summary>
[WireName("round_postponed.v1")]
public sealed record RoundPostponed : INegotiationEvent
{
    /// <summary>The round's id.</summary>
    public required RoundId Round { get; init; }

    /// <summary>The new date, if known.</summary>
    public required WorldDate? NewDate { get; init; }

    /// <summary>Why, if said.</summary>
    public required string? Reason { get; init; }

    /// <summary>When it was postponed.</summary>
    public required WorldDate OccurredOn { get; init; }

    /// <summary>Where it comes from.</summary>
    public required Source? Source { get; init; }
}

/// <summary>A round was called off.</summary>
[WireName("round_cancelled.v1")]
public sealed record RoundCancelled : INegotiationEvent
{
    /// <summary>The round's id.</summary>
    public required RoundId Round { get; init; }

    /// <summary>Why, if said.</summary>
    public required string? Reason { get; init; }

    /// <summary>When it was called off.</summary>
    public required WorldDate OccurredOn { get; init; }

    /// <summary>Where it comes from.</summary>
    public required Source? Source { get; init; }
}

/// <summary>A round of talks took place, with or without a prior schedule.</summary>
[WireName("round_held.v1")]
public sealed record RoundHeld : INegotiationEvent
{
    /// <summary>The round's id.</summary>
    public required RoundId Round { get; init; }

    /// <summary>Where it took place.</summary>
    public required Venue Venue { get; init; }

    /// <summary>The delegations and their heads, when known.</summary>
    public required IReadOnlyList<Delegation> Delegations { get; init; }

    /// <summary>Agenda item codes discussed.</summary>
    public required IReadOnlyList<string> Topics { get; init; }

    /// <summary>What it achieved.</summary>
    public required RoundOutcome Outcome { get; init; }

    /// <summary>The outcome in words ("the sides exchanged ideas on what a peace deal could look like").</summary>
    public required string? Summary { get; init; }

    /// <summary>When it took place.</summary>
    public required WorldDate OccurredOn { get; init; }

    /// <summary>Where it comes from.</summary>
    public required Source? Source { get; init; }
}

/// <summary>An actor put terms to others on agenda items: a proposal, a demand or an offer.</summary>
[WireName("proposal_made.v1")]
public sealed record ProposalMade : INegotiationEvent
{
    /// <summary>The proposal's id.</summary>
    public required ProposalId Proposal { get; init; }

    /// <summary>Proposal, demand or offer.</summary>
    public required ProposalKind Kind { get; init; }

    /// <summary>Who put it forward.</summary>
    public required Actor By { get; init; }

    /// <summary>Whom it is addressed to; empty when addressed to no one in particular.</summary>
    public required IReadOnlyList<Affiliation> AddressedTo { get; init; }

    /// <summary>Agenda item codes it is about.</summary>
    public required IReadOnlyList<string> Agenda { get; init; }

    /// <summary>The terms in words.</summary>
    public required string Terms { get; init; }

    /// <summary>When it was put forward.</summary>
    public required WorldDate OccurredOn { get; init; }

    /// <summary>Where it comes from.</summary>
    public required Source? Source { get; init; }
}

/// <summary>A proposal was answered: accepted, rejected, accepted with conditions, or countered by another proposal.</summary>
[WireName("proposal_answered.v1")]
public sealed record ProposalAnswered : INegotiationEvent
{
    /// <summary>The proposal answered.</summary>
    public required ProposalId Proposal { get; init; }

    /// <summary>Who answered.</summary>
    public required Actor By { get; init; }

    /// <summary>The answer.</summary>
    public required AnswerKind Answer { get; init; }

    /// <summary>The conditions, for <see cref="AnswerKind.AcceptedWithConditions"/>.</summary>
    public required string? Conditions { get; init; }

    /// <summary>The counter-proposal, for <see cref="AnswerKind.Countered"/>.</summary>
    public required ProposalId? CounteredBy { get; init; }

    /// <summary>When it was answered.</summary>
    public required WorldDate OccurredOn { get; init; }

    /// <summary>Where it comes from.</summary>
    public required Source? Source { get; init; }
}

/// <summary>An exchange was agreed between sides, with counts when known.</summary>
[WireName("exchange_agreed.v1")]
public sealed record ExchangeAgreed : INegotiationEvent
{
    /// <summary>The exchange's id.</summary>
    public required ExchangeId Exchange { get; init; }

    /// <summary>What is exchanged.</summary>
    public required ExchangeKind Kind { get; init; }

    /// <summary>The sides.</summary>
    public required IReadOnlyList<Affiliation> Between { get; init; }

    /// <summary>How many each side hands over, when known; empty when not.</summary>
    public required IReadOnlyList<SideCount> Counts { get; init; }

    /// <summary>What was agreed, in words.</summary>
    public required string? Terms { get; init; }

    /// <summary>When it was agreed.</summary>
    public required WorldDate OccurredOn { get; init; }

    /// <summary>Where it comes from.</summary>
    public required Source? Source { get; init; }
}

/// <summary>A stage of an agreed exchange happened.</summary>
[WireName("exchange_carried_out.v1")]
public sealed record ExchangeCarriedOut : INegotiationEvent
{
    /// <summary>The exchange.</summary>
    public required ExchangeId Exchange { get; init; }

    /// <summary>The stage number, from 1.</summary>
    public required int Stage { get; init; }

    /// <summary>How many each side handed over in this stage.</summary>
    public required IReadOnlyList<SideCount> Counts { get; init; }

    /// <summary>When.</summary>
    public required WorldDate OccurredOn { get; init; }

    /// <summary>Where it comes from.</summary>
    public required Source? Source { get; init; }
}

/// <summary>An actor gave a target a deadline, a demand and a consequence.</summary>
[WireName("ultimatum_issued.v1")]
public sealed record UltimatumIssued : INegotiationEvent
{
    /// <summary>The ultimatum's id.</summary>
    public required UltimatumId Ultimatum { get; init; }

    /// <summary>Who issued it.</summary>
    public required Actor Issuer { get; init; }

    /// <summary>Whom it is aimed at.</summary>
    public required Affiliation Target { get; init; }

    /// <summary>What the target must do.</summary>
    public required string Demand { get; init; }

    /// <summary>By when.</summary>
    public required WorldDate Deadline { get; init; }

    /// <summary>What follows otherwise.</summary>
    public required string Consequence { get; init; }

    /// <summary>When it was issued.</summary>
    public required WorldDate OccurredOn { get; init; }

    /// <summary>Where it comes from.</summary>
    public required Source? Source { get; init; }
}

/// <summary>An active ultimatum's deadline or terms changed ("50 days" became "10 days").</summary>
[WireName("ultimatum_revised.v1")]
public sealed record UltimatumRevised : INegotiationEvent
{
    /// <summary>The ultimatum.</summary>
    public required UltimatumId Ultimatum { get; init; }

    /// <summary>The new deadline.</summary>
    public required WorldDate Deadline { get; init; }

    /// <summary>The new demand, or null when unchanged.</summary>
    public required string? Demand { get; init; }

    /// <summary>The new consequence, or null when unchanged.</summary>
    public required string? Consequence { get; init; }

    /// <summary>When it was revised.</summary>
    public required WorldDate OccurredOn { get; init; }

    /// <summary>Where it comes from.</summary>
    public required Source? Source { get; init; }
}

/// <summary>An active ultimatum was withdrawn.</summary>
[WireName("ultimatum_withdrawn.v1")]
public sealed record UltimatumWithdrawn : INegotiationEvent
{
    /// <summary>The ultimatum.</summary>
    public required UltimatumId Ultimatum { get; init; }

    /// <summary>Why, if said.</summary>
    public required string? Reason { get; init; }

    /// <summary>When.</summary>
    public required WorldDate OccurredOn { get; init; }

    /// <summary>Where it comes from.</summary>
    public required Source? Source { get; init; }
}

/// <summary>An on-record statement that moves the picture: readiness, doubt, assessment, pressure.</summary>
[WireName("statement_made.v1")]
public sealed record StatementMade : INegotiationEvent
{
    /// <summary>Who made it.</summary>
    public required Actor By { get; init; }

    /// <summary>What it does.</summary>
    public required StatementKind Kind { get; init; }

    /// <summary>What was said, in words.</summary>
    public required string Summary { get; init; }

    /// <summary>Its tone, when the news conveys it.</summary>
    public required Tone? Tone { get; init; }

    /// <summary>Agenda item codes it is about.</summary>
    public required IReadOnlyList<string> Agenda { get; init; }

    /// <summary>When it was made.</summary>
    public required WorldDate OccurredOn { get; init; }

    /// <summary>Where it comes from.</summary>
    public required Source? Source { get; init; }
}

/// <summary>
/// The facts recorded by an earlier command are withdrawn (the news was corrected). State and timeline drop
/// them; the events themselves stay in the stream, as history.
/// </summary>
[WireName("fact_retracted.v1")]
public sealed record FactRetracted : INegotiationEvent
{
    /// <summary>The command whose facts are withdrawn.</summary>
    public required CommandId Retracted { get; init; }

    /// <summary>Why.</summary>
    public required string Reason { get; init; }

    /// <summary>When the correction was made.</summary>
    public required WorldDate OccurredOn { get; init; }

    /// <summary>Where the correction comes from.</summary>
    public required Source? Source { get; init; }
}

/// <summary>The event types of a negotiation track.</summary>
public static class NegotiationEvents
{
    /// <summary>Every negotiation event type, with its wire name.</summary>
    public static EventCatalog Catalog { get; } = EventCatalog.Of(
        typeof(NegotiationOpened),
        typeof(ParticipantJoined),
        typeof(RoundProposed),
        typeof(RoundScheduled),
        typeof(RoundPostponed),
        typeof(RoundCancelled),
        typeof(RoundHeld),
        typeof(ProposalMade),
        typeof(ProposalAnswered),
        typeof(ExchangeAgreed),
        typeof(ExchangeCarriedOut),
        typeof(UltimatumIssued),
        typeof(UltimatumRevised),
        typeof(UltimatumWithdrawn),
        typeof(StatementMade),
        typeof(FactRetracted));

    /// <summary>
    /// Whether a fact counts in a view computed as of a world day: once it has surely happened by then
    /// (<see cref="WorldDate.HasHappenedBy"/>). A <see cref="FactRetracted"/> counts whatever the day: a correction
    /// withdraws the fact from the record entirely. The rule of every as-of view of the library; use it in your own.
    /// </summary>
    /// <param name="fact">The fact.</param>
    /// <param name="day">The day asked about.</param>
    /// <returns>True when the fact belongs in the view as of that day.</returns>
    public static bool CountsAsOf(INegotiationEvent fact, DateOnly day)
    {
        ArgumentNullException.ThrowIfNull(fact);
        return fact is FactRetracted || fact.OccurredOn.HasHappenedBy(day);
    }
}
