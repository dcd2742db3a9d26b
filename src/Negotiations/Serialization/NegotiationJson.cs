using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

using Negotiations.EventSourcing;

namespace Negotiations.Serialization;

/// <summary>
/// The JSON wire contract of negotiation events and commands: one <see cref="System.Text.Json"/> configuration,
/// used to write stored event data, envelopes and replay scripts alike.
/// </summary>
/// <remarks>
/// <para>Reading is strict (the rules below) wherever the core reads: scripts, histories, envelopes. The Marten store
/// writes with this contract but reads what it stored leniently (unknown members skipped, missing nullable members
/// null), so snapshots and events written by an older version of a type still load.</para>
/// <para>The contract, pinned by golden files in the tests (a change to it is a visible diff):</para>
/// <list type="bullet">
/// <item>Property names are camelCase, in the order of the record's parameters.</item>
/// <item>Enums are snake_case strings (<c>"head_of_state"</c>, <c>"no_breakthrough"</c>, <c>"accepted_with_conditions"</c>),
/// like agenda item codes and wire names; numbers are refused.</item>
/// <item>Days (<see cref="DateOnly"/>) are <c>"yyyy-MM-dd"</c>, nothing else.</item>
/// <item>Ids (<see cref="TrackId"/>, <see cref="RoundId"/>, <see cref="ProposalId"/>, <see cref="ExchangeId"/>,
/// <see cref="UltimatumId"/>, <see cref="ActorCode"/>, <see cref="CommandId"/>, <see cref="Affiliation"/>) are plain
/// JSON strings, validated when read; a bad one is an error naming the value.</item>
/// <item>A <see cref="WorldDate"/> is <c>{"notBefore":"2025-07-14","notAfter":"2025-07-20","precision":"week"}</c>,
/// an open end written as <c>null</c>.</item>
/// <item>Nulls are explicit: every property of a record is written, <c>null</c> when absent, so stored JSON shows the
/// whole shape of its version. When read, a parameter without a default value must be present (null where the type
/// allows it); a non-nullable one cannot be null; unknown and duplicate properties are errors. Parameters with a
/// default value (a command's <c>Source</c>, a venue's <c>City</c>, a delegation's <c>Head</c>) may be left out.
/// Lists hold no nulls: a null item is an error naming the list.</item>
/// <item>Text is written as UTF-8 without escaping non-ASCII characters (quotes keep their ’ “ ”); the JSON is for
/// storage and files, not for embedding in HTML.</item>
/// <item>Output is compact; indent a copy (<c>new JsonSerializerOptions(NegotiationJson.Options) { WriteIndented = true }</c>)
/// for people.</item>
/// </list>
/// <para>Serialize an event with its runtime type (<c>JsonSerializer.Serialize(e, e.GetType(), NegotiationJson.Options)</c>):
/// serialized as <see cref="INegotiationEvent"/> it would lose its payload. Stores keep that JSON as the event's data and
/// its wire name (<see cref="NegotiationEvents.Catalog"/>) beside it; <see cref="SerializeEvent"/> writes both as one
/// envelope, <c>{"type":"round_scheduled.v1","data":{...}}</c>.</para>
/// <para>Read errors are <see cref="JsonException"/>s whose message names the offending value and whose
/// <see cref="JsonException.Path"/> says where it is.</para>
/// </remarks>
public static class NegotiationJson
{
    /// <summary>The envelope property holding an event's wire name.</summary>
    public const string TypeProperty = "type";

    /// <summary>The envelope property holding a command's name (see <see cref="CommandTypes"/>).</summary>
    public const string CommandProperty = "command";

    /// <summary>The envelope property holding the payload.</summary>
    public const string DataProperty = "data";

    /// <summary>The read-only serializer options of the contract. Copy them to change anything.</summary>
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    /// <summary>The envelope of events: <c>{"type":"round_held.v1","data":{...}}</c>, the types of <see cref="NegotiationEvents.Catalog"/>.</summary>
    internal static Envelope<INegotiationEvent> Events { get; } = new(TypeProperty, "event", "event type", NegotiationEvents.Catalog.Types);

