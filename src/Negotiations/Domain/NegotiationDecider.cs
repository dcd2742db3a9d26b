using Negotiations.EventSourcing;
using Negotiations.Serialization;

namespace Negotiations;

/// <summary>
/// The rules of a negotiation track: decides which event a <see cref="NegotiationCommand"/> records, or refuses it
/// with one of the <see cref="NegotiationErrors"/> codes. Pure: no clock, no new ids, no I/O.
/// </summary>
/// <remarks>
/// <para>Each accepted command records exactly one event, whose fields are the command's (missing lists become
/// empty). Decisions are made on the track's <see cref="NegotiationDecisionState"/>, never on the read models.
/// Repeats are not the decider's business: the command service answers a command id the track has applied already
/// from the store's command record, without deciding again.</para>
/// <para><b>Participation</b> is by affiliation: an actor may act when some participant acts for the same
/// affiliation (with a <c>UKR</c> participant, Zelenskyy and Umerov may both act). An actor code keeps the
/// affiliation it was first seen with. Sides given as bare affiliations (addressees, the sides of an exchange, the
/// side of a delegation, an ultimatum's target) must be participants' affiliations too.</para>
/// <para><b>Comparing windows.</b> Rules refuse only what the windows make certain. A round's date is refused when
/// it ends before the announcement's window begins (<see cref="WorldDate.IsSurelyBefore"/>). An ultimatum's
/// deadline is refused when it is surely not after the issue (or revision): when the deadline's
/// <see cref="WorldDate.NotAfter"/> is on or before the issue's <see cref="WorldDate.NotBefore"/>, so a deadline on
/// the day of the issue is refused. When an end needed for a comparison is open, the command passes.</para>
/// <para><b>Rounds.</b> Rounds are named by the caller's <see cref="RoundId"/>, so every fact about one round names
/// the same id, in any order: a round is proposed once (a proposal reported after the schedule is accepted);
/// <see cref="ScheduleRound"/> and <see cref="RecordRoundHeld"/> take a new or a known id (a round may be held
/// without a prior schedule); only a
/// scheduled or postponed round is postponed; a cancelled round is not cancelled again (but may be scheduled or held
/// after all). A held round is not held again, and is not scheduled, postponed or cancelled afterwards: such a fact
/// is accepted only when it surely happened before the holding (a late report, which lands in place).</para>
/// <para><b>Open proposals.</b> A proposal with addressees is open until every addressee's side has answered; one
/// addressed to no one is open until its first answer. Only an addressee's side answers (or, with no addressees, a
/// participant of another side than the proposer's), once, and only while the proposal is open.</para>
/// <para><b>Exchanges.</b> A stage needs an agreed exchange; its counts, with the earlier stages', may not exceed
/// the count agreed for a side, where one was agreed.</para>
/// <para><b>Active ultimatums.</b> An ultimatum is active for these rules until it is withdrawn (or retracted, which
/// removes it). Lapse is not a recorded status but follows from the deadline and the day asked about
/// (<see cref="UltimatumSchedule.StatusOn"/>), so a lapsed ultimatum may still be revised (deadlines are often extended
/// after they pass) or withdrawn. A revision reported late, that surely happened before the withdrawal, is still
/// accepted.</para>
/// <para><b>Retractions</b> name a command applied on this track whose facts have not been retracted already; the
/// command that opened the track and retractions themselves cannot be retracted. Whether a command that recorded only
/// what the rules do not keep (a statement) was applied is asked of the store's command records
/// (<see cref="Decision{TEvent}.AcceptIfApplied"/>).</para>
/// </remarks>
public sealed class NegotiationDecider : IDecider<NegotiationDecisionState, NegotiationCommand, INegotiationEvent>
{
    private static readonly NegotiationDecisionProjection DecisionState = new();

    /// <summary>The fold of the <see cref="NegotiationDecisionState"/>: what a store snapshots and the command service caches.</summary>
    public StreamProjection<NegotiationDecisionState> State => DecisionState;

