using System.Text.Json.Serialization;

namespace Negotiations;

/// <summary>
/// The picture of one negotiation track, for people and programs: who takes part, the rounds in world order,
/// proposals and their answers, exchanges and their stages, ultimatums, statements. A read model, built by
/// <see cref="NegotiationStateProjection"/>; the decider decides on the much smaller
/// <see cref="NegotiationDecisionState"/>.
/// </summary>
/// <remarks>
/// <para><b>World order.</b> Every collection is sorted by when its facts happened in the world
/// (<see cref="WorldDate.CompareTo"/>), ties by the order they were recorded (their <c>Sequence</c>). A fact reported
/// late lands in its place.</para>
/// <para><b>As of a day.</b> A state built by a <see cref="NegotiationStateProjection"/> with an as-of day holds only
/// the facts that have surely happened by then (<see cref="NegotiationEvents.CountsAsOf"/>); <see cref="AsOf"/> says
/// which day. Retractions apply whatever the day.</para>
/// <para><b>Retractions.</b> A <see cref="FactRetracted"/> drops every fact the retracted command recorded, and with
/// it what the fact carried: answers to a dropped proposal, stages of a dropped exchange, revisions and the
/// withdrawal of a dropped ultimatum. Derived values (a round's status, whether a proposal is open, an ultimatum's
/// current deadline) are computed from the facts that remain, so a retracted answer reopens its proposal. Facts
/// recorded by other commands stay, even when they named what was retracted.</para>
/// <para><b>Storage.</b> The state is a plain document: it serializes with System.Text.Json given converters for
/// the id types (the library's serializer configuration has them); computed properties are written for readers
/// and recomputed on reading. It has no methods named <c>Apply</c> or <c>Create</c>, so Marten does not try to
/// dispatch to it by convention.</para>
/// </remarks>
public sealed record NegotiationState
{
    /// <summary>The track id (the stream id).</summary>
    public string Id { get; init; } = string.Empty;

    /// <summary>The stream version of the last event folded: 0 before any event.</summary>
    public long Version { get; init; }

    /// <summary>The day the state was computed as of; null when it holds every fact recorded.</summary>
    public DateOnly? AsOf { get; init; }

    /// <summary>How the track was opened; null until it is.</summary>
    public TrackOpening? Opening { get; init; }

    /// <summary>The participants, in world order of their joining.</summary>
    public IReadOnlyList<ParticipantView> Participants { get; init; } = [];

    /// <summary>The rounds of talks, in world order of their dates (see <see cref="RoundView.Date"/>).</summary>
    public IReadOnlyList<RoundView> Rounds { get; init; } = [];

    /// <summary>Proposals, demands and offers, in world order of their making, each with its answers.</summary>
    public IReadOnlyList<ProposalView> Proposals { get; init; } = [];

    /// <summary>Agreed exchanges, in world order of their agreement, each with its stages.</summary>
    public IReadOnlyList<ExchangeView> Exchanges { get; init; } = [];

    /// <summary>Ultimatums, in world order of their issue, each with its revisions and withdrawal.</summary>
    public IReadOnlyList<UltimatumView> Ultimatums { get; init; } = [];

    /// <summary>On-record statements, in world order.</summary>
    public IReadOnlyList<StatementView> Statements { get; init; } = [];

    /// <summary>The retractions made on the track, in the order they were recorded.</summary>
    public IReadOnlyList<RetractionView> Retractions { get; init; } = [];

    /// <summary>True once the track has been opened.</summary>
    public bool IsOpened => Opening is not null;

    /// <summary>The track's title; null until it is opened.</summary>
    public string? Title => Opening?.Title;

    /// <summary>Every actor the facts name (participants, proposers, announcers, heads of delegations, answerers, issuers, speakers), one per code, ordered by code.</summary>
    public IReadOnlyList<Actor> Actors =>
        [.. EveryActor().DistinctBy(a => a.Code).OrderBy(a => a.Code.Value, StringComparer.Ordinal)];

    /// <summary>The latest statement of each actor, in world order.</summary>
    public IReadOnlyList<StatementView> LatestStatements =>
        [.. Statements.GroupBy(s => s.By.Code).Select(g => g.Last()).OrderBy(s => s.OccurredOn).ThenBy(s => s.Sequence)];

