using FluentAssertions;
using JasperFx.Events.Projections;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Negotiations.EventSourcing;
using Negotiations.Scripts;
using Negotiations.Testing;
using Negotiations.Tests;
using Negotiations.Tests.Shared;
using Xunit;

namespace Negotiations.Marten.Tests;

/// <summary>
/// The negotiation views on PostgreSQL as an application sets them up: the state inline, the watchlist across tracks
/// run async by the daemon, and the README's worked example (a user's own projection) inline. Each equals what the
/// same projection builds in memory.
/// </summary>
public sealed class NegotiationViewsOnMartenTests(PostgresSchema<NegotiationViewsOnMartenTests> schema) : IClassFixture<PostgresSchema<NegotiationViewsOnMartenTests>>
{
    private const string SeedTrack = "russia-ukraine-2025";
    private const string SecondTrack = "usa-russia-summit-2025";
    private static readonly DateOnly Published = new(2025, 7, 21);
    private static readonly TimeSpan CatchUp = TimeSpan.FromSeconds(30);

    private async Task<IHost> StartAsync() =>
        await MartenTestHost.StartAsync(await schema.ConnectionStringAsync(), schema.Name, o =>
        {
            o.AddProjection(new NegotiationStateProjection(), ProjectionLifecycle.Inline);
            o.AddProjection(new ProposalsPerPartyProjection(), ProjectionLifecycle.Inline);
            o.AddProjection(new WatchlistProjection(), ProjectionLifecycle.Async);
        });

    /// <summary>The seed on its own track, and again on a second track, so the watchlist spans two.</summary>
    private static async Task ReplayTwoTracksAsync(IServiceProvider services)
    {
        var commands = services.GetRequiredService<INegotiationCommands>();
        var script = ScriptReader.ReadFiles(RepositoryPaths.Seed.Article, RepositoryPaths.Seed.Script);
        foreach (var command in script.Commands.Concat(script.Commands.Select(c => c with { Track = new TrackId(SecondTrack) })))
        {
            var result = await commands.SendAsync(command);
            result.Succeeded.Should().BeTrue($"{command.CommandId} is accepted ({result.Error?.Code})");
        }
    }

    [Fact]
    public async Task The_watchlist_runs_async_across_tracks_and_equals_the_in_memory_projection_also_after_a_rebuild()
    {
        using var host = await StartAsync();
        await ReplayTwoTracksAsync(host.Services);
        var views = host.Services.GetRequiredService<MartenViews>();

        await views.WaitForNonStaleAsync(CatchUp);
        var stored = (await views.LoadAsync<Watchlist>(Watchlist.AllTracks))!.View;
        await views.RebuildAsync<Watchlist>(CatchUp, TestContext.Current.CancellationToken);
        var rebuilt = (await views.LoadAsync<Watchlist>(Watchlist.AllTracks))!.View;

        var all = new List<RecordedEvent>();
        await foreach (var e in host.Services.GetRequiredService<IEventStore>().ReadAllAsync())
        {
            all.Add(e);
        }

        var inMemory = new WatchlistProjection().Project(all)[Watchlist.AllTracks];
        stored.Should().BeEquivalentTo(inMemory, o => o.WithStrictOrdering());
        rebuilt.Should().BeEquivalentTo(inMemory, o => o.WithStrictOrdering());
        stored.OpenUltimatumsOn(Published).Select(u => u.Track).Should().BeEquivalentTo([SeedTrack, SecondTrack]);
        stored.UpcomingRoundsOn(Published).Select(r => (r.Track, r.Id.Value))
            .Should().BeEquivalentTo([(SeedTrack, "turkiye-2025-07-23"), (SecondTrack, "turkiye-2025-07-23")]);
        await host.StopAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task The_worked_example_projection_inline_on_postgres_equals_its_replay_from_the_json_history()
    {
        using var host = await StartAsync();
        await ReplayTwoTracksAsync(host.Services);
        var views = host.Services.GetRequiredService<MartenViews>();

        var onPostgres = (await views.LoadAsync<ProposalsPerParty>(SeedTrack))!.View;
        var fromHistory = EventHistory.Load(Path.Combine(RepositoryPaths.Root, "tests", "Negotiations.Testing.Tests", "histories", "russia-ukraine-2025.history.json"))
            .Replay(new ProposalsPerPartyProjection(), SeedTrack);

        onPostgres.Should().BeEquivalentTo(fromHistory, o => o.WithStrictOrdering());
        onPostgres.ByParty.Should().Equal(new Dictionary<string, int> { ["RUS"] = 2, ["UKR"] = 1 });
        (await views.LoadAsync<NegotiationState>(SeedTrack))!.View.Should()
            .HaveRoundScheduled(new RoundId("turkiye-2025-07-23"), new DateOnly(2025, 7, 23), new Venue(Affiliation.Turkiye));
        await host.StopAsync(TestContext.Current.CancellationToken);
    }
}
