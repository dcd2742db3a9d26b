using FluentAssertions;
using JasperFx.Events.Projections;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Negotiations.EventSourcing;
using Negotiations.Scripts;
using Negotiations.Serialization;
using Negotiations.Tests;
using Xunit;
using IEventStore = Negotiations.EventSourcing.IEventStore;

namespace Negotiations.Marten.Tests;

/// <summary>
/// A view of the application's own on PostgreSQL: dictionary keys come back as they were given, and a stored view its
/// type can no longer read is stale (it keeps its version and never blocks an append) until it is rebuilt.
/// </summary>
public sealed class UserViewTests(PostgresSchema<UserViewTests> schema) : IClassFixture<PostgresSchema<UserViewTests>>
{
    private static readonly ReplayScript Seed = ScriptReader.ReadFiles(RepositoryPaths.Seed.Article, RepositoryPaths.Seed.Script);

    private const string OwnStore = "UseMarten";
    private const string SharedStore = "AddNegotiations";

    /// <summary>The library's own store, and an application's store configured with the contract's options.</summary>
    public static TheoryData<string> Stores { get; } = [OwnStore, SharedStore];

    private string SchemaOf(string store) => store == OwnStore ? schema.Name : schema.Also("shared");

    private async Task<ServiceProvider> ProviderAsync(string store = OwnStore)
    {
        var connectionString = await schema.ConnectionStringAsync();
        var services = new ServiceCollection();
        services.AddLogging();
        if (store == OwnStore)
        {
            services.AddNegotiations().UseMarten(o =>
            {
                o.ConnectionString = connectionString;
                o.SchemaName = SchemaOf(store);
                o.AddProjection(new RoundsByCityProjection(), ProjectionLifecycle.Inline);
            });
        }
        else
        {
            services.AddMarten(o =>
            {
                o.Connection(connectionString);
                o.DatabaseSchemaName = SchemaOf(store);
                o.AddNegotiations(NegotiationEvents.Catalog, NegotiationJson.Options);
                o.AddProjection(new RoundsByCityProjection(), ProjectionLifecycle.Inline);
            });
            services.AddNegotiations().UseMartenStore<IDocumentStore>();
        }

        return services.BuildServiceProvider();
    }

    private static async Task SendAsync(IServiceProvider services, TrackId track, IEnumerable<NegotiationCommand> commands)
    {
        var send = services.GetRequiredService<INegotiationCommands>();
        foreach (var command in commands)
        {
            (await send.SendAsync(command with { Track = track })).Succeeded.Should().BeTrue(command.CommandId.Value);
        }
    }

    private static async Task<RoundsByCity> InMemoryAsync(IServiceProvider services, TrackId track) =>
        new RoundsByCityProjection().Project(track.Value, await services.GetRequiredService<IEventStore>().ReadStreamAsync(StreamKey.Of(track.Value)));

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task Dictionary_keys_of_a_stored_view_come_back_as_they_were_given(string store)
    {
        await using var provider = await ProviderAsync(store);
        var track = new TrackId($"keys-{Guid.NewGuid():N}");
        await SendAsync(provider, track, Seed.Commands);

        var stored = (await provider.GetRequiredService<MartenViews>().LoadAsync<RoundsByCity>(track.Value))!.View;
        var json = await schema.ScalarAsync<string>($"SELECT data::text FROM {SchemaOf(store)}.mt_doc_rounds_by_city WHERE id = '{track}'");

        stored.Held.Keys.Should().Contain("Istanbul").And.NotContain("istanbul");
        stored.Should().BeEquivalentTo(await InMemoryAsync(provider, track));
        json.Should().Contain("\"Istanbul\"").And.NotContain("\"istanbul\"");
    }

    [Fact]
    public async Task A_stored_view_missing_a_required_member_is_stale_keeps_its_version_and_never_blocks_an_append()
    {
        await using var provider = await ProviderAsync();
        var views = provider.GetRequiredService<MartenViews>();
        var track = new TrackId($"stale-{Guid.NewGuid():N}");
        var rounds = Seed.Commands.Where(c => c is RecordRoundHeld).ToList();
        var before = Seed.Commands.TakeWhile(c => c != rounds[^1]).ToList();
        await SendAsync(provider, track, before);
        var version = (await views.LoadAsync<RoundsByCity>(track.Value))!.EventCount;

        // What an older version of the type wrote: without the member the type now requires.
        await schema.ExecuteAsync($"UPDATE {schema.Name}.mt_doc_rounds_by_city SET data = data #- '{{view,held}}' WHERE id = '{track}'");
        var load = () => views.LoadAsync<RoundsByCity>(track.Value);

        var stale = (await load.Should().ThrowAsync<StaleViewException>()).Which;
        stale.Message.Should().Contain(nameof(RoundsByCity)).And.Contain(nameof(RoundsByCityProjection)).And.Contain(track.Value).And.Contain("RebuildAsync<RoundsByCity>()");
        stale.ViewId.Should().Be(track.Value);

        await SendAsync(provider, track, Seed.Commands.Skip(before.Count));
        await load.Should().ThrowAsync<StaleViewException>("the append went through and the view stays stale; it was not restarted from the new events");
        var streamVersion = (await provider.GetRequiredService<IEventStore>().ReadStreamAsync(StreamKey.Of(track.Value))).Count;
        var stored = await schema.ScalarAsync<string>($"SELECT data->>'eventCount' FROM {schema.Name}.mt_doc_rounds_by_city WHERE id = '{track}'");
        stored.Should().Be(streamVersion.ToString(System.Globalization.CultureInfo.InvariantCulture), "the stale view keeps its place in the stream");
        version.Should().BeLessThan(streamVersion);

        await views.RebuildAsync<RoundsByCity>();
        var rebuilt = (await load())!;
        rebuilt.View.Should().BeEquivalentTo(await InMemoryAsync(provider, track));
        rebuilt.EventCount.Should().Be(streamVersion);
    }

    /// <summary>Rounds held on a track, by the city they were held in.</summary>
    public sealed record RoundsByCity
    {
        public required string Id { get; init; }

        public required Dictionary<string, int> Held { get; init; }
    }

    public sealed class RoundsByCityProjection : StreamProjection<RoundsByCity>
    {
        public override RoundsByCity Start(string streamId) => new() { Id = streamId, Held = [] };

        public override RoundsByCity Evolve(RoundsByCity view, RecordedEvent @event) => @event.Data switch
        {
            RoundHeld { Venue.City: { } city } => view with { Held = new Dictionary<string, int>(view.Held) { [city] = view.Held.GetValueOrDefault(city) + 1 } },
            _ => view,
        };
    }
}
