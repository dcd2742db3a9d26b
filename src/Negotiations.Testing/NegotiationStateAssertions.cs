using FluentAssertions;
using FluentAssertions.Execution;
using FluentAssertions.Primitives;

namespace Negotiations.Testing;

/// <summary>FluentAssertions entry points for the negotiation model: <c>state.Should()</c>, <c>timeline.Should()</c>.</summary>
public static class NegotiationAssertionExtensions
{
    /// <summary>Starts assertions on a track's state.</summary>
    /// <param name="state">The state.</param>
    /// <returns>The assertions.</returns>
    public static NegotiationStateAssertions Should(this NegotiationState? state) => new(state);

    /// <summary>Starts assertions on a track's timeline.</summary>
    /// <param name="timeline">The timeline.</param>
    /// <returns>The assertions.</returns>
    public static TimelineAssertions Should(this Timeline? timeline) => new(timeline);
}

/// <summary>Assertions on a <see cref="NegotiationState"/> that speak the domain.</summary>
public sealed class NegotiationStateAssertions : ObjectAssertions<NegotiationState?, NegotiationStateAssertions>
{
    /// <summary>Creates the assertions.</summary>
    /// <param name="subject">The state.</param>
    public NegotiationStateAssertions(NegotiationState? subject)
        : base(subject)
    {
    }

    /// <inheritdoc />
    protected override string Identifier => "negotiation state";

    /// <summary>Asserts that a round was held on a day, at a venue when given.</summary>
    /// <param name="round">The round.</param>
    /// <param name="on">The day it was held.</param>
    /// <param name="venue">The venue, or null not to check it.</param>
    /// <param name="because">Why, for the failure message.</param>
    /// <param name="becauseArgs">Arguments of <paramref name="because"/>.</param>
    /// <returns>The assertions, to chain.</returns>
    public AndConstraint<NegotiationStateAssertions> HaveRoundHeld(RoundId round, DateOnly on, Venue? venue = null, string because = "", params object[] becauseArgs)
    {
        var found = FindRound(round, because, becauseArgs);
        if (found is null)
        {
            return new(this);
        }

        var where = found.Venue is { } v ? Describe(v) : "an unknown venue";
        Execute.Assertion
            .BecauseOf(because, becauseArgs)
            .ForCondition(found.Status == RoundStatus.Held)
            .FailWith("Expected round {0} of track {1} to have been held on {2}{reason}, but it is {3}.", round.Value, Subject!.Id, Day(on), Status(found))
            .Then
            .ForCondition(found.Date is { Precision: DatePrecision.Day } date && date.NotBefore == on)
            .FailWith("Expected round {0} of track {1} to have been held on {2}{reason}, but it was held on {3} in {4}.", round.Value, Subject.Id, Day(on), found.Date?.ToString(), where)
            .Then
            .ForCondition(venue is null || found.Venue == venue)
            .FailWith("Expected round {0} of track {1} to have been held in {2}{reason}, but it was held in {3}.", round.Value, Subject.Id, venue is null ? string.Empty : Describe(venue), where);
        return new(this);
    }

    /// <summary>Asserts that a round is scheduled (set and not yet held, postponed or cancelled) for a day, at a venue when given.</summary>
    /// <param name="round">The round.</param>
    /// <param name="on">The day it is set for.</param>
    /// <param name="venue">The venue, or null not to check it.</param>
    /// <param name="because">Why, for the failure message.</param>
    /// <param name="becauseArgs">Arguments of <paramref name="because"/>.</param>
    /// <returns>The assertions, to chain.</returns>
    public AndConstraint<NegotiationStateAssertions> HaveRoundScheduled(RoundId round, DateOnly on, Venue? venue = null, string because = "", params object[] becauseArgs)
    {
        var found = FindRound(round, because, becauseArgs);
        if (found is null)
        {
            return new(this);
        }

        Execute.Assertion
            .BecauseOf(because, becauseArgs)
            .ForCondition(found.Status == RoundStatus.Scheduled)
            .FailWith("Expected round {0} of track {1} to be scheduled for {2}{reason}, but it is {3}.", round.Value, Subject!.Id, Day(on), Status(found))
            .Then
            .ForCondition(found.Date is { Precision: DatePrecision.Day } date && date.NotBefore == on)
            .FailWith("Expected round {0} of track {1} to be scheduled for {2}{reason}, but it is scheduled for {3}.", round.Value, Subject.Id, Day(on), found.Date?.ToString())
            .Then
            .ForCondition(venue is null || found.Venue == venue)
            .FailWith("Expected round {0} of track {1} to be scheduled in {2}{reason}, but it is scheduled in {3}.", round.Value, Subject.Id, venue is null ? string.Empty : Describe(venue), found.Venue is { } v ? Describe(v) : "an unknown venue");
        return new(this);
    }

