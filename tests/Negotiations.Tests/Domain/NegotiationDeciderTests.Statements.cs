using FluentAssertions;
using Xunit;
using static Negotiations.Tests.Domain.Track;

namespace Negotiations.Tests.Domain;

public sealed partial class NegotiationDeciderTests
{
    [Fact]
    public void A_statement_is_recorded_with_its_kind_tone_and_source()
    {
        var state = Given.OpenedTrack()
            .When(Statement())
            .Then(new StatementMade
            {
                By = Peskov,
                Kind = StatementKind.Assessment,
                Summary = "A lot of diplomatic work lies ahead",
                Tone = Tone.Cautious,
                Agenda = [AgendaItems.PeaceSettlement],
                OccurredOn = On(7, 21),
                Source = Quote("A lot of diplomatic work lies ahead", Peskov),
            });

        state.Statements.Should().ContainSingle().Which.By.Should().Be(Peskov);
    }

    [Fact]
    public void A_statement_without_a_tone_or_agenda_is_accepted()
    {
        Given.OpenedTrack().When(Statement() with { Tone = null, Agenda = [] }).ThenAccepted();
    }

    [Theory]
    [InlineData("")]
    [InlineData("\t")]
    public void A_statement_without_a_summary_is_refused(string summary)
    {
        Given.OpenedTrack().When(Statement() with { Summary = summary }).ThenFails(NegotiationErrors.StatementSummaryEmpty);
    }

    [Fact]
    public void A_statement_by_an_actor_of_no_participating_side_is_refused()
    {
        Given.OpenedTrack().When(Statement(Macron)).ThenFails(NegotiationErrors.ActorNotParticipant);
    }
}
