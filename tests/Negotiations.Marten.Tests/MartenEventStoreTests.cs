using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using FluentAssertions;
using JasperFx.Events;
using Marten;
using Negotiations.EventSourcing;
using Negotiations.Tests.Shared;
using Xunit;
using IEventStore = Negotiations.EventSourcing.IEventStore;

namespace Negotiations.Marten.Tests;

/// <summary>What the Marten store writes to PostgreSQL: the storage format others read.</summary>
public sealed class MartenEventStoreTests(PostgresSchema<MartenEventStoreTests> schema)
    : IClassFixture<PostgresSchema<MartenEventStoreTests>>
{
    public enum ProbeKind
    {
        FirstKind,
        SecondKind,
    }

    [WireName("probe_recorded.v1")]
    public sealed record ProbeRecorded(string ProbeId, ProbeKind Kind, DateOnly On, string? Note, IReadOnlyList<int> Counts);

    private static readonly EventCatalog ProbeCatalog = EventCatalog.Of(typeof(ProbeRecorded), typeof(Tally.Added), typeof(Tally.Noted));

    // Options unlike Marten's defaults in every way that shows in the JSON: naming, enums, nulls.
    private static readonly JsonSerializerOptions ProbeJson = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
    };

    private async Task<MartenEventStore> StoreAsync() =>
        new(await schema.SharedStoreAsync(o => o.AddNegotiations(ProbeCatalog, ProbeJson)), ProbeCatalog);

    [Fact]
    public async Task Event_payloads_land_in_mt_events_as_the_given_json_options_write_them()
    {
        var store = await StoreAsync();
        var stream = $"probe-{Guid.NewGuid():N}";
        var probe = new ProbeRecorded("p-1", ProbeKind.SecondKind, new DateOnly(2025, 7, 23), null, [3, 1, 2]);

        await store.AppendAsync(StreamKey.Of(stream), 0, [probe], new EventMetadata { CommandId = "c-1" });
        var stored = await schema.ScalarAsync<string>($"SELECT data::text FROM {schema.Name}.mt_events WHERE stream_id = '{stream}'");

        var expected = JsonSerializer.Serialize(probe, ProbeJson);
        expected.Should().Contain("\"probe_id\"").And.Contain("\"second-kind\"").And.NotContain("note");
        JsonNode.DeepEquals(JsonNode.Parse(stored!), JsonNode.Parse(expected)).Should().BeTrue($"mt_events.data {stored} should hold the same JSON as {expected}");
        var read = (ProbeRecorded)(await store.ReadStreamAsync(StreamKey.Of(stream))).Single().Data;
        read.Should().BeEquivalentTo(probe);
    }

    [Fact]
    public async Task Events_are_stored_under_their_wire_names_with_metadata_in_marten_columns_and_headers()
    {
        var store = await StoreAsync();
        var stream = $"probe-{Guid.NewGuid():N}";
        var metadata = new EventMetadata { CommandId = "cmd-7", CommandType = "Add", CommandFingerprint = "v1:probe", CorrelationId = "corr-7", CausationId = "cause-7" };

        await store.AppendAsync(StreamKey.Of(stream), 0, [new Tally.Added(4), new Tally.Noted("n")], metadata);
        var rows = await schema.RowsAsync(
            $"SELECT type, correlation_id, causation_id, headers->>'{MartenEventHeaders.CommandId}', headers->>'{MartenEventHeaders.CommandFingerprint}', version, headers->>'{MartenEventHeaders.CommandType}' FROM {schema.Name}.mt_events WHERE stream_id = '{stream}' ORDER BY version");

        rows.Select(r => r[0]).Should().Equal("tally_added.v1", "tally_noted.v1");
        rows.Should().OnlyContain(r => r[1] == "corr-7" && r[2] == "cause-7" && r[3] == "cmd-7" && r[4] == "v1:probe" && r[6] == "Add");
        rows.Select(r => r[5]).Should().Equal("1", "2");
    }

    [Fact]
    public async Task Racing_appends_that_start_the_same_new_stream_let_exactly_one_through()
    {
        var store = await StoreAsync();
        var stream = $"probe-{Guid.NewGuid():N}";

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 8).Select(i => Task.Run(async () =>
        {
            try
            {
                await store.AppendAsync(StreamKey.Of(stream), 0, [new Tally.Added(i + 1), new Tally.Added(i + 1)], new EventMetadata { CommandId = $"c-{i}" });
                return (Exception?)null;
            }
            catch (StreamVersionConflictException conflict)
            {
                return conflict;
            }
        })));

        outcomes.Count(o => o is null).Should().Be(1);
        outcomes.OfType<StreamVersionConflictException>().Should().HaveCount(7)
            .And.OnlyContain(c => c.StreamId == stream && c.ExpectedVersion == 0 && c.ActualVersion == 2 && c.InnerException != null);
        var events = await store.ReadStreamAsync(StreamKey.Of(stream));
        events.Select(e => e.Version).Should().Equal(1, 2);
        events.Select(e => e.Metadata.CommandId).Distinct().Should().ContainSingle();
    }

    [Fact]
    public async Task Reading_all_leaves_out_events_of_types_outside_the_catalog()
    {
        var martenStore = await schema.SharedStoreAsync(o => o.AddNegotiations(ProbeCatalog, ProbeJson));
        var tallyOnly = new MartenEventStore(martenStore, Tally.Catalog);
        var stream = $"probe-{Guid.NewGuid():N}";
        var before = await LastPositionAsync(tallyOnly);
        await new MartenEventStore(martenStore, ProbeCatalog).AppendAsync(
            StreamKey.Of(stream), 0, [new Tally.Added(1), new ProbeRecorded("p", ProbeKind.FirstKind, new DateOnly(2025, 7, 1), "x", []), new Tally.Added(2)], EventMetadata.None);

        var read = new List<RecordedEvent>();
        await foreach (var e in tallyOnly.ReadAllAsync(before))
        {
            read.Add(e);
        }

        read.Where(e => e.StreamId == stream).Select(e => e.Version).Should().Equal(1, 3);
        var reading = () => tallyOnly.ReadStreamAsync(StreamKey.Of(stream));
        (await reading.Should().ThrowAsync<InvalidOperationException>()).Which.Message
            .Should().Contain(stream).And.Contain("probe_recorded.v1").And.Contain("version 2");
    }

    [Fact]
    public async Task Reading_all_pages_through_more_events_than_one_page_in_order()
    {
        var store = await StoreAsync();
        var stream = $"probe-{Guid.NewGuid():N}";
        var before = await LastPositionAsync(store);
        await store.AppendAsync(StreamKey.Of(stream), 0, Enumerable.Range(1, 1203).Select(i => (object)new Tally.Added(i)).ToArray(), EventMetadata.None);

        var read = new List<RecordedEvent>();
        await foreach (var e in store.ReadAllAsync(before))
        {
            read.Add(e);
        }

        read.Where(e => e.StreamId == stream).Select(e => ((Tally.Added)e.Data).Amount).Should().Equal(Enumerable.Range(1, 1203));
        read.Select(e => e.GlobalPosition).Should().BeInAscendingOrder().And.OnlyHaveUniqueItems();
    }

    private static async Task<long> LastPositionAsync(IEventStore store)
    {
        long last = 0;
        await foreach (var e in store.ReadAllAsync())
        {
            last = e.GlobalPosition;
        }

        return last;
    }
}