    /// <summary>Asserts that a proposal was answered, by a side when given.</summary>
    /// <param name="proposal">The proposal.</param>
    /// <param name="answer">The expected answer.</param>
    /// <param name="by">The side that answered, or null for any side.</param>
    /// <param name="because">Why, for the failure message.</param>
    /// <param name="becauseArgs">Arguments of <paramref name="because"/>.</param>
    /// <returns>The assertions, to chain.</returns>
    public AndConstraint<NegotiationStateAssertions> HaveProposalAnswered(ProposalId proposal, AnswerKind answer, Affiliation? by = null, string because = "", params object[] becauseArgs)
    {
        if (!HaveSubject(because, becauseArgs))
        {
            return new(this);
        }

        var found = Subject!.FindProposal(proposal);
        var answers = found is null ? "none" : found.Answers.Count == 0 ? "no answer yet" : string.Join(", ", found.Answers.Select(a => $"{Snake(a.Answer)} by {a.By.Affiliation}"));
        Execute.Assertion
            .BecauseOf(because, becauseArgs)
            .ForCondition(found is not null)
            .FailWith("Expected track {0} to have proposal {1}{reason}, but it has {2}.", Subject.Id, proposal.Value, List(Subject.Proposals.Select(p => p.Id.Value)))
            .Then
            .ForCondition(found is not null && found.Answers.Any(a => a.Answer == answer && (by is null || a.By.Affiliation == by)))
            .FailWith("Expected proposal {0} of track {1} to have been {2}{reason}, but its answers are: {3}.", proposal.Value, Subject.Id, by is { } side ? $"{Snake(answer)} by {side}" : Snake(answer), answers);
        return new(this);
    }

    /// <summary>
    /// Asserts that an ultimatum is active on a day (the state's as-of day when not given), with a deadline window
    /// when given.
    /// </summary>
    /// <param name="ultimatum">The ultimatum.</param>
    /// <param name="deadline">The expected deadline in force, or null not to check it.</param>
    /// <param name="on">The day asked about; the state's as-of day when null (then one of the two is needed).</param>
    /// <param name="because">Why, for the failure message.</param>
    /// <param name="becauseArgs">Arguments of <paramref name="because"/>.</param>
    /// <returns>The assertions, to chain.</returns>
    public AndConstraint<NegotiationStateAssertions> HaveActiveUltimatum(UltimatumId ultimatum, WorldDate? deadline = null, DateOnly? on = null, string because = "", params object[] becauseArgs)
    {
        if (!HaveSubject(because, becauseArgs))
        {
            return new(this);
        }

        var asOf = on ?? Subject!.AsOf;
        if (!Execute.Assertion
                .BecauseOf(because, becauseArgs)
                .ForCondition(asOf is not null)
                .FailWith("Expected ultimatum {0} of track {1} to be active{reason}, but the state is not as of a day: pass the day (on:) or build the state as of one.", ultimatum.Value, Subject!.Id))
        {
            return new(this);
        }

        var day = asOf!.Value;
        var found = Subject!.FindUltimatum(ultimatum);
        Execute.Assertion
            .BecauseOf(because, becauseArgs)
            .ForCondition(found is not null)
            .FailWith("Expected track {0} to have ultimatum {1}{reason}, but it has {2}.", Subject.Id, ultimatum.Value, List(Subject.Ultimatums.Select(u => u.Id.Value)))
            .Then
            .ForCondition(found is not null && found.StatusOn(day) == UltimatumStatus.Active)
            .FailWith("Expected ultimatum {0} of track {1} to be active on {2}{reason}, but it is {3} (deadline {4}).", ultimatum.Value, Subject.Id, Day(day), found is null ? null : Snake(found.StatusOn(day)), found?.DeadlineOn(day).ToString())
            .Then
            .ForCondition(found is not null && (deadline is null || found.DeadlineOn(day) == deadline))
            .FailWith("Expected ultimatum {0} of track {1} to have the deadline {2} on {3}{reason}, but its deadline is {4}.", ultimatum.Value, Subject.Id, deadline?.ToString(), Day(day), found?.DeadlineOn(day).ToString());
        return new(this);
    }

    private RoundView? FindRound(RoundId round, string because, object[] becauseArgs)
    {
        if (!HaveSubject(because, becauseArgs))
        {
            return null;
        }

        var found = Subject!.FindRound(round);
        Execute.Assertion
            .BecauseOf(because, becauseArgs)
            .ForCondition(found is not null)
            .FailWith("Expected track {0} to have round {1}{reason}, but its rounds are: {2}.", Subject.Id, round.Value, List(Subject.Rounds.Select(r => $"{r.Id} ({Status(r)})")));
        return found;
    }

    private bool HaveSubject(string because, object[] becauseArgs) =>
        Execute.Assertion
            .BecauseOf(because, becauseArgs)
            .ForCondition(Subject is not null)
            .FailWith("Expected a negotiation state{reason}, but found <null>.");

    private static string Status(RoundView round) => round.Date is { } date ? $"{Snake(round.Status)} ({date})" : Snake(round.Status);

    internal static string Describe(Venue venue) => venue.City is { } city ? $"{city}, {venue.Country}" : venue.Country.Code;

    internal static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    internal static string List(IEnumerable<string> items)
    {
        var all = items.ToArray();
        return all.Length == 0 ? "none" : string.Join(", ", all);
    }

    internal static string Snake<TEnum>(TEnum value)
        where TEnum : struct, Enum => System.Text.Json.JsonNamingPolicy.SnakeCaseLower.ConvertName(value.ToString());
}
