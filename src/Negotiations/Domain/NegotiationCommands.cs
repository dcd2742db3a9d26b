using Negotiations.EventSourcing;

namespace Negotiations;

/// <summary>
/// A command on a negotiation track: what a caller asks to record. Every command names its track and carries
/// the caller's <see cref="NegotiationCommand.CommandId"/>, its idempotency key; the ids of the things it speaks
/// about (rounds, proposals, exchanges, ultimatums) are the caller's too, and so is the world date.
/// </summary>
public abstract record NegotiationCommand : IStreamCommand
{
    /// <summary>The track (the stream).</summary>
    public required TrackId Track { get; init; }

    /// <summary>The caller's id for this command.</summary>
    public required CommandId CommandId { get; init; }

    string IStreamCommand.StreamId => Track.Value;

    string IStreamCommand.CommandId => CommandId.Value;
}

/// <summary>Opens a track with its first participants.</summary>
[WireName("OpenNegotiation")]
public sealed record OpenNegotiation : NegotiationCommand
{
    /// <summary>A human title.</summary>
    public required string Title { get; init; }

    /// <summary>The participants known from the start: at least one.</summary>
    public required IReadOnlyList<Participant> Participants { get; init; }

    /// <summary>When the track began; <see cref="WorldDate.Unknown"/> when not known.</summary>
    public required WorldDate OccurredOn { get; init; }

    /// <summary>Where it comes from, if anywhere.</summary>
    public Source? Source { get; init; }
}

/// <summary>Adds a participant to a track.</summary>
[WireName("AddParticipant")]
public sealed record AddParticipant : NegotiationCommand
{
    /// <summary>The actor and its role.</summary>
    public required Participant Participant { get; init; }

    /// <summary>When it joined.</summary>
    public required WorldDate OccurredOn { get; init; }

    /// <summary>Where it comes from.</summary>
    public Source? Source { get; init; }
}

/// <summary>Records that an actor proposed a round of talks.</summary>
[WireName("ProposeRound")]
public sealed record ProposeRound : NegotiationCommand
{
    /// <summary>The round's id, chosen by the caller.</summary>
    public required RoundId Round { get; init; }

    /// <summary>Who proposed it; must act for a participant.</summary>
    public required Actor ProposedBy { get; init; }

    /// <summary>When it should take place, if said.</summary>
    public required WorldDate? Window { get; init; }

    /// <summary>Agenda item codes.</summary>
    public required IReadOnlyList<string> Agenda { get; init; }

    /// <summary>When it was proposed.</summary>
    public required WorldDate OccurredOn { get; init; }

    /// <summary>Where it comes from.</summary>
    public Source? Source { get; init; }
}

/// <summary>Records that a round was set for a date and venue.</summary>
[WireName("ScheduleRound")]
public sealed record ScheduleRound : NegotiationCommand
{
    /// <summary>The round's id (new, or one proposed or postponed earlier).</summary>
    public required RoundId Round { get; init; }

    /// <summary>When it is to take place: not before the announcement.</summary>
    public required WorldDate Date { get; init; }

    /// <summary>Where.</summary>
    public required Venue Venue { get; init; }

    /// <summary>Who announced it; must act for a participant.</summary>
    public required Actor AnnouncedBy { get; init; }

    /// <summary>Whose report the announcement rests on, if said; must act for a participant.</summary>
    public required Actor? ReportedBy { get; init; }

    /// <summary>When it was announced.</summary>
    public required WorldDate OccurredOn { get; init; }

    /// <summary>Where it comes from.</summary>
    public Source? Source { get; init; }
}

/// <summary>Records that a scheduled round was moved.</summary>
[WireName("PostponeRound")]
public sealed record PostponeRound : NegotiationCommand
{
    /// <summary>A scheduled round.</summary>
    public required RoundId Round { get; init; }

    /// <summary>The new date, if known.</summary>
    public required WorldDate? NewDate { get; init; }

    /// <summary>Why, if said.</summary>
    public required string? Reason { get; init; }

    /// <summary>When.</summary>
    public required WorldDate OccurredOn { get; init; }

    /// <summary>Where it comes from.</summary>
    public Source? Source { get; init; }
}

