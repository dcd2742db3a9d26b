using FluentAssertions;
using FluentAssertions.Execution;
using FluentAssertions.Primitives;

namespace Negotiations.Testing;

/// <summary>Assertions on a <see cref="Timeline"/> that speak the domain.</summary>
public sealed class TimelineAssertions : ObjectAssertions<Timeline?, TimelineAssertions>
{
    /// <summary>Creates the assertions.</summary>
    /// <param name="subject">The timeline.</param>
    public TimelineAssertions(Timeline? subject)
        : base(subject)
    {
    }

    /// <inheritdoc />
    protected override string Identifier => "timeline";

    /// <summary>Asserts that the timeline has a fact of a kind that happened on a day (a window starting and ending on it).</summary>
    /// <param name="eventType">The event's wire name (<c>round_held.v1</c>).</param>
    /// <param name="on">The day.</param>
    /// <param name="because">Why, for the failure message.</param>
    /// <param name="becauseArgs">Arguments of <paramref name="because"/>.</param>
    /// <returns>The assertions, to chain.</returns>
    public AndConstraint<TimelineAssertions> HaveEntry(string eventType, DateOnly on, string because = "", params object[] becauseArgs)
    {
        if (HaveSubject(because, becauseArgs))
        {
            Execute.Assertion
                .BecauseOf(because, becauseArgs)
                .ForCondition(Subject!.Entries.Any(e => e.EventType == eventType && e.OccurredOn.NotBefore == on && e.OccurredOn.NotAfter == on))
                .FailWith("Expected the timeline of track {0} to have a {1} on {2}{reason}, but on that day it has {3}.", Subject.Id, eventType, NegotiationStateAssertions.Day(on), NegotiationStateAssertions.List(Subject.Entries.Where(e => e.OccurredOn.NotAfter == on).Select(e => e.EventType)));
        }

        return new(this);
    }

    /// <summary>Asserts that some fact of the timeline cites these exact words.</summary>
    /// <param name="quote">The words, as quoted from the source document.</param>
    /// <param name="because">Why, for the failure message.</param>
    /// <param name="becauseArgs">Arguments of <paramref name="because"/>.</param>
    /// <returns>The assertions, to chain.</returns>
    public AndConstraint<TimelineAssertions> Cite(string quote, string because = "", params object[] becauseArgs)
    {
        if (HaveSubject(because, becauseArgs))
        {
            Execute.Assertion
                .BecauseOf(because, becauseArgs)
                .ForCondition(Subject!.Entries.Any(e => e.Source?.Quote == quote))
                .FailWith("Expected the timeline of track {0} to cite {1}{reason}, but no entry quotes those words.", Subject.Id, quote);
        }

        return new(this);
    }

    /// <summary>Asserts that the entries are in world order (see <see cref="WorldDate"/>).</summary>
    /// <param name="because">Why, for the failure message.</param>
    /// <param name="becauseArgs">Arguments of <paramref name="because"/>.</param>
    /// <returns>The assertions, to chain.</returns>
    public AndConstraint<TimelineAssertions> BeInWorldOrder(string because = "", params object[] becauseArgs)
    {
        if (HaveSubject(because, becauseArgs))
        {
            var entries = Subject!.Entries;
            var misplaced = Enumerable.Range(1, Math.Max(0, entries.Count - 1)).FirstOrDefault(i => entries[i - 1].OccurredOn.CompareTo(entries[i].OccurredOn) > 0);
            Execute.Assertion
                .BecauseOf(because, becauseArgs)
                .ForCondition(misplaced == 0)
                .FailWith("Expected the timeline of track {0} to be in world order{reason}, but {1} ({2}) comes after {3} ({4}).", Subject.Id, entries.ElementAtOrDefault(misplaced)?.EventType, entries.ElementAtOrDefault(misplaced)?.OccurredOn.ToString(), entries.ElementAtOrDefault(misplaced - 1)?.EventType, entries.ElementAtOrDefault(misplaced - 1)?.OccurredOn.ToString());
        }

        return new(this);
    }

    private bool HaveSubject(string because, object[] becauseArgs) =>
        Execute.Assertion
            .BecauseOf(because, becauseArgs)
            .ForCondition(Subject is not null)
            .FailWith("Expected a timeline{reason}, but found <null>.");
}
