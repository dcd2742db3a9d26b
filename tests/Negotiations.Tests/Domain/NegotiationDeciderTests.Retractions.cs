using FluentAssertions;
using Xunit;
using static Negotiations.Tests.Domain.Track;

namespace Negotiations.Tests.Domain;

public sealed partial class NegotiationDeciderTests
{
    [Fact]
    public void Retracting_a_command_applied_on_the_track_records_the_retraction_and_drops_its_facts()
    {
        var state = Given.OpenedTrack().AndCommands(Statement(Peskov, "peskov"))
            .When(Retract("peskov"))
            .Then(new FactRetracted { Retracted = Cmd("peskov"), Reason = "the report was corrected", OccurredOn = On(7, 22), Source = null });

        state.Statements.Should().BeEmpty();
        state.Retractions.Should().ContainSingle().Which.Retracted.Should().Be("peskov");
    }

    [Fact]
    public void Retracting_a_command_never_applied_on_the_track_is_refused_by_name()
    {
        var error = Given.OpenedTrack().When(Retract("never-applied")).ThenFails(NegotiationErrors.RetractionUnknownCommand);

        error.Message.Should().Contain("'never-applied'");
    }

    [Fact]
    public void Retracting_a_command_twice_is_refused()
    {
        var error = Given.OpenedTrack().AndCommands(Statement(Peskov, "peskov"), Retract("peskov"))
            .When(Retract("peskov", "retract-again"))
            .ThenFails(NegotiationErrors.RetractionAlreadyRetracted);

        error.Message.Should().Contain("'peskov'").And.Contain("'retract'");
    }

    [Fact]
    public void Retracting_the_opening_of_the_track_is_refused()
    {
        Given.OpenedTrack().When(Retract(OpeningCommand)).ThenFails(NegotiationErrors.RetractionNotRetractable);
    }

    [Fact]
    public void Retracting_a_retraction_is_refused()
    {
        Given.OpenedTrack().AndCommands(Statement(Peskov, "peskov"), Retract("peskov"))
            .When(Retract("retract", "retract-the-retraction"))
            .ThenFails(NegotiationErrors.RetractionNotRetractable);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void A_retraction_without_a_reason_is_refused(string reason)
    {
        Given.OpenedTrack().AndCommands(Statement(Peskov, "peskov")).When(Retract("peskov") with { Reason = reason }).ThenFails(NegotiationErrors.RetractionReasonEmpty);
    }

    [Fact]
    public void A_retracted_answer_reopens_its_proposal_for_an_answer()
    {
        Given.OpenedTrack().AndCommands(Demand(), Answer(), Retract("answer"))
            .When(Answer(answer: AnswerKind.Accepted, id: "answer-corrected"))
            .ThenAccepted()
            .FindProposal(new ProposalId("four-regions"))!.Answers.Should().ContainSingle().Which.Answer.Should().Be(AnswerKind.Accepted);
    }

    [Fact]
    public void A_retracted_proposal_is_unknown_afterwards()
    {
        Given.OpenedTrack().AndCommands(Demand(), Retract("demand")).When(Answer()).ThenFails(NegotiationErrors.ProposalUnknown);
    }

    [Fact]
    public void A_retracted_withdrawal_makes_its_ultimatum_active_again()
    {
        Given.OpenedTrack().AndCommands(Ultimatum(), Withdraw(), Retract("withdraw"))
            .When(Revise() with { OccurredOn = On(8, 2), Deadline = On(8, 20) })
            .ThenAccepted();
    }

    [Fact]
    public void A_retracted_holding_of_a_round_lets_it_be_held_again()
    {
        Given.OpenedTrack().AndCommands(HoldRound(), Retract("hold-round"))
            .When(HoldRound(id: "hold-corrected") with { OccurredOn = On(5, 17) })
            .ThenAccepted()
            .FindRound(new RoundId("istanbul-2025-05-16"))!.Date.Should().Be(On(5, 17));
    }
}
