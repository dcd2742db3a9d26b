namespace Negotiations;

/// <summary>
/// The one evolve of <see cref="NegotiationState"/>, shared by the decider and the projection. Pure and
/// deterministic: the state is never changed in place.
/// </summary>
internal static class NegotiationStateFold
{
    /// <summary>Folds one event recorded at a stream version by a command.</summary>
    public static NegotiationState Fold(NegotiationState state, INegotiationEvent @event, string? commandId, int sequence)
    {
        state = state with
        {
            Version = sequence,
            // The events of one command stand together in a stream, so a command already counted is the last one.
            AppliedCommands = commandId is null || (state.AppliedCommands.Count > 0 && string.Equals(state.AppliedCommands[^1], commandId, StringComparison.Ordinal))
                ? state.AppliedCommands
                : [.. state.AppliedCommands, commandId],
        };

        return @event switch
        {
            NegotiationOpened e => state with
            {
                Opening = new TrackOpening(e.Title, e.OccurredOn, e.Source, commandId, sequence),
                Participants = WorldOrder.Sort(state.Participants.Concat(e.Participants.Select(p => new ParticipantView(p.Actor, p.Role, e.OccurredOn, e.Source, commandId, sequence))), p => p.Since, p => p.Sequence),
            },
            ParticipantJoined e => state with
            {
                Participants = WorldOrder.Add(state.Participants, new ParticipantView(e.Participant.Actor, e.Participant.Role, e.OccurredOn, e.Source, commandId, sequence), p => p.Since, p => p.Sequence),
            },
            RoundProposed e => WithStep(state, e.Round, new RoundStep
            {
                Status = RoundStatus.Proposed, OccurredOn = e.OccurredOn, Date = e.Window, By = e.ProposedBy, Agenda = e.Agenda, Source = e.Source, CommandId = commandId, Sequence = sequence,
            }),
            RoundScheduled e => WithStep(state, e.Round, new RoundStep
            {
                Status = RoundStatus.Scheduled, OccurredOn = e.OccurredOn, Date = e.Date, Venue = e.Venue, By = e.AnnouncedBy, ReportedBy = e.ReportedBy, Source = e.Source, CommandId = commandId, Sequence = sequence,
            }),
            RoundPostponed e => WithStep(state, e.Round, new RoundStep
            {
                Status = RoundStatus.Postponed, OccurredOn = e.OccurredOn, Date = e.NewDate, Reason = e.Reason, Source = e.Source, CommandId = commandId, Sequence = sequence,
            }),
            RoundCancelled e => WithStep(state, e.Round, new RoundStep
            {
                Status = RoundStatus.Cancelled, OccurredOn = e.OccurredOn, Reason = e.Reason, Source = e.Source, CommandId = commandId, Sequence = sequence,
            }),
            RoundHeld e => WithStep(state, e.Round, new RoundStep
            {
                Status = RoundStatus.Held, OccurredOn = e.OccurredOn, Date = e.OccurredOn, Venue = e.Venue, Delegations = e.Delegations, Agenda = e.Topics, Outcome = e.Outcome, Summary = e.Summary, Source = e.Source, CommandId = commandId, Sequence = sequence,
            }),
            ProposalMade e when state.FindProposal(e.Proposal) is null => state with
            {
                Proposals = WorldOrder.Add(state.Proposals, new ProposalView(e.Proposal, e.Kind, e.By, e.AddressedTo, e.Agenda, e.Terms, e.OccurredOn, e.Source, commandId, sequence, []), p => p.OccurredOn, p => p.Sequence),
            },
            ProposalAnswered e => state with
            {
                Proposals = Replace(state.Proposals, p => p.Id == e.Proposal, p => p with
                {
                    Answers = WorldOrder.Add(p.Answers, new AnswerView(e.By, e.Answer, e.Conditions, e.CounteredBy, e.OccurredOn, e.Source, commandId, sequence), a => a.OccurredOn, a => a.Sequence),
                }),
            },
            ExchangeAgreed e when state.FindExchange(e.Exchange) is null => state with
            {
                Exchanges = WorldOrder.Add(state.Exchanges, new ExchangeView(e.Exchange, e.Kind, e.Between, e.Counts, e.Terms, e.OccurredOn, e.Source, commandId, sequence, []), x => x.OccurredOn, x => x.Sequence),
            },
            ExchangeCarriedOut e => state with
            {
                Exchanges = Replace(state.Exchanges, x => x.Id == e.Exchange, x => x with
                {
                    Stages = WorldOrder.Add(x.Stages, new ExchangeStageView(e.Stage, e.Counts, e.OccurredOn, e.Source, commandId, sequence), s => s.OccurredOn, s => s.Sequence),
                }),
            },
            UltimatumIssued e when state.FindUltimatum(e.Ultimatum) is null => state with
            {
                Ultimatums = WorldOrder.Add(state.Ultimatums, new UltimatumView(e.Ultimatum, e.Issuer, e.Target, e.Demand, e.Deadline, e.Consequence, e.OccurredOn, e.Source, commandId, sequence, [], null), u => u.IssuedOn, u => u.Sequence),
            },
            UltimatumRevised e => state with
            {
                Ultimatums = Replace(state.Ultimatums, u => u.Id == e.Ultimatum, u => u with
                {
                    Revisions = WorldOrder.Add(u.Revisions, new UltimatumRevisionView(e.Deadline, e.Demand, e.Consequence, e.OccurredOn, e.Source, commandId, sequence), r => r.OccurredOn, r => r.Sequence),
                }),
            },
            UltimatumWithdrawn e => state with
            {
                Ultimatums = Replace(state.Ultimatums, u => u.Id == e.Ultimatum && u.Withdrawal is null, u => u with
                {
                    Withdrawal = new UltimatumWithdrawalView(e.Reason, e.OccurredOn, e.Source, commandId, sequence),
                }),
            },
            StatementMade e => state with
            {
                Statements = WorldOrder.Add(state.Statements, new StatementView(e.By, e.Kind, e.Summary, e.Tone, e.Agenda, e.OccurredOn, e.Source, commandId, sequence), s => s.OccurredOn, s => s.Sequence),
            },
            FactRetracted e => Retract(state, e.Retracted.Value) with
            {
                Retractions = [.. state.Retractions, new RetractionView(e.Retracted.Value, e.Reason, e.OccurredOn, e.Source, commandId, sequence)],
            },
            _ => state,
        };
    }

