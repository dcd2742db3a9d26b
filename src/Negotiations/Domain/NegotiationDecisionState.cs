using System.Collections.Immutable;
using Negotiations.EventSourcing;

namespace Negotiations;

/// <summary>
/// What the rules of a track need to decide a command, and nothing more: the participants and the affiliations of the
/// actors seen, the rounds by id with their lifecycle, the proposals by id with their addressees and answers, the
/// exchanges with their agreed counts and stages, the ultimatums with their schedules, and the retractions. Built by
/// <see cref="NegotiationDecider.State"/>; the read models (<see cref="NegotiationState"/>, <see cref="Timeline"/>,
/// <see cref="Watchlist"/>) are built apart, so a command never pays for what people read.
/// </summary>
/// <remarks>
/// <para><b>Cost.</b> Every collection is a persistent (immutable) dictionary: folding one event costs O(log n) and
/// shares the rest with the state before it, so the command service may cache states and Marten may keep them as
/// snapshots. Statements, quotes, sources, titles of facts and command ids of commands that recorded nothing the
/// rules look at are not kept; the state grows with the rounds, proposals, exchanges and ultimatums of a track, not
/// with its statements.</para>
/// <para><b>Retraction.</b> The command ids of the facts the rules look at are kept with those facts (and indexed in
/// <see cref="Facts"/>), because a retraction withdraws them; whether any other command was applied (a statement, say)
/// is asked of the store's command records when a retraction names it (<see cref="Decision{TEvent}.RequiredCommand"/>).
/// An actor code keeps the affiliation it was first seen with for the life of the track, even when the facts naming it
/// are retracted: a retraction withdraws facts, not what the track knows of who an actor is.</para>
/// </remarks>
public sealed record NegotiationDecisionState
{
    /// <summary>The stream version of the last event folded: 0 before any event.</summary>
    public long Version { get; init; }

    /// <summary>The track's title, once it is opened; null before.</summary>
    public string? Title { get; init; }

    /// <summary>The id of the command that opened the track, once it is opened.</summary>
    public string? OpenedBy { get; init; }

    /// <summary>The affiliation of every actor code the track has seen, kept for the life of the track.</summary>
    public ImmutableDictionary<string, Affiliation> Actors { get; init; } = ImmutableDictionary<string, Affiliation>.Empty;

    /// <summary>The participants, by actor code.</summary>
    public ImmutableDictionary<string, DecisionParticipant> Participants { get; init; } = ImmutableDictionary<string, DecisionParticipant>.Empty;

    /// <summary>How many participants act for each affiliation, by affiliation code.</summary>
    public ImmutableDictionary<string, int> Sides { get; init; } = ImmutableDictionary<string, int>.Empty;

    /// <summary>The rounds, by round id.</summary>
    public ImmutableDictionary<string, DecisionRound> Rounds { get; init; } = ImmutableDictionary<string, DecisionRound>.Empty;

    /// <summary>The proposals, by proposal id.</summary>
    public ImmutableDictionary<string, DecisionProposal> Proposals { get; init; } = ImmutableDictionary<string, DecisionProposal>.Empty;

    /// <summary>The agreed exchanges, by exchange id.</summary>
    public ImmutableDictionary<string, DecisionExchange> Exchanges { get; init; } = ImmutableDictionary<string, DecisionExchange>.Empty;

    /// <summary>The ultimatums, by ultimatum id.</summary>
    public ImmutableDictionary<string, DecisionUltimatum> Ultimatums { get; init; } = ImmutableDictionary<string, DecisionUltimatum>.Empty;

    /// <summary>The retracted commands, each with the retraction that withdrew its facts.</summary>
    public ImmutableDictionary<string, string> Retracted { get; init; } = ImmutableDictionary<string, string>.Empty;

    /// <summary>The ids of the retraction commands (which cannot be retracted in turn).</summary>
    public ImmutableHashSet<string> Retractions { get; init; } = ImmutableHashSet<string>.Empty;

