namespace Negotiations;

/// <summary>
/// The picture of one negotiation track: who takes part, the rounds in world order, proposals and their answers,
/// exchanges and their stages, ultimatums, statements. Built by folding the track's events with
/// <see cref="NegotiationDecider.Evolve"/> or <see cref="NegotiationStateProjection"/>.
/// </summary>
/// <remarks>
/// <para><b>World order.</b> Every collection is sorted by when its facts happened in the world
/// (<see cref="WorldDate.CompareTo"/>), ties by the order they were recorded (<see cref="Version"/> at the time). A
/// fact reported late lands in its place.</para>
/// <para><b>As of a day.</b> A state built by a <see cref="NegotiationStateProjection"/> with an as-of day holds only
/// the facts that have surely happened by then (<see cref="WorldDate.HasHappenedBy"/>); <see cref="AsOf"/> says
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
    /// <summary>The track id (the stream id) when built by a projection; empty when folded by the decider, whose events do not carry their stream.</summary>
    public string Id { get; init; } = string.Empty;

    /// <summary>The stream version of the last event folded: 0 before any event.</summary>
    public int Version { get; init; }

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

    /// <summary>The ids of the commands whose events were folded, in the order they were recorded.</summary>
    public IReadOnlyList<string> AppliedCommands { get; init; } = [];

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
/// <param name="Title">The track's title.</param>
/// <param name="OccurredOn">When it began.</param>
/// <param name="Source">Where it comes from.</param>
/// <param name="CommandId">The command that opened it.</param>
/// <param name="Sequence">The stream version of the event.</param>
public sealed record TrackOpening(string Title, WorldDate OccurredOn, Source? Source, string? CommandId, int Sequence);

/// <summary>A participant of a track.</summary>
/// <param name="Actor">The actor.</param>
/// <param name="Role">Its role.</param>
/// <param name="Since">When it joined (for the first participants: when the track was opened).</param>
/// <param name="Source">Where it comes from.</param>
/// <param name="CommandId">The command that recorded it.</param>
/// <param name="Sequence">The stream version of the event.</param>
public sealed record ParticipantView(Actor Actor, ParticipantRole Role, WorldDate Since, Source? Source, string? CommandId, int Sequence);

/// <summary>Where a round stands.</summary>
public enum RoundStatus
{
    /// <summary>Someone proposed it.</summary>
    Proposed,

    /// <summary>It was set for a date and venue.</summary>
    Scheduled,

    /// <summary>It was moved.</summary>
    Postponed,

    /// <summary>It was called off.</summary>
    Cancelled,

    /// <summary>It took place.</summary>
    Held,
}

/// <summary>One fact about a round: proposed, scheduled, postponed, cancelled or held.</summary>
public sealed record RoundStep
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
    public int Sequence { get; init; }
}

/// <summary>A round of talks and the facts about it.</summary>
/// <param name="Id">The round's id.</param>
/// <param name="Steps">The facts about it, in world order (ties by record order).</param>
public sealed record RoundView(RoundId Id, IReadOnlyList<RoundStep> Steps)
{
    /// <summary>
    /// Where the round stands: <see cref="RoundStatus.Held"/> once it was held; otherwise what the latest fact in
    /// world order made of it.
    /// </summary>
    public RoundStatus Status => HeldStep is not null ? RoundStatus.Held : Steps.Count > 0 ? Steps[^1].Status : RoundStatus.Proposed;

    /// <summary>
    /// When it takes or took place, as far as known: the day it was held, else the latest date the facts give it
    /// (the new date of a postponement, the scheduled date, the proposed window); null when none gives one, or when
    /// the latest fact postponed it without a new date (its old date no longer holds).
    /// </summary>
    public WorldDate? Date =>
        HeldStep?.Date
        ?? (Steps.Count > 0 && Steps[^1] is { Status: RoundStatus.Postponed, Date: null }
            ? null
            : Steps.LastOrDefault(s => s.Date is not null)?.Date);

    /// <summary>Where it takes or took place: the venue of the held round, else of the latest schedule.</summary>
    public Venue? Venue =>
        Steps.LastOrDefault(s => s.Status == RoundStatus.Held)?.Venue ?? Steps.LastOrDefault(s => s.Venue is not null)?.Venue;