    /// <summary>The envelope of commands: <c>{"command":"ScheduleRound","data":{...}}</c>, every concrete <see cref="NegotiationCommand"/>.</summary>
    /// <remarks>
    /// The names are the wire names of commands in replay scripts and envelopes, declared on each command type with
    /// [WireName] (not taken from the CLR type names at run time, so renaming a type does not break a script): the same
    /// registry as the events' wire names.
    /// </remarks>
    internal static Envelope<NegotiationCommand> Commands { get; } = new(
        CommandProperty,
        "command",
        "command",
        typeof(NegotiationCommand).Assembly.GetTypes().Where(t => t.IsSubclassOf(typeof(NegotiationCommand)) && !t.IsAbstract));

    /// <summary>
    /// The commands a replay script can name, by their wire names (<see cref="WireNameAttribute"/>:
    /// <c>OpenNegotiation</c>, <c>RecordRoundHeld</c>, ...).
    /// </summary>
    public static IReadOnlyDictionary<string, Type> CommandTypes => Commands.Types;

    /// <summary>
    /// Applies the contract to options owned by someone else (a store's serializer, an indented copy): naming,
    /// converters, null handling and strictness. Prefer <see cref="Options"/> when you can use it as it is.
    /// </summary>
    /// <param name="options">Options that are not read-only yet.</param>
    /// <returns>The same options.</returns>
    /// <exception cref="InvalidOperationException">The options are read-only already.</exception>
    public static JsonSerializerOptions Configure(JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.DictionaryKeyPolicy = null;
        options.PropertyNameCaseInsensitive = false;
        options.DefaultIgnoreCondition = JsonIgnoreCondition.Never;
        options.IgnoreReadOnlyProperties = false;
        options.RespectNullableAnnotations = true;
        options.RespectRequiredConstructorParameters = true;
        options.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
        options.AllowDuplicateProperties = false;
        options.NumberHandling = JsonNumberHandling.Strict;
        options.Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
        options.NewLine = "\n";
        options.TypeInfoResolver = (options.TypeInfoResolver ?? new DefaultJsonTypeInfoResolver()).WithAddedModifier(TrackAndCommandIdFirst);

        // Converters added ahead of any the caller had, so the contract's win.
        JsonConverter[] contract =
        [
            .. NegotiationIds.Converters,
            new IsoDateConverter(),
            new WorldDateConverter(),
            new SnakeCaseEnumConverterFactory(),
            new NoNullItemsListConverterFactory(),
        ];
        for (var i = 0; i < contract.Length; i++)
        {
            options.Converters.Insert(i, contract[i]);
        }

        return options;
    }

    /// <summary>Writes an event as an envelope: <c>{"type":"round_scheduled.v1","data":{...}}</c>.</summary>
    /// <param name="event">An event of <see cref="NegotiationEvents.Catalog"/>.</param>
    /// <returns>The compact JSON.</returns>
    /// <exception cref="ArgumentException">The event's type is not in the catalog.</exception>
    public static string SerializeEvent(INegotiationEvent @event)
    {
        ArgumentNullException.ThrowIfNull(@event);
        return Events.Write(NegotiationEvents.Catalog.NameOf(@event.GetType()), @event);
    }

    /// <summary>Reads an envelope written by <see cref="SerializeEvent"/>.</summary>
    /// <param name="json">The envelope: an object with exactly <c>type</c> and <c>data</c>.</param>
    /// <returns>The event.</returns>
    /// <exception cref="JsonException">The JSON is malformed, the wire name unknown, or the data invalid; the message says which.</exception>
    public static INegotiationEvent DeserializeEvent(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return Strictly(() =>
        {
            using var document = JsonDocument.Parse(json);
            return Events.Read(document.RootElement);
        });
    }

    /// <summary>Reads an event's data stored under its wire name.</summary>
    /// <param name="type">The wire name (<c>round_scheduled.v1</c>).</param>
    /// <param name="data">The event's JSON object.</param>
    /// <returns>The event.</returns>
    /// <exception cref="JsonException">The wire name is unknown or the data invalid; the message names the offending value.</exception>
    public static INegotiationEvent DeserializeEvent(string type, JsonElement data)
    {
        ArgumentNullException.ThrowIfNull(type);
        return Events.ReadData(type, data);
    }

