using System.Text.Json;
using FluentAssertions;
using Negotiations.Scripts;
using Negotiations.Serialization;
using Negotiations.Tests.Shared.Fuzzing;
using Xunit;

namespace Negotiations.Tests.Serialization;

/// <summary>
/// 10,000 mutated inputs per reader, seeded (<see cref="JsonFuzzer"/>): each reader accepts an input or throws its
/// documented exception, never another one. A failure prints the seed and the input's number to replay it.
/// </summary>
public sealed class ReaderFuzzTests
{
    private const int Inputs = 10_000;

    private static readonly string Article = File.ReadAllText(RepositoryPaths.Seed.Article);

    private static readonly string Script = File.ReadAllText(RepositoryPaths.Seed.Script);

    [Fact]
    public void The_script_reader_throws_only_its_script_exception()
    {
        var (accepted, refused) = JsonFuzzer.Run(
            nameof(ScriptReader), [Script], Inputs, script => ScriptReader.Read(Article, script, "fuzzed.script.json"), typeof(ScriptException));

        (accepted + refused).Should().Be(Inputs);
        refused.Should().BeGreaterThan(Inputs / 2, "most mutations break the script");
    }

    [Fact]
    public void The_event_envelope_reader_throws_only_json_exceptions()
    {
        var envelopes = Directory.GetFiles(Path.Combine(RepositoryPaths.TestProject, "Serialization", "golden"), "*.json")
            .Select(path => $"{{\"type\":\"{Path.GetFileNameWithoutExtension(path)}\",\"data\":{File.ReadAllText(path)}}}")
            .ToArray();
        envelopes.Should().HaveCount(NegotiationEvents.Catalog.Types.Count);
        foreach (var envelope in envelopes)
        {
            NegotiationJson.DeserializeEvent(envelope).Should().NotBeNull("each starting point is valid");
        }

        var (accepted, refused) = JsonFuzzer.Run(nameof(NegotiationJson.DeserializeEvent), envelopes, Inputs, json => NegotiationJson.DeserializeEvent(json), typeof(JsonException));

        (accepted + refused).Should().Be(Inputs);
        accepted.Should().BeGreaterThan(0, "some mutations keep a valid event (a changed quote, a dropped optional member)");
        refused.Should().BeGreaterThan(Inputs / 2);
    }

    [Fact]
    public void The_command_envelope_reader_throws_only_json_exceptions()
    {
        var envelopes = ScriptReader.Read(Article, Script, "seed.script.json").Commands.Select(NegotiationJson.SerializeCommand).ToArray();

        var (accepted, refused) = JsonFuzzer.Run(nameof(NegotiationJson.DeserializeCommand), envelopes, Inputs, json => NegotiationJson.DeserializeCommand(json), typeof(JsonException));

        (accepted + refused).Should().Be(Inputs);
        accepted.Should().BeGreaterThan(0);
        refused.Should().BeGreaterThan(Inputs / 2);
    }

    [Fact]
    public void A_lone_surrogate_escaped_or_raw_is_refused_with_the_documented_exception()
    {
        foreach (var json in new[] { "{\"command\":\"\\ud800\"}", "[{\"command\":\"\\udc00\"}]", "{\"command\":\"x\uD800\"}", "{\"\\ud800\":1}" })
        {
            FluentActions.Invoking(() => ScriptReader.Read(Article, json, "bad.script.json")).Should().Throw<ScriptException>();
            FluentActions.Invoking(() => NegotiationJson.DeserializeCommand(json)).Should().Throw<JsonException>();
            FluentActions.Invoking(() => NegotiationJson.DeserializeEvent(json.Replace("command", "type", StringComparison.Ordinal))).Should().Throw<JsonException>();
        }
    }

    [Fact]
    public void The_same_seed_makes_the_same_inputs()
    {
        var valid = new[] { Script };

        var first = Enumerable.Range(0, 50).Select(i => JsonFuzzer.Mutate(valid, new Random(i))).ToArray();
        var again = Enumerable.Range(0, 50).Select(i => JsonFuzzer.Mutate(valid, new Random(i))).ToArray();

        again.Should().Equal(first);
        first.Distinct().Should().HaveCountGreaterThan(45, "the mutations differ from input to input");
    }
}