    /// <summary>A state before any event.</summary>
    /// <param name="id">The track id; empty when not known.</param>
    /// <param name="asOf">The day the state is to be computed as of; null for every fact.</param>
    /// <returns>The empty state.</returns>
    public static NegotiationState Empty(string id = "", DateOnly? asOf = null)
    {
        ArgumentNullException.ThrowIfNull(id);
        return new NegotiationState { Id = id, AsOf = asOf };
    }

    /// <summary>True when some participant acts for an affiliation.</summary>
    /// <param name="affiliation">The affiliation.</param>
    /// <returns>Whether it is a participant's.</returns>
    public bool IsParticipant(Affiliation affiliation) => Participants.Any(p => p.Actor.Affiliation == affiliation);

    /// <summary>Finds a round.</summary>
    /// <param name="id">The round's id.</param>
    /// <returns>The round, or null when the track does not have it.</returns>
    public RoundView? FindRound(RoundId id) => Rounds.FirstOrDefault(r => r.Id == id);

    /// <summary>Finds a proposal.</summary>
    /// <param name="id">The proposal's id.</param>
    /// <returns>The proposal, or null when the track does not have it.</returns>
    public ProposalView? FindProposal(ProposalId id) => Proposals.FirstOrDefault(p => p.Id == id);

    /// <summary>Finds an exchange.</summary>
    /// <param name="id">The exchange's id.</param>
    /// <returns>The exchange, or null when the track does not have it.</returns>
    public ExchangeView? FindExchange(ExchangeId id) => Exchanges.FirstOrDefault(e => e.Id == id);

    /// <summary>Finds an ultimatum.</summary>
    /// <param name="id">The ultimatum's id.</param>
    /// <returns>The ultimatum, or null when the track does not have it.</returns>
    public UltimatumView? FindUltimatum(UltimatumId id) => Ultimatums.FirstOrDefault(u => u.Id == id);

    /// <summary>The rounds still to come on a day (the rule of <see cref="RoundView.IsUpcomingOn"/>), soonest first.</summary>
    /// <param name="day">The day asked about.</param>
    /// <returns>The rounds.</returns>
    public IReadOnlyList<RoundView> UpcomingRoundsOn(DateOnly day) =>
        [.. Rounds.Where(r => r.IsUpcomingOn(day)).OrderBy(r => r.DateOn(day) ?? WorldDate.Unknown)];

    private IEnumerable<Actor> EveryActor()
    {
        foreach (var participant in Participants)
        {
            yield return participant.Actor;
        }

        foreach (var step in Rounds.SelectMany(r => r.Steps))
        {
            if (step.By is { } by)
            {
                yield return by;
            }

            if (step.ReportedBy is { } reporter)
            {
                yield return reporter;
            }

            foreach (var head in step.Delegations.Select(d => d.Head).OfType<Actor>())
            {
                yield return head;
            }
        }

        foreach (var proposal in Proposals)
        {
            yield return proposal.By;
            foreach (var answer in proposal.Answers)
            {
                yield return answer.By;
            }
        }

        foreach (var ultimatum in Ultimatums)
        {
            yield return ultimatum.Issuer;
        }

        foreach (var statement in Statements)
        {
            yield return statement.By;
        }
    }
}

/// <summary>How a track was opened.</summary>
public sealed record TrackOpening : IFact
{
    /// <summary>The track's title.</summary>
    public required string Title { get; init; }

    /// <summary>When it began.</summary>
    public required WorldDate OccurredOn { get; init; }

    /// <summary>Where it comes from.</summary>
    public Source? Source { get; init; }

    /// <summary>The command that opened it.</summary>
    public string? CommandId { get; init; }

    /// <summary>The stream version of the event.</summary>
    public long Sequence { get; init; }
}

/// <summary>A participant of a track.</summary>
public sealed record ParticipantView : IFact
{
    /// <summary>The actor.</summary>
    public required Actor Actor { get; init; }

    /// <summary>Its role.</summary>
    public required ParticipantRole Role { get; init; }

    /// <summary>When it joined (for the first participants: when the track was opened).</summary>
    public required WorldDate Since { get; init; }

    /// <summary>Where it comes from.</summary>
    public Source? Source { get; init; }

    /// <summary>The command that recorded it.</summary>
    public string? CommandId { get; init; }

    /// <summary>The stream version of the event.</summary>
    public long Sequence { get; init; }

    WorldDate IFact.OccurredOn => Since;
}

/// <summary>One fact about a round: proposed, scheduled, postponed, cancelled or held.</summary>
public sealed record RoundStep : IRoundFact
{
    /// <summary>What the fact did to the round.</summary>
    public required RoundStatus Status { get; init; }

