using Negotiations.Tests.Shared;
using FluentAssertions;
using Negotiations.EventSourcing;
using Negotiations.Serialization;
using Negotiations.Scripts;
using Xunit;

namespace Negotiations.Tests.Scripts;

/// <summary>The seed article, replayed from its script through the command service into the in-memory store.</summary>
public sealed class SeedReplayTests
{
    private static readonly TrackId Track = new("russia-ukraine-2025");
    private static readonly DateOnly Published = new(2025, 7, 21);

    private readonly InMemoryEventStore _store = new(NegotiationEvents.Catalog);

    [Fact]
    public async Task Every_entry_of_the_seed_is_accepted_and_a_second_replay_appends_nothing()
    {
        var script = ReadSeed();

        var first = await ReplayAsync(script);
        var second = await ReplayAsync(script);

        first.Should().AllSatisfy(r => r.Outcome.Should().Be(CommandOutcome.Accepted, r.Error?.ToString()));
        first.Select(r => r.Events.Count).Should().AllBeEquivalentTo(1);
        second.Should().OnlyContain(r => r.Outcome == CommandOutcome.AlreadyApplied);
        (await _store.ReadStreamAsync(StreamKey.Of(Track.Value))).Should().HaveCount(script.Entries.Count);
    }

    [Fact]
    public async Task As_of_21_july_2025_the_state_carries_the_facts_of_the_article()
    {
        await ReplayAsync(ReadSeed());

        var state = (await Readers.Over(_store).GetStateAsync(Track, Published))!;

        state.Title.Should().Be("Russia-Ukraine peace talks, 2025");
        state.Participants.Select(p => (p.Actor.Affiliation.Code, p.Role)).Should().BeEquivalentTo(new[]
        {
            ("UKR", ParticipantRole.Party), ("RUS", ParticipantRole.Party), ("TUR", ParticipantRole.Host), ("USA", ParticipantRole.ThirdParty),
        });

        var held = state.Rounds.Where(r => r.Status == RoundStatus.Held).ToArray();
        held.Select(r => r.Date).Should().Equal(WorldDate.On(2025, 5, 16), WorldDate.On(2025, 6, 2));
        held.Should().OnlyContain(r => r.Venue == new Venue(Affiliation.Turkiye, "Istanbul") && r.Outcome == RoundOutcome.NoBreakthrough);
        held.Should().OnlyContain(r => r.Topics.SequenceEqual(new[] { AgendaItems.Ceasefire, AgendaItems.Prisoners, AgendaItems.HumanitarianCorridors }));

        var next = state.Rounds.Should().ContainSingle(r => r.Status == RoundStatus.Scheduled).Subject;
        next.Id.Should().Be(new RoundId("turkiye-2025-07-23"));
        next.Date.Should().Be(WorldDate.On(2025, 7, 23));
        next.Venue.Should().Be(new Venue(Affiliation.Turkiye));
        next.ProposedBy!.Code.Should().Be(new ActorCode("kyiv"));
        next.AnnouncedBy!.Code.Should().Be(new ActorCode("zelenskyy"));
        next.ReportedBy!.Code.Should().Be(new ActorCode("umerov"));

        var exchange = state.Exchanges.Should().ContainSingle("prisoner exchanges are the only agreement so far").Subject;
        exchange.Kind.Should().Be(ExchangeKind.Prisoners);
        exchange.Between.Should().BeEquivalentTo(new[] { Affiliation.Ukraine, Affiliation.Russia });
        exchange.Counts.Should().BeEmpty();

        var demands = state.Proposals.Where(p => p.Kind == ProposalKind.Demand).ToArray();
        demands.Select(d => d.Agenda.Single()).Should().BeEquivalentTo(AgendaItems.Territory, AgendaItems.AllianceMembership);
        demands.Should().OnlyContain(d => d.By.Affiliation == Affiliation.Russia && !d.IsOpen);
        demands.Should().OnlyContain(d => d.Answers.Count == 1 && d.Answers[0].Answer == AnswerKind.Rejected && d.Answers[0].By.Affiliation == Affiliation.Ukraine);
        var leaders = state.Proposals.Should().ContainSingle(p => p.Kind == ProposalKind.Proposal).Subject;
        leaders.Agenda.Should().Equal(AgendaItems.LeadersMeeting);
        leaders.AddressedTo.Should().Equal(Affiliation.Russia);
        leaders.IsOpen.Should().BeTrue();

        var ultimatum = state.Ultimatums.Should().ContainSingle().Subject;
        ultimatum.Issuer.Code.Should().Be(new ActorCode("trump"));
        ultimatum.Target.Should().Be(Affiliation.Russia);
        ultimatum.Deadline.Should().Be(WorldDate.Between(new DateOnly(2025, 9, 2), new DateOnly(2025, 9, 8), DatePrecision.Week));
        ultimatum.StatusOn(Published).Should().Be(UltimatumStatus.Active);
        ultimatum.StatusOn(new DateOnly(2025, 9, 9)).Should().Be(UltimatumStatus.Lapsed);

        state.Statements.Select(s => (s.By.Code.Value, s.Kind)).Should().BeEquivalentTo(new[]
        {
            ("ukraine", StatementKind.Doubt),
            ("trump", StatementKind.Pressure),
            ("russia", StatementKind.Readiness),
            ("zelenskyy", StatementKind.Readiness),
            ("peskov", StatementKind.Assessment),
        });
        state.Statements.Should().Contain(s => s.Kind == StatementKind.Pressure && s.Agenda.SequenceEqual(new[] { AgendaItems.ArmsSupplies }));
        state.Statements.Should().Contain(s => s.Summary == "A lot of diplomatic work lies ahead." && s.OccurredOn == WorldDate.On(2025, 7, 21));
    }