    /// <summary>Who first proposed it, when it was proposed.</summary>
    public Actor? ProposedBy => Steps.FirstOrDefault(s => s.Status == RoundStatus.Proposed)?.By;

    /// <summary>Who announced the latest schedule.</summary>
    public Actor? AnnouncedBy => LatestSchedule?.By;

    /// <summary>Whose report the latest schedule rests on.</summary>
    public Actor? ReportedBy => LatestSchedule?.ReportedBy;

    /// <summary>The delegations at the held round; empty until it is held.</summary>
    public IReadOnlyList<Delegation> Delegations => HeldStep?.Delegations ?? [];

    /// <summary>The topics of the held round, else the agenda it was proposed with.</summary>
    public IReadOnlyList<string> Topics => HeldStep?.Agenda ?? Steps.FirstOrDefault(s => s.Status == RoundStatus.Proposed)?.Agenda ?? [];

    /// <summary>What the held round achieved; null until it is held.</summary>
    public RoundOutcome? Outcome => HeldStep?.Outcome;

    /// <summary>The held round's outcome in words.</summary>
    public string? Summary => HeldStep?.Summary;

    /// <summary>Why it was last postponed or cancelled, if said.</summary>
    public string? Reason => Steps.LastOrDefault(s => s.Status is RoundStatus.Postponed or RoundStatus.Cancelled)?.Reason;

    private RoundStep? HeldStep => Steps.LastOrDefault(s => s.Status == RoundStatus.Held);

    private RoundStep? LatestSchedule => Steps.LastOrDefault(s => s.Status == RoundStatus.Scheduled);
}

/// <summary>A proposal, demand or offer and its answers.</summary>
/// <param name="Id">The proposal's id.</param>
/// <param name="Kind">Proposal, demand or offer.</param>
/// <param name="By">Who put it forward.</param>
/// <param name="AddressedTo">Whom it is addressed to; empty when no one in particular.</param>
/// <param name="Agenda">Agenda item codes.</param>
/// <param name="Terms">The terms in words.</param>
/// <param name="OccurredOn">When it was put forward.</param>
/// <param name="Source">Where it comes from.</param>
/// <param name="CommandId">The command that recorded it.</param>
/// <param name="Sequence">The stream version of the event.</param>
/// <param name="Answers">Its answers, in world order.</param>
public sealed record ProposalView(
    ProposalId Id,
    ProposalKind Kind,
    Actor By,
    IReadOnlyList<Affiliation> AddressedTo,
    IReadOnlyList<string> Agenda,
    string Terms,
    WorldDate OccurredOn,
    Source? Source,
    string? CommandId,
    int Sequence,
    IReadOnlyList<AnswerView> Answers)
{
    /// <summary>
    /// True while the proposal awaits answers: with addressees, until every addressee's side has answered; with
    /// none, until the first answer.
    /// </summary>
    public bool IsOpen => AddressedTo.Count > 0 ? AwaitingAnswerFrom.Count > 0 : Answers.Count == 0;

    /// <summary>The addressees that have not answered yet (empty for a proposal addressed to no one).</summary>
    public IReadOnlyList<Affiliation> AwaitingAnswerFrom =>
        [.. AddressedTo.Where(side => !Answers.Any(a => a.By.Affiliation == side))];
}

/// <summary>An answer to a proposal.</summary>
/// <param name="By">Who answered.</param>
/// <param name="Answer">The answer.</param>
/// <param name="Conditions">The conditions of an <see cref="AnswerKind.AcceptedWithConditions"/> answer.</param>
/// <param name="CounteredBy">The counter-proposal of a <see cref="AnswerKind.Countered"/> answer.</param>
/// <param name="OccurredOn">When it was answered.</param>
/// <param name="Source">Where it comes from.</param>
/// <param name="CommandId">The command that recorded it.</param>
/// <param name="Sequence">The stream version of the event.</param>
public sealed record AnswerView(Actor By, AnswerKind Answer, string? Conditions, ProposalId? CounteredBy, WorldDate OccurredOn, Source? Source, string? CommandId, int Sequence);

