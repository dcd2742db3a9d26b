using FluentAssertions;
using Xunit;
using static Negotiations.Tests.Domain.Track;

namespace Negotiations.Tests.Domain;

public sealed partial class NegotiationDeciderTests
{
    [Fact]
    public void Proposing_a_round_records_who_proposed_it_for_which_window()
    {
        var state = Given.OpenedTrack()
            .When(ProposeRound())
            .Then(new RoundProposed
            {
                Round = new RoundId("next-week"),
                ProposedBy = Zelenskyy,
                Window = WorldDate.WeekOf(Day(7, 21)),
                Agenda = [AgendaItems.LeadersMeeting],
                OccurredOn = On(7, 19),
                Source = null,
            });

        var round = state.FindRound(new RoundId("next-week"))!;
        round.Status.Should().Be(RoundStatus.Proposed);
        round.ProposedBy.Should().Be(Zelenskyy);
        round.Date.Should().Be(WorldDate.WeekOf(Day(7, 21)));
    }

    [Fact]
    public void Proposing_a_round_that_was_proposed_already_is_refused()
    {
        var error = Given.OpenedTrack().AndCommands(ProposeRound()).When(ProposeRound(id: "again")).ThenFails(NegotiationErrors.RoundAlreadyProposed);

        error.Message.Should().Contain("'next-week'").And.Contain("'zelenskyy'");
    }

    [Fact]
    public void A_proposal_reported_after_the_rounds_schedule_is_the_same_round_and_lands_in_place()
    {
        var round = Given.OpenedTrack().AndCommands(ScheduleRound())
            .When(ProposeRound())
            .ThenAccepted()
            .Rounds.Should().ContainSingle().Subject;

        round.Steps.Select(s => s.Status).Should().Equal(RoundStatus.Proposed, RoundStatus.Scheduled);
        round.Status.Should().Be(RoundStatus.Scheduled);
        round.ProposedBy.Should().Be(Zelenskyy);
    }

    [Fact]
    public void Proposing_a_round_after_it_was_held_is_refused()
    {
        Given.OpenedTrack().AndCommands(HoldRound("next-week", 7, 16)).When(ProposeRound()).ThenFails(NegotiationErrors.RoundAlreadyHeld);
    }

    [Fact]
    public void Proposing_a_round_for_a_window_that_ends_before_the_proposal_is_refused()
    {
        Given.OpenedTrack().When(ProposeRound() with { Window = WorldDate.WeekOf(Day(7, 7)) }).ThenFails(NegotiationErrors.RoundScheduledBeforeAnnouncement);
    }

    [Fact]
    public void Proposing_a_round_for_a_window_that_may_still_come_is_accepted()
    {
        Given.OpenedTrack().When(ProposeRound() with { Window = LastWeek }).ThenAccepted();
    }

    [Fact]
    public void Proposing_a_round_by_an_actor_of_no_participating_side_is_refused()
    {
        Given.OpenedTrack().When(ProposeRound() with { ProposedBy = Macron }).ThenFails(NegotiationErrors.ActorNotParticipant);
    }

    [Fact]
    public void Scheduling_a_proposed_round_records_its_date_venue_announcer_and_reporter()
    {
        var state = Given.OpenedTrack().AndCommands(ProposeRound())
            .When(ScheduleRound())
            .Then(new RoundScheduled
            {
                Round = new RoundId("next-week"),
                Date = On(7, 23),
                Venue = InTurkiye,
                AnnouncedBy = Zelenskyy,
                ReportedBy = Umerov,
                OccurredOn = On(7, 21),
                Source = Quote("Umerov reported that the meeting is scheduled for Wednesday.", Zelenskyy),
            });

        var round = state.Rounds.Should().ContainSingle().Subject;
        round.Status.Should().Be(RoundStatus.Scheduled);
        round.Date.Should().Be(On(7, 23));
        round.Venue.Should().Be(InTurkiye);
        round.AnnouncedBy.Should().Be(Zelenskyy);
        round.ReportedBy.Should().Be(Umerov);
        round.ProposedBy.Should().Be(Zelenskyy);
    }

