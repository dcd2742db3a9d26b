using Negotiations.EventSourcing;

namespace Negotiations;

/// <summary>
/// Builds the <see cref="NegotiationState"/> of a track from its stream, with every fact recorded or as of a day.
/// </summary>
/// <remarks>
/// <para>As of a day, an event counts once it has surely happened by then (<see cref="NegotiationEvents.CountsAsOf"/>:
/// its <see cref="WorldDate.NotAfter"/> is on or before the day; a window open at the end counts once its start has
/// come; an unknown date always counts). Events that have not are skipped.</para>
/// <para>A <see cref="FactRetracted"/> applies whatever the day: a correction withdraws the fact from the record
/// entirely, so the state as of any day leaves it out, even a day before the correction was made.</para>
/// <para>Folding N events (<see cref="Fold"/>) goes through one builder and costs O(N) when facts come in world order,
/// O(N log N) when they are reported out of order. <see cref="Evolve"/> folds one event onto a state already built,
/// at the cost of copying it: stores that keep this view fold a batch of events at a time.</para>
/// </remarks>
public sealed class NegotiationStateProjection : StreamProjection<NegotiationState>
{
    /// <summary>Creates the projection.</summary>
    /// <param name="asOf">The day to compute the state as of; null for every fact recorded.</param>
    public NegotiationStateProjection(DateOnly? asOf = null) => AsOf = asOf;

    /// <summary>The day the state is computed as of; null for every fact recorded.</summary>
    public DateOnly? AsOf { get; }

    /// <inheritdoc />
    public override int SchemaVersion => 2;

    /// <inheritdoc />
    public override ProjectedEventTypes EventTypes { get; } = new(NegotiationEvents.Catalog.Types, []);

    /// <inheritdoc />
    public override NegotiationState Start(string streamId) => NegotiationState.Empty(streamId, AsOf);

    /// <inheritdoc />
    public override NegotiationState Evolve(NegotiationState view, RecordedEvent @event)
    {
        ArgumentNullException.ThrowIfNull(@event);
        return Fold(view, [@event]);
    }

    /// <inheritdoc />
    public override NegotiationState Fold(NegotiationState view, IReadOnlyList<RecordedEvent> events)
    {
        ArgumentNullException.ThrowIfNull(view);
        ArgumentNullException.ThrowIfNull(events);
        var builder = new NegotiationStateBuilder(view);
        foreach (var @event in events)
        {
            builder.Apply(@event, AsOf);
        }

        return builder.Build();
    }
}

/// <summary>The one fold of <see cref="NegotiationState"/>: mutable inside, an immutable state out.</summary>
internal sealed class NegotiationStateBuilder
{
    private readonly NegotiationState _start;
    private readonly RetractedCommands _retracted = new();
    private readonly FactList<ParticipantView> _participants;
    private readonly Dictionary<string, RoundBuilder> _rounds = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ProposalBuilder> _proposals = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ExchangeBuilder> _exchanges = new(StringComparer.Ordinal);
    private readonly Dictionary<string, UltimatumBuilder> _ultimatums = new(StringComparer.Ordinal);
    private readonly FactList<StatementView> _statements;
    private readonly List<RetractionView> _retractions;
    private long _version;
    private TrackOpening? _opening;

    public NegotiationStateBuilder(NegotiationState start)
    {
        _start = start;
        _version = start.Version;
        _opening = start.Opening;
        _participants = new(_retracted, start.Participants);
        _statements = new(_retracted, start.Statements);
        _retractions = [.. start.Retractions];
        foreach (var round in start.Rounds)
        {
            _rounds.Add(round.Id.Value, new RoundBuilder(round.Id, new FactList<RoundStep>(_retracted, round.Steps)));
        }

        foreach (var proposal in start.Proposals)
        {
            _proposals.Add(proposal.Id.Value, new ProposalBuilder(proposal, new FactList<AnswerView>(_retracted, proposal.Answers)));
        }

        foreach (var exchange in start.Exchanges)
        {
            _exchanges.Add(exchange.Id.Value, new ExchangeBuilder(exchange, new FactList<ExchangeStageView>(_retracted, exchange.Stages)));
        }

        foreach (var ultimatum in start.Ultimatums)
        {
            _ultimatums.Add(ultimatum.Id.Value, new UltimatumBuilder(ultimatum, new FactList<UltimatumRevisionView>(_retracted, ultimatum.Revisions)) { Withdrawal = ultimatum.Withdrawal });
        }
    }

