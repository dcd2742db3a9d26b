using FluentAssertions;
using FluentAssertions.Collections;
using FluentAssertions.Execution;
using Negotiations.EventSourcing;

namespace Negotiations.Testing;

/// <summary>
/// Domain assertions on lists of events: <c>events.Should().ContainRoundHeld(...)</c> on a list of
/// <see cref="INegotiationEvent"/>, <see cref="RecordedEvent"/> or <see cref="CommittedEvent"/>.
/// </summary>
public static class NegotiationEventAssertions
{
    /// <summary>Asserts that the events record a round held on a day, at a venue when given.</summary>
    /// <param name="assertions">The collection assertions.</param>
    /// <param name="round">The round.</param>
    /// <param name="on">The day.</param>
    /// <param name="venue">The venue, or null not to check it.</param>
    /// <param name="because">Why, for the failure message.</param>
    /// <param name="becauseArgs">Arguments of <paramref name="because"/>.</param>
    /// <returns>The assertions, to chain.</returns>
    public static AndConstraint<GenericCollectionAssertions<INegotiationEvent>> ContainRoundHeld(this GenericCollectionAssertions<INegotiationEvent> assertions, RoundId round, DateOnly on, Venue? venue = null, string because = "", params object[] becauseArgs)
    {
        ArgumentNullException.ThrowIfNull(assertions);
        RoundHeld(assertions.Subject ?? [], round, on, venue, because, becauseArgs);
        return new(assertions);
    }

    /// <inheritdoc cref="ContainRoundHeld(GenericCollectionAssertions{INegotiationEvent}, RoundId, DateOnly, Venue?, string, object[])"/>
    public static AndConstraint<GenericCollectionAssertions<RecordedEvent>> ContainRoundHeld(this GenericCollectionAssertions<RecordedEvent> assertions, RoundId round, DateOnly on, Venue? venue = null, string because = "", params object[] becauseArgs)
    {
        ArgumentNullException.ThrowIfNull(assertions);
        RoundHeld(Facts(assertions.Subject?.Select(e => e.Data)), round, on, venue, because, becauseArgs);
        return new(assertions);
    }

    /// <inheritdoc cref="ContainRoundHeld(GenericCollectionAssertions{INegotiationEvent}, RoundId, DateOnly, Venue?, string, object[])"/>
    public static AndConstraint<GenericCollectionAssertions<CommittedEvent>> ContainRoundHeld(this GenericCollectionAssertions<CommittedEvent> assertions, RoundId round, DateOnly on, Venue? venue = null, string because = "", params object[] becauseArgs)
    {
        ArgumentNullException.ThrowIfNull(assertions);
        RoundHeld(Facts(assertions.Subject?.Select(e => e.Data)), round, on, venue, because, becauseArgs);
        return new(assertions);
    }

    /// <summary>Asserts that the events record an answer to a proposal.</summary>
    /// <param name="assertions">The collection assertions.</param>
    /// <param name="proposal">The proposal.</param>
    /// <param name="answer">The answer.</param>
    /// <param name="because">Why, for the failure message.</param>
    /// <param name="becauseArgs">Arguments of <paramref name="because"/>.</param>
    /// <returns>The assertions, to chain.</returns>
    public static AndConstraint<GenericCollectionAssertions<INegotiationEvent>> ContainAnswer(this GenericCollectionAssertions<INegotiationEvent> assertions, ProposalId proposal, AnswerKind answer, string because = "", params object[] becauseArgs)
    {
        ArgumentNullException.ThrowIfNull(assertions);
        var answers = (assertions.Subject ?? []).OfType<ProposalAnswered>().Where(a => a.Proposal == proposal).ToArray();
        Execute.Assertion
            .BecauseOf(because, becauseArgs)
            .ForCondition(answers.Any(a => a.Answer == answer))
            .FailWith("Expected the events to record proposal {0} as {1}{reason}, but its answers are: {2}.", proposal.Value, NegotiationStateAssertions.Snake(answer), NegotiationStateAssertions.List(answers.Select(a => $"{NegotiationStateAssertions.Snake(a.Answer)} by {a.By.Affiliation}")));
        return new(assertions);
    }

    /// <summary>Asserts that the events issue an ultimatum with a deadline window.</summary>
    /// <param name="assertions">The collection assertions.</param>
    /// <param name="ultimatum">The ultimatum.</param>
    /// <param name="deadline">The deadline as issued.</param>
    /// <param name="because">Why, for the failure message.</param>
    /// <param name="becauseArgs">Arguments of <paramref name="because"/>.</param>
    /// <returns>The assertions, to chain.</returns>
    public static AndConstraint<GenericCollectionAssertions<INegotiationEvent>> ContainUltimatum(this GenericCollectionAssertions<INegotiationEvent> assertions, UltimatumId ultimatum, WorldDate deadline, string because = "", params object[] becauseArgs)
    {
        ArgumentNullException.ThrowIfNull(assertions);
        var issued = (assertions.Subject ?? []).OfType<UltimatumIssued>().FirstOrDefault(u => u.Ultimatum == ultimatum);
        Execute.Assertion
            .BecauseOf(because, becauseArgs)
            .ForCondition(issued is not null)
            .FailWith("Expected the events to issue ultimatum {0}{reason}, but they issue {1}.", ultimatum.Value, NegotiationStateAssertions.List((assertions.Subject ?? []).OfType<UltimatumIssued>().Select(u => u.Ultimatum.Value)))
            .Then
            .ForCondition(issued is not null && issued.Deadline == deadline)
            .FailWith("Expected ultimatum {0} to be issued with the deadline {1}{reason}, but its deadline is {2}.", ultimatum.Value, deadline.ToString(), issued?.Deadline.ToString());
        return new(assertions);
    }

    private static void RoundHeld(IEnumerable<INegotiationEvent> events, RoundId round, DateOnly on, Venue? venue, string because, object[] becauseArgs)
    {
        var held = events.OfType<RoundHeld>().Where(h => h.Round == round).ToArray();
        var match = held.FirstOrDefault(h => h.OccurredOn.Precision == DatePrecision.Day && h.OccurredOn.NotBefore == on);
        Execute.Assertion
            .BecauseOf(because, becauseArgs)
            .ForCondition(match is not null)
            .FailWith("Expected the events to record round {0} held on {1}{reason}, but {2}.", round.Value, NegotiationStateAssertions.Day(on), held.Length == 0 ? "no event records it held" : $"they record it held on {string.Join(", ", held.Select(h => h.OccurredOn.ToString()))}")
            .Then
            .ForCondition(match is not null && (venue is null || match.Venue == venue))
            .FailWith("Expected round {0} to be held in {1}{reason}, but it was held in {2}.", round.Value, venue is null ? string.Empty : NegotiationStateAssertions.Describe(venue), match is null ? string.Empty : NegotiationStateAssertions.Describe(match.Venue));
    }

    private static IEnumerable<INegotiationEvent> Facts(IEnumerable<object>? data) => data?.OfType<INegotiationEvent>() ?? [];
}
