using System.Text.Json;
using FluentAssertions;
using Negotiations.EventSourcing;
using JasperFx.Events.Projections;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Negotiations.Scripts;
using Negotiations.Serialization;
using Negotiations.Tests;
using Xunit;
using IEventStore = Negotiations.EventSourcing.IEventStore;

namespace Negotiations.Marten.Tests;

/// <summary>
/// Views and events stored by an older version of their types. Marten reads what it stored leniently: members the
/// type no longer has are skipped, and members it can do without (nullable, or with a default) may be missing; so a
/// changed view type does not stop every append to its streams until a rebuild. A member the type cannot do without
/// is still an error naming it, and the core's own reading of scripts, histories and envelopes stays strict.
/// </summary>
public sealed class StoredShapeChangeTests(PostgresSchema<StoredShapeChangeTests> schema) : IClassFixture<PostgresSchema<StoredShapeChangeTests>>
{
    private const string OwnStore = "UseMarten";
    private const string SharedStore = "AddNegotiations";

    private static readonly ReplayScript Seed = ScriptReader.ReadFiles(RepositoryPaths.Seed.Article, RepositoryPaths.Seed.Script);

    /// <summary>The library's own store, and an application's store configured with the contract's options.</summary>
    public static TheoryData<string> Stores { get; } = [OwnStore, SharedStore];

    private string SchemaOf(string store) => store == OwnStore ? schema.Name : schema.Also("shared");

