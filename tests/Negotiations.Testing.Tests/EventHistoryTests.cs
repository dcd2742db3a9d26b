using FluentAssertions;
using Negotiations.EventSourcing;
using Negotiations.Tests.Shared;
using Xunit;

namespace Negotiations.Testing.Tests;

public sealed class EventHistoryTests
{
    [Fact]
    public async Task A_stream_exported_from_a_store_replays_into_the_same_state_as_the_store_gives()
    {
        var store = await SeedHistory.ReplayAsync();
        var path = Path.Combine(Path.GetTempPath(), $"history-{Guid.NewGuid():N}.json");

        try
        {
            var exported = await EventHistory.ExportAsync(store, [SeedHistory.Track], path);
            var loaded = EventHistory.Load(path);

            loaded.Events.Should().BeEquivalentTo(exported.Events, o => o.RespectingRuntimeTypes());
            var live = (await Readers.Over(store).GetStateAsync(new TrackId(SeedHistory.Track), SeedHistory.Published))!;
            loaded.Replay(new NegotiationStateProjection(SeedHistory.Published), SeedHistory.Track)
                .Should().BeEquivalentTo(live, o => o.RespectingRuntimeTypes());
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task The_committed_seed_history_is_what_the_seed_replay_exports()
    {
        var store = await SeedHistory.ReplayAsync();
        var fresh = EventHistory.Of(await store.ReadStreamAsync(StreamKey.Of(SeedHistory.Track))).ToJson();

        if (Environment.GetEnvironmentVariable("NEGOTIATIONS_UPDATE_GOLDEN") == "1")
        {
            await File.WriteAllTextAsync(SeedHistory.HistoryFile, fresh);
        }

        (await File.ReadAllTextAsync(SeedHistory.HistoryFile)).ReplaceLineEndings("\n").Should().Be(fresh,
            "the history file pins the seed's events; regenerate it with NEGOTIATIONS_UPDATE_GOLDEN=1 after a deliberate change");
    }

    [Fact]
    public void A_history_replays_as_of_a_world_day_leaving_out_what_had_not_happened()
    {
        var history = EventHistory.Load(SeedHistory.HistoryFile);

        var may = history.Replay(new NegotiationStateProjection(), SeedHistory.Track, asOf: new DateOnly(2025, 5, 20));
        var july = history.Replay(new NegotiationStateProjection(), SeedHistory.Track, asOf: SeedHistory.Published);

        may.Rounds.Where(r => r.Status == RoundStatus.Held).Should().ContainSingle();
        may.Ultimatums.Should().BeEmpty();
        july.Rounds.Where(r => r.Status == RoundStatus.Held).Should().HaveCount(2);
        july.Ultimatums.Should().ContainSingle();
    }

    [Fact]
    public void The_worked_example_projection_counts_proposals_per_party_from_the_seed_history()
    {
        var history = EventHistory.Load(SeedHistory.HistoryFile);

        var view = history.Replay(new ProposalsPerPartyProjection(), SeedHistory.Track);

        view.ByParty.Should().Equal(new Dictionary<string, int> { ["RUS"] = 2, ["UKR"] = 1 });
    }

    [Fact]
    public void A_history_replays_into_a_cross_stream_projection_in_global_order()
    {
        var history = EventHistory.Load(SeedHistory.HistoryFile);

        var watchlist = history.Replay(new WatchlistProjection())[Watchlist.AllTracks];

        watchlist.OpenUltimatumsOn(SeedHistory.Published).Should().ContainSingle().Which.Target.Should().Be(Affiliation.Russia);
        watchlist.UpcomingRoundsOn(SeedHistory.Published).Should().ContainSingle().Which.Id.Should().Be(new RoundId("turkiye-2025-07-23"));
    }

    [Fact]
    public void A_history_file_that_cannot_be_read_is_an_error_naming_the_file()
    {
        var path = Path.Combine(Path.GetTempPath(), $"missing-{Guid.NewGuid():N}", "history.json");

        var load = () => EventHistory.Load(path);

        load.Should().Throw<EventHistoryException>().WithMessage($"{path}: cannot be read: *");
    }

    [Theory]
    [InlineData("[]", "history.json: expected an object with \"format\": \"negotiations.history.v1\"")]
    [InlineData("{\"format\":\"negotiations.history.v1\"}", "history.json: expected an \"events\" array")]
    [InlineData("{\"format\":\"negotiations.history.v1\",\"events\":[{\"streamId\":\"t\",\"version\":1,\"type\":\"round_moved.v1\",\"data\":{}}]}", "history.json: entry 1: round_moved.v1: 'round_moved.v1' is not a known event type*")]
    [InlineData("{\"format\":\"negotiations.history.v1\",\"events\":[{\"streamId\":\"t\",\"version\":2,\"type\":\"fact_retracted.v1\",\"data\":{}}]}", "history.json: entry 1: stream 't' is at version 0, so this entry must have version 1, not 2")]
    [InlineData("{\"format\":\"negotiations.history.v1\",\"events\":[{\"version\":1,\"type\":\"fact_retracted.v1\",\"data\":{}}]}", "history.json: entry 1: \"streamId\" is missing or empty")]
    [InlineData("{\"format\":\"negotiations.history.v1\",\"events\":[{\"streamId\":\"t\",\"version\":1,\"type\":\"fact_retracted.v1\"}]}", "history.json: entry 1: \"data\" is missing or not an object")]
    [InlineData("{\"format\":\"negotiations.history.v1\",\"events\":[{\"streamId\":\"t\",\"version\":1,\"type\":\"fact_retracted.v1\",\"data\":{\"retracted\":\"has space\",\"reason\":\"r\",\"occurredOn\":{\"notBefore\":null,\"notAfter\":null,\"precision\":\"unknown\"},\"source\":null}}]}", "history.json: entry 1: fact_retracted.v1: *has space*")]
    [InlineData("{\"format\":", "history.json: not valid JSON: *")]
    [InlineData("{\"format\":\"negotiations.history.v1\",\"events\":[{\"streamId\":\"t\",\"version\":\"1\",\"type\":\"fact_retracted.v1\",\"data\":{}}]}", "history.json: entry 1: \"version\" is missing or not a whole number")]
    [InlineData("{\"format\":\"negotiations.history.v1\",\"events\":[{\"streamId\":\"t\",\"version\":1,\"globalPosition\":\"7\",\"type\":\"fact_retracted.v1\",\"data\":{}}]}", "history.json: entry 1: \"globalPosition\" is not a whole number from 1: \"7\"")]
    [InlineData("{\"format\":\"negotiations.history.v1\",\"events\":[{\"streamId\":\"t\",\"version\":1,\"recordedAt\":5,\"type\":\"fact_retracted.v1\",\"data\":{}}]}", "history.json: entry 1: \"recordedAt\" is not a date and time: 5")]
    [InlineData("{\"format\":\"negotiations.history.v1\",\"events\":[{\"streamId\":\"t\",\"version\":1,\"metdata\":{},\"type\":\"fact_retracted.v1\",\"data\":{}}]}", "history.json: entry 1: \"metdata\" is not a property of an entry; an entry has streamId, version, globalPosition, type, recordedAt, metadata, data")]
    [InlineData("{\"format\":\"negotiations.history.v1\",\"events\":[],\"stream\":\"t\"}", "history.json: \"stream\" is not a property of a history; it has format, events")]
    public void A_malformed_history_is_an_error_naming_the_entry_and_the_problem(string json, string message)
    {
        var parse = () => EventHistory.Parse(json, "history.json");

        parse.Should().Throw<EventHistoryException>().WithMessage(message);
    }
}