/// <summary>Records that a proposed or scheduled round was called off.</summary>
[WireName("CancelRound")]
public sealed record CancelRound : NegotiationCommand
{
    /// <summary>A proposed, scheduled or postponed round.</summary>
    public required RoundId Round { get; init; }

    /// <summary>Why, if said.</summary>
    public required string? Reason { get; init; }

    /// <summary>When.</summary>
    public required WorldDate OccurredOn { get; init; }

    /// <summary>Where it comes from.</summary>
    public Source? Source { get; init; }
}

/// <summary>Records that a round took place, whether or not it was scheduled first.</summary>
[WireName("RecordRoundHeld")]
public sealed record RecordRoundHeld : NegotiationCommand
{
    /// <summary>The round's id: a new one, or a proposed, scheduled or postponed round.</summary>
    public required RoundId Round { get; init; }

    /// <summary>Where.</summary>
    public required Venue Venue { get; init; }

    /// <summary>The delegations, each for a participant.</summary>
    public required IReadOnlyList<Delegation> Delegations { get; init; }

    /// <summary>Agenda item codes discussed.</summary>
    public required IReadOnlyList<string> Topics { get; init; }

    /// <summary>What it achieved.</summary>
    public required RoundOutcome Outcome { get; init; }

    /// <summary>The outcome in words.</summary>
    public required string? Summary { get; init; }

    /// <summary>When it took place.</summary>
    public required WorldDate OccurredOn { get; init; }

    /// <summary>Where it comes from.</summary>
    public Source? Source { get; init; }
}

/// <summary>Records a proposal, demand or offer.</summary>
[WireName("MakeProposal")]
public sealed record MakeProposal : NegotiationCommand
{
    /// <summary>The proposal's id, new on the track.</summary>
    public required ProposalId Proposal { get; init; }

    /// <summary>Proposal, demand or offer.</summary>
    public required ProposalKind Kind { get; init; }

    /// <summary>Who put it forward; must act for a participant.</summary>
    public required Actor By { get; init; }

    /// <summary>Whom it is addressed to (participants' affiliations), or empty.</summary>
    public required IReadOnlyList<Affiliation> AddressedTo { get; init; }

    /// <summary>Agenda item codes.</summary>
    public required IReadOnlyList<string> Agenda { get; init; }

    /// <summary>The terms in words.</summary>
    public required string Terms { get; init; }

    /// <summary>When.</summary>
    public required WorldDate OccurredOn { get; init; }

    /// <summary>Where it comes from.</summary>
    public Source? Source { get; init; }
}

/// <summary>Records an answer to an open proposal.</summary>
[WireName("AnswerProposal")]
public sealed record AnswerProposal : NegotiationCommand
{
    /// <summary>The proposal answered.</summary>
    public required ProposalId Proposal { get; init; }

    /// <summary>Who answers: an addressee, or when there is none, another party than the proposer.</summary>
    public required Actor By { get; init; }

    /// <summary>The answer.</summary>
    public required AnswerKind Answer { get; init; }

    /// <summary>Required for <see cref="AnswerKind.AcceptedWithConditions"/>.</summary>
    public required string? Conditions { get; init; }

    /// <summary>Required for <see cref="AnswerKind.Countered"/>: a proposal made on the track.</summary>
    public required ProposalId? CounteredBy { get; init; }

    /// <summary>When.</summary>
    public required WorldDate OccurredOn { get; init; }

    /// <summary>Where it comes from.</summary>
    public Source? Source { get; init; }
}

/// <summary>Records that an exchange was agreed.</summary>
[WireName("AgreeExchange")]
public sealed record AgreeExchange : NegotiationCommand
{
    /// <summary>The exchange's id, new on the track.</summary>
    public required ExchangeId Exchange { get; init; }

    /// <summary>What is exchanged.</summary>
    public required ExchangeKind Kind { get; init; }

    /// <summary>The sides: at least two participants' affiliations.</summary>
    public required IReadOnlyList<Affiliation> Between { get; init; }

    /// <summary>How many each side hands over, when known.</summary>
    public required IReadOnlyList<SideCount> Counts { get; init; }

    /// <summary>What was agreed, in words.</summary>
    public required string? Terms { get; init; }

    /// <summary>When.</summary>
    public required WorldDate OccurredOn { get; init; }

    /// <summary>Where it comes from.</summary>
    public Source? Source { get; init; }
}

