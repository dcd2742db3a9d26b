using FluentAssertions;
using Xunit;
using static Negotiations.Tests.Domain.Track;

namespace Negotiations.Tests.Domain;

public sealed partial class NegotiationDeciderTests
{
    private static readonly ProposalId FourRegions = new("four-regions");

    [Fact]
    public void Making_a_demand_records_its_terms_addressees_and_agenda()
    {
        var state = Given.OpenedTrack()
            .When(Demand())
            .Then(new ProposalMade
            {
                Proposal = FourRegions,
                Kind = ProposalKind.Demand,
                By = Russia,
                AddressedTo = [Affiliation.Ukraine],
                Agenda = [AgendaItems.Territory],
                Terms = "Ukraine gives up four regions, on top of Crimea",
                OccurredOn = WorldDate.Until(Day(7, 21)),
                Source = Quote("Russia has demanded Ukraine give up four regions, on top of Crimea"),
            });

        var proposal = state.FindProposal(FourRegions)!;
        proposal.IsOpen.Should().BeTrue();
        proposal.AwaitingAnswerFrom.Should().Equal(Affiliation.Ukraine);
    }

    [Fact]
    public void Making_a_proposal_under_an_id_the_track_has_is_refused()
    {
        Given.OpenedTrack().AndCommands(Demand()).When(Demand(id: "demand-again")).ThenFails(NegotiationErrors.ProposalDuplicate);
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    public void Making_a_proposal_without_terms_is_refused(string terms)
    {
        Given.OpenedTrack().When(Demand() with { Terms = terms }).ThenFails(NegotiationErrors.ProposalTermsEmpty);
    }

    [Fact]
    public void Making_a_proposal_addressed_to_the_proposers_own_side_is_refused()
    {
        Given.OpenedTrack().When(Demand() with { AddressedTo = [Affiliation.Ukraine, Affiliation.Russia] }).ThenFails(NegotiationErrors.ProposalAddressedToProposer);
    }

    [Fact]
    public void Making_a_proposal_naming_an_addressee_twice_is_refused()
    {
        Given.OpenedTrack().When(Demand() with { AddressedTo = [Affiliation.Ukraine, Affiliation.Ukraine] }).ThenFails(NegotiationErrors.ProposalAddresseeRepeated);
    }

    [Fact]
    public void Making_a_proposal_to_a_side_that_does_not_participate_is_refused()
    {
        var error = Given.OpenedTrack().When(Demand() with { AddressedTo = [new Affiliation("FRA")] }).ThenFails(NegotiationErrors.SideNotParticipant);

        error.Message.Should().Contain("FRA").And.Contain("'four-regions'");
    }

    [Fact]
    public void Making_a_proposal_by_an_actor_of_no_participating_side_is_refused()
    {
        Given.OpenedTrack().When(Demand() with { By = Macron, AddressedTo = [] }).ThenFails(NegotiationErrors.ActorNotParticipant);
    }

    [Fact]
    public void An_addressee_answers_a_proposal_and_closes_it()
    {
        var state = Given.OpenedTrack().AndCommands(Demand())
            .When(Answer(by: Zelenskyy))
            .Then(new ProposalAnswered
            {
                Proposal = FourRegions,
                By = Zelenskyy,
                Answer = AnswerKind.Rejected,
                Conditions = null,
                CounteredBy = null,
                OccurredOn = WorldDate.Until(Day(7, 21)),
                Source = null,
            });

        var proposal = state.FindProposal(FourRegions)!;
        proposal.Answers.Should().ContainSingle().Which.By.Should().Be(Zelenskyy);
        proposal.IsOpen.Should().BeFalse();
    }

    [Fact]
    public void A_side_the_proposal_is_not_addressed_to_may_not_answer_it()
    {
        var error = Given.OpenedTrack().AndCommands(Demand()).When(Answer(by: Trump)).ThenFails(NegotiationErrors.ProposalAnswererNotAddressee);

        error.Message.Should().Contain("'trump'").And.Contain("USA").And.Contain("UKR");
    }

    [Fact]
    public void A_proposal_to_no_one_in_particular_is_answered_by_another_side()
    {
        Given.OpenedTrack().AndCommands(Demand() with { AddressedTo = [] })
            .When(Answer(by: Trump, answer: AnswerKind.Accepted))
            .ThenAccepted()
            .FindProposal(FourRegions)!.IsOpen.Should().BeFalse("a proposal addressed to no one closes at its first answer");
    }

    [Fact]
    public void A_proposal_to_no_one_in_particular_is_not_answered_by_the_proposers_side()
    {
        Given.OpenedTrack().AndCommands(Demand() with { AddressedTo = [] })
            .When(Answer(by: Peskov))
            .ThenFails(NegotiationErrors.ProposalAnswererIsProposer);
    }

    [Fact]
    public void Answering_an_unknown_proposal_is_refused_by_name()
    {
        var error = Given.OpenedTrack().When(Answer("no-such-proposal")).ThenFails(NegotiationErrors.ProposalUnknown);

        error.Message.Should().Contain("'no-such-proposal'");
    }

    [Fact]
    public void Answering_by_an_actor_of_no_participating_side_is_refused()
    {
        Given.OpenedTrack().AndCommands(Demand()).When(Answer(by: Macron)).ThenFails(NegotiationErrors.ActorNotParticipant);
    }

    [Fact]
    public void A_proposal_every_addressee_has_answered_is_not_open()
    {
        var error = Given.OpenedTrack().AndCommands(Demand(), Answer())
            .When(Answer(by: Zelenskyy, answer: AnswerKind.Accepted, id: "answer-again"))
            .ThenFails(NegotiationErrors.ProposalNotOpen);

        error.Message.Should().Contain("'four-regions'");
    }

    [Fact]
    public void A_proposal_to_two_sides_stays_open_until_both_have_answered()
    {
        var toBoth = Demand() with { AddressedTo = [Affiliation.Ukraine, Affiliation.UnitedStates] };

        var afterOne = Given.OpenedTrack().AndCommands(toBoth).When(Answer()).ThenAccepted();
        afterOne.FindProposal(FourRegions)!.IsOpen.Should().BeTrue();
        afterOne.FindProposal(FourRegions)!.AwaitingAnswerFrom.Should().Equal(Affiliation.UnitedStates);

        var afterBoth = Given.OpenedTrack().AndCommands(toBoth, Answer()).When(Answer(by: Trump, id: "answer-usa")).ThenAccepted();
        afterBoth.FindProposal(FourRegions)!.IsOpen.Should().BeFalse();
    }

    [Fact]
    public void A_side_answers_an_open_proposal_once()
    {
        Given.OpenedTrack().AndCommands(Demand() with { AddressedTo = [Affiliation.Ukraine, Affiliation.UnitedStates] }, Answer())
            .When(Answer(by: Umerov, answer: AnswerKind.Accepted, id: "answer-again"))
            .ThenFails(NegotiationErrors.ProposalAlreadyAnswered);
    }

    [Fact]
    public void Accepting_with_conditions_keeps_the_conditions()
    {
        var state = Given.OpenedTrack().AndCommands(Demand())
            .When(Answer(answer: AnswerKind.AcceptedWithConditions) with { Conditions = "Crimea excluded" })
            .ThenAccepted();

        state.FindProposal(FourRegions)!.Answers.Single().Conditions.Should().Be("Crimea excluded");
    }

    [Theory]
    [InlineData(null)]
    [InlineData(" ")]
    public void Accepting_with_conditions_but_none_named_is_refused(string? conditions)
    {
        Given.OpenedTrack().AndCommands(Demand())
            .When(Answer(answer: AnswerKind.AcceptedWithConditions) with { Conditions = conditions })
            .ThenFails(NegotiationErrors.ProposalConditionsMissing);
    }

    [Fact]
    public void Countering_with_a_proposal_made_on_the_track_is_accepted()
    {
        var counter = Demand("ceasefire-first", "counter") with { Kind = ProposalKind.Proposal, By = Ukraine, AddressedTo = [Affiliation.Russia], Terms = "a cease-fire first" };

        var state = Given.OpenedTrack().AndCommands(Demand(), counter)
            .When(Answer(answer: AnswerKind.Countered) with { CounteredBy = new ProposalId("ceasefire-first") })
            .ThenAccepted();

        state.FindProposal(FourRegions)!.Answers.Single().CounteredBy.Should().Be(new ProposalId("ceasefire-first"));
    }

    [Fact]
    public void Countering_without_naming_the_counter_proposal_is_refused()
    {
        Given.OpenedTrack().AndCommands(Demand()).When(Answer(answer: AnswerKind.Countered)).ThenFails(NegotiationErrors.ProposalCounterMissing);
    }

    [Fact]
    public void Countering_with_a_proposal_that_was_never_made_is_refused()
    {
        var error = Given.OpenedTrack().AndCommands(Demand())
            .When(Answer(answer: AnswerKind.Countered) with { CounteredBy = new ProposalId("ghost") })
            .ThenFails(NegotiationErrors.ProposalCounterUnknown);

        error.Message.Should().Contain("'ghost'");
    }

    [Fact]
    public void Countering_a_proposal_with_itself_is_refused()
    {
        Given.OpenedTrack().AndCommands(Demand())
            .When(Answer(answer: AnswerKind.Countered) with { CounteredBy = FourRegions })
            .ThenFails(NegotiationErrors.ProposalAnswerInconsistent);
    }

    [Fact]
    public void Conditions_on_an_answer_other_than_accepted_with_conditions_are_refused()
    {
        Given.OpenedTrack().AndCommands(Demand())
            .When(Answer(answer: AnswerKind.Rejected) with { Conditions = "unless Crimea is excluded" })
            .ThenFails(NegotiationErrors.ProposalAnswerInconsistent)
            .Message.Should().Be("The answer to proposal 'four-regions' is rejected but has conditions 'unless Crimea is excluded'; conditions belong to accepted_with_conditions.",
                "answers are named as the JSON names them");
    }

    [Fact]
    public void A_counter_proposal_on_an_answer_other_than_countered_is_refused()
    {
        Given.OpenedTrack().AndCommands(Demand())
            .When(Answer(answer: AnswerKind.Accepted) with { CounteredBy = new ProposalId("ghost") })
            .ThenFails(NegotiationErrors.ProposalAnswerInconsistent)
            .Message.Should().Be("The answer to proposal 'four-regions' is accepted but names counter-proposal 'ghost'; a counter-proposal belongs to countered.");
    }
}