    private async Task<ServiceProvider> ProviderAsync(string store)
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
                o.AddProjection(new NegotiationStateProjection(), ProjectionLifecycle.Inline);
            });
        }
        else
        {
            services.AddMarten(o =>
            {
                o.Connection(connectionString);
                o.DatabaseSchemaName = SchemaOf(store);
                o.AddNegotiations(NegotiationEvents.Catalog, NegotiationJson.Options);
                o.AddProjection(new NegotiationStateProjection(), ProjectionLifecycle.Inline);
            });
            services.AddNegotiations().UseMartenStore<IDocumentStore>();
        }

        return services.BuildServiceProvider();
    }

    private static string NewTrack() => $"shape-{Guid.NewGuid():N}";

    private static async Task SendAsync(IServiceProvider services, string track, IEnumerable<NegotiationCommand> commands)
    {
        var service = services.GetRequiredService<INegotiationCommands>();
        foreach (var command in commands)
        {
            var result = await service.SendAsync(command with { Track = new TrackId(track) });
            result.Succeeded.Should().BeTrue($"{command.CommandId} is accepted ({result.Error?.Code})");
        }
    }

    private static async Task<NegotiationState> InMemoryAsync(IServiceProvider services, string track) =>
        new NegotiationStateProjection().Project(track, await services.GetRequiredService<IEventStore>().ReadStreamAsync(StreamKey.Of(track)));

    private static async Task<long> VersionAsync(IServiceProvider services, string track) =>
        (await services.GetRequiredService<IEventStore>().ReadStreamAsync(StreamKey.Of(track))).Count;

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task A_stored_view_holding_members_its_type_no_longer_has_loads_and_takes_the_next_command(string store)
    {
        await using var provider = await ProviderAsync(store);
        var track = NewTrack();
        await SendAsync(provider, track, Seed.Commands.Take(3));
        var tampered = await schema.ExecuteAsync(
            $$"""
            UPDATE {{SchemaOf(store)}}.mt_doc_negotiation_state
            SET data = jsonb_set(jsonb_set(data, '{view,oldField}', '"written by an older version"'), '{view,opening,oldField}', '1')
            WHERE id = '{{track}}'
            """);

        await SendAsync(provider, track, Seed.Commands.Skip(3).Take(1));
        var stored = await provider.GetRequiredService<MartenViews>().LoadAsync<NegotiationState>(track);

        tampered.Should().Be(1);
        stored!.EventCount.Should().Be(await VersionAsync(provider, track));
        stored.View.Should().BeEquivalentTo(await InMemoryAsync(provider, track), o => o.WithStrictOrdering());
        (await schema.ScalarAsync<string>($"SELECT data::text FROM {SchemaOf(store)}.mt_doc_negotiation_state WHERE id = '{track}'"))
            .Should().NotContain("oldField", "the view is written back in its type's current shape");
    }

    [Fact]
    public async Task A_stored_view_missing_members_its_type_can_do_without_loads_and_takes_the_next_command()
    {
        await using var provider = await ProviderAsync(OwnStore);
        var track = NewTrack();
        await SendAsync(provider, track, Seed.Commands.Take(3));

        // TrackOpening.CommandId is a nullable constructor parameter; NegotiationState.Retractions a property with a default.
        var tampered = await schema.ExecuteAsync(
            $"UPDATE {schema.Name}.mt_doc_negotiation_state SET data = data #- '{{view,opening,commandId}}' #- '{{view,retractions}}' WHERE id = '{track}'");
        await SendAsync(provider, track, Seed.Commands.Skip(3).Take(1));
        var stored = await provider.GetRequiredService<MartenViews>().LoadAsync<NegotiationState>(track);

        tampered.Should().Be(1);
        stored!.EventCount.Should().Be(await VersionAsync(provider, track));
        stored.View.Opening!.CommandId.Should().BeNull("it was missing, and the type allows null");
        stored.View.Retractions.Should().BeEmpty();
        stored.View.Should().BeEquivalentTo(await InMemoryAsync(provider, track), o => o.WithStrictOrdering().Excluding(s => s.Opening!.CommandId));
    }

    [Fact]
    public async Task A_stored_view_missing_a_member_its_type_cannot_do_without_is_stale_and_loading_it_names_the_view_and_the_rebuild()
    {
        await using var provider = await ProviderAsync(OwnStore);
        var track = NewTrack();
        await SendAsync(provider, track, Seed.Commands.Take(1));

        // TrackOpening.Title is a non-nullable constructor parameter without a default.
        await schema.ExecuteAsync($"UPDATE {schema.Name}.mt_doc_negotiation_state SET data = data #- '{{view,opening,title}}' WHERE id = '{track}'");
        var load = () => provider.GetRequiredService<MartenViews>().LoadAsync<NegotiationState>(track);

        var stale = (await load.Should().ThrowAsync<StaleViewException>()).Which;
        stale.Message.Should().Contain("'title'").And.Contain(nameof(NegotiationState)).And.Contain(nameof(NegotiationStateProjection)).And.Contain(track).And.Contain("RebuildAsync<NegotiationState>()");

        // The stale view never blocks the next append: the command goes through, and the view stays stale until rebuilt.
        await SendAsync(provider, track, Seed.Commands.Skip(1).Take(1));
        await load.Should().ThrowAsync<StaleViewException>();
        await provider.GetRequiredService<MartenViews>().RebuildAsync<NegotiationState>();
        (await load())!.View.Opening!.Title.Should().NotBeNullOrEmpty();
    }

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task An_event_stored_with_a_member_its_type_no_longer_has_reads_back_and_the_track_takes_the_next_command(string store)
    {
        await using var provider = await ProviderAsync(store);
        var track = NewTrack();
        await SendAsync(provider, track, Seed.Commands.Take(2));
        var tampered = await schema.ExecuteAsync(
            $"UPDATE {SchemaOf(store)}.mt_events SET data = data || '{{\"oldField\": \"written by an older version\"}}' WHERE stream_id = '{track}' AND version = 2");
        var row = (await schema.RowsAsync($"SELECT type, data::text FROM {SchemaOf(store)}.mt_events WHERE stream_id = '{track}' AND version = 2")).Single();

        var events = await provider.GetRequiredService<IEventStore>().ReadStreamAsync(StreamKey.Of(track));
        await SendAsync(provider, track, Seed.Commands.Skip(2).Take(1));
        using var data = JsonDocument.Parse(row[1]!);
        var strictly = () => NegotiationJson.DeserializeEvent(row[0]!, data.RootElement);

        tampered.Should().Be(1);
        events.Should().HaveCount(2);
        events[1].Data.Should().BeOfType<RoundHeld>();
        (await provider.GetRequiredService<IEventStore>().ReadStreamAsync(StreamKey.Of(track))).Should().HaveCount(3);
        strictly.Should().Throw<JsonException>("the contract read by the core (scripts, histories, envelopes) stays strict").WithMessage("*oldField*");
    }

    [Theory]
    [MemberData(nameof(Stores))]
    public async Task An_event_stored_without_a_nullable_member_reads_back_with_it_null_and_the_track_takes_the_next_command(string store)
    {
        await using var provider = await ProviderAsync(store);
        var track = NewTrack();
        await SendAsync(provider, track, Seed.Commands.Take(2));
        var tampered = await schema.ExecuteAsync(
            $"UPDATE {SchemaOf(store)}.mt_events SET data = data - 'summary' WHERE stream_id = '{track}' AND version = 2");
        var row = (await schema.RowsAsync($"SELECT type, data::text FROM {SchemaOf(store)}.mt_events WHERE stream_id = '{track}' AND version = 2")).Single();

        var events = await provider.GetRequiredService<IEventStore>().ReadStreamAsync(StreamKey.Of(track));
        await SendAsync(provider, track, Seed.Commands.Skip(2).Take(1));
        using var data = JsonDocument.Parse(row[1]!);
        var strictly = () => NegotiationJson.DeserializeEvent(row[0]!, data.RootElement);

        tampered.Should().Be(1);
        row[1].Should().NotContain("\"summary\"");
        events[1].Data.Should().BeOfType<RoundHeld>().Which.Summary.Should().BeNull("it was missing, and the type allows null");
        (await provider.GetRequiredService<IEventStore>().ReadStreamAsync(StreamKey.Of(track))).Should().HaveCount(3);
        strictly.Should().Throw<JsonException>("the contract read by the core requires every member it writes").WithMessage("*missing required properties*'summary'*");
    }
}
