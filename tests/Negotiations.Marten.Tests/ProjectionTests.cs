using FluentAssertions;
using JasperFx.Events.Projections;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Negotiations.EventSourcing;
using Negotiations.Tests.Shared;
using Xunit;

namespace Negotiations.Marten.Tests;

/// <summary>
/// The core's projections run in Marten, set up as an application would: <c>UseMarten</c> under the generic host,
/// with the async daemon. Each view must equal what the same projection builds in memory from the same events.
/// </summary>
public sealed class ProjectionTests(PostgresSchema<ProjectionTests> schema) : IClassFixture<PostgresSchema<ProjectionTests>>
{
    private static readonly TimeSpan CatchUp = TimeSpan.FromSeconds(30);

    private async Task<IHost> StartAsync() =>
        await MartenTestHost.StartAsync(
            await schema.ConnectionStringAsync(),
            schema.Name,
            o =>
            {
                o.AddProjection(new TallySummaryProjection(), ProjectionLifecycle.Inline);
                o.AddProjection(new TallyNotesProjection(), ProjectionLifecycle.Live);
                o.AddProjection(new TallyLedgerProjection(), ProjectionLifecycle.Async);
            },
            services => services.AddSingleton(Tally.Catalog));

    private static async Task<List<CommandResult>> WriteAsync(IHost host, params (string Stream, int Amount)[] adds)
    {
        var service = new CommandService<Tally.State, Tally.Add, Tally.IEvent>(Tally.Instance, host.Services.GetRequiredService<IEventStore>(), Tally.Fingerprints.Instance);
        var results = new List<CommandResult>();
        foreach (var (stream, amount) in adds)
        {
            results.Add(await service.HandleAsync(new Tally.Add(stream, $"cmd-{Guid.NewGuid():N}", amount)));
        }

        return results;
    }

    private static async Task<List<RecordedEvent>> ReadAllAsync(IEventStore store)
    {
        var events = new List<RecordedEvent>();
        await foreach (var e in store.ReadAllAsync())
        {
            events.Add(e);
        }

        return events;
    }