/// <summary>The checks that need no server: configuration errors and the translation of Marten's exceptions.</summary>
public sealed class MartenEventStoreConfigurationTests
{
    private const string NoServer = "Host=127.0.0.1;Port=1;Database=none;Username=none;Password=none";

    private static DocumentStore Store(Action<StoreOptions> configure)
    {
        var options = new StoreOptions();
        options.Connection(NoServer);
        configure(options);
        return new DocumentStore(options);
    }

    [Fact]
    public void A_store_with_guid_stream_ids_is_refused_naming_the_setting_and_the_fix()
    {
        using var store = Store(o =>
        {
            o.AddNegotiations(Tally.Catalog);
            o.Events.StreamIdentity = StreamIdentity.AsGuid;
        });

        var create = () => new MartenEventStore(store, Tally.Catalog);

        create.Should().Throw<ArgumentException>().WithMessage("*AsGuid*AsString*AddNegotiations*");
    }

    [Fact]
    public void A_store_that_maps_an_event_to_another_name_is_refused_naming_the_wire_name()
    {
        using var store = Store(o =>
        {
            o.AddNegotiations(Tally.Catalog);
            o.Events.MapEventType<Tally.Noted>("noted");
        });

        var create = () => new MartenEventStore(store, Tally.Catalog);

        create.Should().Throw<ArgumentException>().WithMessage("*Noted*'noted'*'tally_noted.v1'*");
    }

    [Fact]
    public void A_store_that_drops_headers_is_refused_because_command_ids_would_be_lost()
    {
        using var store = Store(o =>
        {
            o.AddNegotiations(Tally.Catalog);
            o.Events.MetadataConfig.HeadersEnabled = false;
        });

        var create = () => new MartenEventStore(store, Tally.Catalog);

        create.Should().Throw<ArgumentException>().WithMessage("*headers: False*");
    }

    [Fact]
    public void Marten_conflicts_of_every_kind_count_as_conflicts_and_other_failures_do_not()
    {
        MartenEvents.IsConflict(new EventStreamUnexpectedMaxEventIdException("s", typeof(object), 3, 4)).Should().BeTrue();
        MartenEvents.IsConflict(new JasperFx.ConcurrencyException("stale")).Should().BeTrue();
        MartenEvents.IsConflict(new JasperFx.Events.StreamLockedException("s", null!)).Should().BeTrue();
        MartenEvents.IsConflict(new global::Marten.Exceptions.StreamLockedException("s", null!)).Should().BeTrue();
        MartenEvents.IsConflict(new global::Marten.Exceptions.ExistingStreamIdCollisionException("s", typeof(object))).Should().BeTrue();
        MartenEvents.IsConflict(new JasperFx.Events.ExistingStreamIdCollisionException("s")).Should().BeTrue();
        MartenEvents.IsConflict(new InvalidOperationException("boom")).Should().BeFalse();
        MartenEvents.IsConflict(new TimeoutException()).Should().BeFalse();
    }

    [Fact]
    public void Serializer_options_the_marten_serializer_would_change_come_through_unchanged()
    {
        // Kebab case is a naming policy Marten's own casing settings cannot express.
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            PropertyNamingPolicy = JsonNamingPolicy.KebabCaseLower,
            Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
        };
        var serializer = NegotiationsStoreOptionsExtensions.CreateSerializer(options, new StrictViewTypes());
        var probe = new MartenEventStoreTests.ProbeRecorded("p", MartenEventStoreTests.ProbeKind.SecondKind, new DateOnly(2025, 7, 23), null, [1]);

        var json = serializer.ToJson(probe);

        json.Should().Contain("\"probe-id\"").And.Contain("\"second_kind\"");
        json.Should().Be(JsonSerializer.Serialize(probe, options));
    }
}