    /// <summary>When the fact happened (for a held round: when it took place).</summary>
    public required WorldDate OccurredOn { get; init; }

    /// <summary>The date the fact gives the round: the proposed window, the scheduled date, the new date, the day it was held; null when it gives none.</summary>
    public WorldDate? Date { get; init; }

    /// <summary>The venue, for a scheduled or held round.</summary>
    public Venue? Venue { get; init; }

    /// <summary>Who proposed it, or who announced the schedule.</summary>
    public Actor? By { get; init; }

    /// <summary>Whose report a schedule rests on.</summary>
    public Actor? ReportedBy { get; init; }

    /// <summary>The proposed agenda, or the topics of a held round.</summary>
    public IReadOnlyList<string> Agenda { get; init; } = [];

    /// <summary>The delegations of a held round.</summary>
    public IReadOnlyList<Delegation> Delegations { get; init; } = [];

    /// <summary>What a held round achieved.</summary>
    public RoundOutcome? Outcome { get; init; }

    /// <summary>A held round's outcome in words.</summary>
    public string? Summary { get; init; }

    /// <summary>Why it was postponed or cancelled.</summary>
    public string? Reason { get; init; }

    /// <summary>Where it comes from.</summary>
    public Source? Source { get; init; }

    /// <summary>The command that recorded it.</summary>
    public string? CommandId { get; init; }

    /// <summary>The stream version of the event.</summary>
    public long Sequence { get; init; }
}

/// <summary>A round of talks and the facts about it.</summary>
public sealed record RoundView
{
    /// <summary>The round's id.</summary>
    public required RoundId Id { get; init; }

    /// <summary>The facts about it, in world order (ties by record order).</summary>
    public required IReadOnlyList<RoundStep> Steps { get; init; }

    /// <summary>
    /// Where the round stands: <see cref="RoundStatus.Held"/> once it was held; otherwise what the latest fact in
    /// world order made of it.
    /// </summary>
    public RoundStatus Status => RoundLifecycle.Status(Steps);

    /// <summary>
    /// When it takes or took place, as far as known: the day it was held, else the latest date the facts give it
    /// (the new date of a postponement, the scheduled date, the proposed window); null when none gives one, or when
    /// the latest fact postponed it without a new date (its old date no longer holds).
    /// </summary>
    public WorldDate? Date => RoundLifecycle.Date(Steps);

    /// <summary>Where it takes or took place: the venue of the held round, else of the latest schedule.</summary>
    public Venue? Venue => RoundLifecycle.Held(Steps)?.Venue ?? Steps.LastOrDefault(s => s.Venue is not null)?.Venue;

    /// <summary>Who first proposed it, when it was proposed.</summary>
    public Actor? ProposedBy => RoundLifecycle.First(Steps, RoundStatus.Proposed)?.By;

    /// <summary>Who announced the latest schedule.</summary>
    public Actor? AnnouncedBy => RoundLifecycle.Latest(Steps, RoundStatus.Scheduled)?.By;

    /// <summary>Whose report the latest schedule rests on.</summary>
    public Actor? ReportedBy => RoundLifecycle.Latest(Steps, RoundStatus.Scheduled)?.ReportedBy;

    /// <summary>The delegations at the held round; empty until it is held.</summary>
    public IReadOnlyList<Delegation> Delegations => RoundLifecycle.Held(Steps)?.Delegations ?? [];

    /// <summary>The topics of the held round, else the agenda it was proposed with.</summary>
    public IReadOnlyList<string> Topics => RoundLifecycle.Held(Steps)?.Agenda ?? RoundLifecycle.First(Steps, RoundStatus.Proposed)?.Agenda ?? [];

    /// <summary>What the held round achieved; null until it is held.</summary>
    public RoundOutcome? Outcome => RoundLifecycle.Held(Steps)?.Outcome;

    /// <summary>The held round's outcome in words.</summary>
    public string? Summary => RoundLifecycle.Held(Steps)?.Summary;

    /// <summary>Why it was last postponed or cancelled, if said.</summary>
    public string? Reason => Steps.LastOrDefault(s => s.Status is RoundStatus.Postponed or RoundStatus.Cancelled)?.Reason;

