using Negotiations.EventSourcing;

namespace Negotiations;

/// <summary>
/// A command on a negotiation track: what a caller asks to record. Every command names its track and carries
/// the caller's <see cref="NegotiationCommand.CommandId"/>, its idempotency key; the ids of the things it speaks
/// about (rounds, proposals, exchanges, ultimatums) are the caller's too, and so is the world date.
/// </summary>
/// <param name="Track">The track (the stream).</param>
/// <param name="CommandId">The caller's id for this command.</param>
public abstract record NegotiationCommand(TrackId Track, CommandId CommandId) : IStreamCommand
{
    string IStreamCommand.StreamId => Track.Value;

    string IStreamCommand.CommandId => CommandId.Value;
}

/// <summary>Opens a track with its first participants.</summary>
/// <param name="Track">The new track.</param>
/// <param name="CommandId">The caller's id for this command.</param>
/// <param name="Title">A human title.</param>
/// <param name="Participants">The participants known from the start: at least one.</param>
/// <param name="OccurredOn">When the track began; <see cref="WorldDate.Unknown"/> when not known.</param>
/// <param name="Source">Where it comes from, if anywhere.</param>
[WireName("OpenNegotiation")]
public sealed record OpenNegotiation(TrackId Track, CommandId CommandId, string Title, IReadOnlyList<Participant> Participants, WorldDate OccurredOn, Source? Source = null) : NegotiationCommand(Track, CommandId);

/// <summary>Adds a participant to a track.</summary>
/// <param name="Track">The track.</param>
/// <param name="CommandId">The caller's id for this command.</param>
/// <param name="Participant">The actor and its role.</param>
/// <param name="OccurredOn">When it joined.</param>
/// <param name="Source">Where it comes from.</param>
[WireName("AddParticipant")]
public sealed record AddParticipant(TrackId Track, CommandId CommandId, Participant Participant, WorldDate OccurredOn, Source? Source = null) : NegotiationCommand(Track, CommandId);

/// <summary>Records that an actor proposed a round of talks.</summary>
/// <param name="Track">The track.</param>
/// <param name="CommandId">The caller's id for this command.</param>
/// <param name="Round">The round's id, chosen by the caller.</param>
/// <param name="ProposedBy">Who proposed it; must act for a participant.</param>
/// <param name="Window">When it should take place, if said.</param>
/// <param name="Agenda">Agenda item codes.</param>
/// <param name="OccurredOn">When it was proposed.</param>
/// <param name="Source">Where it comes from.</param>
[WireName("ProposeRound")]
public sealed record ProposeRound(TrackId Track, CommandId CommandId, RoundId Round, Actor ProposedBy, WorldDate? Window, IReadOnlyList<string> Agenda, WorldDate OccurredOn, Source? Source = null) : NegotiationCommand(Track, CommandId);

/// <summary>Records that a round was set for a date and venue.</summary>
/// <param name="Track">The track.</param>
/// <param name="CommandId">The caller's id for this command.</param>
/// <param name="Round">The round's id (new, or one proposed or postponed earlier).</param>
/// <param name="Date">When it is to take place: not before the announcement.</param>
/// <param name="Venue">Where.</param>
/// <param name="AnnouncedBy">Who announced it; must act for a participant.</param>
/// <param name="ReportedBy">Whose report the announcement rests on, if said; must act for a participant.</param>
/// <param name="OccurredOn">When it was announced.</param>
/// <param name="Source">Where it comes from.</param>
[WireName("ScheduleRound")]
public sealed record ScheduleRound(TrackId Track, CommandId CommandId, RoundId Round, WorldDate Date, Venue Venue, Actor AnnouncedBy, Actor? ReportedBy, WorldDate OccurredOn, Source? Source = null) : NegotiationCommand(Track, CommandId);

/// <summary>Records that a scheduled round was moved.</summary>
/// <param name="Track">The track.</param>
/// <param name="CommandId">The caller's id for this command.</param>
/// <param name="Round">A scheduled round.</param>
/// <param name="NewDate">The new date, if known.</param>
/// <param name="Reason">Why, if said.</param>
/// <param name="OccurredOn">When.</param>
/// <param name="Source">Where it comes from.</param>
[WireName("PostponeRound")]
public sealed record PostponeRound(TrackId Track, CommandId CommandId, RoundId Round, WorldDate? NewDate, string? Reason, WorldDate OccurredOn, Source? Source = null) : NegotiationCommand(Track, CommandId);

