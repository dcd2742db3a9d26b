using FluentAssertions;
using Xunit;
using static Negotiations.Tests.Domain.Track;

namespace Negotiations.Tests.Domain;

public sealed partial class NegotiationDeciderTests
{
    private static readonly UltimatumId FiftyDays = new("fifty-days");

    [Fact]
    public void Issuing_an_ultimatum_records_its_issuer_target_demand_deadline_and_consequence()
    {
        var state = Given.OpenedTrack()
            .When(Ultimatum())
            .Then(new UltimatumIssued
            {
                Ultimatum = FiftyDays,
                Issuer = Trump,
                Target = Affiliation.Russia,
                Demand = "negotiate a deal",
                Deadline = FiftyDaysDeadline,
                Consequence = "heavy sanctions",
                OccurredOn = LastWeek,
                Source = Quote("Trump last week gave Russia 50 days to negotiate a deal or face heavy sanctions"),
            });

        var ultimatum = state.FindUltimatum(FiftyDays)!;
        ultimatum.Deadline.Should().Be(WorldDate.Between(Day(9, 2), Day(9, 8), DatePrecision.Week));
        ultimatum.StatusOn(Day(7, 21)).Should().Be(UltimatumStatus.Active);
    }

    [Fact]
    public void Issuing_an_ultimatum_under_an_id_the_track_has_is_refused()
    {
        Given.OpenedTrack().AndCommands(Ultimatum()).When(Ultimatum(id: "again")).ThenFails(NegotiationErrors.UltimatumDuplicate);
    }

    [Theory]
    [InlineData("", "heavy sanctions")]
    [InlineData("negotiate a deal", " ")]
    public void Issuing_an_ultimatum_without_a_demand_or_a_consequence_is_refused(string demand, string consequence)
    {
        Given.OpenedTrack().When(Ultimatum() with { Demand = demand, Consequence = consequence }).ThenFails(NegotiationErrors.UltimatumTermsEmpty);
    }

    [Fact]
    public void An_ultimatum_at_the_issuers_own_side_is_refused_comparing_affiliations()
    {
        var error = Given.OpenedTrack().When(Ultimatum() with { Issuer = Peskov }).ThenFails(NegotiationErrors.UltimatumIssuerIsTarget);

        error.Message.Should().Contain("'peskov'").And.Contain("RUS");
    }

    [Fact]
    public void An_ultimatum_at_a_side_that_does_not_participate_is_refused()
    {
        Given.OpenedTrack().When(Ultimatum() with { Target = new Affiliation("FRA") }).ThenFails(NegotiationErrors.SideNotParticipant);
    }

    [Fact]
    public void An_ultimatum_by_an_actor_of_no_participating_side_is_refused()
    {
        Given.OpenedTrack().When(Ultimatum() with { Issuer = Macron }).ThenFails(NegotiationErrors.ActorNotParticipant);
    }

    [Fact]
    public void A_deadline_on_the_day_of_the_issue_is_refused_because_it_is_not_after_it()
    {
        var error = Given.OpenedTrack().When(Ultimatum() with { OccurredOn = On(7, 14), Deadline = On(7, 14) }).ThenFails(NegotiationErrors.UltimatumDeadlineNotAfterIssue);

        error.Message.Should().Contain("2025-07-14");
    }

    [Fact]
    public void A_deadline_before_the_issue_is_refused()
    {
        Given.OpenedTrack().When(Ultimatum() with { OccurredOn = On(7, 14), Deadline = On(7, 1) }).ThenFails(NegotiationErrors.UltimatumDeadlineNotAfterIssue);
    }

    [Fact]
    public void A_deadline_window_ending_on_the_first_possible_day_of_the_issue_is_refused()
    {
        Given.OpenedTrack().When(Ultimatum() with { OccurredOn = LastWeek, Deadline = WorldDate.Between(Day(7, 10), Day(7, 14), DatePrecision.Unknown) })
            .ThenFails(NegotiationErrors.UltimatumDeadlineNotAfterIssue);
    }

    [Fact]
    public void A_deadline_window_that_may_end_after_the_issue_is_accepted()
    {
        Given.OpenedTrack().When(Ultimatum() with { OccurredOn = LastWeek, Deadline = On(7, 15) }).ThenAccepted();
    }

    [Fact]
    public void A_deadline_the_day_after_the_issue_is_accepted()
    {
        Given.OpenedTrack().When(Ultimatum() with { OccurredOn = On(7, 14), Deadline = On(7, 15) }).ThenAccepted();
    }