    public void Apply(RecordedEvent recorded, DateOnly? asOf)
    {
        var sequence = recorded.Version == 0 ? _version + 1 : recorded.Version;
        _version = sequence;
        if (recorded.Data is not INegotiationEvent fact)
        {
            throw new UndeclaredEventTypeException(typeof(NegotiationStateProjection), recorded.Data.GetType());
        }

        if (asOf is { } day && !NegotiationEvents.CountsAsOf(fact, day))
        {
            return;
        }

        var command = recorded.Metadata.CommandId;
        switch (fact)
        {
            case NegotiationOpened e:
                _opening ??= new TrackOpening { Title = e.Title, OccurredOn = e.OccurredOn, Source = e.Source, CommandId = command, Sequence = sequence };
                foreach (var p in e.Participants)
                {
                    _participants.Add(new ParticipantView { Actor = p.Actor, Role = p.Role, Since = e.OccurredOn, Source = e.Source, CommandId = command, Sequence = sequence });
                }

                break;
            case ParticipantJoined e:
                _participants.Add(new ParticipantView { Actor = e.Participant.Actor, Role = e.Participant.Role, Since = e.OccurredOn, Source = e.Source, CommandId = command, Sequence = sequence });
                break;
            case RoundProposed e:
                Step(e.Round, new RoundStep { Status = RoundStatus.Proposed, OccurredOn = e.OccurredOn, Date = e.Window, By = e.ProposedBy, Agenda = e.Agenda, Source = e.Source, CommandId = command, Sequence = sequence });
                break;
            case RoundScheduled e:
                Step(e.Round, new RoundStep { Status = RoundStatus.Scheduled, OccurredOn = e.OccurredOn, Date = e.Date, Venue = e.Venue, By = e.AnnouncedBy, ReportedBy = e.ReportedBy, Source = e.Source, CommandId = command, Sequence = sequence });
                break;
            case RoundPostponed e:
                Step(e.Round, new RoundStep { Status = RoundStatus.Postponed, OccurredOn = e.OccurredOn, Date = e.NewDate, Reason = e.Reason, Source = e.Source, CommandId = command, Sequence = sequence });
                break;
            case RoundCancelled e:
                Step(e.Round, new RoundStep { Status = RoundStatus.Cancelled, OccurredOn = e.OccurredOn, Reason = e.Reason, Source = e.Source, CommandId = command, Sequence = sequence });
                break;
            case RoundHeld e:
                Step(e.Round, new RoundStep { Status = RoundStatus.Held, OccurredOn = e.OccurredOn, Date = e.OccurredOn, Venue = e.Venue, Delegations = e.Delegations, Agenda = e.Topics, Outcome = e.Outcome, Summary = e.Summary, Source = e.Source, CommandId = command, Sequence = sequence });
                break;
            case ProposalMade e when !Stands(_proposals, e.Proposal.Value):
                _proposals[e.Proposal.Value] = new ProposalBuilder(
                    new ProposalView { Id = e.Proposal, Kind = e.Kind, By = e.By, AddressedTo = e.AddressedTo, Agenda = e.Agenda, Terms = e.Terms, OccurredOn = e.OccurredOn, Source = e.Source, CommandId = command, Sequence = sequence },
                    new FactList<AnswerView>(_retracted));
                break;
            case ProposalMade:
                break;
            case ProposalAnswered e:
                if (Standing(_proposals, e.Proposal.Value) is { } proposal)
                {
                    proposal.Answers.Add(new AnswerView { By = e.By, Answer = e.Answer, Conditions = e.Conditions, CounteredBy = e.CounteredBy, OccurredOn = e.OccurredOn, Source = e.Source, CommandId = command, Sequence = sequence });
                }

                break;
            case ExchangeAgreed e when !Stands(_exchanges, e.Exchange.Value):
                _exchanges[e.Exchange.Value] = new ExchangeBuilder(
                    new ExchangeView { Id = e.Exchange, Kind = e.Kind, Between = e.Between, Counts = e.Counts, Terms = e.Terms, OccurredOn = e.OccurredOn, Source = e.Source, CommandId = command, Sequence = sequence },
                    new FactList<ExchangeStageView>(_retracted));
                break;
            case ExchangeAgreed:
                break;
            case ExchangeCarriedOut e:
                Standing(_exchanges, e.Exchange.Value)?.Stages.Add(new ExchangeStageView { Stage = e.Stage, Counts = e.Counts, OccurredOn = e.OccurredOn, Source = e.Source, CommandId = command, Sequence = sequence });
                break;
            case UltimatumIssued e when !Stands(_ultimatums, e.Ultimatum.Value):
                _ultimatums[e.Ultimatum.Value] = new UltimatumBuilder(
                    new UltimatumView { Id = e.Ultimatum, Issuer = e.Issuer, Target = e.Target, IssuedDemand = e.Demand, IssuedDeadline = e.Deadline, IssuedConsequence = e.Consequence, IssuedOn = e.OccurredOn, Source = e.Source, CommandId = command, Sequence = sequence },
                    new FactList<UltimatumRevisionView>(_retracted));
                break;
            case UltimatumIssued:
                break;
            case UltimatumRevised e:
                Standing(_ultimatums, e.Ultimatum.Value)?.Revisions.Add(new UltimatumRevisionView { Deadline = e.Deadline, Demand = e.Demand, Consequence = e.Consequence, OccurredOn = e.OccurredOn, Source = e.Source, CommandId = command, Sequence = sequence });
                break;
            case UltimatumWithdrawn e:
                if (Standing(_ultimatums, e.Ultimatum.Value) is { } ultimatum && (ultimatum.Withdrawal is null || _retracted.Withdraws(ultimatum.Withdrawal)))
                {
                    ultimatum.Withdrawal = new UltimatumWithdrawalView { Reason = e.Reason, OccurredOn = e.OccurredOn, Source = e.Source, CommandId = command, Sequence = sequence };
                }

                break;
            case StatementMade e:
                _statements.Add(new StatementView { By = e.By, Kind = e.Kind, Summary = e.Summary, Tone = e.Tone, Agenda = e.Agenda, OccurredOn = e.OccurredOn, Source = e.Source, CommandId = command, Sequence = sequence });
                break;
            case FactRetracted e:
                _retracted.Add(e.Retracted.Value);
                _retractions.Add(new RetractionView { Retracted = e.Retracted.Value, Reason = e.Reason, OccurredOn = e.OccurredOn, Source = e.Source, CommandId = command, Sequence = sequence });
                break;
            default:
                throw new UndeclaredEventTypeException(typeof(NegotiationStateProjection), fact.GetType());
        }
    }