    /// <summary>Where the round stands on a day, from the facts that had surely happened by then; null when none had.</summary>
    /// <param name="day">The day asked about.</param>
    /// <returns>The status, or null.</returns>
    public RoundStatus? StatusOn(DateOnly day) => RoundLifecycle.AsOf(Steps, day) is { Count: > 0 } known ? RoundLifecycle.Status(known) : null;

    /// <summary>The round's date as known on a day, by the rule of <see cref="Date"/> over the facts that had happened by then.</summary>
    /// <param name="day">The day asked about.</param>
    /// <returns>The date, or null.</returns>
    public WorldDate? DateOn(DateOnly day) => RoundLifecycle.Date(RoundLifecycle.AsOf(Steps, day));

    /// <summary>
    /// Whether the round is still to come on a day: as of that day it stands proposed, scheduled or postponed, and its
    /// date is not surely past (it ends on or after the day, or is not known). The one rule of "upcoming".
    /// </summary>
    /// <param name="day">The day asked about.</param>
    /// <returns>True when upcoming.</returns>
    public bool IsUpcomingOn(DateOnly day) => RoundLifecycle.IsUpcomingOn(Steps, day);
}

/// <summary>A proposal, demand or offer and its answers.</summary>
public sealed record ProposalView : IFact
{
    /// <summary>The proposal's id.</summary>
    public required ProposalId Id { get; init; }

    /// <summary>Proposal, demand or offer.</summary>
    public required ProposalKind Kind { get; init; }

    /// <summary>Who put it forward.</summary>
    public required Actor By { get; init; }

    /// <summary>Whom it is addressed to; empty when no one in particular.</summary>
    public IReadOnlyList<Affiliation> AddressedTo { get; init; } = [];

    /// <summary>Agenda item codes.</summary>
    public IReadOnlyList<string> Agenda { get; init; } = [];

    /// <summary>The terms in words.</summary>
    public required string Terms { get; init; }

    /// <summary>When it was put forward.</summary>
    public required WorldDate OccurredOn { get; init; }

    /// <summary>Where it comes from.</summary>
    public Source? Source { get; init; }

    /// <summary>The command that recorded it.</summary>
    public string? CommandId { get; init; }

    /// <summary>The stream version of the event.</summary>
    public long Sequence { get; init; }

    /// <summary>Its answers, in world order.</summary>
    public IReadOnlyList<AnswerView> Answers { get; init; } = [];

    /// <summary>
    /// True while the proposal awaits answers: with addressees, until every addressee's side has answered; with
    /// none, until the first answer.
    /// </summary>
    public bool IsOpen => ProposalRules.IsOpen(AddressedTo, AnsweredBy);

    /// <summary>The addressees that have not answered yet (empty for a proposal addressed to no one).</summary>
    public IReadOnlyList<Affiliation> AwaitingAnswerFrom => ProposalRules.AwaitingAnswerFrom(AddressedTo, AnsweredBy);

    private Affiliation[] AnsweredBy => [.. Answers.Select(a => a.By.Affiliation)];
}

/// <summary>An answer to a proposal.</summary>
public sealed record AnswerView : IFact
{
    /// <summary>Who answered.</summary>
    public required Actor By { get; init; }

    /// <summary>The answer.</summary>
    public required AnswerKind Answer { get; init; }

    /// <summary>The conditions of an <see cref="AnswerKind.AcceptedWithConditions"/> answer.</summary>
    public string? Conditions { get; init; }

    /// <summary>The counter-proposal of a <see cref="AnswerKind.Countered"/> answer.</summary>
    public ProposalId? CounteredBy { get; init; }

    /// <summary>When it was answered.</summary>
    public required WorldDate OccurredOn { get; init; }

    /// <summary>Where it comes from.</summary>
    public Source? Source { get; init; }

    /// <summary>The command that recorded it.</summary>
    public string? CommandId { get; init; }

    /// <summary>The stream version of the event.</summary>
    public long Sequence { get; init; }
}

/// <summary>An agreed exchange and its stages.</summary>
public sealed record ExchangeView : IFact
{
    /// <summary>The exchange's id.</summary>
    public required ExchangeId Id { get; init; }

    /// <summary>What is exchanged.</summary>
    public required ExchangeKind Kind { get; init; }

    /// <summary>The sides.</summary>
    public IReadOnlyList<Affiliation> Between { get; init; } = [];

    /// <summary>How many each side is to hand over, where agreed.</summary>
    public IReadOnlyList<SideCount> Counts { get; init; } = [];

    /// <summary>What was agreed, in words.</summary>
    public string? Terms { get; init; }

