using Negotiations.EventSourcing;

namespace Negotiations.Benchmarks;

/// <summary>
/// The baselines of the fold benchmarks: the same states as the library's folds, written by hand with mutable
/// collections changed in place (no immutability, no sharing, no builders), as a careful programmer would write one
/// fold for one purpose. They keep what the library's states keep, retractions included, so both folds do the same
/// work; <see cref="Summary"/> lets a check compare them.
/// </summary>
public static class HandWrittenFolds
{
    /// <summary>What both kinds of fold must agree on: counts of everything they keep.</summary>
    public sealed record Summary(int Participants, int Rounds, int RoundFacts, int Proposals, int Answers, int Exchanges, int Stages, int Ultimatums, int Statements, int Retractions);

    public static Summary Of(NegotiationDecisionState state) => new(
        state.Participants.Count,
        state.Rounds.Count,
        state.Rounds.Values.Sum(r => r.Steps.Count),
        state.Proposals.Count,
        state.Proposals.Values.Sum(p => p.Answers.Count),
        state.Exchanges.Count,
        state.Exchanges.Values.Sum(x => x.Stages.Count),
        state.Ultimatums.Count,
        0,
        state.Retracted.Count);

    public static Summary Of(NegotiationState state) => new(
        state.Participants.Count,
        state.Rounds.Count,
        state.Rounds.Sum(r => r.Steps.Count),
        state.Proposals.Count,
        state.Proposals.Sum(p => p.Answers.Count),
        state.Exchanges.Count,
        state.Exchanges.Sum(x => x.Stages.Count),
        state.Ultimatums.Count,
        state.Statements.Count,
        state.Retractions.Count);

    /// <summary>The decision state, by hand: dictionaries and lists changed in place.</summary>
    public sealed class DecisionState
    {
        private readonly Dictionary<string, Affiliation> _actors = new(StringComparer.Ordinal);
        private readonly Dictionary<string, (Affiliation Side, string? Command)> _participants = new(StringComparer.Ordinal);
        private readonly Dictionary<string, int> _sides = new(StringComparer.Ordinal);
        private readonly Dictionary<string, List<(RoundStatus Status, WorldDate OccurredOn, long Sequence, string? Command)>> _rounds = new(StringComparer.Ordinal);
        private readonly Dictionary<string, (Affiliation Side, IReadOnlyList<Affiliation> AddressedTo, List<(Affiliation Side, string? Command)> Answers, string? Command)> _proposals = new(StringComparer.Ordinal);
        private readonly Dictionary<string, (IReadOnlyList<SideCount> Counts, List<(int Stage, IReadOnlyList<SideCount> Counts, string? Command)> Stages, string? Command)> _exchanges = new(StringComparer.Ordinal);
        private readonly Dictionary<string, (WorldDate Deadline, List<(WorldDate Deadline, string? Command)> Revisions, string? WithdrawnBy, string? Command)> _ultimatums = new(StringComparer.Ordinal);
        private readonly Dictionary<string, string> _retracted = new(StringComparer.Ordinal);
        private readonly Dictionary<string, List<(int Kind, string Key)>> _facts = new(StringComparer.Ordinal);
        private long _version;

        public Summary Summarize() => new(
            _participants.Count, _rounds.Count, _rounds.Values.Sum(r => r.Count), _proposals.Count, _proposals.Values.Sum(p => p.Answers.Count),
            _exchanges.Count, _exchanges.Values.Sum(x => x.Stages.Count), _ultimatums.Count, 0, _retracted.Count);

