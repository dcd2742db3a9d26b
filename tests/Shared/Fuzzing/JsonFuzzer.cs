using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace Negotiations.Tests.Shared.Fuzzing;

/// <summary>
/// A seeded fuzzer of JSON readers: it mutates valid documents (by their tree: values replaced by nulls, lone
/// surrogates, NUL, huge or deep values, members dropped or renamed; and by their text: spans cut, doubled or
/// truncated, stray tokens and escapes put in) and feeds each to a reader, which may accept it or throw one of its
/// documented exceptions, and nothing else.
/// </summary>
/// <remarks>
/// The run is reproducible: input <c>i</c> of a run is made by <c>new Random(seed + i)</c>, where the seed is
/// <see cref="DefaultSeed"/> or <c>NEGOTIATIONS_FUZZ_SEED</c>. A failure names the reader, the seed and the input's
/// number; <c>NEGOTIATIONS_FUZZ_SEED=s NEGOTIATIONS_FUZZ_CASE=i</c> runs only that input again.
/// </remarks>
public static class JsonFuzzer
{
    /// <summary>The seed of a run when <c>NEGOTIATIONS_FUZZ_SEED</c> is not set.</summary>
    public const int DefaultSeed = 20_261_202;

    private static readonly string[] Tokens =
    [
        "\"\\ud800\"", "\"\\udc00x\"", "\"\\u0000\"", "\\ud800", "\\u0000", "\\", "\"", "null", "true", "false", "-1", "0", "1e309",
        "-0", "99999999999999999999999", "1.5", "{", "}", "[", "]", ",", ":", "\"x\":1,", "{\"$type\":\"x\"}", "\n", "\u0000", "\uD800",
        "\uFEFF", "é", "🇺🇦", "/*c*/", "'x'", "NaN", "[[[[[[[[[[", "\"2025-02-30\"", "\"9999-12-31\"", "\"0001-01-01\"",
    ];

    private static readonly string[] Names = ["type", "data", "command", "format", "events", "streamId", "version", "occurredOn", "source", "notBefore", "precision", "x"];

