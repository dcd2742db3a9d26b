using Negotiations.EventSourcing;
using FluentAssertions;
using Xunit;
using Xunit.Sdk;

namespace Negotiations.Testing.Tests;

public sealed class AssertionTests
{
    private static readonly EventHistory History = EventHistory.Load(SeedHistory.HistoryFile);
    private static readonly RoundId FirstRound = new("istanbul-2025-05-16");
    private static readonly RoundId NextRound = new("turkiye-2025-07-23");
    private static readonly ProposalId FourRegions = new("russia-four-regions");
    private static readonly UltimatumId FiftyDays = new("trump-50-days");
    private static readonly Venue Istanbul = new(Affiliation.Turkiye, "Istanbul");
    private static readonly WorldDate FiftyDaysDeadline = WorldDate.Between(new DateOnly(2025, 9, 2), new DateOnly(2025, 9, 8), DatePrecision.Week);

    private static NegotiationState State => History.Replay(new NegotiationStateProjection(SeedHistory.Published), SeedHistory.Track);

    private static Timeline Timeline => History.Replay(new TimelineProjection(SeedHistory.Published), SeedHistory.Track);

    private static IReadOnlyList<INegotiationEvent> Events => [.. History.Events.Select(e => (INegotiationEvent)e.Data)];

    [Fact]
    public void The_seed_state_passes_the_domain_assertions()
    {
        State.Should().HaveRoundHeld(FirstRound, new DateOnly(2025, 5, 16), Istanbul)
            .And.HaveRoundScheduled(NextRound, new DateOnly(2025, 7, 23), new Venue(Affiliation.Turkiye))
            .And.HaveProposalAnswered(FourRegions, AnswerKind.Rejected, Affiliation.Ukraine)
            .And.HaveActiveUltimatum(FiftyDays, FiftyDaysDeadline)
            .And.NotBeNull();
    }

    [Fact]
    public void A_round_held_on_another_day_is_reported_with_the_day_and_venue_it_was_held()
    {
        var check = () => State.Should().HaveRoundHeld(FirstRound, new DateOnly(2025, 5, 17), null, "the talks began on {0}", "a Saturday");

        check.Should().Throw<XunitException>().WithMessage(
            "Expected round \"istanbul-2025-05-16\" of track \"russia-ukraine-2025\" to have been held on \"2025-05-17\" because the talks began on a Saturday, but it was held on \"2025-05-16\" in \"Istanbul, TUR\".");
    }

    [Fact]
    public void A_round_that_is_not_held_is_reported_with_where_it_stands()
    {
        var check = () => State.Should().HaveRoundHeld(NextRound, new DateOnly(2025, 7, 23));

        check.Should().Throw<XunitException>().WithMessage(
            "Expected round \"turkiye-2025-07-23\" of track \"russia-ukraine-2025\" to have been held on \"2025-07-23\", but it is \"scheduled (2025-07-23)\".");
    }

    [Fact]
    public void An_unknown_round_is_reported_with_the_rounds_the_track_has()
    {
        var check = () => State.Should().HaveRoundScheduled(new RoundId("geneva"), new DateOnly(2025, 7, 23));

        check.Should().Throw<XunitException>().WithMessage(
            "Expected track \"russia-ukraine-2025\" to have round \"geneva\", but its rounds are: \"istanbul-2025-05-16 (held (2025-05-16)), istanbul-2025-06-02 (held (2025-06-02)), turkiye-2025-07-23 (scheduled (2025-07-23))\".");
    }

    [Fact]
    public void A_different_answer_is_reported_with_the_answers_given()
    {
        var check = () => State.Should().HaveProposalAnswered(FourRegions, AnswerKind.Accepted);

        check.Should().Throw<XunitException>().WithMessage(
            "Expected proposal \"russia-four-regions\" of track \"russia-ukraine-2025\" to have been \"accepted\", but its answers are: \"rejected by UKR\".");
    }

    [Fact]
    public void A_lapsed_ultimatum_is_reported_as_lapsed_with_its_deadline()
    {
        var check = () => State.Should().HaveActiveUltimatum(FiftyDays, on: new DateOnly(2025, 9, 9));

        check.Should().Throw<XunitException>().WithMessage(
            "Expected ultimatum \"trump-50-days\" of track \"russia-ukraine-2025\" to be active on \"2025-09-09\", but it is \"lapsed\" (deadline \"2025-09-02..2025-09-08 (week)\").");
    }

    [Fact]
    public void An_active_ultimatum_asked_of_a_state_not_as_of_a_day_fails_saying_to_give_the_day()
    {
        var state = History.Replay(new NegotiationStateProjection(), SeedHistory.Track);

        var check = () => state.Should().HaveActiveUltimatum(FiftyDays);

        check.Should().Throw<XunitException>().WithMessage(
            "Expected ultimatum \"trump-50-days\" of track \"russia-ukraine-2025\" to be active, but the state is not as of a day: pass the day (on:) or build the state as of one.");
    }

