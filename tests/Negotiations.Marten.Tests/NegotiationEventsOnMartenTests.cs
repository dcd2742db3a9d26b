using System.Text.Json;
using System.Text.Json.Nodes;
using FluentAssertions;
using Negotiations.EventSourcing;
using Negotiations.Serialization;
using Negotiations.Tests;
using Xunit;

namespace Negotiations.Marten.Tests;

/// <summary>
/// The negotiation events on Marten with the library's JSON contract: what lands in <c>mt_events.data</c> is the
/// golden file of each event type (compared as JSON, since PostgreSQL's jsonb keeps neither key order nor spacing).
/// </summary>
public sealed class NegotiationEventsOnMartenTests(PostgresSchema<NegotiationEventsOnMartenTests> schema)
    : IClassFixture<PostgresSchema<NegotiationEventsOnMartenTests>>
{
    private static readonly string GoldenFolder = Path.Combine(RepositoryPaths.TestProject, "Serialization", "golden");

    public static TheoryData<string> WireNames { get; } =
        [.. NegotiationEvents.Catalog.Types.Select(NegotiationEvents.Catalog.NameOf).Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(WireNames))]
    public async Task An_event_lands_in_mt_events_as_its_golden_file_and_reads_back_equal(string wireName)
    {
        var martenStore = await schema.SharedStoreAsync(o => o.AddNegotiations(NegotiationEvents.Catalog, NegotiationJson.Options));
        var store = new MartenEventStore(martenStore, NegotiationEvents.Catalog);
        var golden = await File.ReadAllTextAsync(Path.Combine(GoldenFolder, wireName + ".json"), TestContext.Current.CancellationToken);
        using var document = JsonDocument.Parse(golden);
        var @event = NegotiationJson.DeserializeEvent(wireName, document.RootElement);
        var stream = $"golden-{Guid.NewGuid():N}";

        await store.AppendAsync(StreamKey.Of(stream), 0, [@event], new EventMetadata { CommandId = "golden" });
        var row = (await schema.RowsAsync($"SELECT type, data::text FROM {schema.Name}.mt_events WHERE stream_id = '{stream}'")).Single();
        var read = (await store.ReadStreamAsync(StreamKey.Of(stream))).Single();

        row[0].Should().Be(wireName);
        JsonNode.DeepEquals(JsonNode.Parse(row[1]!), JsonNode.Parse(golden)).Should().BeTrue($"mt_events.data {row[1]} should be the golden JSON of {wireName}");
        read.EventType.Should().Be(wireName);
        JsonSerializer.Serialize(read.Data, read.Data.GetType(), NegotiationJson.Options)
            .Should().Be(JsonSerializer.Serialize(@event, @event.GetType(), NegotiationJson.Options), "the event reads back equal");
    }
}