/// <summary>An agreed exchange and its stages.</summary>
/// <param name="Id">The exchange's id.</param>
/// <param name="Kind">What is exchanged.</param>
/// <param name="Between">The sides.</param>
/// <param name="Counts">How many each side is to hand over, where agreed.</param>
/// <param name="Terms">What was agreed, in words.</param>
/// <param name="OccurredOn">When it was agreed.</param>
/// <param name="Source">Where it comes from.</param>
/// <param name="CommandId">The command that recorded it.</param>
/// <param name="Sequence">The stream version of the event.</param>
/// <param name="Stages">Its stages, in world order.</param>
public sealed record ExchangeView(
    ExchangeId Id,
    ExchangeKind Kind,
    IReadOnlyList<Affiliation> Between,
    IReadOnlyList<SideCount> Counts,
    string? Terms,
    WorldDate OccurredOn,
    Source? Source,
    string? CommandId,
    int Sequence,
    IReadOnlyList<ExchangeStageView> Stages)
{
    /// <summary>How many each side has handed over in all stages so far, for the sides that handed over any, in the order of <see cref="Between"/>.</summary>
    public IReadOnlyList<SideCount> Totals =>
        [.. Between.Select(side => new SideCount(side, CarriedOutBy(side))).Where(total => total.Count > 0)];

    /// <summary>How many a side has handed over in all stages so far.</summary>
    /// <param name="side">The side.</param>
    /// <returns>The total, 0 when none.</returns>
    public int CarriedOutBy(Affiliation side) => Stages.SelectMany(s => s.Counts).Where(c => c.Side == side).Sum(c => c.Count);

    /// <summary>How many a side agreed to hand over.</summary>
    /// <param name="side">The side.</param>
    /// <returns>The agreed count, or null when none was agreed for it.</returns>
    public int? AgreedFor(Affiliation side) => Counts.FirstOrDefault(c => c.Side == side)?.Count;
}

/// <summary>A stage of an exchange.</summary>
/// <param name="Stage">The stage number, from 1.</param>
/// <param name="Counts">How many each side handed over in it.</param>
/// <param name="OccurredOn">When.</param>
/// <param name="Source">Where it comes from.</param>
/// <param name="CommandId">The command that recorded it.</param>
/// <param name="Sequence">The stream version of the event.</param>
public sealed record ExchangeStageView(int Stage, IReadOnlyList<SideCount> Counts, WorldDate OccurredOn, Source? Source, string? CommandId, int Sequence);

/// <summary>Where an ultimatum stands on a day.</summary>
public enum UltimatumStatus
{
    /// <summary>Issued, not withdrawn, its deadline not yet passed.</summary>
    Active,

    /// <summary>Its deadline has surely passed: the day asked about is after the deadline's last possible day.</summary>
    Lapsed,

    /// <summary>Withdrawn.</summary>
    Withdrawn,
}

