using System.Reflection;
using System.Text.Json;
using FluentAssertions;
using Negotiations.EventSourcing;
using Negotiations.Serialization;
using Xunit;
using static Negotiations.Tests.Domain.Track;

namespace Negotiations.Tests.Domain;

public sealed class NegotiationStateTests
{
    private static readonly RoundId NextWeek = new("next-week");
    private static readonly RoundId May16 = new("istanbul-2025-05-16");
    private static readonly RoundId June2 = new("istanbul-2025-06-02");
    private static readonly UltimatumId FiftyDays = new("fifty-days");

    [Fact]
    public void The_projection_knows_its_track_and_folding_one_event_at_a_time_gives_the_batch_fold()
    {
        var history = History.Of(ProposeRound(), ScheduleRound(), Demand(), Answer(), Ultimatum(), Statement(), Retract("answer"));
        var projection = new NegotiationStateProjection();

        var projected = history.State();
        var stepByStep = history.Events.Aggregate(projection.Start(Id.Value), projection.Evolve);

        projected.Id.Should().Be("russia-ukraine-2025");
        projected.Version.Should().Be(history.Events.Count);
        stepByStep.Should().BeEquivalentTo(projected, o => o.ComparingRecordsByMembers().WithStrictOrdering());
    }

    [Fact]
    public void The_decision_state_folded_one_event_at_a_time_equals_its_batch_fold()
    {
        var history = History.Of(ProposeRound(), ScheduleRound(), Demand(), Answer(), Ultimatum(), Statement(), Retract("answer"));

        var batch = new NegotiationDecider().State.Project(Id.Value, history.Events);

        history.DeciderState.Should().BeEquivalentTo(batch, o => o.ComparingRecordsByMembers().WithStrictOrdering());
        batch.Proposals["four-regions"].Answers.Should().BeEmpty();
        batch.Retracted.Should().ContainKey("answer");
    }

    [Fact]
    public void Rounds_are_in_world_order_and_a_round_reported_late_lands_in_place()
    {
        var state = History.Of(
            HoldRound("istanbul-2025-06-02", 6, 2, "hold-june"),
            ScheduleRound(),
            HoldRound("istanbul-2025-05-16", 5, 16, "hold-may")).State();

        state.Rounds.Select(r => r.Id).Should().Equal(May16, June2, NextWeek);
        state.Rounds.Select(r => r.Status).Should().Equal(RoundStatus.Held, RoundStatus.Held, RoundStatus.Scheduled);
    }

    [Fact]
    public void A_schedule_reported_after_the_round_was_held_does_not_undo_the_holding()
    {
        var state = History.Of(HoldRound("next-week", 7, 23), ScheduleRound() with { ReportedBy = null, Venue = Istanbul }).State();

        var round = state.FindRound(NextWeek)!;
        round.Status.Should().Be(RoundStatus.Held);
        round.Steps.Select(s => s.Status).Should().Equal(RoundStatus.Scheduled, RoundStatus.Held);
        round.AnnouncedBy.Should().Be(Zelenskyy);
    }

    [Fact]
    public void As_of_a_day_a_fact_counts_only_once_its_last_possible_day_has_come()
    {
        var history = History.Of(Ultimatum());

        history.State(Day(7, 19)).Ultimatums.Should().BeEmpty("'last week' (14-20 July) may not have come yet on 19 July");
        history.State(Day(7, 20)).Ultimatums.Should().ContainSingle().Which.Id.Should().Be(FiftyDays);
        history.State(Day(7, 20)).AsOf.Should().Be(Day(7, 20));
    }

    [Fact]
    public void As_of_20_May_2025_one_round_was_held_and_nothing_scheduled()
    {
        var history = History.Of(
            HoldRound("istanbul-2025-05-16", 5, 16, "hold-may"),
            HoldRound("istanbul-2025-06-02", 6, 2, "hold-june"),
            ProposeRound(),
            ScheduleRound());

        var state = history.State(Day(5, 20));

        state.IsOpened.Should().BeTrue("the opening has no known date, so it always counts");
        state.Rounds.Should().ContainSingle().Which.Should().Match<RoundView>(r => r.Id == May16 && r.Status == RoundStatus.Held);
        state.Rounds.Should().NotContain(r => r.Status == RoundStatus.Scheduled);
    }