/// <summary>Records that a proposed or scheduled round was called off.</summary>
/// <param name="Track">The track.</param>
/// <param name="CommandId">The caller's id for this command.</param>
/// <param name="Round">A proposed, scheduled or postponed round.</param>
/// <param name="Reason">Why, if said.</param>
/// <param name="OccurredOn">When.</param>
/// <param name="Source">Where it comes from.</param>
[WireName("CancelRound")]
public sealed record CancelRound(TrackId Track, CommandId CommandId, RoundId Round, string? Reason, WorldDate OccurredOn, Source? Source = null) : NegotiationCommand(Track, CommandId);

/// <summary>Records that a round took place, whether or not it was scheduled first.</summary>
/// <param name="Track">The track.</param>
/// <param name="CommandId">The caller's id for this command.</param>
/// <param name="Round">The round's id: a new one, or a proposed, scheduled or postponed round.</param>
/// <param name="Venue">Where.</param>
/// <param name="Delegations">The delegations, each for a participant.</param>
/// <param name="Topics">Agenda item codes discussed.</param>
/// <param name="Outcome">What it achieved.</param>
/// <param name="Summary">The outcome in words.</param>
/// <param name="OccurredOn">When it took place.</param>
/// <param name="Source">Where it comes from.</param>
[WireName("RecordRoundHeld")]
public sealed record RecordRoundHeld(TrackId Track, CommandId CommandId, RoundId Round, Venue Venue, IReadOnlyList<Delegation> Delegations, IReadOnlyList<string> Topics, RoundOutcome Outcome, string? Summary, WorldDate OccurredOn, Source? Source = null) : NegotiationCommand(Track, CommandId);

/// <summary>Records a proposal, demand or offer.</summary>
/// <param name="Track">The track.</param>
/// <param name="CommandId">The caller's id for this command.</param>
/// <param name="Proposal">The proposal's id, new on the track.</param>
/// <param name="Kind">Proposal, demand or offer.</param>
/// <param name="By">Who put it forward; must act for a participant.</param>
/// <param name="AddressedTo">Whom it is addressed to (participants' affiliations), or empty.</param>
/// <param name="Agenda">Agenda item codes.</param>
/// <param name="Terms">The terms in words.</param>
/// <param name="OccurredOn">When.</param>
/// <param name="Source">Where it comes from.</param>
[WireName("MakeProposal")]
public sealed record MakeProposal(TrackId Track, CommandId CommandId, ProposalId Proposal, ProposalKind Kind, Actor By, IReadOnlyList<Affiliation> AddressedTo, IReadOnlyList<string> Agenda, string Terms, WorldDate OccurredOn, Source? Source = null) : NegotiationCommand(Track, CommandId);

/// <summary>Records an answer to an open proposal.</summary>
/// <param name="Track">The track.</param>
/// <param name="CommandId">The caller's id for this command.</param>
/// <param name="Proposal">The proposal answered.</param>
/// <param name="By">Who answers: an addressee, or when there is none, another party than the proposer.</param>
/// <param name="Answer">The answer.</param>
/// <param name="Conditions">Required for <see cref="AnswerKind.AcceptedWithConditions"/>.</param>
/// <param name="CounteredBy">Required for <see cref="AnswerKind.Countered"/>: a proposal made on the track.</param>
/// <param name="OccurredOn">When.</param>
/// <param name="Source">Where it comes from.</param>
[WireName("AnswerProposal")]
public sealed record AnswerProposal(TrackId Track, CommandId CommandId, ProposalId Proposal, Actor By, AnswerKind Answer, string? Conditions, ProposalId? CounteredBy, WorldDate OccurredOn, Source? Source = null) : NegotiationCommand(Track, CommandId);

/// <summary>Records that an exchange was agreed.</summary>
/// <param name="Track">The track.</param>
/// <param name="CommandId">The caller's id for this command.</param>
/// <param name="Exchange">The exchange's id, new on the track.</param>
/// <param name="Kind">What is exchanged.</param>
/// <param name="Between">The sides: at least two participants' affiliations.</param>
/// <param name="Counts">How many each side hands over, when known.</param>
/// <param name="Terms">What was agreed, in words.</param>
/// <param name="OccurredOn">When.</param>
/// <param name="Source">Where it comes from.</param>
[WireName("AgreeExchange")]
public sealed record AgreeExchange(TrackId Track, CommandId CommandId, ExchangeId Exchange, ExchangeKind Kind, IReadOnlyList<Affiliation> Between, IReadOnlyList<SideCount> Counts, string? Terms, WorldDate OccurredOn, Source? Source = null) : NegotiationCommand(Track, CommandId);