    /// <summary>Drops every fact a command recorded, and what those facts carried.</summary>
    private static NegotiationState Retract(NegotiationState state, string retracted)
    {
        bool Kept(string? commandId) => !string.Equals(commandId, retracted, StringComparison.Ordinal);

        return state with
        {
            Opening = state.Opening is { } opening && !Kept(opening.CommandId) ? null : state.Opening,
            Participants = [.. state.Participants.Where(p => Kept(p.CommandId))],
            Rounds = RoundsInWorldOrder(state.Rounds
                .Select(r => r with { Steps = [.. r.Steps.Where(s => Kept(s.CommandId))] })
                .Where(r => r.Steps.Count > 0)),
            Proposals = [.. state.Proposals
                .Where(p => Kept(p.CommandId))
                .Select(p => p with { Answers = [.. p.Answers.Where(a => Kept(a.CommandId))] })],
            Exchanges = [.. state.Exchanges
                .Where(x => Kept(x.CommandId))
                .Select(x => x with { Stages = [.. x.Stages.Where(s => Kept(s.CommandId))] })],
            Ultimatums = [.. state.Ultimatums
                .Where(u => Kept(u.CommandId))
                .Select(u => u with
                {
                    Revisions = [.. u.Revisions.Where(r => Kept(r.CommandId))],
                    Withdrawal = u.Withdrawal is { } withdrawal && !Kept(withdrawal.CommandId) ? null : u.Withdrawal,
                })],
            Statements = [.. state.Statements.Where(s => Kept(s.CommandId))],
        };
    }

    private static NegotiationState WithStep(NegotiationState state, RoundId id, RoundStep step)
    {
        var existing = state.FindRound(id);
        var round = existing is null
            ? new RoundView(id, [step])
            : existing with { Steps = WorldOrder.Add(existing.Steps, step, s => s.OccurredOn, s => s.Sequence) };
        return state with { Rounds = RoundsInWorldOrder(state.Rounds.Where(r => r.Id != id).Append(round)) };
    }

    /// <summary>Rounds by their date, or when they have none by their first fact; ties by the first fact's record order.</summary>
    private static IReadOnlyList<RoundView> RoundsInWorldOrder(IEnumerable<RoundView> rounds) =>
        [.. rounds.OrderBy(r => r.Date ?? r.Steps[0].OccurredOn).ThenBy(r => r.Steps.Min(s => s.Sequence))];


    private static IReadOnlyList<T> Replace<T>(IReadOnlyList<T> items, Func<T, bool> match, Func<T, T> change) =>
        [.. items.Select(item => match(item) ? change(item) : item)];
}