    [Fact]
    public void A_round_moves_from_proposed_to_scheduled_to_held_as_the_days_pass()
    {
        var history = History.Of(ProposeRound(), ScheduleRound(), HoldRound("next-week", 7, 23));

        history.State(Day(7, 18)).Rounds.Should().BeEmpty();
        history.State(Day(7, 20)).FindRound(NextWeek)!.Status.Should().Be(RoundStatus.Proposed);
        history.State(Day(7, 22)).FindRound(NextWeek)!.Status.Should().Be(RoundStatus.Scheduled);
        history.State(Day(7, 23)).FindRound(NextWeek)!.Status.Should().Be(RoundStatus.Held);
    }

    [Fact]
    public void A_round_postponed_without_a_new_date_has_no_date_and_one_postponed_to_a_day_has_that_day()
    {
        var open = History.Of(ProposeRound(), ScheduleRound(), PostponeRound() with { NewDate = null });
        var moved = History.Of(ProposeRound(), ScheduleRound(), PostponeRound());

        open.State().FindRound(NextWeek)!.Should().Match<RoundView>(r => r.Status == RoundStatus.Postponed && r.Date == null);
        moved.State().FindRound(NextWeek)!.Date.Should().Be(On(7, 30));
        open.State(Day(7, 21)).FindRound(NextWeek)!.Date.Should().Be(On(7, 23), "on 21 July the postponement had not happened");
    }

    [Fact]
    public void A_fact_whose_window_has_an_open_end_counts_once_its_start_has_come()
    {
        var since = new WorldDate(Day(7, 1), null, DatePrecision.Unknown);
        var history = History.Of(Statement() with { OccurredOn = since });

        history.State(Day(6, 30)).Statements.Should().BeEmpty();
        history.State(Day(7, 1)).Statements.Should().ContainSingle();
    }

    [Fact]
    public void An_ultimatum_is_active_until_its_deadline_day_and_lapsed_after_it()
    {
        var ultimatum = History.Of(Ultimatum()).State().FindUltimatum(FiftyDays)!;

        ultimatum.StatusOn(Day(7, 21)).Should().Be(UltimatumStatus.Active);
        ultimatum.StatusOn(Day(9, 8)).Should().Be(UltimatumStatus.Active, "8 September is the deadline's last possible day");
        ultimatum.StatusOn(Day(9, 9)).Should().Be(UltimatumStatus.Lapsed);
    }

    [Fact]
    public void A_revised_deadline_is_in_force_from_the_day_of_the_revision()
    {
        var ultimatum = History.Of(Ultimatum(), Revise()).State().FindUltimatum(FiftyDays)!;

        ultimatum.Deadline.Should().Be(WorldDate.On(2025, 8, 8));
        ultimatum.DeadlineOn(Day(7, 28)).Should().Be(FiftyDaysDeadline);
        ultimatum.DeadlineOn(Day(7, 29)).Should().Be(WorldDate.On(2025, 8, 8));
        ultimatum.StatusOn(Day(8, 9)).Should().Be(UltimatumStatus.Lapsed);
    }

    [Fact]
    public void A_withdrawn_ultimatum_is_withdrawn_from_the_day_of_its_withdrawal()
    {
        var history = History.Of(Ultimatum(), Withdraw());
        var ultimatum = history.State().FindUltimatum(FiftyDays)!;

        ultimatum.StatusOn(Day(7, 31)).Should().Be(UltimatumStatus.Active);
        ultimatum.StatusOn(Day(8, 1)).Should().Be(UltimatumStatus.Withdrawn);
        ultimatum.StatusOn(Day(12, 1)).Should().Be(UltimatumStatus.Withdrawn);
        history.State(Day(7, 31)).FindUltimatum(FiftyDays)!.IsWithdrawn.Should().BeFalse();
    }

    [Fact]
    public void An_ultimatum_whose_deadline_has_an_open_end_never_lapses()
    {
        var ultimatum = History.Of(Ultimatum() with { Deadline = new WorldDate(Day(8, 1), null, DatePrecision.Unknown) }).State().FindUltimatum(FiftyDays)!;

        ultimatum.StatusOn(new DateOnly(2030, 1, 1)).Should().Be(UltimatumStatus.Active);
    }

    [Fact]
    public void Proposals_show_their_answers_and_whether_they_are_open()
    {
        var state = History.Of(Demand(), Demand("no-nato", "demand-nato") with { Terms = "Ukraine gives up any idea of joining NATO", Agenda = [AgendaItems.AllianceMembership] }, Answer())
            .State();

        state.Proposals.Select(p => (p.Id.Value, p.IsOpen)).Should().Equal(("four-regions", false), ("no-nato", true));
        state.FindProposal(new ProposalId("four-regions"))!.Answers.Single().Answer.Should().Be(AnswerKind.Rejected);
    }

