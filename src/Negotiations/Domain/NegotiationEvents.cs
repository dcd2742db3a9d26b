using Negotiations.EventSourcing;

namespace Negotiations;

// Every event of a negotiation track, in one file. The [WireName] of each is its stable wire name:
// stored data refers to it, so a name never changes meaning; a changed shape gets a new version (.v2).

/// <summary>
/// A fact of a negotiation track. Every fact says when it happened in the world (<see cref="OccurredOn"/>) and,
/// when it comes from a document, where (<see cref="Source"/>).
/// </summary>
public interface INegotiationEvent
{
    /// <summary>When it happened in the world (not when it was recorded).</summary>
    WorldDate OccurredOn { get; }

    /// <summary>The document, quote and attribution it rests on, when there is one.</summary>
    Source? Source { get; }
}

/// <summary>A negotiation track was opened with its first participants: the parties and any hosts, mediators or third parties.</summary>
/// <param name="Title">A human title ("Russia-Ukraine peace talks, 2025").</param>
/// <param name="Participants">The participants known from the start.</param>
/// <param name="OccurredOn">When the track began; <see cref="WorldDate.Unknown"/> when the news does not say.</param>
/// <param name="Source">Where it comes from, if anywhere.</param>
[WireName("negotiation_opened.v1")]
public sealed record NegotiationOpened(string Title, IReadOnlyList<Participant> Participants, WorldDate OccurredOn, Source? Source) : INegotiationEvent;

/// <summary>An actor entered the track with a role.</summary>
/// <param name="Participant">The actor and its role.</param>
/// <param name="OccurredOn">When.</param>
/// <param name="Source">Where it comes from.</param>
[WireName("participant_joined.v1")]
public sealed record ParticipantJoined(Participant Participant, WorldDate OccurredOn, Source? Source) : INegotiationEvent;

/// <summary>An actor proposed a round of talks, perhaps for a time window ("next week").</summary>
/// <param name="Round">The round's id.</param>
/// <param name="ProposedBy">Who proposed it.</param>
/// <param name="Window">When the round should take place, if said.</param>
/// <param name="Agenda">Agenda item codes proposed for it (see <see cref="AgendaItems"/>).</param>
/// <param name="OccurredOn">When it was proposed.</param>
/// <param name="Source">Where it comes from.</param>
[WireName("round_proposed.v1")]
public sealed record RoundProposed(RoundId Round, Actor ProposedBy, WorldDate? Window, IReadOnlyList<string> Agenda, WorldDate OccurredOn, Source? Source) : INegotiationEvent;

/// <summary>A round of talks was set for a date and venue, and announced.</summary>
/// <param name="Round">The round's id.</param>
/// <param name="Date">When the round is to take place.</param>
/// <param name="Venue">Where.</param>
/// <param name="AnnouncedBy">Who announced it.</param>
/// <param name="ReportedBy">Whose report the announcement rests on, when the news says ("Umerov reported that the meeting is scheduled").</param>
/// <param name="OccurredOn">When it was announced.</param>
/// <param name="Source">Where it comes from.</param>
[WireName("round_scheduled.v1")]
public sealed record RoundScheduled(RoundId Round, WorldDate Date, Venue Venue, Actor AnnouncedBy, Actor? ReportedBy, WorldDate OccurredOn, Source? Source) : INegotiationEvent;

/// <summary>A scheduled round was moved, to a new date if one is known.</summary>
/// <param name="Round">The round's id.</param>
/// <param name="NewDate">The new date, if known.</param>
/// <param name="Reason">Why, if said.</param>
/// <param name="OccurredOn">When it was postponed.</param>
/// <param name="Source">Where it comes from.</param>
[WireName("round_postponed.v1")]
public sealed record RoundPostponed(RoundId Round, WorldDate? NewDate, string? Reason, WorldDate OccurredOn, Source? Source) : INegotiationEvent;

