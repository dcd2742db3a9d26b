using Negotiations.Serialization;

namespace Negotiations.Charts;

internal enum MarkShape
{
    Dot,
    Star,
    DashedCircle,
    HollowCircle,
    FilledCircle,
    Arrow,
    Cross,
    TriangleUp,
    TriangleDown,
    Square,
    HalfSquare,
    Bar,
    Diamond,
    HollowDiamond,
}

/// <summary>One fact drawn on the chart: its lane, shape, date (a window), an optional deadline, a label and a description.</summary>
internal sealed record ChartMark(int Lane, string Kind, MarkShape Shape, long Sequence, WorldDate When, string Label, string Description)
{
    /// <summary>The deadline an ultimatum (or its revision) runs until.</summary>
    public WorldDate? Until { get; init; }
}

/// <summary>The marks of one track's state: one per fact; the participants named at the opening belong to its mark.</summary>
internal static class ChartMarks
{
    private const int TrackLane = 0;
    private const int RoundLane = 1;
    private const int ProposalLane = 2;
    private const int ExchangeLane = 3;
    private const int UltimatumLane = 4;
    private const int StatementLane = 5;

    public static IReadOnlyList<ChartMark> Of(NegotiationState state)
    {
        var marks = new List<ChartMark>();
        if (state.Opening is { } opening)
        {
            marks.Add(new(TrackLane, "opened", MarkShape.Star, opening.Sequence, opening.OccurredOn, "opened", $"{opening.OccurredOn}: \"{opening.Title}\" opened"));
        }

        foreach (var joined in state.Participants.Where(p => p.Sequence != state.Opening?.Sequence))
        {
            marks.Add(new(TrackLane, "joined", MarkShape.Star, joined.Sequence, joined.Since, $"{joined.Actor.Name} joined", $"{joined.Since}: {joined.Actor.Name} ({joined.Actor.Affiliation}) joined as {EnumNames.Of(joined.Role)}"));
        }

        foreach (var round in state.Rounds)
        {
            foreach (var step in round.Steps)
            {
                var (shape, verb) = step.Status switch
                {
                    RoundStatus.Proposed => (MarkShape.DashedCircle, "proposed"),
                    RoundStatus.Scheduled => (MarkShape.HollowCircle, "scheduled"),
                    RoundStatus.Postponed => (MarkShape.Arrow, "postponed"),
                    RoundStatus.Held => (MarkShape.FilledCircle, "held"),
                    _ => (MarkShape.Cross, "called off"),
                };

                // A round scheduled or proposed for a date is drawn on that date; the others on the day it happened.
                var when = step.Status is RoundStatus.Scheduled or RoundStatus.Proposed && step.Date is { } date ? date : step.OccurredOn;
                var where = step.Venue is { } venue ? $" in {(venue.City is null ? venue.Country.Code : $"{venue.City}, {venue.Country}")}" : string.Empty;
                marks.Add(new(RoundLane, $"round-{verb.Replace(' ', '-')}", shape, step.Sequence, when, $"{round.Id} {verb}",
                    $"{when}: round {round.Id} {verb}{where}{(step.Outcome is { } outcome ? $" ({EnumNames.Of(outcome)})" : string.Empty)}{(step.Reason is null ? string.Empty : $": {step.Reason}")}"));
            }
        }

        foreach (var proposal in state.Proposals)
        {
            var kind = proposal.Kind.ToString().ToLowerInvariant();
            marks.Add(new(ProposalLane, kind, MarkShape.TriangleUp, proposal.Sequence, proposal.OccurredOn, $"{kind} {proposal.Id}",
                $"{proposal.OccurredOn}: {proposal.By.Name} ({proposal.By.Affiliation}) made the {kind} {proposal.Id}: {proposal.Terms}"));
            foreach (var answer in proposal.Answers)
            {
                var shape = answer.Answer switch
                {
                    AnswerKind.Accepted => MarkShape.Square,
                    AnswerKind.AcceptedWithConditions => MarkShape.HalfSquare,
                    AnswerKind.Rejected => MarkShape.Cross,
                    _ => MarkShape.TriangleDown,
                };
                var verb = EnumNames.Of(answer.Answer);
                marks.Add(new(ProposalLane, $"answer-{verb}", shape, answer.Sequence, answer.OccurredOn, $"{answer.By.Affiliation} {verb.Replace('_', ' ')}",
                    $"{answer.OccurredOn}: {answer.By.Name} ({answer.By.Affiliation}) answered the {kind} {proposal.Id}: {verb}{(answer.Conditions is null ? string.Empty : $" ({answer.Conditions})")}{(answer.CounteredBy is { } counter ? $" with {counter}" : string.Empty)}"));
            }
        }

        foreach (var exchange in state.Exchanges)
        {
            var kind = exchange.Kind.ToString().ToLowerInvariant();
            marks.Add(new(ExchangeLane, "exchange-agreed", MarkShape.Square, exchange.Sequence, exchange.OccurredOn, $"{exchange.Id} agreed",
                $"{exchange.OccurredOn}: exchange {exchange.Id} of {kind} agreed between {string.Join(" and ", exchange.Between)}{Counts(exchange.Counts)}"));
            foreach (var stage in exchange.Stages)
            {
                marks.Add(new(ExchangeLane, "exchange-stage", MarkShape.Bar, stage.Sequence, stage.OccurredOn, $"stage {stage.Stage}",
                    $"{stage.OccurredOn}: stage {stage.Stage} of exchange {exchange.Id} carried out{Counts(stage.Counts)}"));
            }
        }

        foreach (var ultimatum in state.Ultimatums)
        {
            marks.Add(new(UltimatumLane, "ultimatum-issued", MarkShape.Diamond, ultimatum.Sequence, ultimatum.IssuedOn, $"{ultimatum.Issuer.Affiliation} to {ultimatum.Target}",
                $"{ultimatum.IssuedOn}: {ultimatum.Issuer.Name} ({ultimatum.Issuer.Affiliation}) gave {ultimatum.Target} until {ultimatum.IssuedDeadline}: {ultimatum.IssuedDemand}, or {ultimatum.IssuedConsequence}")
            { Until = ultimatum.IssuedDeadline });
            foreach (var revision in ultimatum.Revisions)
            {
                marks.Add(new(UltimatumLane, "ultimatum-revised", MarkShape.HollowDiamond, revision.Sequence, revision.OccurredOn, "revised",
                    $"{revision.OccurredOn}: ultimatum {ultimatum.Id} revised: deadline {revision.Deadline}{(revision.Demand is null ? string.Empty : $", demand: {revision.Demand}")}{(revision.Consequence is null ? string.Empty : $", consequence: {revision.Consequence}")}")
                { Until = revision.Deadline });
            }

            if (ultimatum.Withdrawal is { } withdrawal)
            {
                marks.Add(new(UltimatumLane, "ultimatum-withdrawn", MarkShape.Cross, withdrawal.Sequence, withdrawal.OccurredOn, "withdrawn",
                    $"{withdrawal.OccurredOn}: ultimatum {ultimatum.Id} withdrawn{(withdrawal.Reason is null ? string.Empty : $": {withdrawal.Reason}")}"));
            }
        }

        foreach (var statement in state.Statements)
        {
            marks.Add(new(StatementLane, "statement", MarkShape.Dot, statement.Sequence, statement.OccurredOn, statement.By.Name,
                $"{statement.OccurredOn}: {statement.By.Name} ({statement.By.Affiliation}), {EnumNames.Of(statement.Kind)}: {statement.Summary}"));
        }

        return [.. marks.OrderBy(m => m.When.NotAfter ?? m.When.NotBefore ?? DateOnly.MinValue).ThenBy(m => m.Sequence)];
    }

    private static string Counts(IReadOnlyList<SideCount> counts) =>
        counts.Count == 0 ? string.Empty : $" ({string.Join(", ", counts.Select(c => $"{c.Side} {c.Count}"))})";
}