    /// <summary>The fixed name of a command type (see <see cref="CommandTypes"/>).</summary>
    /// <param name="commandType">A concrete command type.</param>
    /// <returns>Its name.</returns>
    /// <exception cref="ArgumentException">The type is not one of <see cref="CommandTypes"/>.</exception>
    public static string CommandNameOf(Type commandType)
    {
        ArgumentNullException.ThrowIfNull(commandType);
        return Commands.TryGetName(commandType, out var name)
            ? name
            : throw new ArgumentException($"'{commandType.FullName}' is not a negotiation command type; known: {Commands.KnownNames}.", nameof(commandType));
    }

    /// <summary>Writes a command as an envelope: <c>{"command":"ScheduleRound","data":{...}}</c>.</summary>
    /// <param name="command">The command.</param>
    /// <returns>The compact JSON.</returns>
    /// <exception cref="ArgumentException">The command's type is not one of <see cref="CommandTypes"/>.</exception>
    public static string SerializeCommand(NegotiationCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        return Commands.Write(CommandNameOf(command.GetType()), command);
    }

    /// <summary>Reads an envelope written by <see cref="SerializeCommand"/>.</summary>
    /// <param name="json">The envelope: an object with exactly <c>command</c> and <c>data</c>.</param>
    /// <returns>The command.</returns>
    /// <exception cref="JsonException">The JSON is malformed, the command name unknown, or the data invalid.</exception>
    public static NegotiationCommand DeserializeCommand(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return Strictly(() =>
        {
            using var document = JsonDocument.Parse(json);
            return Commands.Read(document.RootElement);
        });
    }

    /// <summary>Reads a command's data under its name.</summary>
    /// <param name="name">The command's name (<c>ScheduleRound</c>).</param>
    /// <param name="data">The command's JSON object.</param>
    /// <returns>The command.</returns>
    /// <exception cref="JsonException">The name is unknown or the data invalid; the message names the offending value.</exception>
    public static NegotiationCommand DeserializeCommand(string name, JsonElement data)
    {
        ArgumentNullException.ThrowIfNull(name);
        return Commands.ReadData(name, data);
    }

    /// <summary>
    /// Runs a read so that it fails only with <see cref="JsonException"/>: System.Text.Json reports some text it cannot
    /// turn into a .NET string (an escaped lone surrogate such as <c>"\ud800"</c>) as an <see cref="InvalidOperationException"/>.
    /// </summary>
    internal static T Strictly<T>(Func<T> read)
    {
        try
        {
            return read();
        }
        catch (InvalidOperationException ex)
        {
            throw new JsonException($"The JSON holds text that is not valid: {ex.Message}", ex);
        }
        catch (ArgumentException ex) when (ex.InnerException is System.Text.EncoderFallbackException)
        {
            // The string itself holds a lone surrogate: it is not UTF-16 text, so it cannot be JSON.
            throw new JsonException($"The JSON is not valid text: {ex.InnerException.Message}", ex);
        }
    }

    private static JsonSerializerOptions CreateOptions()
    {
        var options = Configure(new JsonSerializerOptions());
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }

    private static void TrackAndCommandIdFirst(JsonTypeInfo typeInfo)
    {
        // A command's track and id are declared on the base record, which System.Text.Json writes last.
        if (typeInfo.Kind == JsonTypeInfoKind.Object && typeInfo.Type.IsSubclassOf(typeof(NegotiationCommand)))
        {
            foreach (var property in typeInfo.Properties)
            {
                property.Order = property.Name switch
                {
                    "track" => -2,
                    "commandId" => -1,
                    _ => property.Order,
                };
            }
        }
    }

    /// <summary>Names a JSON value's kind for error messages ("an object", "a string", ...).</summary>
    internal static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Null => "null",
        _ => "nothing",
    };
}
