using System.Text.Json;
using FluentAssertions;
using FluentAssertions.Equivalency;
using Negotiations.Serialization;
using Xunit;

namespace Negotiations.Tests.Serialization;

/// <summary>
/// Pins the stored JSON of every event type: <c>golden/&lt;wire name&gt;.json</c> holds the event's data (what a store
/// keeps, the <c>data</c> of an envelope), indented for review, from the fully filled sample in <see cref="SampleEvents"/>.
/// </summary>
/// <remarks>
/// A failing comparison means stored events would change shape. If that is intended, give the event a new wire
/// version (<c>.v2</c>) rather than changing <c>.v1</c>. To rewrite the golden files from the current code, run
/// <c>NEGOTIATIONS_UPDATE_GOLDEN=1 dotnet test tests/Negotiations.Tests --filter "FullyQualifiedName~GoldenFileTests"</c>
/// and review the diff before committing it.
/// </remarks>
public sealed class GoldenFileTests
{
    private const string UpdateVariable = "NEGOTIATIONS_UPDATE_GOLDEN";

    private static readonly JsonSerializerOptions Indented = new(NegotiationJson.Options) { WriteIndented = true, NewLine = "\n" };

    private static string GoldenFolder => Path.Combine(RepositoryPaths.TestProject, "Serialization", "golden");

    private static bool Updating => Environment.GetEnvironmentVariable(UpdateVariable) == "1";

    public static TheoryData<string> WireNames { get; } =
        [.. NegotiationEvents.Catalog.Types.Select(NegotiationEvents.Catalog.NameOf).Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(WireNames))]
    public void An_event_is_stored_exactly_as_its_golden_file_and_reads_back_equal(string wireName)
    {
        NegotiationEvents.Catalog.TryGetType(wireName, out var type).Should().BeTrue();
        SampleEvents.ByType.Should().ContainKey(type!, $"every event type needs a fully filled sample in {nameof(SampleEvents)}");
        var sample = SampleEvents.ByType[type!];
        var path = Path.Combine(GoldenFolder, wireName + ".json");
        var indented = JsonSerializer.Serialize(sample, type!, Indented) + "\n";
        if (Updating)
        {
            Directory.CreateDirectory(GoldenFolder);
            File.WriteAllText(path, indented);
        }

        File.Exists(path).Should().BeTrue($"{wireName} needs a golden file; run the tests once with {UpdateVariable}=1 to write it");
        var golden = File.ReadAllText(path).ReplaceLineEndings("\n");

        indented.Should().Be(golden, "the stored JSON of an event must not change silently");
        var compact = JsonSerializer.Serialize(sample, type!, NegotiationJson.Options);
        using var document = JsonDocument.Parse(golden);
        JsonSerializer.Serialize(document.RootElement, NegotiationJson.Options).Should().Be(compact, "the golden file is the stored JSON, indented");

        var read = NegotiationJson.DeserializeEvent(wireName, document.RootElement);
        read.Should().BeOfType(type!);
        read.Should().BeEquivalentTo(sample, ByMembers);
    }

    [Theory]
    [MemberData(nameof(WireNames))]
    public void An_envelope_carries_the_wire_name_and_the_stored_json_and_reads_back_equal(string wireName)
    {
        NegotiationEvents.Catalog.TryGetType(wireName, out var type).Should().BeTrue();
        var sample = SampleEvents.ByType[type!];

        var envelope = NegotiationJson.SerializeEvent(sample);

        envelope.Should().Be($"{{\"type\":\"{wireName}\",\"data\":{JsonSerializer.Serialize(sample, type!, NegotiationJson.Options)}}}");
        NegotiationJson.DeserializeEvent(envelope).Should().BeEquivalentTo(sample, ByMembers);
    }

    [Fact]
    public void Every_event_type_of_the_catalog_has_a_sample_and_a_golden_file()
    {
        var names = NegotiationEvents.Catalog.Types.Select(NegotiationEvents.Catalog.NameOf).ToArray();

        NegotiationEvents.Catalog.Types.Should().BeSubsetOf(SampleEvents.ByType.Keys, "every event type needs a fully filled sample");
        names.Where(n => !File.Exists(Path.Combine(GoldenFolder, n + ".json"))).Should().BeEmpty("every event type needs a golden file");
    }

    [Fact]
    public void Every_golden_file_is_the_json_of_an_event_type_of_the_catalog()
    {
        var strays = Directory.GetFiles(GoldenFolder)
            .Select(Path.GetFileName)
            .Where(f => !f!.EndsWith(".json", StringComparison.Ordinal) || !NegotiationEvents.Catalog.TryGetType(f[..^".json".Length], out _));

        strays.Should().BeEmpty("a golden file without its event type means a wire name was renamed or removed, which breaks stored data");
    }

    [Fact]
    public void The_samples_fill_every_field()
    {
        foreach (var sample in SampleEvents.All)
        {
            using var document = JsonDocument.Parse(JsonSerializer.Serialize(sample, sample.GetType(), NegotiationJson.Options));
            Unfilled(document.RootElement, "$").Should().BeEmpty($"the golden file of {sample.GetType().Name} should pin every field");
        }
    }

    private static EquivalencyAssertionOptions<INegotiationEvent> ByMembers(EquivalencyAssertionOptions<INegotiationEvent> options) =>
        options.ComparingRecordsByMembers().RespectingRuntimeTypes();

    private static IEnumerable<string> Unfilled(JsonElement element, string path) => element.ValueKind switch
    {
        JsonValueKind.Object => element.EnumerateObject()
            .Where(p => !(p.Name == "notBefore" || p.Name == "notAfter"))
            .SelectMany(p => Unfilled(p.Value, $"{path}.{p.Name}")),
        JsonValueKind.Array when element.GetArrayLength() == 0 => [path],
        JsonValueKind.Array => element.EnumerateArray().SelectMany((e, i) => Unfilled(e, $"{path}[{i}]")),
        JsonValueKind.Null => [path],
        _ => [],
    };
}