/// <summary>Records a stage of an agreed exchange.</summary>
[WireName("RecordExchangeStage")]
public sealed record RecordExchangeStage : NegotiationCommand
{
    /// <summary>An agreed exchange.</summary>
    public required ExchangeId Exchange { get; init; }

    /// <summary>The stage number, from 1.</summary>
    public required int Stage { get; init; }

    /// <summary>How many each side handed over; with earlier stages, not more than agreed where counts were agreed.</summary>
    public required IReadOnlyList<SideCount> Counts { get; init; }

    /// <summary>When.</summary>
    public required WorldDate OccurredOn { get; init; }

    /// <summary>Where it comes from.</summary>
    public Source? Source { get; init; }
}

/// <summary>Records an ultimatum.</summary>
[WireName("IssueUltimatum")]
public sealed record IssueUltimatum : NegotiationCommand
{
    /// <summary>The ultimatum's id, new on the track.</summary>
    public required UltimatumId Ultimatum { get; init; }

    /// <summary>Who issues it; must act for a participant.</summary>
    public required Actor Issuer { get; init; }

    /// <summary>Whom it is aimed at: a participant other than the issuer.</summary>
    public required Affiliation Target { get; init; }

    /// <summary>What the target must do.</summary>
    public required string Demand { get; init; }

    /// <summary>By when: after the issue.</summary>
    public required WorldDate Deadline { get; init; }

    /// <summary>What follows otherwise.</summary>
    public required string Consequence { get; init; }

    /// <summary>When it was issued.</summary>
    public required WorldDate OccurredOn { get; init; }

    /// <summary>Where it comes from.</summary>
    public Source? Source { get; init; }
}

/// <summary>Records a change to an active ultimatum.</summary>
[WireName("ReviseUltimatum")]
public sealed record ReviseUltimatum : NegotiationCommand
{
    /// <summary>An active ultimatum.</summary>
    public required UltimatumId Ultimatum { get; init; }

    /// <summary>The new deadline: after the revision.</summary>
    public required WorldDate Deadline { get; init; }

    /// <summary>The new demand, or null when unchanged.</summary>
    public required string? Demand { get; init; }

    /// <summary>The new consequence, or null when unchanged.</summary>
    public required string? Consequence { get; init; }

    /// <summary>When.</summary>
    public required WorldDate OccurredOn { get; init; }

    /// <summary>Where it comes from.</summary>
    public Source? Source { get; init; }
}

/// <summary>Records that an active ultimatum was withdrawn.</summary>
[WireName("WithdrawUltimatum")]
public sealed record WithdrawUltimatum : NegotiationCommand
{
    /// <summary>An active ultimatum.</summary>
    public required UltimatumId Ultimatum { get; init; }

    /// <summary>Why, if said.</summary>
    public required string? Reason { get; init; }

    /// <summary>When.</summary>
    public required WorldDate OccurredOn { get; init; }

    /// <summary>Where it comes from.</summary>
    public Source? Source { get; init; }
}

/// <summary>Records an on-record statement.</summary>
[WireName("RecordStatement")]
public sealed record RecordStatement : NegotiationCommand
{
    /// <summary>Who made it; must act for a participant.</summary>
    public required Actor By { get; init; }

    /// <summary>What it does.</summary>
    public required StatementKind Kind { get; init; }

    /// <summary>What was said.</summary>
    public required string Summary { get; init; }

    /// <summary>Its tone, if conveyed.</summary>
    public required Tone? Tone { get; init; }

    /// <summary>Agenda item codes it is about.</summary>
    public required IReadOnlyList<string> Agenda { get; init; }

    /// <summary>When.</summary>
    public required WorldDate OccurredOn { get; init; }

    /// <summary>Where it comes from.</summary>
    public Source? Source { get; init; }
}

/// <summary>Withdraws the facts an earlier command recorded on the track (the news was corrected).</summary>
[WireName("RetractFact")]
public sealed record RetractFact : NegotiationCommand
{
    /// <summary>A command applied on this track, not retracted already.</summary>
    public required CommandId Retracted { get; init; }

    /// <summary>Why.</summary>
    public required string Reason { get; init; }

    /// <summary>When the correction was made.</summary>
    public required WorldDate OccurredOn { get; init; }

    /// <summary>Where the correction comes from.</summary>
    public Source? Source { get; init; }
}
