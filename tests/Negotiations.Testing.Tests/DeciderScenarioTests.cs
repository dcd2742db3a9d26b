using FluentAssertions;
using Negotiations.EventSourcing;
using Negotiations.Tests.Shared;
using Xunit;

namespace Negotiations.Testing.Tests;

public sealed class DeciderScenarioTests
{
    private static DeciderScenario<Tally.State, Tally.Add, Tally.IEvent> Scenario() => new(Tally.Instance, Tally.Fingerprints.Instance, Tally.Catalog);

    [Fact]
    public void A_matching_scenario_passes_and_returns_the_state_after_the_events()
    {
        var state = Scenario()
            .Given(new Tally.Added(5))
            .When(new Tally.Add("t", "c1", 200))
            .Then(new Tally.Added(200), new Tally.Noted("large"));

        state.Total.Should().Be(205);
        state.CommandIds.Should().Equal("given-1", "c1");
    }

    [Fact]
    public void A_differing_field_is_named_with_both_values()
    {
        var check = () => Scenario().When(new Tally.Add("t", "c1", 200)).Then(new Tally.Added(200), new Tally.Noted("small"));

        check.Should().Throw<ScenarioFailedException>()
            .WithMessage("Event 2 (tally_noted.v1) of Add 'c1' differs at $.text: expected \"small\", got \"large\".");
    }

    [Fact]
    public void A_different_event_type_names_the_expected_and_the_actual_event()
    {
        var check = () => Scenario().When(new Tally.Add("t", "c1", 5)).Then(new Tally.Noted("large"));

        check.Should().Throw<ScenarioFailedException>()
            .WithMessage("Event 1 of Add 'c1': expected tally_noted.v1 but got tally_added.v1. Expected 1 event (tally_noted.v1); got 1 event (tally_added.v1).");
    }

    [Fact]
    public void A_missing_event_is_reported_with_both_lists()
    {
        var check = () => Scenario().When(new Tally.Add("t", "c1", 5)).Then(new Tally.Added(5), new Tally.Noted("large"));

        check.Should().Throw<ScenarioFailedException>()
            .WithMessage("Expected 2 events (tally_added.v1, tally_noted.v1), but Add 'c1' decided 1 event (tally_added.v1).");
    }

    [Fact]
    public void Expecting_events_from_a_refused_command_reports_the_refusal()
    {
        var check = () => Scenario().When(new Tally.Add("t", "c1", 0)).Then(new Tally.Added(0));

        check.Should().Throw<ScenarioFailedException>()
            .WithMessage("Expected 1 event (tally_added.v1), but Add 'c1' was refused: tally.amount_not_positive: Amount 0 is not positive.");
    }

    [Fact]
    public void An_expected_refusal_passes_and_returns_the_error()
    {
        var error = Scenario().Given(new Tally.Added(Tally.Limit)).When(new Tally.Add("t", "c1", 1)).ThenFails("tally.limit_exceeded");

        error.Message.Should().Contain("1000000");
    }

    [Fact]
    public void An_expected_refusal_of_an_accepted_command_names_what_was_decided()
    {
        var check = () => Scenario().When(new Tally.Add("t", "c1", 5)).ThenFails("tally.limit_exceeded");

        check.Should().Throw<ScenarioFailedException>()
            .WithMessage("Expected Add 'c1' to be refused with tally.limit_exceeded, but it was accepted with 1 event (tally_added.v1).");
    }

    [Fact]
    public void A_refusal_with_another_code_names_both_codes()
    {
        var check = () => Scenario().When(new Tally.Add("t", "c1", -1)).ThenFails("tally.limit_exceeded");

        check.Should().Throw<ScenarioFailedException>()
            .WithMessage("Expected Add 'c1' to be refused with tally.limit_exceeded, but it was refused with tally.amount_not_positive: Amount -1 is not positive.");
    }

    [Fact]
    public void A_repeated_command_id_decides_nothing()
    {
        Scenario().GivenCommands(new Tally.Add("t", "c1", 5)).When(new Tally.Add("t", "c1", 5)).ThenNothing();
    }

    [Fact]
    public void Expecting_nothing_from_a_new_command_names_what_it_decided()
    {
        var check = () => Scenario().GivenCommands(new Tally.Add("t", "c1", 5)).When(new Tally.Add("t", "c2", 5)).ThenNothing();

        check.Should().Throw<ScenarioFailedException>()
            .WithMessage("Expected Add 'c2' to decide nothing, but it decided 1 event (tally_added.v1).");
    }

    [Fact]
    public void A_refused_given_command_fails_the_set_up_with_its_reason()
    {
        var setUp = () => Scenario().GivenCommands(new Tally.Add("t", "c1", -5));

        setUp.Should().Throw<ScenarioFailedException>()
            .WithMessage("Given command Add 'c1' was refused, so the scenario cannot be set up: tally.amount_not_positive: Amount -5 is not positive.");
    }

    [Fact]
    public void Expecting_events_from_a_repeat_says_the_command_was_already_applied()
    {
        var check = () => Scenario().GivenCommands(new Tally.Add("t", "c1", 5)).When(new Tally.Add("t", "c1", 5)).Then(new Tally.Added(5));

        check.Should().Throw<ScenarioFailedException>()
            .WithMessage("Expected 1 event (tally_added.v1), but command 'c1' was already applied by the given facts, so nothing was decided.");
    }

    [Fact]
    public void A_command_under_the_id_of_facts_given_without_their_command_is_refused_as_reusing_it()
    {
        var error = Scenario().GivenBy("c1", new Tally.Added(5)).When(new Tally.Add("t", "c1", 5)).ThenFails(CommandErrors.IdReused);

        error.Message.Should().Contain("'c1'").And.Contain("given");
    }
}