    /// <summary>What each command recorded that the rules look at, by command id: what a retraction of it withdraws.</summary>
    public ImmutableDictionary<string, IReadOnlyList<DecisionFact>> Facts { get; init; } = ImmutableDictionary<string, IReadOnlyList<DecisionFact>>.Empty;

    /// <summary>True once the track has been opened.</summary>
    public bool IsOpened => OpenedBy is not null;

    /// <summary>A state before any event.</summary>
    public static NegotiationDecisionState Empty { get; } = new();

    /// <summary>True when some participant acts for an affiliation.</summary>
    /// <param name="affiliation">The affiliation.</param>
    /// <returns>Whether it is a participant's.</returns>
    public bool IsParticipant(Affiliation affiliation) => affiliation.Code is { } code && Sides.ContainsKey(code);
}

/// <summary>A participant, as the rules see it.</summary>
/// <param name="Affiliation">What it acts for.</param>
/// <param name="CommandId">The command that recorded it.</param>
public sealed record DecisionParticipant(Affiliation Affiliation, string? CommandId);

/// <summary>A round, as the rules see it: its facts in world order.</summary>
/// <param name="Steps">The facts about it, in world order.</param>
public sealed record DecisionRound(IReadOnlyList<DecisionRoundStep> Steps)
{
    /// <summary>Where the round stands (see the round lifecycle on <see cref="RoundView.Status"/>).</summary>
    public RoundStatus Status => RoundLifecycle.Status(Steps);
}

/// <summary>One fact about a round, as the rules see it.</summary>
public sealed record DecisionRoundStep : IRoundFact
{
    /// <summary>What the fact did to the round.</summary>
    public required RoundStatus Status { get; init; }

    /// <summary>When the fact happened.</summary>
    public required WorldDate OccurredOn { get; init; }

    /// <summary>The date the fact gives the round, if any.</summary>
    public WorldDate? Date { get; init; }

    /// <summary>Who proposed or announced it, if anyone.</summary>
    public ActorCode? By { get; init; }

    /// <summary>The stream version of the event.</summary>
    public long Sequence { get; init; }

    /// <summary>The command that recorded it.</summary>
    public string? CommandId { get; init; }
}

/// <summary>A proposal, as the rules see it.</summary>
public sealed record DecisionProposal
{
    /// <summary>Who put it forward.</summary>
    public required ActorCode By { get; init; }

    /// <summary>The side that put it forward.</summary>
    public required Affiliation Side { get; init; }

    /// <summary>Whom it is addressed to; empty when no one in particular.</summary>
    public IReadOnlyList<Affiliation> AddressedTo { get; init; } = [];

    /// <summary>The sides that answered it, in world order.</summary>
    public IReadOnlyList<DecisionAnswer> Answers { get; init; } = [];

    /// <summary>The command that recorded it.</summary>
    public string? CommandId { get; init; }

    /// <summary>True while it awaits answers (the rule of <see cref="ProposalView.IsOpen"/>).</summary>
    public bool IsOpen => ProposalRules.IsOpen(AddressedTo, AnsweredBy);

    /// <summary>The addressees that have not answered yet.</summary>
    public IReadOnlyList<Affiliation> AwaitingAnswerFrom => ProposalRules.AwaitingAnswerFrom(AddressedTo, AnsweredBy);

    private Affiliation[] AnsweredBy => [.. Answers.Select(a => a.Side)];
}

/// <summary>An answer to a proposal, as the rules see it.</summary>
public sealed record DecisionAnswer : IFact
{
    /// <summary>The side that answered.</summary>
    public required Affiliation Side { get; init; }

    /// <summary>When.</summary>
    public required WorldDate OccurredOn { get; init; }

    /// <summary>The stream version of the event.</summary>
    public long Sequence { get; init; }

    /// <summary>The command that recorded it.</summary>
    public string? CommandId { get; init; }
}

/// <summary>An agreed exchange, as the rules see it.</summary>
public sealed record DecisionExchange
{
    /// <summary>The sides.</summary>
    public IReadOnlyList<Affiliation> Between { get; init; } = [];