/// <summary>An ultimatum, its revisions and its withdrawal.</summary>
/// <param name="Id">The ultimatum's id.</param>
/// <param name="Issuer">Who issued it.</param>
/// <param name="Target">Whom it is aimed at.</param>
/// <param name="IssuedDemand">The demand as issued.</param>
/// <param name="IssuedDeadline">The deadline as issued.</param>
/// <param name="IssuedConsequence">The consequence as issued.</param>
/// <param name="IssuedOn">When it was issued.</param>
/// <param name="Source">Where it comes from.</param>
/// <param name="CommandId">The command that recorded it.</param>
/// <param name="Sequence">The stream version of the event.</param>
/// <param name="Revisions">Its revisions, in world order.</param>
/// <param name="Withdrawal">Its withdrawal, if any.</param>
/// <remarks>
/// Lapse is not recorded: it follows from the deadline and the day asked about (<see cref="StatusOn"/>).
/// </remarks>
public sealed record UltimatumView(
    UltimatumId Id,
    Actor Issuer,
    Affiliation Target,
    string IssuedDemand,
    WorldDate IssuedDeadline,
    string IssuedConsequence,
    WorldDate IssuedOn,
    Source? Source,
    string? CommandId,
    int Sequence,
    IReadOnlyList<UltimatumRevisionView> Revisions,
    UltimatumWithdrawalView? Withdrawal)
{
    /// <summary>The deadline after every revision.</summary>
    public WorldDate Deadline => Revisions.Count > 0 ? Revisions[^1].Deadline : IssuedDeadline;

    /// <summary>The demand after every revision.</summary>
    public string Demand => Revisions.LastOrDefault(r => r.Demand is not null)?.Demand ?? IssuedDemand;

    /// <summary>The consequence after every revision.</summary>
    public string Consequence => Revisions.LastOrDefault(r => r.Consequence is not null)?.Consequence ?? IssuedConsequence;

    /// <summary>True when it has been withdrawn.</summary>
    public bool IsWithdrawn => Withdrawal is not null;

    /// <summary>The deadline in force on a day: that of the latest revision that has surely happened by then, else the deadline as issued.</summary>
    /// <param name="day">The day asked about.</param>
    /// <returns>The deadline.</returns>
    public WorldDate DeadlineOn(DateOnly day) =>
        Revisions.LastOrDefault(r => r.OccurredOn.HasHappenedBy(day))?.Deadline ?? IssuedDeadline;

    /// <summary>Where the ultimatum stands on a day.</summary>
    /// <param name="day">The day asked about.</param>
    /// <returns>
    /// <see cref="UltimatumStatus.Withdrawn"/> when its withdrawal has surely happened by that day;
    /// <see cref="UltimatumStatus.Lapsed"/> when the deadline in force that day (<see cref="DeadlineOn"/>) has a
    /// last possible day before it (the deadline day itself still counts as active; a deadline with an open end
    /// never lapses); otherwise <see cref="UltimatumStatus.Active"/>, also for a day before the issue.
    /// </returns>
    public UltimatumStatus StatusOn(DateOnly day)
    {
        if (Withdrawal is { } withdrawal && withdrawal.OccurredOn.HasHappenedBy(day))
        {
            return UltimatumStatus.Withdrawn;
        }

        return DeadlineOn(day).NotAfter is { } last && last < day ? UltimatumStatus.Lapsed : UltimatumStatus.Active;
    }
}

/// <summary>A revision of an ultimatum.</summary>
/// <param name="Deadline">The new deadline.</param>
/// <param name="Demand">The new demand, or null when unchanged.</param>
/// <param name="Consequence">The new consequence, or null when unchanged.</param>
/// <param name="OccurredOn">When it was revised.</param>
/// <param name="Source">Where it comes from.</param>
/// <param name="CommandId">The command that recorded it.</param>
/// <param name="Sequence">The stream version of the event.</param>
public sealed record UltimatumRevisionView(WorldDate Deadline, string? Demand, string? Consequence, WorldDate OccurredOn, Source? Source, string? CommandId, int Sequence);

/// <summary>The withdrawal of an ultimatum.</summary>
/// <param name="Reason">Why, if said.</param>
/// <param name="OccurredOn">When.</param>
/// <param name="Source">Where it comes from.</param>
/// <param name="CommandId">The command that recorded it.</param>
/// <param name="Sequence">The stream version of the event.</param>
public sealed record UltimatumWithdrawalView(string? Reason, WorldDate OccurredOn, Source? Source, string? CommandId, int Sequence);

/// <summary>An on-record statement.</summary>
/// <param name="By">Who made it.</param>
/// <param name="Kind">What it does.</param>
/// <param name="Summary">What was said.</param>
/// <param name="Tone">Its tone, if conveyed.</param>
/// <param name="Agenda">Agenda item codes it is about.</param>
/// <param name="OccurredOn">When.</param>
/// <param name="Source">Where it comes from.</param>
/// <param name="CommandId">The command that recorded it.</param>
/// <param name="Sequence">The stream version of the event.</param>
public sealed record StatementView(Actor By, StatementKind Kind, string Summary, Tone? Tone, IReadOnlyList<string> Agenda, WorldDate OccurredOn, Source? Source, string? CommandId, int Sequence);

/// <summary>A retraction: the facts of an earlier command withdrawn.</summary>
/// <param name="Retracted">The id of the command whose facts were withdrawn.</param>
/// <param name="Reason">Why.</param>
/// <param name="OccurredOn">When the correction was made.</param>
/// <param name="Source">Where the correction comes from.</param>
/// <param name="CommandId">The command that recorded the retraction.</param>
/// <param name="Sequence">The stream version of the event.</param>
public sealed record RetractionView(string Retracted, string Reason, WorldDate OccurredOn, Source? Source, string? CommandId, int Sequence);