    [Fact]
    public void Scheduling_a_round_never_proposed_is_accepted()
    {
        Given.OpenedTrack().When(ScheduleRound("istanbul-2025-07-23")).ThenAccepted()
            .FindRound(new RoundId("istanbul-2025-07-23"))!.Status.Should().Be(RoundStatus.Scheduled);
    }

    [Fact]
    public void Scheduling_a_round_for_a_day_surely_before_its_announcement_is_refused_naming_both_dates()
    {
        var error = Given.OpenedTrack().When(ScheduleRound() with { Date = On(7, 20) }).ThenFails(NegotiationErrors.RoundScheduledBeforeAnnouncement);

        error.Message.Should().Contain("2025-07-20").And.Contain("2025-07-21");
    }

    [Fact]
    public void Scheduling_a_round_for_the_day_of_its_announcement_is_accepted()
    {
        Given.OpenedTrack().When(ScheduleRound() with { Date = On(7, 21) }).ThenAccepted();
    }

    [Fact]
    public void Scheduling_a_round_for_a_window_that_may_come_after_the_announcement_is_accepted()
    {
        Given.OpenedTrack().When(ScheduleRound() with { Date = LastWeek, OccurredOn = On(7, 16) }).ThenAccepted();
    }

    [Fact]
    public void Scheduling_a_round_announced_on_an_unknown_date_is_accepted()
    {
        Given.OpenedTrack().When(ScheduleRound() with { Date = On(5, 16), OccurredOn = WorldDate.Unknown }).ThenAccepted();
    }

    [Fact]
    public void Scheduling_on_the_report_of_an_actor_of_no_participating_side_is_refused()
    {
        Given.OpenedTrack().When(ScheduleRound() with { ReportedBy = Macron }).ThenFails(NegotiationErrors.ActorNotParticipant);
    }

    [Fact]
    public void Scheduling_a_round_that_was_held_is_refused()
    {
        Given.OpenedTrack().AndCommands(HoldRound())
            .When(ScheduleRound("istanbul-2025-05-16") with { Date = On(7, 23) })
            .ThenFails(NegotiationErrors.RoundAlreadyHeld);
    }

    [Fact]
    public void A_schedule_reported_late_that_surely_came_before_the_holding_is_accepted()
    {
        Given.OpenedTrack().AndCommands(HoldRound())
            .When(ScheduleRound("istanbul-2025-05-16") with { Date = On(5, 16), OccurredOn = On(5, 11) })
            .ThenAccepted()
            .FindRound(new RoundId("istanbul-2025-05-16"))!.Status.Should().Be(RoundStatus.Held);
    }

    [Fact]
    public void Scheduling_a_cancelled_round_again_is_accepted()
    {
        Given.OpenedTrack().AndCommands(ScheduleRound(), CancelRound())
            .When(ScheduleRound(id: "reschedule") with { Date = On(7, 25), OccurredOn = On(7, 23), Source = null })
            .ThenAccepted()
            .FindRound(new RoundId("next-week"))!.Status.Should().Be(RoundStatus.Scheduled);
    }

    [Fact]
    public void Postponing_a_scheduled_round_records_its_new_date()
    {
        var state = Given.OpenedTrack().AndCommands(ScheduleRound())
            .When(PostponeRound())
            .Then(new RoundPostponed { Round = new RoundId("next-week"), NewDate = On(7, 30), Reason = "delegations not ready", OccurredOn = On(7, 22), Source = null });

        var round = state.FindRound(new RoundId("next-week"))!;
        round.Status.Should().Be(RoundStatus.Postponed);
        round.Date.Should().Be(On(7, 30));
        round.Reason.Should().Be("delegations not ready");
    }

    [Fact]
    public void Postponing_a_postponed_round_again_is_accepted()
    {
        Given.OpenedTrack().AndCommands(ScheduleRound(), PostponeRound())
            .When(PostponeRound(id: "postpone-again") with { NewDate = null, OccurredOn = On(7, 29) })
            .ThenAccepted();
    }

