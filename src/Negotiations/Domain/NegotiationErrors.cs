namespace Negotiations;

/// <summary>
/// The stable codes of the rules a <see cref="NegotiationDecider"/> refuses commands by. A code never changes
/// meaning; programs may switch on it. The refusal's message names the offending value and the rule, for people.
/// </summary>
public static class NegotiationErrors
{
    /// <summary>
    /// The command's id was used on the track by another command (another type, or other content): it is refused
    /// rather than dropped as a repeat. The message names both command types and nothing of the earlier command.
    /// The code is the command service's own (<see cref="EventSourcing.CommandErrors.IdReused"/>).
    /// </summary>
    public const string CommandIdReused = EventSourcing.CommandErrors.IdReused;

    /// <summary>
    /// A required member of the command is missing: null, a default id or affiliation (built without its
    /// constructor), or blank text. <see cref="EventSourcing.DomainError.Member"/> names it.
    /// </summary>
    public const string InputRequired = "input.required";

    /// <summary>
    /// A text member is longer than its limit in <see cref="NegotiationLimits"/>: ids and codes 100 characters, a
    /// command id 200, names 200, quotes 2,000, free text 10,000. (Stores refuse a stream id past 200 characters, a
    /// tenant id past 64 and a metadata value past 200 with an <see cref="ArgumentException"/> before anything is
    /// written.)
    /// </summary>
    public const string InputTooLong = "input.too_long";

    /// <summary>
    /// A text member holds a character no stored text may hold: NUL, a lone surrogate, or a control character
    /// (line breaks and tabs are allowed in free text only). See <see cref="NegotiationLimits"/>.
    /// </summary>
    public const string InputInvalidText = "input.invalid_text";

    /// <summary>An enum member holds a value its type does not define, such as <c>(StatementKind)99</c>.</summary>
    public const string InputUndefinedValue = "input.undefined_value";

    /// <summary>A number is past its limit: a count above <see cref="NegotiationLimits.ExchangeCount"/>, a stage above <see cref="NegotiationLimits.ExchangeStage"/>.</summary>
    public const string InputOutOfRange = "input.out_of_range";

    /// <summary>A list has more items than <see cref="NegotiationLimits.ListLength"/>.</summary>
    public const string InputTooMany = "input.too_many";

    /// <summary>
    /// The source of a fact was reported before the fact could have happened: its <see cref="Source.ReportedOn"/> is
    /// before the first day of the fact's window.
    /// </summary>
    public const string SourceBeforeFact = "source.before_fact";

    /// <summary>A command other than <see cref="OpenNegotiation"/> came for a track that has not been opened.</summary>
    public const string TrackNotOpened = "track.not_opened";

    /// <summary><see cref="OpenNegotiation"/> came for a track that is open already (a track is opened once).</summary>
    public const string TrackAlreadyOpened = "track.already_opened";

    /// <summary>The track's title is empty or white space.</summary>
    public const string TrackTitleEmpty = "track.title_empty";

    /// <summary>A track was opened without participants; at least one is needed.</summary>
    public const string TrackNoParticipants = "track.no_participants";

    /// <summary>An actor with this code is a participant already (or is listed twice when the track is opened).</summary>
    public const string ParticipantAlreadyJoined = "participant.already_joined";

    /// <summary>
    /// An actor acts for an affiliation that no participant of the track acts for. Participation is by
    /// affiliation: with a <c>UKR</c> participant, both Zelenskyy and Umerov (<c>UKR</c>) may act.
    /// </summary>
    public const string ActorNotParticipant = "actor.not_participant";

    /// <summary>An actor code the track knows already comes with another affiliation.</summary>
    public const string ActorAffiliationConflict = "actor.affiliation_conflict";

    /// <summary>A side (an addressee, a side of an exchange, a delegation, an ultimatum's target) is not a participant's affiliation.</summary>
    public const string SideNotParticipant = "side.not_participant";

    /// <summary>An agenda item code is not a lower-case code of letters, digits and underscores starting with a letter (see <see cref="AgendaItems"/>).</summary>
    public const string AgendaInvalidCode = "agenda.invalid_code";

    /// <summary>
    /// <see cref="ProposeRound"/> names a round that was proposed already. (A proposal reported after the round's
    /// schedule is accepted: it lands in place.)
    /// </summary>
    public const string RoundAlreadyProposed = "round.already_proposed";

    /// <summary>The round named is not on the track (never recorded, or its facts were retracted).</summary>
    public const string RoundUnknown = "round.unknown";

    /// <summary>
    /// A round's date or window (proposed, scheduled or postponed to) is surely before the day it was announced:
    /// it ends before the announcement's window begins (<see cref="WorldDate.IsSurelyBefore"/>).
    /// </summary>
    public const string RoundScheduledBeforeAnnouncement = "round.scheduled_before_announcement";

    /// <summary>
    /// The round has been held already: it cannot be held again, nor scheduled, postponed or cancelled at a date that
    /// is not surely before the holding.
    /// </summary>
    public const string RoundAlreadyHeld = "round.already_held";

    /// <summary>Only a scheduled (or postponed) round can be postponed.</summary>
    public const string RoundNotScheduled = "round.not_scheduled";

    /// <summary>The round has been cancelled already.</summary>
    public const string RoundAlreadyCancelled = "round.already_cancelled";

    /// <summary>Two delegations at a round speak for the same side.</summary>
    public const string RoundDelegationRepeated = "round.delegation_repeated";

    /// <summary>A delegation's head acts for another side than the delegation.</summary>
    public const string RoundHeadNotOfSide = "round.head_not_of_side";

    /// <summary><see cref="MakeProposal"/> names a proposal id the track has already.</summary>
    public const string ProposalDuplicate = "proposal.duplicate";

