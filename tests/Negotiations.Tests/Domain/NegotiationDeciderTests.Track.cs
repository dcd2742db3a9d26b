using FluentAssertions;
using Xunit;
using static Negotiations.Tests.Domain.Track;

namespace Negotiations.Tests.Domain;

public sealed partial class NegotiationDeciderTests
{
    [Fact]
    public void Opening_a_new_track_records_its_title_and_participants()
    {
        var state = Given.NothingYet()
            .When(Open() with { Source = Quote("Russia and Ukraine are set to hold a new round of peace talks") })
            .Then(new NegotiationOpened
            {
                Title = Title,
                Participants = Participants,
                OccurredOn = WorldDate.Unknown,
                Source = Quote("Russia and Ukraine are set to hold a new round of peace talks"),
            });

        state.IsOpened.Should().BeTrue();
        state.Title.Should().Be(Title);
        state.Participants.Select(p => p.Actor).Should().Equal(Ukraine, Russia, Turkiye, UnitedStates);
    }

    [Fact]
    public void Opening_a_track_twice_is_refused()
    {
        var error = Given.OpenedTrack().When(Open("open-again")).ThenFails(NegotiationErrors.TrackAlreadyOpened);

        error.Message.Should().Contain("'russia-ukraine-2025'").And.Contain(Title);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Opening_a_track_with_an_empty_title_is_refused(string title)
    {
        Given.NothingYet().When(Open() with { Title = title }).ThenFails(NegotiationErrors.TrackTitleEmpty);
    }

    [Fact]
    public void Opening_a_track_without_participants_is_refused()
    {
        Given.NothingYet().When(Open() with { Participants = [] }).ThenFails(NegotiationErrors.TrackNoParticipants);
    }

    [Fact]
    public void Opening_a_track_with_an_actor_listed_twice_is_refused_by_name()
    {
        var error = Given.NothingYet()
            .When(Open() with { Participants = [new(Ukraine, ParticipantRole.Party), new(Ukraine, ParticipantRole.Observer)] })
            .ThenFails(NegotiationErrors.ParticipantAlreadyJoined);

        error.Message.Should().Contain("'ukraine'");
    }

    public static TheoryData<NegotiationCommand> EveryCommandButOpening() =>
    [
        Join(Macron),
        ProposeRound(),
        ScheduleRound(),
        PostponeRound(),
        CancelRound(),
        HoldRound(),
        Demand(),
        Answer(),
        AgreeExchange(),
        Stage(1, []),
        Ultimatum(),
        Revise(),
        Withdraw(),
        Statement(),
        Retract("open"),
    ];

    [Theory]
    [MemberData(nameof(EveryCommandButOpening))]
    public void Any_command_on_a_track_that_was_never_opened_is_refused(NegotiationCommand command)
    {
        var error = Given.NothingYet().When(command).ThenFails(NegotiationErrors.TrackNotOpened);

        error.Message.Should().Contain("'russia-ukraine-2025'").And.Contain(command.GetType().Name);
    }

    [Fact]
    public void Adding_a_participant_records_it_joining_with_its_role()
    {
        var state = Given.OpenedTrack()
            .When(Join(Macron, ParticipantRole.Mediator))
            .Then(new ParticipantJoined { Participant = new Participant(Macron, ParticipantRole.Mediator), OccurredOn = On(7, 1), Source = null });

        state.IsParticipant(Macron.Affiliation).Should().BeTrue();
        state.Participants.Should().Contain(p => p.Actor == Macron && p.Role == ParticipantRole.Mediator && p.Since == On(7, 1));
    }

    [Fact]
    public void Adding_an_actor_of_a_participating_affiliation_under_a_new_code_is_accepted()
    {
        Given.OpenedTrack().When(Join(Umerov, ParticipantRole.Party)).ThenAccepted()
            .Participants.Should().Contain(p => p.Actor == Umerov);
    }

    [Fact]
    public void Adding_an_actor_that_is_a_participant_already_is_refused()
    {
        var error = Given.OpenedTrack().When(Join(Russia, ParticipantRole.Observer)).ThenFails(NegotiationErrors.ParticipantAlreadyJoined);

        error.Message.Should().Contain("'russia'");
    }

    [Fact]
    public void Actors_act_for_a_participant_by_affiliation()
    {
        var state = Given.OpenedTrack().When(Statement(Umerov)).ThenAccepted();

        state.Participants.Should().NotContain(p => p.Actor == Umerov, "Umerov acts for UKR, which participates as Ukraine");
        state.Actors.Should().Contain(Umerov);
    }

    [Fact]
    public void An_actor_whose_affiliation_no_participant_acts_for_is_refused_by_name()
    {
        var error = Given.OpenedTrack().When(Statement(Macron)).ThenFails(NegotiationErrors.ActorNotParticipant);

        error.Message.Should().Contain("'macron'").And.Contain("FRA");
    }

    [Fact]
    public void An_actor_code_known_with_another_affiliation_is_refused()
    {
        var impostor = Zelenskyy with { Affiliation = Affiliation.Russia };

        var error = Given.OpenedTrack().AndCommands(Statement(Zelenskyy, "first"))
            .When(Statement(impostor, "second"))
            .ThenFails(NegotiationErrors.ActorAffiliationConflict);

        error.Message.Should().Contain("'zelenskyy'").And.Contain("UKR").And.Contain("RUS");
    }

    [Fact]
    public void An_actor_code_known_with_the_same_affiliation_may_act_again_under_another_name()
    {
        Given.OpenedTrack().AndCommands(Statement(Zelenskyy, "first"))
            .When(Statement(Zelenskyy with { Name = "Zelenskyy" }, "second"))
            .ThenAccepted();
    }

    [Fact]
    public void A_command_whose_id_was_applied_already_decides_nothing()
    {
        Given.OpenedTrack().AndCommands(Statement(Peskov, "peskov-1")).When(Statement(Peskov, "peskov-1")).ThenNothing();
    }

    [Fact]
    public void Opening_again_under_the_opening_command_id_decides_nothing()
    {
        Given.OpenedTrack().When(Open()).ThenNothing();
    }

    [Theory]
    [InlineData("energy_infrastructure")]
    [InlineData("ceasefire")]
    [InlineData("g7_summit")]
    public void Agenda_items_may_be_any_lower_case_code(string code)
    {
        Given.OpenedTrack().When(Statement() with { Agenda = [code] }).ThenAccepted();
    }

    [Theory]
    [InlineData("Ceasefire")]
    [InlineData("cease fire")]
    [InlineData("cease-fire")]
    [InlineData("")]
    [InlineData("_ceasefire")]
    [InlineData("9_points")]
    public void An_agenda_item_that_is_not_a_lower_case_code_is_refused_by_name(string code)
    {
        var error = Given.OpenedTrack().When(Statement() with { Agenda = [AgendaItems.Ceasefire, code] }).ThenFails(NegotiationErrors.AgendaInvalidCode);

        error.Message.Should().Contain($"'{code}'");
    }

    [Fact]
    public void A_command_type_the_decider_does_not_know_is_a_programming_error()
    {
        var decide = () => new NegotiationDecider().Decide(Given.OpenedTrack().DecisionState, new Unknown { Track = Id, CommandId = Cmd("x") });

        decide.Should().Throw<ArgumentException>().WithMessage("*Unknown*");
    }

    private sealed record Unknown : NegotiationCommand;
}