        public void Apply(RecordedEvent recorded)
        {
            _version = recorded.Version;
            var command = recorded.Metadata.CommandId;
            switch (recorded.Data)
            {
                case NegotiationOpened e:
                    foreach (var p in e.Participants)
                    {
                        Join(p.Actor, command, index: false);
                    }

                    break;
                case ParticipantJoined e:
                    Join(e.Participant.Actor, command, index: true);
                    break;
                case RoundProposed e:
                    Step(e.Round.Value, RoundStatus.Proposed, e.OccurredOn, command);
                    See(e.ProposedBy);
                    break;
                case RoundScheduled e:
                    Step(e.Round.Value, RoundStatus.Scheduled, e.OccurredOn, command);
                    See(e.AnnouncedBy);
                    See(e.ReportedBy);
                    break;
                case RoundPostponed e:
                    Step(e.Round.Value, RoundStatus.Postponed, e.OccurredOn, command);
                    break;
                case RoundCancelled e:
                    Step(e.Round.Value, RoundStatus.Cancelled, e.OccurredOn, command);
                    break;
                case RoundHeld e:
                    Step(e.Round.Value, RoundStatus.Held, e.OccurredOn, command);
                    foreach (var d in e.Delegations)
                    {
                        See(d.Head);
                    }

                    break;
                case ProposalMade e:
                    See(e.By);
                    if (_proposals.TryAdd(e.Proposal.Value, (e.By.Affiliation, e.AddressedTo, [], command)))
                    {
                        Index(command, 2, e.Proposal.Value);
                    }

                    break;
                case ProposalAnswered e:
                    See(e.By);
                    if (_proposals.TryGetValue(e.Proposal.Value, out var proposal))
                    {
                        proposal.Answers.Add((e.By.Affiliation, command));
                        Index(command, 3, e.Proposal.Value);
                    }

                    break;
                case ExchangeAgreed e:
                    if (_exchanges.TryAdd(e.Exchange.Value, (e.Counts, [], command)))
                    {
                        Index(command, 4, e.Exchange.Value);
                    }

                    break;
                case ExchangeCarriedOut e:
                    if (_exchanges.TryGetValue(e.Exchange.Value, out var exchange))
                    {
                        exchange.Stages.Add((e.Stage, e.Counts, command));
                        Index(command, 5, e.Exchange.Value);
                    }

                    break;
                case UltimatumIssued e:
                    See(e.Issuer);
                    if (_ultimatums.TryAdd(e.Ultimatum.Value, (e.Deadline, [], null, command)))
                    {
                        Index(command, 6, e.Ultimatum.Value);
                    }

                    break;
                case UltimatumRevised e:
                    if (_ultimatums.TryGetValue(e.Ultimatum.Value, out var revised))
                    {
                        revised.Revisions.Add((e.Deadline, command));
                        Index(command, 7, e.Ultimatum.Value);
                    }

                    break;
                case UltimatumWithdrawn e:
                    if (_ultimatums.TryGetValue(e.Ultimatum.Value, out var withdrawn) && withdrawn.WithdrawnBy is null)
                    {
                        _ultimatums[e.Ultimatum.Value] = withdrawn with { WithdrawnBy = command ?? string.Empty };
                        Index(command, 8, e.Ultimatum.Value);
                    }

                    break;
                case StatementMade e:
                    See(e.By);
                    break;
                case FactRetracted e:
                    Retract(e.Retracted.Value, command ?? string.Empty);
                    break;
            }
        }

        private void See(Actor? actor)
        {
            if (actor is not null)
            {
                _actors.TryAdd(actor.Code.Value, actor.Affiliation);
            }
        }

        private void Join(Actor actor, string? command, bool index)
        {
            See(actor);
            if (_participants.TryAdd(actor.Code.Value, (actor.Affiliation, command)))
            {
                _sides[actor.Affiliation.Code] = _sides.GetValueOrDefault(actor.Affiliation.Code) + 1;
                if (index)
                {
                    Index(command, 0, actor.Code.Value);
                }
            }
        }

        private void Step(string round, RoundStatus status, WorldDate occurredOn, string? command)
        {
            if (!_rounds.TryGetValue(round, out var steps))
            {
                _rounds.Add(round, steps = []);
            }

            var at = steps.Count;
            while (at > 0 && (steps[at - 1].OccurredOn.CompareTo(occurredOn) > 0))
            {
                at--;
            }

            steps.Insert(at, (status, occurredOn, _version, command));
            Index(command, 1, round);
        }

        private void Index(string? command, int kind, string key)
        {
            if (command is null)
            {
                return;
            }

            if (!_facts.TryGetValue(command, out var facts))
            {
                _facts.Add(command, facts = []);
            }

            facts.Add((kind, key));
        }