    /// <summary>A proposal's terms are empty or white space.</summary>
    public const string ProposalTermsEmpty = "proposal.terms_empty";

    /// <summary>A proposal is addressed to the proposer's own side.</summary>
    public const string ProposalAddressedToProposer = "proposal.addressed_to_proposer";

    /// <summary>A proposal names an addressee twice.</summary>
    public const string ProposalAddresseeRepeated = "proposal.addressee_repeated";

    /// <summary>The proposal named is not on the track (never made, or its facts were retracted).</summary>
    public const string ProposalUnknown = "proposal.unknown";

    /// <summary>The proposal is not open any more (see <see cref="ProposalView.IsOpen"/>).</summary>
    public const string ProposalNotOpen = "proposal.not_open";

    /// <summary>The answerer's side is not among the proposal's addressees.</summary>
    public const string ProposalAnswererNotAddressee = "proposal.answerer_not_addressee";

    /// <summary>A proposal addressed to no one is answered by the proposer's own side.</summary>
    public const string ProposalAnswererIsProposer = "proposal.answerer_is_proposer";

    /// <summary>The answerer's side has answered this proposal already (other addressees have not).</summary>
    public const string ProposalAlreadyAnswered = "proposal.already_answered";

    /// <summary>An answer of kind <see cref="AnswerKind.AcceptedWithConditions"/> has no conditions.</summary>
    public const string ProposalConditionsMissing = "proposal.conditions_missing";

    /// <summary>An answer of kind <see cref="AnswerKind.Countered"/> names no counter-proposal.</summary>
    public const string ProposalCounterMissing = "proposal.counter_missing";

    /// <summary>The counter-proposal named by a <see cref="AnswerKind.Countered"/> answer is not on the track.</summary>
    public const string ProposalCounterUnknown = "proposal.counter_unknown";

    /// <summary>
    /// An answer's fields do not fit its kind: conditions on an answer other than
    /// <see cref="AnswerKind.AcceptedWithConditions"/>, a counter-proposal on an answer other than
    /// <see cref="AnswerKind.Countered"/>, or a proposal countered by itself.
    /// </summary>
    public const string ProposalAnswerInconsistent = "proposal.answer_inconsistent";

    /// <summary><see cref="AgreeExchange"/> names an exchange id the track has already.</summary>
    public const string ExchangeDuplicate = "exchange.duplicate";

    /// <summary>An exchange needs at least two different sides.</summary>
    public const string ExchangeSidesTooFew = "exchange.sides_too_few";

    /// <summary>A side is named twice among an exchange's sides or counts.</summary>
    public const string ExchangeSideRepeated = "exchange.side_repeated";

    /// <summary>A count is given for a side that is not a side of the exchange.</summary>
    public const string ExchangeSideNotInExchange = "exchange.side_not_in_exchange";

    /// <summary>A count is zero or negative.</summary>
    public const string ExchangeCountNotPositive = "exchange.count_not_positive";

    /// <summary>The exchange named is not on the track (never agreed, or its facts were retracted).</summary>
    public const string ExchangeUnknown = "exchange.unknown";

    /// <summary>A stage number is zero or negative; stages count from 1.</summary>
    public const string ExchangeStageNotPositive = "exchange.stage_not_positive";

    /// <summary>The exchange has a stage with this number already.</summary>
    public const string ExchangeStageDuplicate = "exchange.stage_duplicate";

    /// <summary>With the earlier stages, a side would hand over more than the count agreed for it (where one was agreed).</summary>
    public const string ExchangeStageExceedsAgreed = "exchange.stage_exceeds_agreed";

    /// <summary><see cref="IssueUltimatum"/> names an ultimatum id the track has already.</summary>
    public const string UltimatumDuplicate = "ultimatum.duplicate";

    /// <summary>An ultimatum's demand or consequence is empty or white space.</summary>
    public const string UltimatumTermsEmpty = "ultimatum.terms_empty";

    /// <summary>The issuer acts for the side the ultimatum targets.</summary>
    public const string UltimatumIssuerIsTarget = "ultimatum.issuer_is_target";

    /// <summary>
    /// The deadline is surely not after the issue: the deadline's last possible day is on or before the issue's
    /// first possible day (<c>Deadline.NotAfter &lt;= OccurredOn.NotBefore</c>). Windows with an open end needed
    /// for the comparison pass.
    /// </summary>
    public const string UltimatumDeadlineNotAfterIssue = "ultimatum.deadline_not_after_issue";

    /// <summary>A revised deadline is surely not after the revision, compared as for <see cref="UltimatumDeadlineNotAfterIssue"/>.</summary>
    public const string UltimatumDeadlineNotAfterRevision = "ultimatum.deadline_not_after_revision";

    /// <summary>The ultimatum named is not on the track (never issued, or its facts were retracted).</summary>
    public const string UltimatumUnknown = "ultimatum.unknown";

    /// <summary>The ultimatum is not active: it has been withdrawn (see <see cref="NegotiationDecider"/> on lapsed ultimatums).</summary>
    public const string UltimatumNotActive = "ultimatum.not_active";

    /// <summary>A statement's summary is empty or white space.</summary>
    public const string StatementSummaryEmpty = "statement.summary_empty";

    /// <summary>A retraction's reason is empty or white space.</summary>
    public const string RetractionReasonEmpty = "retraction.reason_empty";

    /// <summary>The retracted command was never applied on this track.</summary>
    public const string RetractionUnknownCommand = "retraction.unknown_command";

    /// <summary>The retracted command's facts have been retracted already.</summary>
    public const string RetractionAlreadyRetracted = "retraction.already_retracted";

    /// <summary>The command cannot be retracted: it opened the track, or it is itself a retraction.</summary>
    public const string RetractionNotRetractable = "retraction.not_retractable";
}