    /// <summary>When it was agreed.</summary>
    public required WorldDate OccurredOn { get; init; }

    /// <summary>Where it comes from.</summary>
    public Source? Source { get; init; }

    /// <summary>The command that recorded it.</summary>
    public string? CommandId { get; init; }

    /// <summary>The stream version of the event.</summary>
    public long Sequence { get; init; }

    /// <summary>Its stages, in world order.</summary>
    public IReadOnlyList<ExchangeStageView> Stages { get; init; } = [];

    /// <summary>How many each side has handed over in all stages so far, for the sides that handed over any, in the order of <see cref="Between"/>.</summary>
    public IReadOnlyList<SideTotal> Totals =>
        [.. Between.Select(side => new SideTotal { Side = side, Count = CarriedOutBy(side) }).Where(total => total.Count > 0)];

    /// <summary>How many a side has handed over in all stages so far.</summary>
    /// <param name="side">The side.</param>
    /// <returns>The total, 0 when none.</returns>
    public long CarriedOutBy(Affiliation side) => Stages.SelectMany(s => s.Counts).Where(c => c.Side == side).Sum(c => (long)c.Count);

    /// <summary>How many a side agreed to hand over.</summary>
    /// <param name="side">The side.</param>
    /// <returns>The agreed count, or null when none was agreed for it.</returns>
    public int? AgreedFor(Affiliation side) => Counts.FirstOrDefault(c => c.Side == side)?.Count;
}

/// <summary>How many one side has handed over in all stages of an exchange.</summary>
public sealed record SideTotal
{
    /// <summary>The side.</summary>
    public required Affiliation Side { get; init; }

    /// <summary>The total.</summary>
    public required long Count { get; init; }
}

/// <summary>A stage of an exchange.</summary>
public sealed record ExchangeStageView : IFact
{
    /// <summary>The stage number, from 1.</summary>
    public required int Stage { get; init; }

    /// <summary>How many each side handed over in it.</summary>
    public IReadOnlyList<SideCount> Counts { get; init; } = [];

    /// <summary>When.</summary>
    public required WorldDate OccurredOn { get; init; }

    /// <summary>Where it comes from.</summary>
    public Source? Source { get; init; }

    /// <summary>The command that recorded it.</summary>
    public string? CommandId { get; init; }

    /// <summary>The stream version of the event.</summary>
    public long Sequence { get; init; }
}

/// <summary>An ultimatum, its revisions and its withdrawal.</summary>
/// <remarks>
/// Lapse is not recorded: it follows from the deadline and the day asked about (<see cref="StatusOn"/>, the rule of
/// <see cref="UltimatumSchedule"/>).
/// </remarks>
public sealed record UltimatumView : IFact
{
    /// <summary>The ultimatum's id.</summary>
    public required UltimatumId Id { get; init; }

    /// <summary>Who issued it.</summary>
    public required Actor Issuer { get; init; }

    /// <summary>Whom it is aimed at.</summary>
    public required Affiliation Target { get; init; }

    /// <summary>The demand as issued.</summary>
    public required string IssuedDemand { get; init; }

    /// <summary>The deadline as issued.</summary>
    public required WorldDate IssuedDeadline { get; init; }

    /// <summary>The consequence as issued.</summary>
    public required string IssuedConsequence { get; init; }

    /// <summary>When it was issued.</summary>
    public required WorldDate IssuedOn { get; init; }

    /// <summary>Where it comes from.</summary>
    public Source? Source { get; init; }

    /// <summary>The command that recorded it.</summary>
    public string? CommandId { get; init; }

    /// <summary>The stream version of the event.</summary>
    public long Sequence { get; init; }

    /// <summary>Its revisions, in world order.</summary>
    public IReadOnlyList<UltimatumRevisionView> Revisions { get; init; } = [];

    /// <summary>Its withdrawal, if any.</summary>
    public UltimatumWithdrawalView? Withdrawal { get; init; }

    /// <summary>Its schedule: the deadlines and the withdrawal, as the rules of lapse read them.</summary>
    [JsonIgnore]
    public UltimatumSchedule Schedule => new()
    {
        IssuedOn = IssuedOn,
        IssuedDeadline = IssuedDeadline,
        Revisions = [.. Revisions.Select(r => new DeadlineRevision { Deadline = r.Deadline, OccurredOn = r.OccurredOn, Sequence = r.Sequence, CommandId = r.CommandId })],
        Withdrawal = Withdrawal is { } w ? new ScheduleWithdrawal { OccurredOn = w.OccurredOn, Sequence = w.Sequence, CommandId = w.CommandId } : null,
    };

