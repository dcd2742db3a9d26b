using System.Collections.Frozen;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Negotiations.Serialization;

// The converters of the wire contract. Each reports a bad value by naming it, because the same
// converters read hand-written replay scripts, where the value is what the author must fix.

/// <summary>An id written as a plain JSON string and validated by the id's own constructor when read.</summary>
internal sealed class StringIdConverter<TId> : JsonConverter<TId>
    where TId : struct, IStringId<TId>
{
    public override TId Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException($"{typeof(TId).Name} must be a JSON string, not {Json.Describe(reader.TokenType)}.");
        }

        var value = reader.GetString()!;
        try
        {
            return TId.Create(value);
        }
        catch (ArgumentException ex)
        {
            throw new JsonException(Json.MessageOf(ex), ex);
        }
    }

    // An id's Value is null only in default(TId), which no constructor makes.
    public override void Write(Utf8JsonWriter writer, TId value, JsonSerializerOptions options) =>
        writer.WriteStringValue((string?)value.Value ?? throw new JsonException($"An uninitialised {typeof(TId).Name} (its default value) cannot be written."));
}

/// <summary>A <see cref="DateOnly"/> as <c>yyyy-MM-dd</c>, nothing else.</summary>
internal sealed class IsoDateConverter : JsonConverter<DateOnly>
{
    public const string Format = "yyyy-MM-dd";

    public override DateOnly Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException($"A date must be a JSON string of the form {Format}, not {Json.Describe(reader.TokenType)}.");
        }

        var text = reader.GetString()!;
        return DateOnly.TryParseExact(text, Format, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw new JsonException($"'{text}' is not a date of the form {Format}.");
    }

    public override void Write(Utf8JsonWriter writer, DateOnly value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.ToString(Format, CultureInfo.InvariantCulture));
}

/// <summary>
/// A <see cref="WorldDate"/> as <c>{"notBefore":"2025-07-14","notAfter":"2025-07-20","precision":"week"}</c>:
/// all three properties, always, an open end as <c>null</c>.
/// </summary>
internal sealed class WorldDateConverter : JsonConverter<WorldDate>
{
    private const string NotBeforeName = "notBefore";
    private const string NotAfterName = "notAfter";
    private const string PrecisionName = "precision";

    public override WorldDate Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException($"A WorldDate must be a JSON object with '{NotBeforeName}', '{NotAfterName}' and '{PrecisionName}', not {Json.Describe(reader.TokenType)}.");
        }

        var dates = (JsonConverter<DateOnly>)options.GetConverter(typeof(DateOnly));
        var precisions = (JsonConverter<DatePrecision>)options.GetConverter(typeof(DatePrecision));
        DateOnly? notBefore = null, notAfter = null;
        DatePrecision? precision = null;
        bool seenBefore = false, seenAfter = false;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var name = reader.GetString()!;
            reader.Read();
            switch (name)
            {
                case NotBeforeName when !seenBefore:
                    seenBefore = true;
                    notBefore = ReadDate(ref reader, name, dates, options);
                    break;
                case NotAfterName when !seenAfter:
                    seenAfter = true;
                    notAfter = ReadDate(ref reader, name, dates, options);
                    break;
                case PrecisionName when precision is null:
                    precision = reader.TokenType == JsonTokenType.Null
                        ? throw new JsonException($"A WorldDate's '{PrecisionName}' cannot be null; use \"unknown\".")
                        : precisions.Read(ref reader, typeof(DatePrecision), options);
                    break;
                case NotBeforeName or NotAfterName or PrecisionName:
                    throw new JsonException($"A WorldDate has '{name}' twice.");
                default:
                    throw new JsonException($"A WorldDate has no property '{name}'; it has '{NotBeforeName}', '{NotAfterName}' and '{PrecisionName}'.");
            }
        }

        var missing = new[] { (NotBeforeName, seenBefore), (NotAfterName, seenAfter), (PrecisionName, precision is not null) }
            .Where(p => !p.Item2)
            .Select(p => $"'{p.Item1}'")
            .ToArray();
        if (missing.Length > 0)
        {
            throw new JsonException($"A WorldDate needs '{NotBeforeName}', '{NotAfterName}' and '{PrecisionName}' (null for an open end); {string.Join(" and ", missing)} {(missing.Length == 1 ? "is" : "are")} missing.");
        }

        try
        {
            return new WorldDate(notBefore, notAfter, precision!.Value);
        }
        catch (ArgumentException ex)
        {
            throw new JsonException(Json.MessageOf(ex), ex);
        }
    }

    public override void Write(Utf8JsonWriter writer, WorldDate value, JsonSerializerOptions options)
    {
        var dates = (JsonConverter<DateOnly>)options.GetConverter(typeof(DateOnly));
        var precisions = (JsonConverter<DatePrecision>)options.GetConverter(typeof(DatePrecision));
        writer.WriteStartObject();
        writer.WritePropertyName(NotBeforeName);
        WriteDate(writer, value.NotBefore, dates, options);
        writer.WritePropertyName(NotAfterName);
        WriteDate(writer, value.NotAfter, dates, options);
        writer.WritePropertyName(PrecisionName);
        precisions.Write(writer, value.Precision, options);
        writer.WriteEndObject();
    }

    private static DateOnly? ReadDate(ref Utf8JsonReader reader, string name, JsonConverter<DateOnly> dates, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        try
        {
            return dates.Read(ref reader, typeof(DateOnly), options);
        }
        catch (JsonException ex)
        {
            throw new JsonException($"A WorldDate's '{name}': {ex.Message}", ex);
        }
    }

    private static void WriteDate(Utf8JsonWriter writer, DateOnly? date, JsonConverter<DateOnly> dates, JsonSerializerOptions options)
    {
        if (date is { } day)
        {
            dates.Write(writer, day, options);
        }
        else
        {
            writer.WriteNullValue();
        }
    }
}