    [Fact]
    public void Postponing_an_unknown_round_is_refused_by_name()
    {
        var error = Given.OpenedTrack().When(PostponeRound("no-such-round")).ThenFails(NegotiationErrors.RoundUnknown);

        error.Message.Should().Contain("'no-such-round'");
    }

    [Fact]
    public void Postponing_a_round_that_was_only_proposed_is_refused()
    {
        var error = Given.OpenedTrack().AndCommands(ProposeRound()).When(PostponeRound()).ThenFails(NegotiationErrors.RoundNotScheduled);

        error.Message.Should().Contain("proposed");
    }

    [Fact]
    public void Postponing_a_held_round_is_refused()
    {
        Given.OpenedTrack().AndCommands(HoldRound()).When(PostponeRound("istanbul-2025-05-16")).ThenFails(NegotiationErrors.RoundAlreadyHeld);
    }

    [Fact]
    public void A_postponement_reported_late_that_surely_came_before_the_holding_is_accepted()
    {
        Given.OpenedTrack().AndCommands(ScheduleRound(), HoldRound("next-week", 7, 25))
            .When(PostponeRound() with { NewDate = On(7, 25) })
            .ThenAccepted()
            .FindRound(new RoundId("next-week"))!.Status.Should().Be(RoundStatus.Held);
    }

    [Fact]
    public void A_postponement_reported_late_of_a_held_round_that_was_never_scheduled_is_refused()
    {
        Given.OpenedTrack().AndCommands(HoldRound("next-week", 7, 25))
            .When(PostponeRound() with { NewDate = On(7, 25) })
            .ThenFails(NegotiationErrors.RoundNotScheduled);
    }

    [Fact]
    public void Postponing_a_round_to_a_day_surely_before_the_postponement_is_refused()
    {
        Given.OpenedTrack().AndCommands(ScheduleRound())
            .When(PostponeRound() with { NewDate = On(7, 21) })
            .ThenFails(NegotiationErrors.RoundScheduledBeforeAnnouncement);
    }

    [Fact]
    public void Cancelling_a_proposed_round_records_it_called_off()
    {
        var state = Given.OpenedTrack().AndCommands(ProposeRound())
            .When(CancelRound())
            .Then(new RoundCancelled { Round = new RoundId("next-week"), Reason = "called off", OccurredOn = On(7, 22), Source = null });

        state.FindRound(new RoundId("next-week"))!.Status.Should().Be(RoundStatus.Cancelled);
    }

    [Fact]
    public void Cancelling_an_unknown_round_is_refused()
    {
        Given.OpenedTrack().When(CancelRound()).ThenFails(NegotiationErrors.RoundUnknown);
    }

    [Fact]
    public void Cancelling_a_cancelled_round_is_refused()
    {
        Given.OpenedTrack().AndCommands(ScheduleRound(), CancelRound()).When(CancelRound(id: "cancel-again")).ThenFails(NegotiationErrors.RoundAlreadyCancelled);
    }

    [Fact]
    public void Cancelling_a_held_round_is_refused()
    {
        Given.OpenedTrack().AndCommands(HoldRound()).When(CancelRound("istanbul-2025-05-16")).ThenFails(NegotiationErrors.RoundAlreadyHeld);
    }

    [Fact]
    public void A_cancellation_reported_late_that_surely_came_before_the_holding_is_accepted()
    {
        Given.OpenedTrack().AndCommands(ScheduleRound(), HoldRound("next-week", 7, 25))
            .When(CancelRound())
            .ThenAccepted()
            .FindRound(new RoundId("next-week"))!.Status.Should().Be(RoundStatus.Held);
    }