    /// <summary>The deadline after every revision.</summary>
    public WorldDate Deadline => Revisions.Count > 0 ? Revisions[^1].Deadline : IssuedDeadline;

    /// <summary>The demand after every revision.</summary>
    public string Demand => Revisions.LastOrDefault(r => r.Demand is not null)?.Demand ?? IssuedDemand;

    /// <summary>The consequence after every revision.</summary>
    public string Consequence => Revisions.LastOrDefault(r => r.Consequence is not null)?.Consequence ?? IssuedConsequence;

    /// <summary>True when it has been withdrawn.</summary>
    public bool IsWithdrawn => Withdrawal is not null;

    WorldDate IFact.OccurredOn => IssuedOn;

    /// <summary>The deadline in force on a day (see <see cref="UltimatumSchedule.DeadlineOn"/>).</summary>
    /// <param name="day">The day asked about.</param>
    /// <returns>The deadline.</returns>
    public WorldDate DeadlineOn(DateOnly day) => Schedule.DeadlineOn(day);

    /// <summary>Where the ultimatum stands on a day (see <see cref="UltimatumSchedule.StatusOn"/>).</summary>
    /// <param name="day">The day asked about.</param>
    /// <returns>Withdrawn, lapsed or active.</returns>
    public UltimatumStatus StatusOn(DateOnly day) => Schedule.StatusOn(day);
}

/// <summary>A revision of an ultimatum.</summary>
public sealed record UltimatumRevisionView : IFact
{
    /// <summary>The new deadline.</summary>
    public required WorldDate Deadline { get; init; }

    /// <summary>The new demand, or null when unchanged.</summary>
    public string? Demand { get; init; }

    /// <summary>The new consequence, or null when unchanged.</summary>
    public string? Consequence { get; init; }

    /// <summary>When it was revised.</summary>
    public required WorldDate OccurredOn { get; init; }

    /// <summary>Where it comes from.</summary>
    public Source? Source { get; init; }

    /// <summary>The command that recorded it.</summary>
    public string? CommandId { get; init; }

    /// <summary>The stream version of the event.</summary>
    public long Sequence { get; init; }
}

/// <summary>The withdrawal of an ultimatum.</summary>
public sealed record UltimatumWithdrawalView : IFact
{
    /// <summary>Why, if said.</summary>
    public string? Reason { get; init; }

    /// <summary>When.</summary>
    public required WorldDate OccurredOn { get; init; }

    /// <summary>Where it comes from.</summary>
    public Source? Source { get; init; }

    /// <summary>The command that recorded it.</summary>
    public string? CommandId { get; init; }

    /// <summary>The stream version of the event.</summary>
    public long Sequence { get; init; }
}

/// <summary>An on-record statement.</summary>
public sealed record StatementView : IFact
{
    /// <summary>Who made it.</summary>
    public required Actor By { get; init; }

    /// <summary>What it does.</summary>
    public required StatementKind Kind { get; init; }

    /// <summary>What was said.</summary>
    public required string Summary { get; init; }

    /// <summary>Its tone, if conveyed.</summary>
    public Tone? Tone { get; init; }

    /// <summary>Agenda item codes it is about.</summary>
    public IReadOnlyList<string> Agenda { get; init; } = [];

    /// <summary>When.</summary>
    public required WorldDate OccurredOn { get; init; }

    /// <summary>Where it comes from.</summary>
    public Source? Source { get; init; }

    /// <summary>The command that recorded it.</summary>
    public string? CommandId { get; init; }

    /// <summary>The stream version of the event.</summary>
    public long Sequence { get; init; }
}

/// <summary>A retraction: the facts of an earlier command withdrawn.</summary>
public sealed record RetractionView
{
    /// <summary>The id of the command whose facts were withdrawn.</summary>
    public required string Retracted { get; init; }

    /// <summary>Why.</summary>
    public required string Reason { get; init; }

    /// <summary>When the correction was made.</summary>
    public required WorldDate OccurredOn { get; init; }

    /// <summary>Where the correction comes from.</summary>
    public Source? Source { get; init; }

    /// <summary>The command that recorded the retraction.</summary>
    public string? CommandId { get; init; }

    /// <summary>The stream version of the event.</summary>
    public long Sequence { get; init; }
}