/// <summary>Records a stage of an agreed exchange.</summary>
/// <param name="Track">The track.</param>
/// <param name="CommandId">The caller's id for this command.</param>
/// <param name="Exchange">An agreed exchange.</param>
/// <param name="Stage">The stage number, from 1.</param>
/// <param name="Counts">How many each side handed over; with earlier stages, not more than agreed where counts were agreed.</param>
/// <param name="OccurredOn">When.</param>
/// <param name="Source">Where it comes from.</param>
[WireName("RecordExchangeStage")]
public sealed record RecordExchangeStage(TrackId Track, CommandId CommandId, ExchangeId Exchange, int Stage, IReadOnlyList<SideCount> Counts, WorldDate OccurredOn, Source? Source = null) : NegotiationCommand(Track, CommandId);

/// <summary>Records an ultimatum.</summary>
/// <param name="Track">The track.</param>
/// <param name="CommandId">The caller's id for this command.</param>
/// <param name="Ultimatum">The ultimatum's id, new on the track.</param>
/// <param name="Issuer">Who issues it; must act for a participant.</param>
/// <param name="Target">Whom it is aimed at: a participant other than the issuer.</param>
/// <param name="Demand">What the target must do.</param>
/// <param name="Deadline">By when: after the issue.</param>
/// <param name="Consequence">What follows otherwise.</param>
/// <param name="OccurredOn">When it was issued.</param>
/// <param name="Source">Where it comes from.</param>
[WireName("IssueUltimatum")]
public sealed record IssueUltimatum(TrackId Track, CommandId CommandId, UltimatumId Ultimatum, Actor Issuer, Affiliation Target, string Demand, WorldDate Deadline, string Consequence, WorldDate OccurredOn, Source? Source = null) : NegotiationCommand(Track, CommandId);

/// <summary>Records a change to an active ultimatum.</summary>
/// <param name="Track">The track.</param>
/// <param name="CommandId">The caller's id for this command.</param>
/// <param name="Ultimatum">An active ultimatum.</param>
/// <param name="Deadline">The new deadline: after the revision.</param>
/// <param name="Demand">The new demand, or null when unchanged.</param>
/// <param name="Consequence">The new consequence, or null when unchanged.</param>
/// <param name="OccurredOn">When.</param>
/// <param name="Source">Where it comes from.</param>
[WireName("ReviseUltimatum")]
public sealed record ReviseUltimatum(TrackId Track, CommandId CommandId, UltimatumId Ultimatum, WorldDate Deadline, string? Demand, string? Consequence, WorldDate OccurredOn, Source? Source = null) : NegotiationCommand(Track, CommandId);

/// <summary>Records that an active ultimatum was withdrawn.</summary>
/// <param name="Track">The track.</param>
/// <param name="CommandId">The caller's id for this command.</param>
/// <param name="Ultimatum">An active ultimatum.</param>
/// <param name="Reason">Why, if said.</param>
/// <param name="OccurredOn">When.</param>
/// <param name="Source">Where it comes from.</param>
[WireName("WithdrawUltimatum")]
public sealed record WithdrawUltimatum(TrackId Track, CommandId CommandId, UltimatumId Ultimatum, string? Reason, WorldDate OccurredOn, Source? Source = null) : NegotiationCommand(Track, CommandId);

/// <summary>Records an on-record statement.</summary>
/// <param name="Track">The track.</param>
/// <param name="CommandId">The caller's id for this command.</param>
/// <param name="By">Who made it; must act for a participant.</param>
/// <param name="Kind">What it does.</param>
/// <param name="Summary">What was said.</param>
/// <param name="Tone">Its tone, if conveyed.</param>
/// <param name="Agenda">Agenda item codes it is about.</param>
/// <param name="OccurredOn">When.</param>
/// <param name="Source">Where it comes from.</param>
[WireName("RecordStatement")]
public sealed record RecordStatement(TrackId Track, CommandId CommandId, Actor By, StatementKind Kind, string Summary, Tone? Tone, IReadOnlyList<string> Agenda, WorldDate OccurredOn, Source? Source = null) : NegotiationCommand(Track, CommandId);

/// <summary>Withdraws the facts an earlier command recorded on the track (the news was corrected).</summary>
/// <param name="Track">The track.</param>
/// <param name="CommandId">The caller's id for this command.</param>
/// <param name="Retracted">A command applied on this track, not retracted already.</param>
/// <param name="Reason">Why.</param>
/// <param name="OccurredOn">When the correction was made.</param>
/// <param name="Source">Where the correction comes from.</param>
[WireName("RetractFact")]
public sealed record RetractFact(TrackId Track, CommandId CommandId, CommandId Retracted, string Reason, WorldDate OccurredOn, Source? Source = null) : NegotiationCommand(Track, CommandId);