    [Fact]
    public void A_round_held_without_a_schedule_is_recorded_with_its_delegations_topics_and_outcome()
    {
        var state = Given.OpenedTrack()
            .When(HoldRound())
            .Then(new RoundHeld
            {
                Round = new RoundId("istanbul-2025-05-16"),
                Venue = Istanbul,
                Delegations = [new Delegation(Affiliation.Ukraine, Umerov), new Delegation(Affiliation.Russia, Medinsky)],
                Topics = [AgendaItems.Ceasefire, AgendaItems.Prisoners, AgendaItems.HumanitarianCorridors],
                Outcome = RoundOutcome.NoBreakthrough,
                Summary = "The two sides exchanged ideas on what a peace deal could look like",
                OccurredOn = On(5, 16),
                Source = null,
            });

        var round = state.Rounds.Should().ContainSingle().Subject;
        round.Status.Should().Be(RoundStatus.Held);
        round.Date.Should().Be(On(5, 16));
        round.Venue.Should().Be(Istanbul);
        round.Delegations.Select(d => d.Head).Should().Equal(Umerov, Medinsky);
        round.Topics.Should().Equal(AgendaItems.Ceasefire, AgendaItems.Prisoners, AgendaItems.HumanitarianCorridors);
        round.Outcome.Should().Be(RoundOutcome.NoBreakthrough);
        round.AnnouncedBy.Should().BeNull();
    }

    [Fact]
    public void A_round_held_after_its_schedule_is_the_same_round_by_its_id()
    {
        var state = Given.OpenedTrack().AndCommands(ProposeRound(), ScheduleRound())
            .When(HoldRound("next-week", 7, 23))
            .ThenAccepted();

        var round = state.Rounds.Should().ContainSingle().Subject;
        round.Steps.Select(s => s.Status).Should().Equal(RoundStatus.Proposed, RoundStatus.Scheduled, RoundStatus.Held);
        round.Status.Should().Be(RoundStatus.Held);
        round.AnnouncedBy.Should().Be(Zelenskyy);
        round.Venue.Should().Be(Istanbul);
    }

    [Fact]
    public void A_round_that_was_held_cannot_be_held_again()
    {
        var error = Given.OpenedTrack().AndCommands(HoldRound())
            .When(HoldRound(id: "hold-again") with { OccurredOn = On(6, 2) })
            .ThenFails(NegotiationErrors.RoundAlreadyHeld);

        error.Message.Should().Contain("'istanbul-2025-05-16'").And.Contain("2025-05-16");
    }

    [Fact]
    public void A_cancelled_round_that_took_place_after_all_is_recorded_held()
    {
        Given.OpenedTrack().AndCommands(ScheduleRound(), CancelRound())
            .When(HoldRound("next-week", 7, 23))
            .ThenAccepted()
            .FindRound(new RoundId("next-week"))!.Status.Should().Be(RoundStatus.Held);
    }

    [Fact]
    public void A_delegation_of_a_side_that_does_not_participate_is_refused()
    {
        var error = Given.OpenedTrack()
            .When(HoldRound() with { Delegations = [new Delegation(Affiliation.Ukraine), new Delegation(new Affiliation("FRA"))] })
            .ThenFails(NegotiationErrors.SideNotParticipant);

        error.Message.Should().Contain("FRA");
    }

    [Fact]
    public void Two_delegations_for_one_side_are_refused()
    {
        Given.OpenedTrack()
            .When(HoldRound() with { Delegations = [new Delegation(Affiliation.Ukraine, Umerov), new Delegation(Affiliation.Ukraine)] })
            .ThenFails(NegotiationErrors.RoundDelegationRepeated);
    }

    [Fact]
    public void A_delegation_headed_by_an_actor_of_another_side_is_refused()
    {
        var error = Given.OpenedTrack()
            .When(HoldRound() with { Delegations = [new Delegation(Affiliation.Ukraine, Medinsky)] })
            .ThenFails(NegotiationErrors.RoundHeadNotOfSide);

        error.Message.Should().Contain("'medinsky'").And.Contain("UKR");
    }

    [Fact]
    public void A_round_held_without_known_delegations_is_accepted()
    {
        Given.OpenedTrack().When(HoldRound() with { Delegations = [], Summary = null }).ThenAccepted();
    }

    [Fact]
    public void A_held_round_with_a_topic_that_is_not_a_code_is_refused()
    {
        Given.OpenedTrack().When(HoldRound() with { Topics = ["Prisoner exchanges"] }).ThenFails(NegotiationErrors.AgendaInvalidCode);
    }
}