    /// <summary>The counts agreed, where agreed.</summary>
    public IReadOnlyList<SideCount> Counts { get; init; } = [];

    /// <summary>The stages carried out, in world order.</summary>
    public IReadOnlyList<DecisionStage> Stages { get; init; } = [];

    /// <summary>The command that recorded it.</summary>
    public string? CommandId { get; init; }

    /// <summary>How many a side has handed over in all stages so far.</summary>
    /// <param name="side">The side.</param>
    /// <returns>The total, 0 when none.</returns>
    public long CarriedOutBy(Affiliation side) => Stages.SelectMany(s => s.Counts).Where(c => c.Side == side).Sum(c => (long)c.Count);

    /// <summary>How many a side agreed to hand over, or null when no count was agreed for it.</summary>
    /// <param name="side">The side.</param>
    /// <returns>The agreed count.</returns>
    public int? AgreedFor(Affiliation side) => Counts.FirstOrDefault(c => c.Side == side)?.Count;
}

/// <summary>A stage of an exchange, as the rules see it.</summary>
public sealed record DecisionStage : IFact
{
    /// <summary>The stage number.</summary>
    public required int Stage { get; init; }

    /// <summary>How many each side handed over in it.</summary>
    public IReadOnlyList<SideCount> Counts { get; init; } = [];

    /// <summary>When.</summary>
    public required WorldDate OccurredOn { get; init; }

    /// <summary>The stream version of the event.</summary>
    public long Sequence { get; init; }

    /// <summary>The command that recorded it.</summary>
    public string? CommandId { get; init; }
}

/// <summary>An ultimatum, as the rules see it.</summary>
public sealed record DecisionUltimatum
{
    /// <summary>Its schedule: deadline, revisions, withdrawal.</summary>
    public required UltimatumSchedule Schedule { get; init; }

    /// <summary>The command that recorded it.</summary>
    public string? CommandId { get; init; }
}

/// <summary>What kind of fact the rules keep a command's id with.</summary>
public enum DecisionFactKind
{
    /// <summary>A participant joined.</summary>
    Participant,

    /// <summary>A fact about a round.</summary>
    RoundStep,

    /// <summary>A proposal was made.</summary>
    Proposal,

    /// <summary>A proposal was answered.</summary>
    Answer,

    /// <summary>An exchange was agreed.</summary>
    Exchange,

    /// <summary>A stage of an exchange was carried out.</summary>
    Stage,

    /// <summary>An ultimatum was issued.</summary>
    Ultimatum,

    /// <summary>An ultimatum was revised.</summary>
    Revision,

    /// <summary>An ultimatum was withdrawn.</summary>
    Withdrawal,
}

/// <summary>A fact a command recorded that the rules look at: its kind and the id of what it is about.</summary>
/// <param name="Kind">The kind.</param>
/// <param name="Key">The id of the participant, round, proposal, exchange or ultimatum.</param>
public sealed record DecisionFact(DecisionFactKind Kind, string Key);

/// <summary>
/// Folds a track into its <see cref="NegotiationDecisionState"/>: one event at a time in O(log n), or many at once
/// through one builder.
/// </summary>
internal sealed class NegotiationDecisionProjection : StreamProjection<NegotiationDecisionState>
{
    public override int SchemaVersion => 1;

    public override ProjectedEventTypes EventTypes { get; } = new(NegotiationEvents.Catalog.Types, []);

    public override NegotiationDecisionState Start(string streamId) => NegotiationDecisionState.Empty;

    public override NegotiationDecisionState Evolve(NegotiationDecisionState view, RecordedEvent @event)
    {
        ArgumentNullException.ThrowIfNull(view);
        ArgumentNullException.ThrowIfNull(@event);
        var builder = new DecisionStateBuilder(view);
        builder.Apply(@event);
        return builder.Build();
    }

    public override NegotiationDecisionState Fold(NegotiationDecisionState view, IReadOnlyList<RecordedEvent> events)
    {
        ArgumentNullException.ThrowIfNull(view);
        ArgumentNullException.ThrowIfNull(events);
        if (events.Count == 0)
        {
            return view;
        }

        var builder = new DecisionStateBuilder(view);
        for (var i = 0; i < events.Count; i++)
        {
            builder.Apply(events[i]);
        }

        return builder.Build();
    }
}