    [Fact]
    public void A_deadline_or_issue_with_an_open_end_is_accepted()
    {
        Given.OpenedTrack().When(Ultimatum() with { Deadline = WorldDate.Unknown }).ThenAccepted();
        Given.OpenedTrack().When(Ultimatum() with { OccurredOn = WorldDate.Until(Day(7, 21)), Deadline = On(7, 1) }).ThenAccepted();
    }

    [Fact]
    public void Revising_an_active_ultimatum_records_its_new_deadline()
    {
        var state = Given.OpenedTrack().AndCommands(Ultimatum())
            .When(Revise() with { Demand = "a cease-fire" })
            .Then(new UltimatumRevised
            {
                Ultimatum = FiftyDays,
                Deadline = WorldDate.On(2025, 8, 8),
                Demand = "a cease-fire",
                Consequence = null,
                OccurredOn = On(7, 29),
                Source = null,
            });

        var ultimatum = state.FindUltimatum(FiftyDays)!;
        ultimatum.Deadline.Should().Be(WorldDate.On(2025, 8, 8));
        ultimatum.Demand.Should().Be("a cease-fire");
        ultimatum.Consequence.Should().Be("heavy sanctions");
    }

    [Fact]
    public void Revising_an_unknown_ultimatum_is_refused_by_name()
    {
        var error = Given.OpenedTrack().When(Revise("no-such-ultimatum")).ThenFails(NegotiationErrors.UltimatumUnknown);

        error.Message.Should().Contain("'no-such-ultimatum'");
    }

    [Fact]
    public void Revising_a_withdrawn_ultimatum_is_refused()
    {
        Given.OpenedTrack().AndCommands(Ultimatum(), Withdraw()).When(Revise() with { OccurredOn = On(8, 2), Deadline = On(8, 20) }).ThenFails(NegotiationErrors.UltimatumNotActive);
    }

    [Fact]
    public void A_revision_reported_late_that_surely_came_before_the_withdrawal_is_accepted()
    {
        Given.OpenedTrack().AndCommands(Ultimatum(), Withdraw()).When(Revise()).ThenAccepted();
    }

    [Fact]
    public void A_lapsed_ultimatum_may_still_be_revised_because_lapse_is_not_recorded()
    {
        var state = Given.OpenedTrack().AndCommands(Ultimatum())
            .When(Revise() with { OccurredOn = On(9, 10), Deadline = On(9, 30) })
            .ThenAccepted();

        state.FindUltimatum(FiftyDays)!.StatusOn(Day(9, 9)).Should().Be(UltimatumStatus.Lapsed);
        state.FindUltimatum(FiftyDays)!.StatusOn(Day(9, 10)).Should().Be(UltimatumStatus.Active);
    }

    [Fact]
    public void A_revised_deadline_not_after_the_revision_is_refused()
    {
        Given.OpenedTrack().AndCommands(Ultimatum()).When(Revise() with { Deadline = On(7, 29) }).ThenFails(NegotiationErrors.UltimatumDeadlineNotAfterRevision);
    }

    [Fact]
    public void A_revision_with_an_empty_new_demand_is_refused()
    {
        Given.OpenedTrack().AndCommands(Ultimatum()).When(Revise() with { Demand = " " }).ThenFails(NegotiationErrors.UltimatumTermsEmpty);
    }

    [Fact]
    public void Withdrawing_an_active_ultimatum_records_it()
    {
        var state = Given.OpenedTrack().AndCommands(Ultimatum())
            .When(Withdraw())
            .Then(new UltimatumWithdrawn { Ultimatum = FiftyDays, Reason = "a deal was reached", OccurredOn = On(8, 1), Source = null });

        state.FindUltimatum(FiftyDays)!.IsWithdrawn.Should().BeTrue();
    }

    [Fact]
    public void Withdrawing_an_unknown_ultimatum_is_refused()
    {
        Given.OpenedTrack().When(Withdraw()).ThenFails(NegotiationErrors.UltimatumUnknown);
    }

    [Fact]
    public void Withdrawing_a_withdrawn_ultimatum_is_refused()
    {
        var error = Given.OpenedTrack().AndCommands(Ultimatum(), Withdraw()).When(Withdraw(id: "withdraw-again")).ThenFails(NegotiationErrors.UltimatumNotActive);

        error.Message.Should().Contain("'fifty-days'").And.Contain("2025-08-01");
    }

    [Fact]
    public void A_lapsed_ultimatum_may_still_be_withdrawn()
    {
        Given.OpenedTrack().AndCommands(Ultimatum()).When(Withdraw() with { OccurredOn = On(10, 1) }).ThenAccepted();
    }
}
