using FluentAssertions;
using Xunit;
using static Negotiations.Tests.Domain.Track;

namespace Negotiations.Tests.Domain;

public sealed partial class NegotiationDeciderTests
{
    private static readonly ExchangeId Prisoners = new("prisoners-2025");

    private static IReadOnlyList<SideCount> Each(int ukraine, int russia) =>
        [new SideCount(Affiliation.Ukraine, ukraine), new SideCount(Affiliation.Russia, russia)];

    [Fact]
    public void Agreeing_an_exchange_records_its_sides_and_counts()
    {
        var state = Given.OpenedTrack()
            .When(AgreeExchange(counts: Each(1000, 1000)))
            .Then(new ExchangeAgreed
            {
                Exchange = Prisoners,
                Kind = ExchangeKind.Prisoners,
                Between = [Affiliation.Ukraine, Affiliation.Russia],
                Counts = Each(1000, 1000),
                Terms = "prisoner exchanges",
                OccurredOn = WorldDate.Until(Day(7, 21)),
                Source = null,
            });

        var exchange = state.FindExchange(Prisoners)!;
        exchange.AgreedFor(Affiliation.Ukraine).Should().Be(1000);
        exchange.Stages.Should().BeEmpty();
    }

    [Fact]
    public void Agreeing_an_exchange_without_known_counts_is_accepted()
    {
        Given.OpenedTrack().When(AgreeExchange()).ThenAccepted().FindExchange(Prisoners)!.AgreedFor(Affiliation.Russia).Should().BeNull();
    }

    [Fact]
    public void Agreeing_an_exchange_under_an_id_the_track_has_is_refused()
    {
        Given.OpenedTrack().AndCommands(AgreeExchange()).When(AgreeExchange(id: "agree-again")).ThenFails(NegotiationErrors.ExchangeDuplicate);
    }

    [Fact]
    public void An_exchange_with_one_side_is_refused()
    {
        Given.OpenedTrack().When(AgreeExchange() with { Between = [Affiliation.Ukraine] }).ThenFails(NegotiationErrors.ExchangeSidesTooFew);
    }

    [Fact]
    public void An_exchange_naming_a_side_twice_is_refused()
    {
        Given.OpenedTrack().When(AgreeExchange() with { Between = [Affiliation.Ukraine, Affiliation.Ukraine] }).ThenFails(NegotiationErrors.ExchangeSideRepeated);
    }

    [Fact]
    public void An_exchange_with_a_side_that_does_not_participate_is_refused()
    {
        Given.OpenedTrack().When(AgreeExchange() with { Between = [Affiliation.Ukraine, new Affiliation("FRA")] }).ThenFails(NegotiationErrors.SideNotParticipant);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    public void An_exchange_count_that_is_not_positive_is_refused_by_value(int count)
    {
        var error = Given.OpenedTrack().When(AgreeExchange(counts: Each(count, 10))).ThenFails(NegotiationErrors.ExchangeCountNotPositive);

        error.Message.Should().Contain(count.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void An_exchange_counting_a_side_that_is_not_one_of_its_sides_is_refused()
    {
        Given.OpenedTrack().When(AgreeExchange(counts: [new SideCount(Affiliation.UnitedStates, 3)])).ThenFails(NegotiationErrors.ExchangeSideNotInExchange);
    }

    [Fact]
    public void An_exchange_counting_a_side_twice_is_refused()
    {
        Given.OpenedTrack().When(AgreeExchange(counts: [new SideCount(Affiliation.Ukraine, 3), new SideCount(Affiliation.Ukraine, 4)])).ThenFails(NegotiationErrors.ExchangeSideRepeated);
    }

    [Fact]
    public void A_stage_of_an_agreed_exchange_is_recorded_and_counted_in_its_totals()
    {
        var state = Given.OpenedTrack().AndCommands(AgreeExchange(counts: Each(1000, 1000)))
            .When(Stage(1, Each(390, 390)))
            .Then(new ExchangeCarriedOut { Exchange = Prisoners, Stage = 1, Counts = Each(390, 390), OccurredOn = On(5, 24), Source = null });

        state.FindExchange(Prisoners)!.Totals.Should().Equal(Each(390, 390).Select(c => new SideTotal { Side = c.Side, Count = c.Count }));
    }

    [Fact]
    public void A_stage_of_an_exchange_that_was_never_agreed_is_refused()
    {
        var error = Given.OpenedTrack().When(Stage(1, Each(1, 1))).ThenFails(NegotiationErrors.ExchangeUnknown);

        error.Message.Should().Contain("'prisoners-2025'");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    public void A_stage_number_below_one_is_refused(int stage)
    {
        Given.OpenedTrack().AndCommands(AgreeExchange()).When(Stage(stage, [], id: "stage")).ThenFails(NegotiationErrors.ExchangeStageNotPositive);
    }

    [Fact]
    public void A_stage_number_recorded_already_is_refused()
    {
        Given.OpenedTrack().AndCommands(AgreeExchange(), Stage(1, Each(10, 10))).When(Stage(1, Each(5, 5), id: "stage-1-again")).ThenFails(NegotiationErrors.ExchangeStageDuplicate);
    }

    [Fact]
    public void Stages_may_add_up_to_exactly_the_agreed_counts()
    {
        var state = Given.OpenedTrack().AndCommands(AgreeExchange(counts: Each(1000, 1000)), Stage(1, Each(390, 390)), Stage(2, Each(307, 307)))
            .When(Stage(3, Each(303, 303)))
            .ThenAccepted();

        state.FindExchange(Prisoners)!.Totals.Should().Equal(Each(1000, 1000).Select(c => new SideTotal { Side = c.Side, Count = c.Count }));
    }

    [Fact]
    public void A_stage_that_would_pass_the_agreed_count_of_a_side_is_refused_naming_the_numbers()
    {
        var error = Given.OpenedTrack().AndCommands(AgreeExchange(counts: Each(1000, 1000)), Stage(1, Each(390, 390)), Stage(2, Each(307, 307)))
            .When(Stage(3, Each(303, 304)))
            .ThenFails(NegotiationErrors.ExchangeStageExceedsAgreed);

        error.Message.Should().Contain("RUS").And.Contain("304").And.Contain("697").And.Contain("1000");
    }

    [Fact]
    public void A_side_without_an_agreed_count_is_not_limited()
    {
        Given.OpenedTrack().AndCommands(AgreeExchange(counts: [new SideCount(Affiliation.Ukraine, 10)]))
            .When(Stage(1, Each(10, 5000)))
            .ThenAccepted();
    }

    [Fact]
    public void A_stage_counting_a_side_that_is_not_one_of_the_exchanges_sides_is_refused()
    {
        Given.OpenedTrack().AndCommands(AgreeExchange())
            .When(Stage(1, [new SideCount(Affiliation.UnitedStates, 1)]))
            .ThenFails(NegotiationErrors.ExchangeSideNotInExchange);
    }

    [Fact]
    public void A_stage_with_a_count_that_is_not_positive_is_refused()
    {
        Given.OpenedTrack().AndCommands(AgreeExchange()).When(Stage(1, Each(0, 1))).ThenFails(NegotiationErrors.ExchangeCountNotPositive);
    }
}