/// <summary>The one fold of the decision state, on the builders of its persistent dictionaries.</summary>
internal sealed class DecisionStateBuilder
{
    private readonly ImmutableDictionary<string, Affiliation>.Builder _actors;
    private readonly ImmutableDictionary<string, DecisionParticipant>.Builder _participants;
    private readonly ImmutableDictionary<string, int>.Builder _sides;
    private readonly ImmutableDictionary<string, DecisionRound>.Builder _rounds;
    private readonly ImmutableDictionary<string, DecisionProposal>.Builder _proposals;
    private readonly ImmutableDictionary<string, DecisionExchange>.Builder _exchanges;
    private readonly ImmutableDictionary<string, DecisionUltimatum>.Builder _ultimatums;
    private readonly ImmutableDictionary<string, string>.Builder _retracted;
    private readonly ImmutableHashSet<string>.Builder _retractions;
    private readonly ImmutableDictionary<string, IReadOnlyList<DecisionFact>>.Builder _facts;
    private long _version;
    private string? _title;
    private string? _openedBy;

    public DecisionStateBuilder(NegotiationDecisionState state)
    {
        _version = state.Version;
        _title = state.Title;
        _openedBy = state.OpenedBy;
        _actors = state.Actors.ToBuilder();
        _participants = state.Participants.ToBuilder();
        _sides = state.Sides.ToBuilder();
        _rounds = state.Rounds.ToBuilder();
        _proposals = state.Proposals.ToBuilder();
        _exchanges = state.Exchanges.ToBuilder();
        _ultimatums = state.Ultimatums.ToBuilder();
        _retracted = state.Retracted.ToBuilder();
        _retractions = state.Retractions.ToBuilder();
        _facts = state.Facts.ToBuilder();
    }