    public NegotiationState Build()
    {
        var rounds = _rounds.Values
            .Select(r => new RoundView { Id = r.Id, Steps = r.Steps.Build() })
            .Where(r => r.Steps.Count > 0)
            .ToArray();
        Array.Sort(rounds, (x, y) => RoundLifecycle.CompareRounds(x.Steps, y.Steps));
        return _start with
        {
            Version = _version,
            Opening = _opening is { } opening && !_retracted.Withdraws(opening) ? opening : null,
            Participants = _participants.Build(),
            Rounds = rounds,
            Proposals = InWorldOrder(_proposals.Values.Where(p => !_retracted.Withdraws(p.Head)).Select(p => p.Head with { Answers = p.Answers.Build() })),
            Exchanges = InWorldOrder(_exchanges.Values.Where(x => !_retracted.Withdraws(x.Head)).Select(x => x.Head with { Stages = x.Stages.Build() })),
            Ultimatums = InWorldOrder(_ultimatums.Values.Where(u => !_retracted.Withdraws(u.Head)).Select(u => u.Head with
            {
                Revisions = u.Revisions.Build(),
                Withdrawal = u.Withdrawal is { } w && !_retracted.Withdraws(w) ? w : null,
            })),
            Statements = _statements.Build(),
            Retractions = [.. _retractions],
        };
    }

    private void Step(RoundId id, RoundStep step)
    {
        if (!_rounds.TryGetValue(id.Value, out var round))
        {
            _rounds.Add(id.Value, round = new RoundBuilder(id, new FactList<RoundStep>(_retracted)));
        }

        round.Steps.Add(step);
    }

    private bool Stands<T>(Dictionary<string, T> entities, string id)
        where T : class, IHasHead => Standing(entities, id) is not null;

    private T? Standing<T>(Dictionary<string, T> entities, string id)
        where T : class, IHasHead =>
        entities.TryGetValue(id, out var entity) && !_retracted.Contains(entity.HeadCommandId) ? entity : null;

    private static T[] InWorldOrder<T>(IEnumerable<T> items)
        where T : IFact
    {
        var array = items.ToArray();
        Array.Sort(array, WorldOrder.Compare);
        return array;
    }

    private interface IHasHead
    {
        string? HeadCommandId { get; }
    }

    private sealed record RoundBuilder(RoundId Id, FactList<RoundStep> Steps);

    private sealed record ProposalBuilder(ProposalView Head, FactList<AnswerView> Answers) : IHasHead
    {
        public string? HeadCommandId => Head.CommandId;
    }

    private sealed record ExchangeBuilder(ExchangeView Head, FactList<ExchangeStageView> Stages) : IHasHead
    {
        public string? HeadCommandId => Head.CommandId;
    }

    private sealed record UltimatumBuilder(UltimatumView Head, FactList<UltimatumRevisionView> Revisions) : IHasHead
    {
        public string? HeadCommandId => Head.CommandId;

        public UltimatumWithdrawalView? Withdrawal { get; set; }
    }
}
