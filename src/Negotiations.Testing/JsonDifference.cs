using System.Text.Json;

namespace Negotiations.Testing;

/// <summary>Finds the first place where two JSON values differ, as a path such as <c>$.venue.city</c>.</summary>
internal static class JsonDifference
{
    public static (string Path, string Expected, string Actual)? First(JsonElement expected, JsonElement actual, string path = "$")
    {
        if (expected.ValueKind != actual.ValueKind)
        {
            return (path, Show(expected), Show(actual));
        }

        switch (expected.ValueKind)
        {
            case JsonValueKind.Object:
                var actualProperties = actual.EnumerateObject().ToDictionary(p => p.Name, p => p.Value, StringComparer.Ordinal);
                foreach (var property in expected.EnumerateObject())
                {
                    var childPath = $"{path}.{property.Name}";
                    if (!actualProperties.Remove(property.Name, out var other))
                    {
                        return (childPath, Show(property.Value), "nothing");
                    }

                    if (First(property.Value, other, childPath) is { } difference)
                    {
                        return difference;
                    }
                }

                foreach (var extra in actualProperties)
                {
                    return ($"{path}.{extra.Key}", "nothing", Show(extra.Value));
                }

                return null;

            case JsonValueKind.Array:
                var expectedItems = expected.EnumerateArray().ToArray();
                var actualItems = actual.EnumerateArray().ToArray();
                for (var i = 0; i < Math.Min(expectedItems.Length, actualItems.Length); i++)
                {
                    if (First(expectedItems[i], actualItems[i], $"{path}[{i}]") is { } difference)
                    {
                        return difference;
                    }
                }

                return expectedItems.Length == actualItems.Length
                    ? null
                    : ($"{path}", $"{expectedItems.Length} items", $"{actualItems.Length} items");

            default:
                return expected.GetRawText() == actual.GetRawText() ? null : (path, Show(expected), Show(actual));
        }
    }

    private static string Show(JsonElement element)
    {
        var text = element.ValueKind == JsonValueKind.Undefined ? "nothing" : element.GetRawText();
        return text.Length <= 120 ? text : text[..117] + "...";
    }
}
