using System.Collections.Concurrent;
using System.Text.Json;

namespace Negotiations.Serialization;

/// <summary>
/// The one spelling of an enum value everywhere the library shows it: in JSON, in error messages and in scenario
/// diffs, <c>AcceptedWithConditions</c> is <c>accepted_with_conditions</c>.
/// </summary>
internal static class EnumNames
{
    private static readonly ConcurrentDictionary<Enum, string> Names = new();

    /// <summary>The value's snake_case name; a value its type does not define is written as its number.</summary>
    public static string Of<TEnum>(TEnum value)
        where TEnum : struct, Enum =>
        Names.GetOrAdd(value, static v => Enum.IsDefined(v.GetType(), v) ? JsonNamingPolicy.SnakeCaseLower.ConvertName(v.ToString()) : v.ToString("D"));

    /// <summary>Every name of the type, in declaration order, comma-separated.</summary>
    public static string All<TEnum>()
        where TEnum : struct, Enum => string.Join(", ", Enum.GetValues<TEnum>().Select(Of));
}