        private void Retract(string retracted, string by)
        {
            _retracted[retracted] = by;
            if (!_facts.Remove(retracted, out var facts))
            {
                return;
            }

            foreach (var (kind, key) in facts)
            {
                switch (kind)
                {
                    case 0 when _participants.Remove(key, out var p):
                        _sides[p.Side.Code]--;
                        break;
                    case 1 when _rounds.TryGetValue(key, out var steps):
                        steps.RemoveAll(s => s.Command == retracted);
                        break;
                    case 2:
                        _proposals.Remove(key);
                        break;
                    case 3 when _proposals.TryGetValue(key, out var proposal):
                        proposal.Answers.RemoveAll(a => a.Command == retracted);
                        break;
                    case 4:
                        _exchanges.Remove(key);
                        break;
                    case 5 when _exchanges.TryGetValue(key, out var exchange):
                        exchange.Stages.RemoveAll(s => s.Command == retracted);
                        break;
                    case 6:
                        _ultimatums.Remove(key);
                        break;
                    case 7 when _ultimatums.TryGetValue(key, out var ultimatum):
                        ultimatum.Revisions.RemoveAll(r => r.Command == retracted);
                        break;
                }
            }
        }
    }

    /// <summary>The picture of a track, by hand: lists of mutable facts, appended as they come and sorted once at the end.</summary>
    public sealed class StateFold
    {
        private readonly List<(Actor Actor, WorldDate Since, long Sequence, string? Command)> _participants = [];
        private readonly Dictionary<string, List<RoundFact>> _rounds = new(StringComparer.Ordinal);
        private readonly Dictionary<string, ProposalFact> _proposals = new(StringComparer.Ordinal);
        private readonly Dictionary<string, ExchangeFact> _exchanges = new(StringComparer.Ordinal);
        private readonly Dictionary<string, UltimatumFact> _ultimatums = new(StringComparer.Ordinal);
        private readonly List<StatementFact> _statements = [];
        private readonly List<string> _retractions = [];
        private readonly HashSet<string> _retracted = new(StringComparer.Ordinal);

        public Summary Summarize()
        {
            bool Kept(string? command) => command is null || !_retracted.Contains(command);
            var rounds = _rounds.Values.Select(r => r.Where(s => Kept(s.Command)).ToList()).Where(r => r.Count > 0).ToList();
            var proposals = _proposals.Values.Where(p => Kept(p.Command)).ToList();
            var exchanges = _exchanges.Values.Where(x => Kept(x.Command)).ToList();
            return new(
                _participants.Count(p => Kept(p.Command)), rounds.Count, rounds.Sum(r => r.Count), proposals.Count, proposals.Sum(p => p.Answers.Count(a => Kept(a.Command))),
                exchanges.Count, exchanges.Sum(x => x.Stages.Count(s => Kept(s.Command))), _ultimatums.Values.Count(u => Kept(u.Command)),
                _statements.Count(s => Kept(s.Command)), _retractions.Count);
        }

        public void Apply(RecordedEvent recorded)
        {
            var command = recorded.Metadata.CommandId;
            var sequence = recorded.Version;
            switch (recorded.Data)
            {
                case NegotiationOpened e:
                    foreach (var p in e.Participants)
                    {
                        _participants.Add((p.Actor, e.OccurredOn, sequence, command));
                    }

                    break;
                case ParticipantJoined e:
                    _participants.Add((e.Participant.Actor, e.OccurredOn, sequence, command));
                    break;
                case RoundProposed e:
                    Round(e.Round.Value).Add(new RoundFact(RoundStatus.Proposed, e.OccurredOn, e.Window, null, e.ProposedBy, e.Agenda, e.Source, sequence, command));
                    break;
                case RoundScheduled e:
                    Round(e.Round.Value).Add(new RoundFact(RoundStatus.Scheduled, e.OccurredOn, e.Date, e.Venue, e.AnnouncedBy, [], e.Source, sequence, command));
                    break;
                case RoundPostponed e:
                    Round(e.Round.Value).Add(new RoundFact(RoundStatus.Postponed, e.OccurredOn, e.NewDate, null, null, [], e.Source, sequence, command));
                    break;
                case RoundCancelled e:
                    Round(e.Round.Value).Add(new RoundFact(RoundStatus.Cancelled, e.OccurredOn, null, null, null, [], e.Source, sequence, command));
                    break;
                case RoundHeld e:
                    Round(e.Round.Value).Add(new RoundFact(RoundStatus.Held, e.OccurredOn, e.OccurredOn, e.Venue, null, e.Topics, e.Source, sequence, command) { Delegations = e.Delegations, Summary = e.Summary });
                    break;
                case ProposalMade e:
                    _proposals.TryAdd(e.Proposal.Value, new ProposalFact(e, sequence, command));
                    break;
                case ProposalAnswered e:
                    if (_proposals.TryGetValue(e.Proposal.Value, out var proposal))
                    {
                        proposal.Answers.Add((e, sequence, command));
                    }

                    break;
                case ExchangeAgreed e:
                    _exchanges.TryAdd(e.Exchange.Value, new ExchangeFact(e, sequence, command));
                    break;
                case ExchangeCarriedOut e:
                    if (_exchanges.TryGetValue(e.Exchange.Value, out var exchange))
                    {
                        exchange.Stages.Add((e, sequence, command));
                    }

                    break;
                case UltimatumIssued e:
                    _ultimatums.TryAdd(e.Ultimatum.Value, new UltimatumFact(e, sequence, command));
                    break;
                case UltimatumRevised e:
                    if (_ultimatums.TryGetValue(e.Ultimatum.Value, out var revised))
                    {
                        revised.Revisions.Add((e, sequence, command));
                    }

                    break;
                case UltimatumWithdrawn e:
                    if (_ultimatums.TryGetValue(e.Ultimatum.Value, out var withdrawn))
                    {
                        withdrawn.Withdrawal ??= (e, sequence, command);
                    }

                    break;
                case StatementMade e:
                    _statements.Add(new StatementFact(e, sequence, command));
                    break;
                case FactRetracted e:
                    _retracted.Add(e.Retracted.Value);
                    _retractions.Add(e.Retracted.Value);
                    break;
            }
        }