    [Fact]
    public async Task As_of_20_may_2025_one_round_was_held_and_nothing_was_scheduled()
    {
        await ReplayAsync(ReadSeed());

        var state = (await Readers.Over(_store).GetStateAsync(Track, new DateOnly(2025, 5, 20)))!;

        state.IsOpened.Should().BeTrue();
        var round = state.Rounds.Should().ContainSingle().Subject;
        round.Status.Should().Be(RoundStatus.Held);
        round.Date.Should().Be(WorldDate.On(2025, 5, 16));
        state.Rounds.Should().NotContain(r => r.Status == RoundStatus.Scheduled || r.Status == RoundStatus.Proposed);
        state.Proposals.Should().BeEmpty();
        state.Exchanges.Should().BeEmpty();
        state.Ultimatums.Should().BeEmpty();
        state.Statements.Should().BeEmpty();
    }

    [Fact]
    public async Task The_timeline_cites_every_fact_in_world_order()
    {
        var script = ReadSeed();
        await ReplayAsync(script);

        var timeline = (await Readers.Over(_store).GetTimelineAsync(Track))!;

        timeline.Entries.Should().HaveCount(script.Entries.Count);
        timeline.Entries.Select(e => e.OccurredOn).Should().BeInAscendingOrder();
        timeline.Entries.Select(e => e.Source!.Quote).Should().BeEquivalentTo(script.Entries.Select(e => e.Source.Quote));
    }

    private static ReplayScript ReadSeed() => ScriptReader.ReadFiles(RepositoryPaths.Seed.Article, RepositoryPaths.Seed.Script);

    private async Task<IReadOnlyList<CommandResult>> ReplayAsync(ReplayScript script)
    {
        var service = new CommandService<NegotiationDecisionState, NegotiationCommand, INegotiationEvent>(new NegotiationDecider(), _store, NegotiationCommandFingerprints.Instance);
        var results = new List<CommandResult>();
        foreach (var command in script.Commands)
        {
            results.Add(await service.HandleAsync(command));
        }

        return results;
    }
}
