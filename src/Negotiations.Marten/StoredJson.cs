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
    /// leniently: members the type does not have are skipped, and only the members the type cannot do without stay
    /// required (see <see cref="RequireWhatCannotBeMissing"/>).
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
        var parameters = source.RespectRequiredConstructorParameters;
        options.RespectRequiredConstructorParameters = false;
        options.TypeInfoResolver = (source.TypeInfoResolver ?? new DefaultJsonTypeInfoResolver())
            .WithAddedModifier(typeInfo => RequireWhatCannotBeMissing(typeInfo, parameters));
        return options;
    }

    /// <summary>
    /// Keeps a member required when the type cannot do without it: a <c>required</c> property that is not nullable,
    /// and, when <paramref name="parameters"/> (the source options require constructor parameters), a constructor
    /// parameter not nullable and without a default value. A nullable <c>required</c> property or parameter that is
    /// missing is read as null, a parameter with a default value as that value; other properties keep their initial value.
    /// </summary>
    private static void RequireWhatCannotBeMissing(JsonTypeInfo typeInfo, bool parameters)
    {
        if (typeInfo.Kind != JsonTypeInfoKind.Object)
        {
            return;
        }

        foreach (var property in typeInfo.Properties)
        {
            if (parameters && property.AssociatedParameter is { IsNullable: false, HasDefaultValue: false, IsMemberInitializer: false })
            {
                property.IsRequired = true;
            }
            else if (property is { AssociatedParameter: null, IsRequired: true, IsSetNullable: true })
            {
                // The nullable members of events and commands are required by the core's strict readers, so that
                // their JSON shows the whole shape; a store reads what it stored leniently, as it did when they were
                // nullable constructor parameters.
                property.IsRequired = false;
            }
        }
    }
}

/// <summary>The view types of a store whose stored views are read strictly: the decision states.</summary>
internal sealed class StrictViewTypes
{
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<object, StrictViewTypes> ByOptions = new();
    private readonly HashSet<Type> _types = [];
    private readonly object _gate = new();

    public static StrictViewTypes For(object storeOptions) => ByOptions.GetValue(storeOptions, _ => new StrictViewTypes());

    public void Add(Type viewType)
    {
        lock (_gate)
        {
            _types.Add(viewType);
        }
    }

    public bool Contains(Type viewType)
    {
        lock (_gate)
        {
            return _types.Contains(viewType);
        }
    }
}

/// <summary>
/// Reads and writes <see cref="ProjectedView{TView}"/> documents: the view is written as the store's options write it
/// and read strictly (decision states) or leniently (read models); a view that cannot be read at all leaves the
/// document loaded with <see cref="ProjectedView{TView}.IsReadable"/> false, rather than failing the session.
/// </summary>
internal sealed class ProjectedViewConverterFactory(JsonSerializerOptions strict, StrictViewTypes strictTypes) : JsonConverterFactory
{
    public override bool CanConvert(Type typeToConvert) =>
        typeToConvert.IsGenericType && typeToConvert.GetGenericTypeDefinition() == typeof(ProjectedView<>);

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (JsonConverter)Activator.CreateInstance(typeof(ProjectedViewConverter<>).MakeGenericType(typeToConvert.GetGenericArguments()[0]), strict, strictTypes)!;
}

/// <summary>The converter of <see cref="ProjectedViewConverterFactory"/> for one view type.</summary>
internal sealed class ProjectedViewConverter<TView>(JsonSerializerOptions strict, StrictViewTypes strictTypes) : JsonConverter<ProjectedView<TView>>
    where TView : class
{
    public override ProjectedView<TView>? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException($"A stored {typeof(TView).Name} view must be a JSON object.");
        }

        var (id, eventCount, schemaVersion, view) = (Name(options, nameof(ProjectedView<TView>.Id)), Name(options, nameof(ProjectedView<TView>.EventCount)), Name(options, nameof(ProjectedView<TView>.SchemaVersion)), Name(options, nameof(ProjectedView<TView>.View)));
        var result = new ProjectedView<TView>();
        JsonElement? stored = null;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var name = reader.GetString();
            reader.Read();
            if (name == id)
            {
                result.Id = reader.GetString() ?? string.Empty;
            }
            else if (name == eventCount)
            {
                result.EventCount = reader.GetInt64();
            }
            else if (name == schemaVersion)
            {
                result.SchemaVersion = reader.GetInt32();
            }
            else if (name == view)
            {
                stored = JsonElement.ParseValue(ref reader);
            }
            else
            {
                reader.Skip();
            }
        }

        if (stored is not { ValueKind: not JsonValueKind.Null } element)
        {
            result.ReadError = "the stored view is empty";
            return result;
        }

        try
        {
            result.View = element.Deserialize<TView>(strictTypes.Contains(typeof(TView)) ? strict : options)
                ?? throw new JsonException("the stored view is null");
        }
        catch (Exception ex) when (ex is JsonException or NotSupportedException or ArgumentException or InvalidOperationException or FormatException or OverflowException)
        {
            result.View = null!;
            result.ReadError = ex.Message;
        }

        return result;
    }

    public override void Write(Utf8JsonWriter writer, ProjectedView<TView> value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        writer.WriteString(Name(options, nameof(ProjectedView<TView>.Id)), value.Id);
        writer.WriteNumber(Name(options, nameof(ProjectedView<TView>.EventCount)), value.EventCount);
        writer.WriteNumber(Name(options, nameof(ProjectedView<TView>.SchemaVersion)), value.SchemaVersion);
        writer.WritePropertyName(Name(options, nameof(ProjectedView<TView>.View)));
        if (value.View is null)
        {
            writer.WriteNullValue();
        }
        else
        {
            JsonSerializer.Serialize(writer, value.View, options);
        }

        writer.WriteEndObject();
    }

    private static string Name(JsonSerializerOptions options, string member) => options.PropertyNamingPolicy?.ConvertName(member) ?? member;
}
