using System.Text;
using System.Text.Json;
using FluentAssertions;
using Negotiations.EventSourcing;
using Negotiations.Scripts;
using Negotiations.Serialization;
using Xunit;

namespace Negotiations.Tests.Serialization;

/// <summary>
/// The checked-in files that pin the wire format read and write back byte for byte through the one envelope
/// (<see cref="Envelope{TMessage}"/>): every golden file, the seed script and every history under <c>tests/</c>.
/// </summary>
/// <remarks>
/// The golden files and the histories are written by the library, so their bytes are compared whole. The seed script
/// was indented by hand (short objects on one line), which no JSON writer reproduces: its entries are compared with
/// the whitespace between tokens taken out, every other byte (names, order, escapes, numbers, text) as it is.
/// </remarks>
public sealed class WireFileRoundTripTests
{
    private static readonly JsonSerializerOptions Indented = new(NegotiationJson.Options) { WriteIndented = true, NewLine = "\n" };

    private static string GoldenFolder => Path.Combine(RepositoryPaths.TestProject, "Serialization", "golden");

    public static TheoryData<string> GoldenFiles { get; } =
        [.. Directory.GetFiles(GoldenFolder, "*.json").Select(path => Path.GetFileName(path)).Order(StringComparer.Ordinal)];

    private static readonly string[] Histories =
        [.. Directory.EnumerateFiles(Path.Combine(RepositoryPaths.Root, "tests"), "*.history.json", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(RepositoryPaths.Root, path).Replace('\\', '/'))
            .Where(path => !path.Split('/').Any(folder => folder is "bin" or "obj"))
            .Order(StringComparer.Ordinal)];

    public static TheoryData<string> HistoryFiles => [.. Histories];

    [Theory]
    [MemberData(nameof(GoldenFiles))]
    public void A_golden_file_reads_and_writes_back_byte_for_byte(string file)
    {
        var bytes = File.ReadAllBytes(Path.Combine(GoldenFolder, file));
        var wireName = file[..^".json".Length];
        using var document = JsonDocument.Parse(bytes);

        var @event = NegotiationJson.Events.ReadData(wireName, document.RootElement);
        var written = JsonSerializer.Serialize(@event, @event.GetType(), Indented) + "\n";

        written.Should().Be(Encoding.UTF8.GetString(bytes));
        Encoding.UTF8.GetBytes(written).Should().Equal(bytes);
    }

    [Theory]
    [MemberData(nameof(GoldenFiles))]
    public void A_golden_file_in_an_envelope_reads_and_writes_back_byte_for_byte(string file)
    {
        var wireName = file[..^".json".Length];
        var envelope = $"{{\"type\":\"{wireName}\",\"data\":{WithoutIndentation(File.ReadAllText(Path.Combine(GoldenFolder, file)))}}}";
        using var document = JsonDocument.Parse(envelope);

        var written = NegotiationJson.Events.Write(wireName, NegotiationJson.Events.Read(document.RootElement));

        written.Should().Be(envelope);
        NegotiationJson.SerializeEvent(NegotiationJson.DeserializeEvent(envelope)).Should().Be(envelope);
    }

    [Fact]
    public void The_seed_script_reads_and_writes_back_byte_for_byte_but_for_its_hand_made_indentation()
    {
        var text = Encoding.UTF8.GetString(File.ReadAllBytes(RepositoryPaths.Seed.Script));
        var script = ScriptReader.ReadFiles(RepositoryPaths.Seed.Article, RepositoryPaths.Seed.Script);
        using var document = JsonDocument.Parse(text);

        var written = script.Entries.Select(Compact).ToArray();

        written.Should().Equal(document.RootElement.EnumerateArray().Select(entry => WithoutIndentation(entry.GetRawText())));
        $"[{string.Join(",", written)}]".Should().Be(WithoutIndentation(text));
    }

    [Theory]
    [MemberData(nameof(HistoryFiles))]
    public void A_checked_in_history_reads_and_writes_back_byte_for_byte(string file)
    {
        var path = Path.Combine(RepositoryPaths.Root, file);
        var bytes = File.ReadAllBytes(path);

        var written = EventHistory.Load(path).ToJson();

        written.Should().Be(Encoding.UTF8.GetString(bytes));
        Encoding.UTF8.GetBytes(written).Should().Equal(bytes);
    }

    [Fact]
    public void The_checked_in_histories_are_found_those_of_the_testing_kit_and_of_the_package_consumer()
    {
        Histories.Should().Contain(
            "tests/Negotiations.Testing.Tests/histories/russia-ukraine-2025.history.json",
            "tests/package-consumers/NewsDesk.Tests/histories/harbour-talks-2026.history.json");
    }

    private static string Compact(ScriptEntry entry)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = NegotiationJson.Options.Encoder }))
        {
            ScriptReader.WriteEntry(writer, entry);
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>JSON text with the whitespace between its tokens taken out; strings, escapes included, stay as they are.</summary>
    private static string WithoutIndentation(string json)
    {
        var text = new StringBuilder(json.Length);
        var inString = false;
        for (var i = 0; i < json.Length; i++)
        {
            var c = json[i];
            if (inString)
            {
                text.Append(c);
                if (c == '\\')
                {
                    text.Append(json[++i]);
                }
                else if (c == '"')
                {
                    inString = false;
                }
            }
            else if (c == '"')
            {
                inString = true;
                text.Append(c);
            }
            else if (c is not (' ' or '\t' or '\n' or '\r'))
            {
                text.Append(c);
            }
        }

        return text.ToString();
    }
}