    /// <summary>The run's seed.</summary>
    public static int Seed => int.TryParse(Environment.GetEnvironmentVariable("NEGOTIATIONS_FUZZ_SEED"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var seed) ? seed : DefaultSeed;

    /// <summary>
    /// Feeds <paramref name="count"/> mutated inputs to <paramref name="read"/>; throws naming the first input that made
    /// it throw anything other than <paramref name="documented"/>. Returns how many inputs were accepted and refused.
    /// </summary>
    public static (int Accepted, int Refused) Run(string reader, IReadOnlyList<string> valid, int count, Action<string> read, params Type[] documented)
    {
        var only = int.TryParse(Environment.GetEnvironmentVariable("NEGOTIATIONS_FUZZ_CASE"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var one) ? one : (int?)null;
        var (accepted, refused) = (0, 0);
        for (var i = only ?? 0; i < (only is { } single ? single + 1 : count); i++)
        {
            var input = Mutate(valid, new Random(unchecked(Seed + i)));
            try
            {
                read(input);
                accepted++;
            }
            catch (Exception ex) when (documented.Any(type => type.IsInstanceOfType(ex)))
            {
                refused++;
            }
            catch (Exception ex)
            {
                throw new Xunit.Sdk.XunitException(
                    $"{reader}: input {i} of the run with seed {Seed} threw {ex.GetType().FullName} (documented: {string.Join(", ", documented.Select(t => t.Name))}): {ex.Message}{Environment.NewLine}" +
                    $"replay: NEGOTIATIONS_FUZZ_SEED={Seed} NEGOTIATIONS_FUZZ_CASE={i}{Environment.NewLine}input: {Shown(input)}{Environment.NewLine}{ex}");
            }
        }

        Xunit.TestContext.Current.TestOutputHelper?.WriteLine($"{reader}: {accepted + refused:N0} inputs from seed {Seed}: {accepted:N0} accepted, {refused:N0} refused with {string.Join(" or ", documented.Select(t => t.Name))}");
        return (accepted, refused);
    }

    /// <summary>One mutated input, made from one of the valid documents by one to four mutations.</summary>
    public static string Mutate(IReadOnlyList<string> valid, Random random)
    {
        var text = valid[random.Next(valid.Count)];
        var mutations = random.Next(1, 5);
        for (var m = 0; m < mutations; m++)
        {
            text = random.Next(10) < 6 ? TryMutateTree(text, random) : MutateText(text, random);
        }

        return text;
    }

    private static string TryMutateTree(string text, Random random)
    {
        try
        {
            return MutateTree(text, random);
        }
#pragma warning disable CA1031 // The fuzzer's own tree may fail on what earlier mutations did (not JSON any more, a lone surrogate, a repeated key): the text is mutated instead.
        catch (Exception)
#pragma warning restore CA1031
        {
            return MutateText(text, random);
        }
    }

    private static string MutateTree(string text, Random random)
    {
        var root = JsonNode.Parse(text);
        if (root is null)
        {
            return MutateText(text, random);
        }

        var nodes = new List<JsonNode>();
        Collect(root, nodes);
        var node = nodes[random.Next(nodes.Count)];
        switch (node.Parent)
        {
            case JsonObject parent:
                var name = node.GetPropertyName();
                switch (random.Next(4))
                {
                    case 0:
                        parent.Remove(name);
                        break;
                    case 1:
                        parent.Remove(name);
                        parent[Rename(name, random)] = Value(random);
                        break;
                    default:
                        parent[name] = Value(random);
                        break;
                }

                break;
            case JsonArray array:
                var index = node.GetElementIndex();
                if (random.Next(3) == 0)
                {
                    array.RemoveAt(index);
                }
                else
                {
                    array[index] = Value(random);
                }

                break;
            default:
                return Value(random)?.ToJsonString() ?? "null";
        }

        return root.ToJsonString();
    }

    private static void Collect(JsonNode node, List<JsonNode> nodes)
    {
        nodes.Add(node);
        switch (node)
        {
            case JsonObject o:
                foreach (var (_, child) in o)
                {
                    if (child is not null)
                    {
                        Collect(child, nodes);
                    }
                }

                break;
            case JsonArray a:
                foreach (var child in a)
                {
                    if (child is not null)
                    {
                        Collect(child, nodes);
                    }
                }

                break;
        }
    }

    private static string Rename(string name, Random random) => random.Next(3) switch
    {
        0 => name.ToUpperInvariant(),
        1 => Names[random.Next(Names.Length)],
        _ => name + "\uD800",
    };

    private static JsonNode? Value(Random random) => random.Next(16) switch
    {
        0 => null,
        1 => JsonValue.Create(string.Empty),
        2 => JsonValue.Create("x\uD800y"),
        3 => JsonValue.Create("nul\0"),
        4 => JsonValue.Create(new string('a', random.Next(2) == 0 ? 300 : 100_000)),
        5 => JsonValue.Create(int.MaxValue),
        6 => JsonValue.Create(-1),
        7 => JsonValue.Create(1.5),
        8 => JsonValue.Create(true),
        9 => new JsonObject(),
        10 => new JsonArray(),
        11 => Deep(random.Next(2, 300)),
        12 => JsonValue.Create("line\nbreak\r\n"),
        13 => JsonValue.Create(long.MaxValue),
        14 => new JsonArray(JsonValue.Create("x"), null, JsonValue.Create(1)),
        _ => JsonValue.Create("9999-12-31"),
    };

    private static JsonNode Deep(int depth)
    {
        JsonNode node = new JsonArray();
        for (var i = 0; i < depth; i++)
        {
            node = new JsonArray(node);
        }

        return node;
    }

    private static string MutateText(string text, Random random)
    {
        if (text.Length == 0)
        {
            return Tokens[random.Next(Tokens.Length)];
        }

        var at = random.Next(text.Length);
        var span = Math.Min(text.Length - at, random.Next(1, 40));
        return random.Next(6) switch
        {
            0 => text.Remove(at, span),
            1 => text.Insert(at, Tokens[random.Next(Tokens.Length)]),
            2 => text.Insert(at, text.Substring(at, span)),
            3 => text[..at],
            4 => text.Remove(at, 1).Insert(at, ((char)random.Next(0, 0x10000)).ToString()),
            _ => text.Insert(at, new string(text[at], random.Next(1, 100))),
        };
    }

    private static string Shown(string input)
    {
        var builder = new StringBuilder();
        foreach (var c in input.Length > 2_000 ? input[..2_000] : input)
        {
            builder.Append(char.IsControl(c) || char.IsSurrogate(c) ? $"\\u{(int)c:X4}" : c.ToString());
        }

        return input.Length > 2_000 ? builder.Append(CultureInfo.InvariantCulture, $"... ({input.Length:N0} characters)").ToString() : builder.ToString();
    }
}