    [Fact]
    public void Another_deadline_is_reported_with_the_deadline_in_force()
    {
        var check = () => State.Should().HaveActiveUltimatum(FiftyDays, WorldDate.On(2025, 9, 2));

        check.Should().Throw<XunitException>().WithMessage(
            "Expected ultimatum \"trump-50-days\" of track \"russia-ukraine-2025\" to have the deadline \"2025-09-02\" on \"2025-07-21\", but its deadline is \"2025-09-02..2025-09-08 (week)\".");
    }

    [Fact]
    public void The_seed_timeline_passes_the_timeline_assertions_and_a_missing_entry_is_reported_with_that_day()
    {
        Timeline.Should().HaveEntry("round_held.v1", new DateOnly(2025, 6, 2))
            .And.Cite("\"A lot of diplomatic work lies ahead,\" Kremlin spokesman Dmitry Peskov told reporters earlier on Monday")
            .And.BeInWorldOrder();

        var check = () => Timeline.Should().HaveEntry("round_held.v1", new DateOnly(2025, 7, 23));

        check.Should().Throw<XunitException>().WithMessage(
            "Expected the timeline of track \"russia-ukraine-2025\" to have a \"round_held.v1\" on \"2025-07-23\", but on that day it has \"none\".");
    }

    [Fact]
    public void Event_lists_pass_the_event_assertions_and_report_what_they_hold()
    {
        Events.Should().ContainRoundHeld(FirstRound, new DateOnly(2025, 5, 16), Istanbul)
            .And.HaveCount(History.Events.Count);
        Events.Should().ContainAnswer(FourRegions, AnswerKind.Rejected);
        Events.Should().ContainUltimatum(FiftyDays, FiftyDaysDeadline);
        History.Events.Should().ContainRoundHeld(FirstRound, new DateOnly(2025, 5, 16));

        var check = () => Events.Should().ContainRoundHeld(FirstRound, new DateOnly(2025, 6, 2));

        check.Should().Throw<XunitException>().WithMessage(
            "Expected the events to record round \"istanbul-2025-05-16\" held on \"2025-06-02\", but \"they record it held on 2025-05-16\".");
    }

    [Fact]
    public void A_negotiation_scenario_folds_given_facts_with_the_core_decider()
    {
        var opened = (NegotiationOpened)History.Events[0].Data;
        var kyiv = new Actor(new ActorCode("kyiv"), "Kyiv", Affiliation.Ukraine, ActorType.State);
        var track = new TrackId(SeedHistory.Track);

        var error = NegotiationScenario.Create()
            .Given(opened)
            .When(new ScheduleRound
            {
                Track = track,
                CommandId = new CommandId("c1"),
                Round = NextRound,
                Date = WorldDate.On(2025, 7, 1),
                Venue = new Venue(Affiliation.Turkiye),
                AnnouncedBy = kyiv,
                ReportedBy = null,
                OccurredOn = WorldDate.On(2025, 7, 21),
            })
            .ThenFails(NegotiationErrors.RoundScheduledBeforeAnnouncement);

        error.Message.Should().Contain("2025-07-01");
    }

    [Fact]
    public void A_failing_negotiation_scenario_names_the_first_differing_field_of_the_event()
    {
        var opened = (NegotiationOpened)History.Events[0].Data;
        var kyiv = new Actor(new ActorCode("kyiv"), "Kyiv", Affiliation.Ukraine, ActorType.State);
        var schedule = new ScheduleRound
        {
            Track = new TrackId(SeedHistory.Track),
            CommandId = new CommandId("c1"),
            Round = NextRound,
            Date = WorldDate.On(2025, 7, 23),
            Venue = new Venue(Affiliation.Turkiye),
            AnnouncedBy = kyiv,
            ReportedBy = null,
            OccurredOn = WorldDate.On(2025, 7, 21),
        };

        var check = () => NegotiationScenario.Create()
            .Given(opened)
            .When(schedule)
            .Then(new RoundScheduled
            {
                Round = NextRound,
                Date = WorldDate.On(2025, 7, 23),
                Venue = new Venue(Affiliation.Turkiye, "Istanbul"),
                AnnouncedBy = kyiv,
                ReportedBy = null,
                OccurredOn = WorldDate.On(2025, 7, 21),
                Source = null,
            });

        check.Should().Throw<ScenarioFailedException>().WithMessage(
            "Event 1 (round_scheduled.v1) of ScheduleRound 'c1' differs at $.venue.city: expected \"Istanbul\", got null.");
    }
}