/// <summary>A round was called off.</summary>
/// <param name="Round">The round's id.</param>
/// <param name="Reason">Why, if said.</param>
/// <param name="OccurredOn">When it was called off.</param>
/// <param name="Source">Where it comes from.</param>
[WireName("round_cancelled.v1")]
public sealed record RoundCancelled(RoundId Round, string? Reason, WorldDate OccurredOn, Source? Source) : INegotiationEvent;

/// <summary>A round of talks took place, with or without a prior schedule.</summary>
/// <param name="Round">The round's id.</param>
/// <param name="Venue">Where it took place.</param>
/// <param name="Delegations">The delegations and their heads, when known.</param>
/// <param name="Topics">Agenda item codes discussed.</param>
/// <param name="Outcome">What it achieved.</param>
/// <param name="Summary">The outcome in words ("the sides exchanged ideas on what a peace deal could look like").</param>
/// <param name="OccurredOn">When it took place.</param>
/// <param name="Source">Where it comes from.</param>
[WireName("round_held.v1")]
public sealed record RoundHeld(RoundId Round, Venue Venue, IReadOnlyList<Delegation> Delegations, IReadOnlyList<string> Topics, RoundOutcome Outcome, string? Summary, WorldDate OccurredOn, Source? Source) : INegotiationEvent;

/// <summary>An actor put terms to others on agenda items: a proposal, a demand or an offer.</summary>
/// <param name="Proposal">The proposal's id.</param>
/// <param name="Kind">Proposal, demand or offer.</param>
/// <param name="By">Who put it forward.</param>
/// <param name="AddressedTo">Whom it is addressed to; empty when addressed to no one in particular.</param>
/// <param name="Agenda">Agenda item codes it is about.</param>
/// <param name="Terms">The terms in words.</param>
/// <param name="OccurredOn">When it was put forward.</param>
/// <param name="Source">Where it comes from.</param>
[WireName("proposal_made.v1")]
public sealed record ProposalMade(ProposalId Proposal, ProposalKind Kind, Actor By, IReadOnlyList<Affiliation> AddressedTo, IReadOnlyList<string> Agenda, string Terms, WorldDate OccurredOn, Source? Source) : INegotiationEvent;

/// <summary>A proposal was answered: accepted, rejected, accepted with conditions, or countered by another proposal.</summary>
/// <param name="Proposal">The proposal answered.</param>
/// <param name="By">Who answered.</param>
/// <param name="Answer">The answer.</param>
/// <param name="Conditions">The conditions, for <see cref="AnswerKind.AcceptedWithConditions"/>.</param>
/// <param name="CounteredBy">The counter-proposal, for <see cref="AnswerKind.Countered"/>.</param>
/// <param name="OccurredOn">When it was answered.</param>
/// <param name="Source">Where it comes from.</param>
[WireName("proposal_answered.v1")]
public sealed record ProposalAnswered(ProposalId Proposal, Actor By, AnswerKind Answer, string? Conditions, ProposalId? CounteredBy, WorldDate OccurredOn, Source? Source) : INegotiationEvent;

/// <summary>An exchange was agreed between sides, with counts when known.</summary>
/// <param name="Exchange">The exchange's id.</param>
/// <param name="Kind">What is exchanged.</param>
/// <param name="Between">The sides.</param>
/// <param name="Counts">How many each side hands over, when known; empty when not.</param>
/// <param name="Terms">What was agreed, in words.</param>
/// <param name="OccurredOn">When it was agreed.</param>
/// <param name="Source">Where it comes from.</param>
[WireName("exchange_agreed.v1")]
public sealed record ExchangeAgreed(ExchangeId Exchange, ExchangeKind Kind, IReadOnlyList<Affiliation> Between, IReadOnlyList<SideCount> Counts, string? Terms, WorldDate OccurredOn, Source? Source) : INegotiationEvent;