    public void Apply(RecordedEvent recorded)
    {
        var sequence = recorded.Version == 0 ? _version + 1 : recorded.Version;
        _version = sequence;
        var command = recorded.Metadata.CommandId;
        switch (recorded.Data)
        {
            case NegotiationOpened e:
                _title ??= e.Title;
                _openedBy ??= command ?? string.Empty;
                foreach (var participant in e.Participants)
                {
                    Join(participant.Actor, command, index: false);
                }

                break;
            case ParticipantJoined e:
                Join(e.Participant.Actor, command, index: true);
                break;
            case RoundProposed e:
                Step(e.Round, new DecisionRoundStep { Status = RoundStatus.Proposed, OccurredOn = e.OccurredOn, Date = e.Window, By = e.ProposedBy.Code, Sequence = sequence, CommandId = command }, command);
                See(e.ProposedBy);
                break;
            case RoundScheduled e:
                Step(e.Round, new DecisionRoundStep { Status = RoundStatus.Scheduled, OccurredOn = e.OccurredOn, Date = e.Date, By = e.AnnouncedBy.Code, Sequence = sequence, CommandId = command }, command);
                See(e.AnnouncedBy);
                See(e.ReportedBy);
                break;
            case RoundPostponed e:
                Step(e.Round, new DecisionRoundStep { Status = RoundStatus.Postponed, OccurredOn = e.OccurredOn, Date = e.NewDate, Sequence = sequence, CommandId = command }, command);
                break;
            case RoundCancelled e:
                Step(e.Round, new DecisionRoundStep { Status = RoundStatus.Cancelled, OccurredOn = e.OccurredOn, Sequence = sequence, CommandId = command }, command);
                break;
            case RoundHeld e:
                Step(e.Round, new DecisionRoundStep { Status = RoundStatus.Held, OccurredOn = e.OccurredOn, Date = e.OccurredOn, Sequence = sequence, CommandId = command }, command);
                foreach (var delegation in e.Delegations)
                {
                    See(delegation.Head);
                }

                break;
            case ProposalMade e:
                See(e.By);
                if (!_proposals.ContainsKey(e.Proposal.Value))
                {
                    _proposals[e.Proposal.Value] = new DecisionProposal { By = e.By.Code, Side = e.By.Affiliation, AddressedTo = e.AddressedTo, CommandId = command };
                    Index(command, DecisionFactKind.Proposal, e.Proposal.Value);
                }

                break;
            case ProposalAnswered e:
                See(e.By);
                if (_proposals.TryGetValue(e.Proposal.Value, out var proposal))
                {
                    _proposals[e.Proposal.Value] = proposal with
                    {
                        Answers = WorldOrder.Insert(proposal.Answers, new DecisionAnswer { Side = e.By.Affiliation, OccurredOn = e.OccurredOn, Sequence = sequence, CommandId = command }),
                    };
                    Index(command, DecisionFactKind.Answer, e.Proposal.Value);
                }

                break;
            case ExchangeAgreed e:
                if (!_exchanges.ContainsKey(e.Exchange.Value))
                {
                    _exchanges[e.Exchange.Value] = new DecisionExchange { Between = e.Between, Counts = e.Counts, CommandId = command };
                    Index(command, DecisionFactKind.Exchange, e.Exchange.Value);
                }

                break;
            case ExchangeCarriedOut e:
                if (_exchanges.TryGetValue(e.Exchange.Value, out var exchange))
                {
                    _exchanges[e.Exchange.Value] = exchange with
                    {
                        Stages = WorldOrder.Insert(exchange.Stages, new DecisionStage { Stage = e.Stage, Counts = e.Counts, OccurredOn = e.OccurredOn, Sequence = sequence, CommandId = command }),
                    };
                    Index(command, DecisionFactKind.Stage, e.Exchange.Value);
                }

                break;
            case UltimatumIssued e:
                See(e.Issuer);
                if (!_ultimatums.ContainsKey(e.Ultimatum.Value))
                {
                    _ultimatums[e.Ultimatum.Value] = new DecisionUltimatum { Schedule = new UltimatumSchedule { IssuedOn = e.OccurredOn, IssuedDeadline = e.Deadline }, CommandId = command };
                    Index(command, DecisionFactKind.Ultimatum, e.Ultimatum.Value);
                }

                break;
            case UltimatumRevised e:
                if (_ultimatums.TryGetValue(e.Ultimatum.Value, out var revised))
                {
                    _ultimatums[e.Ultimatum.Value] = revised with
                    {
                        Schedule = revised.Schedule.Revise(new DeadlineRevision { Deadline = e.Deadline, OccurredOn = e.OccurredOn, Sequence = sequence, CommandId = command }),
                    };
                    Index(command, DecisionFactKind.Revision, e.Ultimatum.Value);
                }

                break;
            case UltimatumWithdrawn e:
                if (_ultimatums.TryGetValue(e.Ultimatum.Value, out var withdrawn) && !withdrawn.Schedule.IsWithdrawn)
                {
                    _ultimatums[e.Ultimatum.Value] = withdrawn with
                    {
                        Schedule = withdrawn.Schedule.Withdraw(new ScheduleWithdrawal { OccurredOn = e.OccurredOn, Sequence = sequence, CommandId = command }),
                    };
                    Index(command, DecisionFactKind.Withdrawal, e.Ultimatum.Value);
                }

                break;
            case StatementMade e:
                See(e.By);
                break;
            case FactRetracted e:
                Retract(e.Retracted.Value, command ?? string.Empty);
                break;
            default:
                throw new UndeclaredEventTypeException(typeof(NegotiationDecisionProjection), recorded.Data.GetType());
        }
    }

    public NegotiationDecisionState Build() => new()
    {
        Version = _version,
        Title = _title,
        OpenedBy = _openedBy,
        Actors = _actors.ToImmutable(),
        Participants = _participants.ToImmutable(),
        Sides = _sides.ToImmutable(),
        Rounds = _rounds.ToImmutable(),
        Proposals = _proposals.ToImmutable(),
        Exchanges = _exchanges.ToImmutable(),
        Ultimatums = _ultimatums.ToImmutable(),
        Retracted = _retracted.ToImmutable(),
        Retractions = _retractions.ToImmutable(),
        Facts = _facts.ToImmutable(),
    };

