using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Negotiations.Marten;

/// <summary>
/// The JSON options a Marten store reads its stored data with: the options it was given, written exactly as they
/// write, read leniently, so that views and events stored by an older version of their types still load.
/// </summary>
internal static class StoredJson
{
    /// <summary>
    /// A copy of <paramref name="source"/> that writes the same JSON (naming, converters, null handling) and reads
    /// leniently: members the type does not have are skipped, and, where <paramref name="source"/> requires every
    /// constructor parameter, only those the type cannot do without stay required (see
    /// <see cref="RequireWhatCannotBeMissing"/>).
    /// </summary>
    /// <param name="source">The options to copy; left as they are.</param>
    /// <returns>The copy, not read-only.</returns>
    public static JsonSerializerOptions Lenient(JsonSerializerOptions source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var options = new JsonSerializerOptions(source)
        {
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip,
        };
        if (source.RespectRequiredConstructorParameters)
        {
            options.RespectRequiredConstructorParameters = false;
            options.TypeInfoResolver = (source.TypeInfoResolver ?? new DefaultJsonTypeInfoResolver()).WithAddedModifier(RequireWhatCannotBeMissing);
        }

        return options;
    }

    /// <summary>
    /// Keeps a constructor parameter required when the type cannot do without it: not nullable and without a default
    /// value. A nullable parameter that is missing is read as null, one with a default value as that value; members
    /// set by properties keep their initial value, unless declared <c>required</c>.
    /// </summary>
    private static void RequireWhatCannotBeMissing(JsonTypeInfo typeInfo)
    {
        if (typeInfo.Kind != JsonTypeInfoKind.Object)
        {
            return;
        }

        foreach (var property in typeInfo.Properties)
        {
            if (property.AssociatedParameter is { IsNullable: false, HasDefaultValue: false, IsMemberInitializer: false })
            {
                property.IsRequired = true;
            }
        }
    }
}