    [Fact]
    public void Exchange_stages_are_in_world_order_and_add_up_to_totals()
    {
        var counts = (int ukraine, int russia) => (IReadOnlyList<SideCount>)[new SideCount(Affiliation.Ukraine, ukraine), new SideCount(Affiliation.Russia, russia)];
        var exchange = History.Of(AgreeExchange(counts: counts(1000, 1000)), Stage(2, counts(307, 307)), Stage(1, counts(390, 390)))
            .State().FindExchange(new ExchangeId("prisoners-2025"))!;

        exchange.Stages.Select(s => s.Stage).Should().Equal(1, 2);
        exchange.Totals.Should().Equal(counts(697, 697).Select(c => new SideTotal { Side = c.Side, Count = c.Count }));
        exchange.CarriedOutBy(Affiliation.UnitedStates).Should().Be(0);
    }

    [Fact]
    public void Retracting_a_schedule_takes_the_round_back_to_what_the_other_facts_say()
    {
        var history = History.Of(ProposeRound(), ScheduleRound(), Retract("schedule-round"));

        var round = history.State().FindRound(NextWeek)!;
        round.Status.Should().Be(RoundStatus.Proposed);
        round.Date.Should().Be(WorldDate.WeekOf(Day(7, 21)));
        round.AnnouncedBy.Should().BeNull();
    }

    [Fact]
    public void Retracting_the_only_fact_of_a_round_drops_the_round()
    {
        History.Of(ScheduleRound(), Retract("schedule-round")).State().Rounds.Should().BeEmpty();
    }

    [Fact]
    public void Retracting_a_proposal_drops_it_with_its_answers()
    {
        var state = History.Of(Demand(), Answer(by: Zelenskyy), Retract("demand")).State();

        state.Proposals.Should().BeEmpty();
        state.Actors.Should().NotContain(Zelenskyy, "his answer went with the proposal it answered");
    }

    [Fact]
    public void Retracting_an_answer_reopens_its_proposal()
    {
        History.Of(Demand(), Answer(), Retract("answer")).State().FindProposal(new ProposalId("four-regions"))!.IsOpen.Should().BeTrue();
    }

    [Fact]
    public void Retracting_an_agreement_drops_the_exchange_with_its_stages_and_a_revision_only_the_revision()
    {
        var state = History.Of(AgreeExchange(), Stage(1, []), Ultimatum(), Revise(), Retract("agree-exchange"), Retract("revise", "retract-revise")).State();

        state.Exchanges.Should().BeEmpty();
        state.FindUltimatum(FiftyDays)!.Revisions.Should().BeEmpty();
        state.FindUltimatum(FiftyDays)!.Deadline.Should().Be(FiftyDaysDeadline);
        state.Retractions.Select(r => r.Retracted).Should().Equal("agree-exchange", "revise");
    }

    [Fact]
    public void A_retraction_withdraws_the_fact_even_as_of_a_day_before_the_correction()
    {
        var history = History.Of(Statement(Peskov, "peskov"), Retract("peskov"));

        history.State(Day(7, 21)).Statements.Should().BeEmpty("the correction on 22 July withdraws the statement from the record entirely");
        history.State(Day(7, 21)).Retractions.Should().ContainSingle();
    }

    [Fact]
    public void The_latest_statement_of_each_actor_is_kept_in_world_order()
    {
        var state = History.Of(
            Statement(Peskov, "peskov-late") with { OccurredOn = On(7, 21), Summary = "later" },
            Statement(Zelenskyy, "zelenskyy") with { OccurredOn = On(7, 19), Summary = "ready" },
            Statement(Peskov, "peskov-early") with { OccurredOn = On(7, 1), Summary = "earlier" }).State();

        state.Statements.Select(s => s.Summary).Should().Equal("earlier", "ready", "later");
        state.LatestStatements.Select(s => (s.By.Code.Value, s.Summary)).Should().Equal(("zelenskyy", "ready"), ("peskov", "later"));
    }