    [Fact]
    public async Task An_inline_stream_view_equals_the_live_aggregation_and_the_in_memory_projection()
    {
        using var host = await StartAsync();
        var stream = $"inline-{Guid.NewGuid():N}";
        await WriteAsync(host, (stream, 5), (stream, 150), (stream, 7), (stream, 300));
        var views = host.Services.GetRequiredService<MartenViews>();
        var events = await host.Services.GetRequiredService<IEventStore>().ReadStreamAsync(StreamKey.Of(stream));

        var inline = await views.LoadAsync<TallySummary>(stream);
        var live = await views.AggregateAsync<TallySummary>(stream);
        var liveAtThree = await views.AggregateAsync<TallySummary>(stream, untilVersion: 3);

        var projection = new TallySummaryProjection();
        var inMemory = projection.Project(stream, events);
        inMemory.Versions.Should().Equal(1, 2, 3, 4, 5, 6);
        inline!.View.Should().BeEquivalentTo(inMemory, o => o.WithStrictOrdering());
        live!.View.Should().BeEquivalentTo(inMemory, o => o.WithStrictOrdering());
        inline.EventCount.Should().Be(6);
        live.EventCount.Should().Be(6);
        liveAtThree!.View.Should().BeEquivalentTo(projection.Project(stream, events.Take(3)), o => o.WithStrictOrdering());
        liveAtThree.EventCount.Should().Be(3);
        await host.StopAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task An_async_cross_stream_view_catches_up_through_the_daemon_and_equals_the_in_memory_projection()
    {
        using var host = await StartAsync();
        var streams = Enumerable.Range(0, 3).Select(i => $"async-{i}-{Guid.NewGuid():N}").ToArray();
        await WriteAsync(host, (streams[0], 4), (streams[1], 120), (streams[2], 9), (streams[0], 101), (streams[1], 2));
        var views = host.Services.GetRequiredService<MartenViews>();

        await views.WaitForNonStaleAsync(CatchUp);
        var stored = await views.LoadAllAsync<TallyLedger>();

        var inMemory = new TallyLedgerProjection().Project(await ReadAllAsync(host.Services.GetRequiredService<IEventStore>()));
        stored.Select(v => v.View).Should().BeEquivalentTo(inMemory.Values.OrderBy(v => v.Id, StringComparer.Ordinal), o => o.WithStrictOrdering());
        stored.Should().OnlyContain(v => v.EventCount == v.View.Events);
        stored.Single(v => v.Id == TallyLedgerProjection.All).View.Streams.Should().Contain(streams);
        stored.Single(v => v.Id == TallyLedgerProjection.All).View.LastPosition.Should().BePositive("the daemon sees global positions");
        await host.StopAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task Rebuilding_replaces_tampered_views_with_what_the_incremental_projection_built()
    {
        using var host = await StartAsync();
        var stream = $"rebuild-{Guid.NewGuid():N}";
        await WriteAsync(host, (stream, 11), (stream, 222), ($"rebuild-other-{Guid.NewGuid():N}", 33));
        var views = host.Services.GetRequiredService<MartenViews>();
        await views.WaitForNonStaleAsync(CatchUp);
        var summary = await views.LoadAsync<TallySummary>(stream);
        var ledgers = await views.LoadAllAsync<TallyLedger>();
        await host.StopAsync(TestContext.Current.CancellationToken);

        await using (var session = host.Services.GetRequiredService<INegotiationsStore>().LightweightSession())
        {
            session.Store(new ProjectedView<TallySummary> { Id = stream, EventCount = 1, View = new TallySummary(stream, -1, 0, [], [], []) });
            session.Store(new ProjectedView<TallyLedger> { Id = TallyLedgerProjection.All, EventCount = 1, View = new TallyLedger(TallyLedgerProjection.All, 1, -1, [], 0) });
            await session.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        (await views.LoadAsync<TallySummary>(stream))!.View.Total.Should().Be(-1, "the tampering took");
        await views.RebuildAsync<TallySummary>(cancellationToken: TestContext.Current.CancellationToken);
        await views.RebuildAsync<TallyLedger>(cancellationToken: TestContext.Current.CancellationToken);

        (await views.LoadAsync<TallySummary>(stream)).Should().BeEquivalentTo(summary, o => o.WithStrictOrdering());
        (await views.LoadAllAsync<TallyLedger>()).Should().BeEquivalentTo(ledgers, o => o.WithStrictOrdering());
    }

    [Fact]
    public async Task A_live_view_is_folded_on_demand_and_never_stored()
    {
        using var host = await StartAsync();
        var stream = $"live-{Guid.NewGuid():N}";
        await WriteAsync(host, (stream, 500), (stream, 1), (stream, 600));
        var views = host.Services.GetRequiredService<MartenViews>();

        var live = await views.AggregateAsync<TallyNotes>(stream);
        var missing = await views.AggregateAsync<TallyNotes>($"live-missing-{Guid.NewGuid():N}");
        var load = () => views.LoadAsync<TallyNotes>(stream);
        var unknown = () => views.LoadAsync<Tally.State>(stream);

        live!.View.StreamId.Should().Be(stream);
        live.View.Notes.Should().Equal("large", "large");
        live.EventCount.Should().Be(5);
        missing.Should().BeNull();
        (await load.Should().ThrowAsync<InvalidOperationException>()).Which.Message.Should().Contain("TallyNotesProjection").And.Contain("live");
        (await unknown.Should().ThrowAsync<InvalidOperationException>()).Which.Message.Should().Contain("State").And.Contain("TallySummary").And.Contain("TallyLedger");
        await host.StopAsync(TestContext.Current.CancellationToken);
    }
}
