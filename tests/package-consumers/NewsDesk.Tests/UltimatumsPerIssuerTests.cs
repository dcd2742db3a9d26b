using Negotiations.EventSourcing;
using FluentAssertions;
using Negotiations;
using Negotiations.Testing;
using Xunit;

namespace NewsDesk.Tests;

/// <summary>The desk's own projection, replayed from a JSON history with the testing kit: no store, no database.</summary>
public sealed class UltimatumsPerIssuerTests
{
    private static readonly string Track = HarbourTalks.Track.Value;

    [Fact]
    public void The_recorded_history_replays_into_the_ultimatums_each_issuer_made()
    {
        var history = EventHistory.Load(Histories.HarbourTalks);

        var view = history.Replay(new UltimatumsPerIssuerProjection(), Track);

        view.IssuedBy().Should().Equal(new Dictionary<string, int> { ["lind"] = 1, ["varga"] = 1 }, "the spokesperson's ultimatum was retracted");
        view.StandingBy().Should().Equal(new Dictionary<string, int> { ["lind"] = 1 }, "Varga withdrew his after the second round");
        var reopen = view.Ultimatums.Should().ContainSingle(u => u.Id == HarbourTalks.ReopenThePort.Value).Subject;
        reopen.Deadline.Should().Be(WorldDate.On(2026, 3, 20));
        reopen.Revisions.Should().Be(1);
        reopen.Target.Should().Be("SDM");
    }

    [Fact]
    public void Replayed_as_of_a_day_before_the_revision_the_ultimatum_keeps_its_first_deadline()
    {
        var history = EventHistory.Load(Histories.HarbourTalks);

        var view = history.Replay(new UltimatumsPerIssuerProjection(), Track, asOf: new DateOnly(2026, 3, 11));

        view.Ultimatums.Single(u => u.Id == HarbourTalks.ReopenThePort.Value).Deadline.Should().Be(WorldDate.On(2026, 4, 1));
        view.StandingBy().Should().Equal(new Dictionary<string, int> { ["lind"] = 1, ["varga"] = 1 });
    }

    [Fact]
    public void A_retracted_withdrawal_leaves_the_ultimatum_standing()
    {
        var history = EventHistory.Parse(
            """
            {
              "format": "negotiations.history.v1",
              "events": [
                { "streamId": "t", "version": 1, "type": "ultimatum_issued.v1", "metadata": { "commandId": "issue" },
                  "data": { "ultimatum": "u", "issuer": { "code": "lind", "name": "Ana Lind", "affiliation": "NRV", "type": "minister" },
                            "target": "SDM", "demand": "reopen the port", "deadline": { "notBefore": "2026-04-01", "notAfter": "2026-04-01", "precision": "day" },
                            "consequence": "sanctions", "occurredOn": { "notBefore": "2026-03-05", "notAfter": "2026-03-05", "precision": "day" }, "source": null } },
                { "streamId": "t", "version": 2, "type": "ultimatum_withdrawn.v1", "metadata": { "commandId": "withdraw" },
                  "data": { "ultimatum": "u", "reason": null, "occurredOn": { "notBefore": "2026-03-06", "notAfter": "2026-03-06", "precision": "day" }, "source": null } },
                { "streamId": "t", "version": 3, "type": "fact_retracted.v1", "metadata": { "commandId": "correction" },
                  "data": { "retracted": "withdraw", "reason": "misreported", "occurredOn": { "notBefore": "2026-03-07", "notAfter": "2026-03-07", "precision": "day" }, "source": null } }
              ]
            }
            """,
            "retracted-withdrawal.json");

        var view = history.Replay(new UltimatumsPerIssuerProjection(), "t");

        view.StandingBy().Should().Equal(new Dictionary<string, int> { ["lind"] = 1 });
    }

    [Fact]
    public void The_history_replays_into_the_state_the_kits_assertions_describe()
    {
        var history = EventHistory.Load(Histories.HarbourTalks);

        var state = history.Replay(new NegotiationStateProjection(), Track);

        state.Should()
            .HaveRoundHeld(HarbourTalks.FirstRound, new DateOnly(2026, 3, 2), new Venue(HarbourTalks.Switzerland, "Geneva"))
            .And.HaveRoundHeld(HarbourTalks.SecondRound, new DateOnly(2026, 3, 16))
            .And.HaveActiveUltimatum(HarbourTalks.ReopenThePort, WorldDate.On(2026, 3, 20), on: new DateOnly(2026, 3, 18));
        state!.FindUltimatum(HarbourTalks.RecallTheEnvoy).Should().BeNull("the report was retracted");
    }
}