/// <summary>A stage of an agreed exchange happened.</summary>
/// <param name="Exchange">The exchange.</param>
/// <param name="Stage">The stage number, from 1.</param>
/// <param name="Counts">How many each side handed over in this stage.</param>
/// <param name="OccurredOn">When.</param>
/// <param name="Source">Where it comes from.</param>
[WireName("exchange_carried_out.v1")]
public sealed record ExchangeCarriedOut(ExchangeId Exchange, int Stage, IReadOnlyList<SideCount> Counts, WorldDate OccurredOn, Source? Source) : INegotiationEvent;

/// <summary>An actor gave a target a deadline, a demand and a consequence.</summary>
/// <param name="Ultimatum">The ultimatum's id.</param>
/// <param name="Issuer">Who issued it.</param>
/// <param name="Target">Whom it is aimed at.</param>
/// <param name="Demand">What the target must do.</param>
/// <param name="Deadline">By when.</param>
/// <param name="Consequence">What follows otherwise.</param>
/// <param name="OccurredOn">When it was issued.</param>
/// <param name="Source">Where it comes from.</param>
[WireName("ultimatum_issued.v1")]
public sealed record UltimatumIssued(UltimatumId Ultimatum, Actor Issuer, Affiliation Target, string Demand, WorldDate Deadline, string Consequence, WorldDate OccurredOn, Source? Source) : INegotiationEvent;

/// <summary>An active ultimatum's deadline or terms changed ("50 days" became "10 days").</summary>
/// <param name="Ultimatum">The ultimatum.</param>
/// <param name="Deadline">The new deadline.</param>
/// <param name="Demand">The new demand, or null when unchanged.</param>
/// <param name="Consequence">The new consequence, or null when unchanged.</param>
/// <param name="OccurredOn">When it was revised.</param>
/// <param name="Source">Where it comes from.</param>
[WireName("ultimatum_revised.v1")]
public sealed record UltimatumRevised(UltimatumId Ultimatum, WorldDate Deadline, string? Demand, string? Consequence, WorldDate OccurredOn, Source? Source) : INegotiationEvent;

/// <summary>An active ultimatum was withdrawn.</summary>
/// <param name="Ultimatum">The ultimatum.</param>
/// <param name="Reason">Why, if said.</param>
/// <param name="OccurredOn">When.</param>
/// <param name="Source">Where it comes from.</param>
[WireName("ultimatum_withdrawn.v1")]
public sealed record UltimatumWithdrawn(UltimatumId Ultimatum, string? Reason, WorldDate OccurredOn, Source? Source) : INegotiationEvent;

/// <summary>An on-record statement that moves the picture: readiness, doubt, assessment, pressure.</summary>
/// <param name="By">Who made it.</param>
/// <param name="Kind">What it does.</param>
/// <param name="Summary">What was said, in words.</param>
/// <param name="Tone">Its tone, when the news conveys it.</param>
/// <param name="Agenda">Agenda item codes it is about.</param>
/// <param name="OccurredOn">When it was made.</param>
/// <param name="Source">Where it comes from.</param>
[WireName("statement_made.v1")]
public sealed record StatementMade(Actor By, StatementKind Kind, string Summary, Tone? Tone, IReadOnlyList<string> Agenda, WorldDate OccurredOn, Source? Source) : INegotiationEvent;

/// <summary>
/// The facts recorded by an earlier command are withdrawn (the news was corrected). State and timeline drop
/// them; the events themselves stay in the stream, as history.
/// </summary>
/// <param name="Retracted">The command whose facts are withdrawn.</param>
/// <param name="Reason">Why.</param>
/// <param name="OccurredOn">When the correction was made.</param>
/// <param name="Source">Where the correction comes from.</param>
[WireName("fact_retracted.v1")]
public sealed record FactRetracted(CommandId Retracted, string Reason, WorldDate OccurredOn, Source? Source) : INegotiationEvent;

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