    /// <summary>
    /// Checks a command on its own, before any track rule: every required member present (no null, no default id),
    /// enum values defined, text within <see cref="NegotiationLimits"/> and free of NUL, lone surrogates and control
    /// characters, lists and counts within range, and every source reported no earlier than the first day of its
    /// fact's window. <see cref="Decide(NegotiationDecisionState, NegotiationCommand)"/> checks the same first, so every path (scenarios, the command service, the
    /// importer, every store) accepts and refuses exactly the same commands.
    /// </summary>
    /// <param name="command">The command.</param>
    /// <returns>
    /// The first broken rule, with an <c>input.*</c> code (or the empty-text code of the member, such as
    /// <see cref="NegotiationErrors.StatementSummaryEmpty"/>) and <see cref="DomainError.Member"/> naming the member; null
    /// when the command is well formed.
    /// </returns>
    public DomainError? Validate(NegotiationCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        return CommandRules.Check(command);
    }

    /// <inheritdoc />
    public Decision<INegotiationEvent> Decide(NegotiationDecisionState state, NegotiationCommand command)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(command);
        if (CommandRules.Check(command) is { } invalid)
        {
            return Decision<INegotiationEvent>.Refuse(invalid);
        }

        return command switch
        {
            OpenNegotiation c => Open(state, c),
            _ when !state.IsOpened => Refuse(NegotiationErrors.TrackNotOpened, $"Track '{command.Track}' has not been opened: open it with {nameof(OpenNegotiation)} before recording {command.GetType().Name} '{command.CommandId}'."),
            AddParticipant c => Join(state, c),
            ProposeRound c => ProposeRound(state, c),
            ScheduleRound c => ScheduleRound(state, c),
            PostponeRound c => PostponeRound(state, c),
            CancelRound c => CancelRound(state, c),
            RecordRoundHeld c => RecordRoundHeld(state, c),
            MakeProposal c => MakeProposal(state, c),
            AnswerProposal c => AnswerProposal(state, c),
            AgreeExchange c => AgreeExchange(state, c),
            RecordExchangeStage c => RecordExchangeStage(state, c),
            IssueUltimatum c => IssueUltimatum(state, c),
            ReviseUltimatum c => ReviseUltimatum(state, c),
            WithdrawUltimatum c => WithdrawUltimatum(state, c),
            RecordStatement c => RecordStatement(state, c),
            RetractFact c => RetractFact(state, c),
            _ => throw new ArgumentException($"{command.GetType().Name} is not a command the negotiation decider knows.", nameof(command)),
        };
    }

    private static Decision<INegotiationEvent> Open(NegotiationDecisionState state, OpenNegotiation c)
    {
        var participants = c.Participants ?? [];
        var repeated = participants.GroupBy(p => p.Actor.Code).FirstOrDefault(g => g.Count() > 1);
        var error =
            (state.IsOpened ? Error(NegotiationErrors.TrackAlreadyOpened, $"Track '{c.Track}' was opened already, as '{state.Title}'; a track is opened once.") : null)
            ?? (participants.Count == 0 ? Error(NegotiationErrors.TrackNoParticipants, $"Track '{c.Track}' needs at least one participant to be opened.") : null)
            ?? (repeated is not null ? Error(NegotiationErrors.ParticipantAlreadyJoined, $"Actor '{repeated.Key}' is listed {repeated.Count()} times among the participants of track '{c.Track}'; list each actor once.") : null);
        return Decide(error, () => new NegotiationOpened { Title = c.Title, Participants = participants, OccurredOn = c.OccurredOn, Source = c.Source });
    }

    private static Decision<INegotiationEvent> Join(NegotiationDecisionState state, AddParticipant c)
    {
        var actor = c.Participant.Actor;
        var error =
            AffiliationConflict(state, actor)
            ?? (state.Participants.ContainsKey(actor.Code.Value) ? Error(NegotiationErrors.ParticipantAlreadyJoined, $"Actor '{actor.Code}' is a participant of track '{c.Track}' already.") : null);
        return Decide(error, () => new ParticipantJoined { Participant = c.Participant, OccurredOn = c.OccurredOn, Source = c.Source });
    }

    private static Decision<INegotiationEvent> ProposeRound(NegotiationDecisionState state, ProposeRound c)
    {
        var agenda = c.Agenda ?? [];
        var round = FindRound(state, c.Round);
        var error =
            (round is not null && RoundLifecycle.First(round.Steps, RoundStatus.Proposed) is { } proposed
                ? Error(NegotiationErrors.RoundAlreadyProposed, $"Round '{c.Round}' was proposed already, on {proposed.OccurredOn} by '{proposed.By}'; propose another round under a new id.")
                : null)
            ?? AlreadyHeld(c.Round, round, c.OccurredOn, "proposed")
            ?? ActorError(state, c.Track, c.ProposedBy)
            ?? DateBeforeAnnouncement(c.Round, c.Window, c.OccurredOn, "proposed for");
        return Decide(error, () => new RoundProposed { Round = c.Round, ProposedBy = c.ProposedBy, Window = c.Window, Agenda = agenda, OccurredOn = c.OccurredOn, Source = c.Source });
    }

    private static Decision<INegotiationEvent> ScheduleRound(NegotiationDecisionState state, ScheduleRound c)
    {
        var error =
            ActorError(state, c.Track, c.AnnouncedBy)
            ?? (c.ReportedBy is { } reporter ? ActorError(state, c.Track, reporter) : null)
            ?? AlreadyHeld(c.Round, FindRound(state, c.Round), c.OccurredOn, "scheduled")
            ?? DateBeforeAnnouncement(c.Round, c.Date, c.OccurredOn, "scheduled for");
        return Decide(error, () => new RoundScheduled
        {
            Round = c.Round,
            Date = c.Date,
            Venue = c.Venue,
            AnnouncedBy = c.AnnouncedBy,
            ReportedBy = c.ReportedBy,
            OccurredOn = c.OccurredOn,
            Source = c.Source,
        });
    }

    private static Decision<INegotiationEvent> PostponeRound(NegotiationDecisionState state, PostponeRound c)
    {
        var round = FindRound(state, c.Round);
        var error =
            (round is null ? UnknownRound(c.Track, c.Round) : null)
            ?? AlreadyHeld(c.Round, round, c.OccurredOn, "postponed")
            ?? (!WasScheduled(round!)
                ? Error(NegotiationErrors.RoundNotScheduled, $"Round '{c.Round}' is {Lower(round!.Status)}, not scheduled; only a scheduled round can be postponed.")
                : null)
            ?? DateBeforeAnnouncement(c.Round, c.NewDate, c.OccurredOn, "postponed to");
        return Decide(error, () => new RoundPostponed { Round = c.Round, NewDate = c.NewDate, Reason = c.Reason, OccurredOn = c.OccurredOn, Source = c.Source });
    }

    private static Decision<INegotiationEvent> CancelRound(NegotiationDecisionState state, CancelRound c)
    {
        var round = FindRound(state, c.Round);
        var error =
            (round is null ? UnknownRound(c.Track, c.Round) : null)
            ?? AlreadyHeld(c.Round, round, c.OccurredOn, "cancelled")
            ?? (round!.Status == RoundStatus.Cancelled ? Error(NegotiationErrors.RoundAlreadyCancelled, $"Round '{c.Round}' was cancelled already.") : null);
        return Decide(error, () => new RoundCancelled { Round = c.Round, Reason = c.Reason, OccurredOn = c.OccurredOn, Source = c.Source });
    }

    private static Decision<INegotiationEvent> RecordRoundHeld(NegotiationDecisionState state, RecordRoundHeld c)
    {
        var delegations = c.Delegations ?? [];
        var topics = c.Topics ?? [];
        var repeated = delegations.GroupBy(d => d.Side).FirstOrDefault(g => g.Count() > 1);
        var error =
            (repeated is not null ? Error(NegotiationErrors.RoundDelegationRepeated, $"Round '{c.Round}' lists {repeated.Count()} delegations for {repeated.Key}; list one delegation per side.") : null)
            ?? delegations.Select(d => SideError(state, c.Track, d.Side, $"the side of a delegation at round '{c.Round}'")).FirstOrDefault(e => e is not null)
            ?? delegations.Where(d => d.Head is not null).Select(d => HeadError(state, c, d)).FirstOrDefault(e => e is not null)
            ?? AlreadyHeld(c.Round, FindRound(state, c.Round), null, "held");
        return Decide(error, () => new RoundHeld
        {
            Round = c.Round,
            Venue = c.Venue,
            Delegations = delegations,
            Topics = topics,
            Outcome = c.Outcome,
            Summary = c.Summary,
            OccurredOn = c.OccurredOn,
            Source = c.Source,
        });
    }

    private static DomainError? HeadError(NegotiationDecisionState state, RecordRoundHeld c, Delegation delegation)
    {
        var head = delegation.Head!;
        return AffiliationConflict(state, head)
            ?? (head.Affiliation != delegation.Side
                ? Error(NegotiationErrors.RoundHeadNotOfSide, $"'{head.Code}' acts for {head.Affiliation} and cannot head the {delegation.Side} delegation at round '{c.Round}'.")
                : null);
    }

    private static Decision<INegotiationEvent> MakeProposal(NegotiationDecisionState state, MakeProposal c)
    {
        var addressees = c.AddressedTo ?? [];
        var agenda = c.Agenda ?? [];
        var repeated = addressees.GroupBy(a => a).FirstOrDefault(g => g.Count() > 1);
        var error =
            (repeated is not null ? Error(NegotiationErrors.ProposalAddresseeRepeated, $"Proposal '{c.Proposal}' names {repeated.Key} {repeated.Count()} times among its addressees.") : null)
            ?? (FindProposal(state, c.Proposal) is not null ? Error(NegotiationErrors.ProposalDuplicate, $"Proposal '{c.Proposal}' is on track '{c.Track}' already; put new terms under a new id.") : null)
            ?? ActorError(state, c.Track, c.By)
            ?? (addressees.Contains(c.By.Affiliation) ? Error(NegotiationErrors.ProposalAddressedToProposer, $"Proposal '{c.Proposal}' by '{c.By.Code}' ({c.By.Affiliation}) is addressed to {c.By.Affiliation}, the proposer's own side.") : null)
            ?? addressees.Select(a => SideError(state, c.Track, a, $"an addressee of proposal '{c.Proposal}'")).FirstOrDefault(e => e is not null);
        return Decide(error, () => new ProposalMade
        {
            Proposal = c.Proposal,
            Kind = c.Kind,
            By = c.By,
            AddressedTo = addressees,
            Agenda = agenda,
            Terms = c.Terms,
            OccurredOn = c.OccurredOn,
            Source = c.Source,
        });
    }

    private static Decision<INegotiationEvent> AnswerProposal(NegotiationDecisionState state, AnswerProposal c)
    {
        var proposal = FindProposal(state, c.Proposal);
        var side = c.By.Affiliation;
        var error =
            AnswerFieldsError(c)
            ?? (proposal is null ? Error(NegotiationErrors.ProposalUnknown, $"Proposal '{c.Proposal}' is not on track '{c.Track}'.") : null)
            ?? ActorError(state, c.Track, c.By)
            ?? (proposal!.AddressedTo.Count > 0 && !proposal.AddressedTo.Contains(side)
                ? Error(NegotiationErrors.ProposalAnswererNotAddressee, $"'{c.By.Code}' acts for {side}, which proposal '{c.Proposal}' is not addressed to (it is addressed to {string.Join(", ", proposal.AddressedTo)}); only an addressee answers.")
                : null)
            ?? (proposal.AddressedTo.Count == 0 && proposal.Side == side
                ? Error(NegotiationErrors.ProposalAnswererIsProposer, $"'{c.By.Code}' acts for {side}, the side that made proposal '{c.Proposal}'; another side answers it.")
                : null)
            ?? (!proposal.IsOpen ? Error(NegotiationErrors.ProposalNotOpen, $"Proposal '{c.Proposal}' is not open: {ClosedBecause(proposal)}.") : null)
            ?? (proposal.Answers.Any(a => a.Side == side)
                ? Error(NegotiationErrors.ProposalAlreadyAnswered, $"{side} has answered proposal '{c.Proposal}' already; it still awaits {string.Join(", ", proposal.AwaitingAnswerFrom)}.")
                : null)
            ?? (c.CounteredBy is { } counter && FindProposal(state, counter) is null
                ? Error(NegotiationErrors.ProposalCounterUnknown, $"The counter-proposal '{counter}' to proposal '{c.Proposal}' is not on track '{c.Track}'; record it with {nameof(Negotiations.MakeProposal)} first.")
                : null);
        return Decide(error, () => new ProposalAnswered
        {
            Proposal = c.Proposal,
            By = c.By,
            Answer = c.Answer,
            Conditions = c.Conditions,
            CounteredBy = c.CounteredBy,
            OccurredOn = c.OccurredOn,
            Source = c.Source,
        });
    }

    private static DomainError? AnswerFieldsError(AnswerProposal c) => c.Answer switch
    {
        AnswerKind.AcceptedWithConditions when string.IsNullOrWhiteSpace(c.Conditions) =>
            Error(NegotiationErrors.ProposalConditionsMissing, $"The answer to proposal '{c.Proposal}' is {EnumNames.Of(AnswerKind.AcceptedWithConditions)} but names no conditions."),
        AnswerKind.Countered when c.CounteredBy is null =>
            Error(NegotiationErrors.ProposalCounterMissing, $"The answer to proposal '{c.Proposal}' is {EnumNames.Of(AnswerKind.Countered)} but names no counter-proposal."),
        AnswerKind.Countered when c.CounteredBy == c.Proposal =>
            Error(NegotiationErrors.ProposalAnswerInconsistent, $"Proposal '{c.Proposal}' cannot be countered by itself."),
        not AnswerKind.AcceptedWithConditions when c.Conditions is not null =>
            Error(NegotiationErrors.ProposalAnswerInconsistent, $"The answer to proposal '{c.Proposal}' is {EnumNames.Of(c.Answer)} but has conditions '{c.Conditions}'; conditions belong to {EnumNames.Of(AnswerKind.AcceptedWithConditions)}."),
        not AnswerKind.Countered when c.CounteredBy is not null =>
            Error(NegotiationErrors.ProposalAnswerInconsistent, $"The answer to proposal '{c.Proposal}' is {EnumNames.Of(c.Answer)} but names counter-proposal '{c.CounteredBy}'; a counter-proposal belongs to {EnumNames.Of(AnswerKind.Countered)}."),
        _ => null,
    };

    private static string ClosedBecause(DecisionProposal proposal) => proposal.AddressedTo.Count > 0
        ? $"every addressee ({string.Join(", ", proposal.AddressedTo)}) has answered"
        : $"it was answered by {proposal.Answers[0].Side}";

    private static Decision<INegotiationEvent> AgreeExchange(NegotiationDecisionState state, AgreeExchange c)
    {
        var between = c.Between ?? [];
        var counts = c.Counts ?? [];
        var repeated = between.GroupBy(s => s).FirstOrDefault(g => g.Count() > 1);
        var error =
            (repeated is not null ? Error(NegotiationErrors.ExchangeSideRepeated, $"Exchange '{c.Exchange}' names {repeated.Key} {repeated.Count()} times among its sides.") : null)
            ?? (between.Count < 2 ? Error(NegotiationErrors.ExchangeSidesTooFew, $"Exchange '{c.Exchange}' is between {between.Count} side(s) ({string.Join(", ", between)}); an exchange needs at least two.") : null)
            ?? CountsError(c.Exchange, between, counts, "the agreement of")
            ?? (FindExchange(state, c.Exchange) is not null ? Error(NegotiationErrors.ExchangeDuplicate, $"Exchange '{c.Exchange}' is on track '{c.Track}' already; record a new agreement under a new id.") : null)
            ?? between.Select(s => SideError(state, c.Track, s, $"a side of exchange '{c.Exchange}'")).FirstOrDefault(e => e is not null);
        return Decide(error, () => new ExchangeAgreed
        {
            Exchange = c.Exchange,
            Kind = c.Kind,
            Between = between,
            Counts = counts,
            Terms = c.Terms,
            OccurredOn = c.OccurredOn,
            Source = c.Source,
        });
    }

    private static Decision<INegotiationEvent> RecordExchangeStage(NegotiationDecisionState state, RecordExchangeStage c)
    {
        var exchange = FindExchange(state, c.Exchange);
        var counts = c.Counts ?? [];
        var error =
            (c.Stage < 1 ? Error(NegotiationErrors.ExchangeStageNotPositive, $"Stage {c.Stage} of exchange '{c.Exchange}' is not a stage number; stages count from 1.") : null)
            ?? (exchange is null ? Error(NegotiationErrors.ExchangeUnknown, $"Exchange '{c.Exchange}' is not on track '{c.Track}'; record its agreement with {nameof(Negotiations.AgreeExchange)} first.") : null)
            ?? CountsError(c.Exchange, exchange!.Between, counts, $"stage {c.Stage} of")
            ?? (exchange.Stages.Any(s => s.Stage == c.Stage) ? Error(NegotiationErrors.ExchangeStageDuplicate, $"Exchange '{c.Exchange}' has a stage {c.Stage} already.") : null)
            ?? counts.Select(count => ExceedsAgreed(exchange, c.Exchange, c.Stage, count)).FirstOrDefault(e => e is not null);
        return Decide(error, () => new ExchangeCarriedOut { Exchange = c.Exchange, Stage = c.Stage, Counts = counts, OccurredOn = c.OccurredOn, Source = c.Source });
    }

    private static DomainError? ExceedsAgreed(DecisionExchange exchange, ExchangeId id, int stage, SideCount count)
    {
        var before = exchange.CarriedOutBy(count.Side);
        return exchange.AgreedFor(count.Side) is { } agreed && before + count.Count > agreed
            ? Error(NegotiationErrors.ExchangeStageExceedsAgreed, $"Stage {stage} of exchange '{id}' has {count.Side} hand over {count.Count}; with the {before} of earlier stages that passes the {agreed} agreed.")
            : null;
    }

    private static DomainError? CountsError(ExchangeId exchange, IReadOnlyList<Affiliation> between, IReadOnlyList<SideCount> counts, string what)
    {
        var repeated = counts.GroupBy(c => c.Side).FirstOrDefault(g => g.Count() > 1);
        return counts.Where(c => c.Count < 1).Select(c => Error(NegotiationErrors.ExchangeCountNotPositive, $"The count {c.Count} for {c.Side} in {what} exchange '{exchange}' is not positive.")).FirstOrDefault()
            ?? (repeated is not null ? Error(NegotiationErrors.ExchangeSideRepeated, $"{char.ToUpperInvariant(what[0])}{what[1..]} exchange '{exchange}' counts {repeated.Key} {repeated.Count()} times.") : null)
            ?? counts.Where(c => !between.Contains(c.Side)).Select(c => Error(NegotiationErrors.ExchangeSideNotInExchange, $"{c.Side} is counted in {what} exchange '{exchange}' but is not one of its sides ({string.Join(", ", between)}).")).FirstOrDefault();
    }

    private static Decision<INegotiationEvent> IssueUltimatum(NegotiationDecisionState state, IssueUltimatum c)
    {
        var error =
            (FindUltimatum(state, c.Ultimatum) is not null ? Error(NegotiationErrors.UltimatumDuplicate, $"Ultimatum '{c.Ultimatum}' is on track '{c.Track}' already; record a change with {nameof(Negotiations.ReviseUltimatum)}.") : null)
            ?? ActorError(state, c.Track, c.Issuer)
            ?? SideError(state, c.Track, c.Target, $"the target of ultimatum '{c.Ultimatum}'")
            ?? (c.Issuer.Affiliation == c.Target ? Error(NegotiationErrors.UltimatumIssuerIsTarget, $"Ultimatum '{c.Ultimatum}' is issued by '{c.Issuer.Code}', who acts for {c.Target}, at {c.Target} itself; the issuer is not the target.") : null)
            ?? (SurelyNotAfter(c.Deadline, c.OccurredOn)
                ? Error(NegotiationErrors.UltimatumDeadlineNotAfterIssue, $"The deadline {c.Deadline} of ultimatum '{c.Ultimatum}' is not after its issue on {c.OccurredOn}: it ends on or before the issue's first possible day.")
                : null);
        return Decide(error, () => new UltimatumIssued
        {
            Ultimatum = c.Ultimatum,
            Issuer = c.Issuer,
            Target = c.Target,
            Demand = c.Demand,
            Deadline = c.Deadline,
            Consequence = c.Consequence,
            OccurredOn = c.OccurredOn,
            Source = c.Source,
        });
    }

    private static Decision<INegotiationEvent> ReviseUltimatum(NegotiationDecisionState state, ReviseUltimatum c)
    {
        var ultimatum = FindUltimatum(state, c.Ultimatum);
        var error =
            (ultimatum is null ? UnknownUltimatum(c.Track, c.Ultimatum) : null)
            ?? (ultimatum!.Schedule.Withdrawal is { } withdrawal && !c.OccurredOn.IsSurelyBefore(withdrawal.OccurredOn)
                ? Error(NegotiationErrors.UltimatumNotActive, $"Ultimatum '{c.Ultimatum}' was withdrawn on {withdrawal.OccurredOn}; a revision on {c.OccurredOn} comes too late.")
                : null)
            ?? (SurelyNotAfter(c.Deadline, c.OccurredOn)
                ? Error(NegotiationErrors.UltimatumDeadlineNotAfterRevision, $"The new deadline {c.Deadline} of ultimatum '{c.Ultimatum}' is not after its revision on {c.OccurredOn}: it ends on or before the revision's first possible day.")
                : null);
        return Decide(error, () => new UltimatumRevised
        {
            Ultimatum = c.Ultimatum,
            Deadline = c.Deadline,
            Demand = c.Demand,
            Consequence = c.Consequence,
            OccurredOn = c.OccurredOn,
            Source = c.Source,
        });
    }

    private static Decision<INegotiationEvent> WithdrawUltimatum(NegotiationDecisionState state, WithdrawUltimatum c)
    {
        var ultimatum = FindUltimatum(state, c.Ultimatum);
        var error =
            (ultimatum is null ? UnknownUltimatum(c.Track, c.Ultimatum) : null)
            ?? (ultimatum!.Schedule.Withdrawal is { } withdrawal ? Error(NegotiationErrors.UltimatumNotActive, $"Ultimatum '{c.Ultimatum}' was withdrawn already, on {withdrawal.OccurredOn}.") : null);
        return Decide(error, () => new UltimatumWithdrawn { Ultimatum = c.Ultimatum, Reason = c.Reason, OccurredOn = c.OccurredOn, Source = c.Source });
    }

    private static Decision<INegotiationEvent> RecordStatement(NegotiationDecisionState state, RecordStatement c)
    {
        var agenda = c.Agenda ?? [];
        var error = ActorError(state, c.Track, c.By);
        return Decide(error, () => new StatementMade { By = c.By, Kind = c.Kind, Summary = c.Summary, Tone = c.Tone, Agenda = agenda, OccurredOn = c.OccurredOn, Source = c.Source });
    }

    private static Decision<INegotiationEvent> RetractFact(NegotiationDecisionState state, RetractFact c)
    {
        var retracted = c.Retracted.Value;
        var error =
            (state.OpenedBy == retracted ? Error(NegotiationErrors.RetractionNotRetractable, $"Command '{retracted}' opened track '{c.Track}' and cannot be retracted; open a new track instead.") : null)
            ?? (state.Retractions.Contains(retracted) ? Error(NegotiationErrors.RetractionNotRetractable, $"Command '{retracted}' is itself a retraction and cannot be retracted.") : null)
            ?? (state.Retracted.TryGetValue(retracted, out var by) ? Error(NegotiationErrors.RetractionAlreadyRetracted, $"The facts of command '{retracted}' were retracted already, by command '{by}'.") : null);
        if (error is not null)
        {
            return Decision<INegotiationEvent>.Refuse(error);
        }

        var retraction = new FactRetracted { Retracted = c.Retracted, Reason = c.Reason, OccurredOn = c.OccurredOn, Source = c.Source };
        return state.Facts.ContainsKey(retracted)
            ? Decision<INegotiationEvent>.Accept(retraction)
            : Decision<INegotiationEvent>.AcceptIfApplied(
                retracted,
                Error(NegotiationErrors.RetractionUnknownCommand, $"Command '{retracted}' was never applied on track '{c.Track}', so it has no facts to retract."),
                retraction);
    }

    private static DomainError? ActorError(NegotiationDecisionState state, TrackId track, Actor actor) =>
        AffiliationConflict(state, actor)
        ?? (!state.IsParticipant(actor.Affiliation)
            ? Error(NegotiationErrors.ActorNotParticipant, $"'{actor.Code}' acts for {actor.Affiliation}, and no participant of track '{track}' acts for {actor.Affiliation}; add one with {nameof(AddParticipant)} first.")
            : null);

    private static DomainError? AffiliationConflict(NegotiationDecisionState state, Actor actor) =>
        state.Actors.TryGetValue(actor.Code.Value, out var known) && known != actor.Affiliation
            ? Error(NegotiationErrors.ActorAffiliationConflict, $"Actor '{actor.Code}' is known to act for {known}, not {actor.Affiliation}; an actor code keeps its affiliation.")
            : null;

    private static DomainError? SideError(NegotiationDecisionState state, TrackId track, Affiliation side, string what) =>
        !state.IsParticipant(side)
            ? Error(NegotiationErrors.SideNotParticipant, $"{side}, {what}, is not a participant of track '{track}'; add a participant acting for {side} first.")
            : null;

    /// <summary>
    /// Refuses a fact about a held round, unless it surely happened before the holding (a late report, which lands
    /// in place); a second holding is always refused.
    /// </summary>
    private static DomainError? AlreadyHeld(RoundId id, DecisionRound? round, WorldDate? occurredOn, string verb) =>
        round is not null && RoundLifecycle.First(round.Steps, RoundStatus.Held) is { } held
        && (occurredOn is null || !occurredOn.IsSurelyBefore(held.OccurredOn))
            ? Error(NegotiationErrors.RoundAlreadyHeld, $"Round '{id}' was held on {held.OccurredOn} and cannot be {verb} {(occurredOn is null ? "again" : $"on {occurredOn}, after that")}.")
            : null;

    /// <summary>
    /// True when the round stands scheduled or postponed; for a held round (a late report surely before the holding),
    /// when it was scheduled at all.
    /// </summary>
    private static bool WasScheduled(DecisionRound round) => round.Status == RoundStatus.Held
        ? RoundLifecycle.First(round.Steps, RoundStatus.Scheduled) is not null
        : round.Status is RoundStatus.Scheduled or RoundStatus.Postponed;

    private static DomainError? DateBeforeAnnouncement(RoundId round, WorldDate? date, WorldDate announced, string what) =>
        date is not null && date.IsSurelyBefore(announced)
            ? Error(NegotiationErrors.RoundScheduledBeforeAnnouncement, $"Round '{round}' is {what} {date}, which ends before it was announced on {announced}.")
            : null;

    private static DecisionRound? FindRound(NegotiationDecisionState state, RoundId id) => state.Rounds.GetValueOrDefault(id.Value);

    private static DecisionProposal? FindProposal(NegotiationDecisionState state, ProposalId id) => state.Proposals.GetValueOrDefault(id.Value);

    private static DecisionExchange? FindExchange(NegotiationDecisionState state, ExchangeId id) => state.Exchanges.GetValueOrDefault(id.Value);

    private static DecisionUltimatum? FindUltimatum(NegotiationDecisionState state, UltimatumId id) => state.Ultimatums.GetValueOrDefault(id.Value);

    private static DomainError UnknownRound(TrackId track, RoundId round) =>
        Error(NegotiationErrors.RoundUnknown, $"Round '{round}' is not on track '{track}'.");

    private static DomainError UnknownUltimatum(TrackId track, UltimatumId ultimatum) =>
        Error(NegotiationErrors.UltimatumUnknown, $"Ultimatum '{ultimatum}' is not on track '{track}'.");

    /// <summary>True when the deadline is surely not after the moment: its last possible day is on or before the moment's first possible day.</summary>
    private static bool SurelyNotAfter(WorldDate deadline, WorldDate moment) =>
        deadline.NotAfter is { } end && moment.NotBefore is { } start && end <= start;

    private static string Lower(RoundStatus status) => status.ToString().ToLowerInvariant();

    private static DomainError Error(string code, string message) => new(code, message);

    private static Decision<INegotiationEvent> Refuse(string code, string message) => Decision<INegotiationEvent>.Refuse(code, message);

    private static Decision<INegotiationEvent> Decide(DomainError? error, Func<INegotiationEvent> accept) =>
        error is null ? Decision<INegotiationEvent>.Accept(accept()) : Decision<INegotiationEvent>.Refuse(error.Code, error.Message);
}