    [Fact]
    public void Every_actor_the_facts_name_is_seen_once_by_code()
    {
        var state = History.Of(ScheduleRound(), HoldRound(), Statement(), Ultimatum()).State();

        state.Actors.Select(a => a.Code.Value).Should().Equal("medinsky", "peskov", "russia", "trump", "turkiye", "ukraine", "umerov", "united-states", "zelenskyy");
    }

    [Fact]
    public void An_event_of_a_type_the_projection_does_not_declare_is_an_error_naming_it_not_a_silent_skip()
    {
        var projection = new NegotiationStateProjection();
        var foreign = new RecordedEvent(StreamKey.Of(Id.Value), 1, 1, "tally_added.v1", new Tests.Shared.Tally.Added(1), EventMetadata.None, DateTimeOffset.UnixEpoch);

        var fold = () => projection.Evolve(projection.Start(Id.Value), foreign);

        fold.Should().Throw<UndeclaredEventTypeException>().WithMessage("*NegotiationStateProjection*Added*");
    }

    [Fact]
    public void Replaying_a_history_gives_the_same_state_every_time()
    {
        var history = History.Of(ProposeRound(), ScheduleRound(), HoldRound(), Demand(), Answer(), AgreeExchange(), Stage(1, []), Ultimatum(), Revise(), Withdraw(), Statement(), Retract("answer"));

        history.State().Should().BeEquivalentTo(history.State(), o => o.ComparingRecordsByMembers().WithStrictOrdering());
    }

    [Fact]
    public void The_state_and_the_timeline_round_trip_through_the_json_contract()
    {
        var history = History.Of(ProposeRound(), ScheduleRound(), HoldRound(), Demand(), Answer(answer: AnswerKind.AcceptedWithConditions) with { Conditions = "Crimea excluded" },
            AgreeExchange(counts: [new SideCount(Affiliation.Ukraine, 10)]), Stage(1, [new SideCount(Affiliation.Ukraine, 4)]), Ultimatum(), Revise(), Withdraw(),
            Statement(), Statement(Zelenskyy, "z") with { Tone = null }, Retract("z"));
        var state = history.State(Day(8, 1));
        var timeline = history.Timeline();

        var stateJson = JsonSerializer.Serialize(state, NegotiationJson.Options);
        var timelineJson = JsonSerializer.Serialize(timeline, NegotiationJson.Options);
        var stateBack = JsonSerializer.Deserialize<NegotiationState>(stateJson, NegotiationJson.Options)!;
        var timelineBack = JsonSerializer.Deserialize<Timeline>(timelineJson, NegotiationJson.Options)!;

        JsonSerializer.Serialize(stateBack, NegotiationJson.Options).Should().Be(stateJson);
        JsonSerializer.Serialize(timelineBack, NegotiationJson.Options).Should().Be(timelineJson);
        stateBack.Should().BeEquivalentTo(state, o => o.ComparingRecordsByMembers().WithStrictOrdering());
        stateBack.FindUltimatum(FiftyDays)!.StatusOn(Day(8, 1)).Should().Be(UltimatumStatus.Withdrawn);
        stateJson.Should().Contain("\"status\":\"held\"", "computed values are written for readers of the stored document");
    }

    [Fact]
    public void A_state_round_trips_through_the_default_serializer_settings_plus_the_contracts_converters()
    {
        var options = NegotiationJson.Configure(new JsonSerializerOptions(JsonSerializerDefaults.Web));
        var state = History.Of(ScheduleRound(), Demand()).State();

        var back = JsonSerializer.Deserialize<NegotiationState>(JsonSerializer.Serialize(state, options), options)!;

        back.Should().BeEquivalentTo(state, o => o.ComparingRecordsByMembers().WithStrictOrdering());
    }

    public static TheoryData<Type> StateTypes() =>
    [
        typeof(NegotiationState), typeof(TrackOpening), typeof(ParticipantView), typeof(RoundView), typeof(RoundStep), typeof(ProposalView),
        typeof(AnswerView), typeof(ExchangeView), typeof(ExchangeStageView), typeof(UltimatumView), typeof(UltimatumRevisionView),
        typeof(UltimatumWithdrawalView), typeof(StatementView), typeof(RetractionView), typeof(Timeline), typeof(TimelineEntry),
    ];

    [Theory]
    [MemberData(nameof(StateTypes))]
    public void State_types_have_no_method_Marten_would_dispatch_by_convention(Type type)
    {
        type.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static)
            .Select(m => m.Name)
            .Should().NotContain(["Apply", "Create", "ShouldDelete"]);
    }
}
