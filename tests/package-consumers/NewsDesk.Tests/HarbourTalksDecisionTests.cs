using Negotiations;
using Negotiations.Testing;
using Xunit;

namespace NewsDesk.Tests;

/// <summary>The rules the desk relies on, as Given/When/Then scenarios on the library's decider.</summary>
public sealed class HarbourTalksDecisionTests
{
    private static readonly TrackId Track = HarbourTalks.Track;

    private static NegotiationCommand Open => HarbourTalks.Commands[0];

    [Fact]
    public void Shortening_an_ultimatum_records_the_new_deadline()
    {
        NegotiationScenario.Create()
            .GivenCommands(Open, HarbourTalks.Commands[2])
            .When(new ReviseUltimatum(Track, new CommandId("revise"), HarbourTalks.ReopenThePort, WorldDate.On(2026, 3, 20), null, null, WorldDate.On(2026, 3, 12)))
            .Then(new UltimatumRevised(HarbourTalks.ReopenThePort, WorldDate.On(2026, 3, 20), null, null, WorldDate.On(2026, 3, 12), null));
    }

    [Fact]
    public void An_ultimatum_aimed_at_the_issuers_own_side_is_refused()
    {
        NegotiationScenario.Create()
            .GivenCommands(Open)
            .When(new IssueUltimatum(Track, new CommandId("own-side"), new UltimatumId("own-side"), HarbourTalks.Lind, HarbourTalks.Norvania, "x", WorldDate.On(2026, 4, 1), "y", WorldDate.On(2026, 3, 5)))
            .ThenFails(NegotiationErrors.UltimatumIssuerIsTarget);
    }

    [Fact]
    public void Recording_the_same_withdrawal_twice_changes_nothing()
    {
        var withdraw = HarbourTalks.Commands[^1];

        NegotiationScenario.Create()
            .GivenCommands([.. HarbourTalks.Commands])
            .When(withdraw)
            .ThenNothing();
    }
}