/// <summary>Writes every enum of the contract as its snake_case name and reads only those names.</summary>
internal sealed class SnakeCaseEnumConverterFactory : JsonConverterFactory
{
    public override bool CanConvert(Type typeToConvert) => typeToConvert.IsEnum;

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (JsonConverter)Activator.CreateInstance(typeof(SnakeCaseEnumConverter<>).MakeGenericType(typeToConvert))!;
}

/// <summary>One enum as snake_case names: <c>HeadOfState</c> is <c>"head_of_state"</c>.</summary>
internal sealed class SnakeCaseEnumConverter<TEnum> : JsonConverter<TEnum>
    where TEnum : struct, Enum
{
    private readonly FrozenDictionary<string, TEnum> _byName;
    private readonly FrozenDictionary<TEnum, string> _names;

    public SnakeCaseEnumConverter()
    {
        var values = Enum.GetValues<TEnum>();
        _names = values.ToFrozenDictionary(v => v, v => EnumNames.Of(v));
        _byName = values.ToFrozenDictionary(v => _names[v], v => v, StringComparer.Ordinal);
    }

    public override TEnum Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException($"{typeof(TEnum).Name} must be a JSON string ({Known()}), not {Json.Describe(reader.TokenType)}.");
        }

        var text = reader.GetString()!;
        return _byName.TryGetValue(text, out var value)
            ? value
            : throw new JsonException($"'{text}' is not a valid {typeof(TEnum).Name}; use one of {Known()}.");
    }

    public override void Write(Utf8JsonWriter writer, TEnum value, JsonSerializerOptions options) =>
        writer.WriteStringValue(_names.TryGetValue(value, out var name)
            ? name
            : throw new JsonException($"{value} is not a defined {typeof(TEnum).Name} and cannot be written."));

    private string Known() => string.Join(", ", Enum.GetValues<TEnum>().Select(v => _names[v]));
}

internal static class Json
{
    /// <summary>An argument exception's message without the " (Parameter 'x')" the runtime appends.</summary>
    public static string MessageOf(ArgumentException ex)
    {
        var suffix = ex.ParamName is null ? null : $" (Parameter '{ex.ParamName}')";
        return suffix is not null && ex.Message.EndsWith(suffix, StringComparison.Ordinal)
            ? ex.Message[..^suffix.Length]
            : ex.Message;
    }

    public static string Describe(JsonTokenType token) => token switch
    {
        JsonTokenType.StartObject => "an object",
        JsonTokenType.StartArray => "an array",
        JsonTokenType.String => "a string",
        JsonTokenType.Number => "a number",
        JsonTokenType.True or JsonTokenType.False => "a boolean",
        JsonTokenType.Null => "null",
        _ => token.ToString(),
    };
}

/// <summary>
/// Reads and writes <see cref="IReadOnlyList{T}"/> as a JSON array whose items may not be null: no list of the
/// contract holds nulls (participants, agenda codes, counts, delegations...), and a null read from a file would
/// otherwise reach the model as a null item.
/// </summary>
internal sealed class NoNullItemsListConverterFactory : JsonConverterFactory
{
    public override bool CanConvert(Type typeToConvert) =>
        typeToConvert.IsGenericType && typeToConvert.GetGenericTypeDefinition() == typeof(IReadOnlyList<>);

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (JsonConverter)Activator.CreateInstance(typeof(NoNullItemsListConverter<>).MakeGenericType(typeToConvert.GetGenericArguments()[0]))!;
}

/// <summary>The converter of <see cref="NoNullItemsListConverterFactory"/> for one item type.</summary>
internal sealed class NoNullItemsListConverter<T> : JsonConverter<IReadOnlyList<T>>
{
    public override IReadOnlyList<T>? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw new JsonException($"Expected a JSON array of {typeof(T).Name} items, not {reader.TokenType}.");
        }

        var items = new List<T>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType == JsonTokenType.Null)
            {
                throw new JsonException($"Item {items.Count} of a list of {typeof(T).Name} is null; lists of the contract hold no nulls.");
            }

            items.Add(JsonSerializer.Deserialize<T>(ref reader, options)!);
        }

        return items;
    }

    public override void Write(Utf8JsonWriter writer, IReadOnlyList<T> value, JsonSerializerOptions options)
    {
        writer.WriteStartArray();
        foreach (var item in value)
        {
            JsonSerializer.Serialize(writer, item, options);
        }

        writer.WriteEndArray();
    }
}