    private void See(Actor? actor)
    {
        if (actor?.Code.Value is { } code && !_actors.ContainsKey(code))
        {
            _actors[code] = actor.Affiliation;
        }
    }

    private void Join(Actor actor, string? command, bool index)
    {
        See(actor);
        var code = actor.Code.Value;
        if (_participants.ContainsKey(code))
        {
            return;
        }

        _participants[code] = new DecisionParticipant(actor.Affiliation, command);
        _sides[actor.Affiliation.Code] = _sides.GetValueOrDefault(actor.Affiliation.Code) + 1;
        if (index)
        {
            Index(command, DecisionFactKind.Participant, code);
        }
    }

    private void Step(RoundId round, DecisionRoundStep step, string? command)
    {
        _rounds[round.Value] = _rounds.TryGetValue(round.Value, out var existing)
            ? new DecisionRound(WorldOrder.Insert(existing.Steps, step))
            : new DecisionRound([step]);
        Index(command, DecisionFactKind.RoundStep, round.Value);
    }

    private void Index(string? command, DecisionFactKind kind, string key)
    {
        if (command is null)
        {
            return;
        }

        var fact = new DecisionFact(kind, key);
        _facts[command] = _facts.TryGetValue(command, out var facts) ? [.. facts, fact] : [fact];
    }

    private void Retract(string retracted, string by)
    {
        _retracted[retracted] = by;
        _retractions.Add(by);
        if (!_facts.TryGetValue(retracted, out var facts))
        {
            return;
        }

        _facts.Remove(retracted);
        foreach (var fact in facts)
        {
            switch (fact.Kind)
            {
                case DecisionFactKind.Participant when _participants.TryGetValue(fact.Key, out var participant) && participant.CommandId == retracted:
                    _participants.Remove(fact.Key);
                    var side = participant.Affiliation.Code;
                    var left = _sides.GetValueOrDefault(side) - 1;
                    if (left > 0)
                    {
                        _sides[side] = left;
                    }
                    else
                    {
                        _sides.Remove(side);
                    }

                    break;
                case DecisionFactKind.RoundStep when _rounds.TryGetValue(fact.Key, out var round):
                    var steps = WorldOrder.Without(round.Steps, retracted);
                    if (steps.Count == 0)
                    {
                        _rounds.Remove(fact.Key);
                    }
                    else
                    {
                        _rounds[fact.Key] = new DecisionRound(steps);
                    }

                    break;
                case DecisionFactKind.Proposal when _proposals.TryGetValue(fact.Key, out var proposal) && proposal.CommandId == retracted:
                    _proposals.Remove(fact.Key);
                    break;
                case DecisionFactKind.Answer when _proposals.TryGetValue(fact.Key, out var answered):
                    _proposals[fact.Key] = answered with { Answers = WorldOrder.Without(answered.Answers, retracted) };
                    break;
                case DecisionFactKind.Exchange when _exchanges.TryGetValue(fact.Key, out var exchange) && exchange.CommandId == retracted:
                    _exchanges.Remove(fact.Key);
                    break;
                case DecisionFactKind.Stage when _exchanges.TryGetValue(fact.Key, out var staged):
                    _exchanges[fact.Key] = staged with { Stages = WorldOrder.Without(staged.Stages, retracted) };
                    break;
                case DecisionFactKind.Ultimatum when _ultimatums.TryGetValue(fact.Key, out var ultimatum) && ultimatum.CommandId == retracted:
                    _ultimatums.Remove(fact.Key);
                    break;
                case DecisionFactKind.Revision or DecisionFactKind.Withdrawal when _ultimatums.TryGetValue(fact.Key, out var scheduled):
                    _ultimatums[fact.Key] = scheduled with { Schedule = scheduled.Schedule.Retract(retracted) };
                    break;
            }
        }
    }
}