        /// <summary>Puts every list in world order, once.</summary>
        public void Finish()
        {
            foreach (var round in _rounds.Values)
            {
                round.Sort((x, y) => Compare(x.OccurredOn, x.Sequence, y.OccurredOn, y.Sequence));
            }

            _statements.Sort((x, y) => Compare(x.Event.OccurredOn, x.Sequence, y.Event.OccurredOn, y.Sequence));
            _participants.Sort((x, y) => Compare(x.Since, x.Sequence, y.Since, y.Sequence));
            ProposalsInOrder = [.. _proposals.Values];
            ProposalsInOrder.Sort((x, y) => Compare(x.Made.OccurredOn, x.Sequence, y.Made.OccurredOn, y.Sequence));
            foreach (var proposal in ProposalsInOrder)
            {
                proposal.Answers.Sort((x, y) => Compare(x.Answer.OccurredOn, x.Sequence, y.Answer.OccurredOn, y.Sequence));
            }
        }

        /// <summary>The proposals in world order, after <see cref="Finish"/>.</summary>
        private List<ProposalFact> ProposalsInOrder { get; set; } = [];

        private static int Compare(WorldDate x, long xs, WorldDate y, long ys)
        {
            var byDate = x.CompareTo(y);
            return byDate != 0 ? byDate : xs.CompareTo(ys);
        }

        private List<RoundFact> Round(string id)
        {
            if (!_rounds.TryGetValue(id, out var steps))
            {
                _rounds.Add(id, steps = []);
            }

            return steps;
        }

        private sealed record RoundFact(RoundStatus Status, WorldDate OccurredOn, WorldDate? Date, Venue? Venue, Actor? By, IReadOnlyList<string> Agenda, Source? Source, long Sequence, string? Command)
        {
            public IReadOnlyList<Delegation> Delegations { get; init; } = [];

            public string? Summary { get; init; }
        }

        private sealed class ProposalFact(ProposalMade made, long sequence, string? command)
        {
            public ProposalMade Made { get; } = made;

            public long Sequence { get; } = sequence;

            public string? Command { get; } = command;

            public List<(ProposalAnswered Answer, long Sequence, string? Command)> Answers { get; } = [];
        }

        private sealed class ExchangeFact(ExchangeAgreed agreed, long sequence, string? command)
        {
            public ExchangeAgreed Agreed { get; } = agreed;

            public long Sequence { get; } = sequence;

            public string? Command { get; } = command;

            public List<(ExchangeCarriedOut Stage, long Sequence, string? Command)> Stages { get; } = [];
        }

        private sealed class UltimatumFact(UltimatumIssued issued, long sequence, string? command)
        {
            public UltimatumIssued Issued { get; } = issued;

            public long Sequence { get; } = sequence;

            public string? Command { get; } = command;

            public List<(UltimatumRevised Revision, long Sequence, string? Command)> Revisions { get; } = [];

            public (UltimatumWithdrawn Withdrawal, long Sequence, string? Command)? Withdrawal { get; set; }
        }

        private sealed record StatementFact(StatementMade Event, long Sequence, string? Command);
    }
}
