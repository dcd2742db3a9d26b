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
            .When(new ReviseUltimatum
            {
                Track = Track,
                CommandId = new CommandId("revise"),
                Ultimatum = HarbourTalks.ReopenThePort,
                Deadline = WorldDate.On(2026, 3, 20),
                Demand = null,
                Consequence = null,
                OccurredOn = WorldDate.On(2026, 3, 12),
            })
            .Then(new UltimatumRevised
            {
                Ultimatum = HarbourTalks.ReopenThePort,
                Deadline = WorldDate.On(2026, 3, 20),
                Demand = null,
                Consequence = null,
                OccurredOn = WorldDate.On(2026, 3, 12),
                Source = null,
            });
    }

    [Fact]
    public void An_ultimatum_aimed_at_the_issuers_own_side_is_refused()
    {
        NegotiationScenario.Create()
            .GivenCommands(Open)
            .When(new IssueUltimatum
            {
                Track = Track,
                CommandId = new CommandId("own-side"),
                Ultimatum = new UltimatumId("own-side"),
                Issuer = HarbourTalks.Lind,
                Target = HarbourTalks.Norvania,
                Demand = "x",
                Deadline = WorldDate.On(2026, 4, 1),
                Consequence = "y",
                OccurredOn = WorldDate.On(2026, 3, 5),
            })
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
