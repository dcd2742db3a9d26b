using System.Buffers;
using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.ExceptionServices;
using System.Text;
using System.Text.Json;

using Negotiations.EventSourcing;

namespace Negotiations.Serialization;

/// <summary>
/// The envelope of a message on the wire, the one reader and writer of it for envelopes, histories and replay
/// scripts: a JSON object holding the message's wire name (<see cref="WireNameAttribute"/>) under a discriminator
/// property and its payload, in the JSON contract of <see cref="NegotiationJson"/>, under <c>data</c>:
/// <c>{"type":"round_held.v1","data":{...}}</c> for events, <c>{"command":"ScheduleRound","data":{...}}</c> for
/// commands. A history entry or a script entry carries more members beside those two (a version, a note); its reader
/// names them here and reads them itself.
/// </summary>
/// <remarks>
/// <para>The payload is nested under <c>data</c> in stored histories and in scripts, and <c>[JsonPolymorphic]</c>
/// writes its discriminator inline among the payload's properties, so it cannot read or write this format.</para>
/// <para>Reading takes two steps, so that a caller can check its own members between them:
/// <see cref="TryReadMembers"/> checks the shape (an object; the discriminator a string; no member unknown or
/// repeated), <see cref="TryResolve"/> finds the type under the name and reads the data strictly. A problem comes back
/// as an <see cref="EnvelopeProblem"/> for the caller to word in its own terms; <see cref="Describe"/> words it as
/// <see cref="NegotiationJson"/> does.</para>
/// </remarks>
/// <typeparam name="TMessage">The base type of the messages.</typeparam>
internal sealed class Envelope<TMessage>
    where TMessage : class
{
    private readonly FrozenDictionary<string, Type> _typesByName;
    private readonly FrozenDictionary<Type, string> _namesByType;
    private readonly string _noun;
    private readonly string _nameNoun;

    // "An event envelope", "A command envelope".
    private string Article => "aeiou".Contains(_noun[0], StringComparison.Ordinal) ? "An" : "A";

    /// <summary>Creates the envelope of some message types, each under the wire name it declares.</summary>
    /// <param name="discriminator">The member holding the wire name: <c>type</c> or <c>command</c>.</param>
    /// <param name="noun">What a message is called in error messages: <c>event</c>, <c>command</c>.</param>
    /// <param name="nameNoun">What a wire name names in error messages: <c>event type</c>, <c>command</c>.</param>
    /// <param name="types">The concrete message types, each with a <see cref="WireNameAttribute"/>.</param>
    /// <exception cref="InvalidOperationException">A type declares no wire name, or two share one.</exception>
    /// <exception cref="ArgumentException">A type is not a <typeparamref name="TMessage"/>.</exception>
    public Envelope(string discriminator, string noun, string nameNoun, IEnumerable<Type> types)
    {
        Discriminator = discriminator;
        _noun = noun;
        _nameNoun = nameNoun;
        var typesByName = new Dictionary<string, Type>(StringComparer.Ordinal);
        foreach (var type in types)
        {
            if (!typeof(TMessage).IsAssignableFrom(type) || type.IsAbstract)
            {
                throw new ArgumentException($"'{type.FullName}' is not a concrete {typeof(TMessage).Name}.", nameof(types));
            }

            var name = WireNameAttribute.Of(type)
                ?? throw new InvalidOperationException($"{char.ToUpperInvariant(noun[0])}{noun[1..]} type '{type.FullName}' has no [WireName]; every {noun} needs a stable wire name.");
            if (!typesByName.TryAdd(name, type))
            {
                throw new InvalidOperationException($"{char.ToUpperInvariant(noun[0])}{noun[1..]} types '{typesByName[name].FullName}' and '{type.FullName}' share the wire name '{name}'.");
            }
        }

        _typesByName = typesByName.ToFrozenDictionary(StringComparer.Ordinal);
        _namesByType = typesByName.ToFrozenDictionary(pair => pair.Value, pair => pair.Key);
        KnownNames = string.Join(", ", _typesByName.Keys.Order(StringComparer.Ordinal));
    }

    /// <summary>The member holding the wire name: <c>type</c> or <c>command</c>.</summary>
    public string Discriminator { get; }

    /// <summary>The message types by wire name: the registry the envelope reads with.</summary>
    public IReadOnlyDictionary<string, Type> Types => _typesByName;

    /// <summary>The wire names, in ordinal order, joined with <c>", "</c>: for error messages.</summary>
    public string KnownNames { get; }

    /// <summary>Looks up the wire name of a message type.</summary>
    /// <param name="type">The type.</param>
    /// <param name="name">Its wire name, when it is one of <see cref="Types"/>.</param>
    /// <returns>True when the type is one of <see cref="Types"/>.</returns>
    public bool TryGetName(Type type, [NotNullWhen(true)] out string? name) => _namesByType.TryGetValue(type, out name);

    /// <summary>
    /// Reads the members of an envelope: checks that it is an object whose members are the discriminator (a string),
    /// <c>data</c> and <paramref name="others"/>, each at most once, in any order. Nothing is resolved yet; read the
    /// others from the element.
    /// </summary>
    /// <param name="element">The envelope.</param>
    /// <param name="others">The members the caller allows beside the discriminator and <c>data</c>.</param>
    /// <param name="members">The wire name and the data, each when present.</param>
    /// <param name="problem">The first problem, in member order, when there is one.</param>
    /// <returns>True when the shape is right.</returns>
    public bool TryReadMembers(JsonElement element, ReadOnlySpan<string> others, out EnvelopeMembers members, [NotNullWhen(false)] out EnvelopeProblem? problem)
    {
        members = default;
        if (element.ValueKind != JsonValueKind.Object)
        {
            problem = new EnvelopeProblem(EnvelopeFault.NotAnObject) { Kind = element.ValueKind };
            return false;
        }

        string? name = null;
        JsonElement? data = null;
        Span<bool> seen = stackalloc bool[others.Length];
        foreach (var property in element.EnumerateObject())
        {
            if (property.NameEquals(Discriminator))
            {
                if (name is not null)
                {
                    problem = new EnvelopeProblem(EnvelopeFault.Repeated) { Member = Discriminator };
                    return false;
                }

                if (property.Value.ValueKind != JsonValueKind.String)
                {
                    problem = new EnvelopeProblem(EnvelopeFault.NameNotAString) { Kind = property.Value.ValueKind };
                    return false;
                }

                name = property.Value.GetString()!;
            }
            else if (property.NameEquals(NegotiationJson.DataProperty))
            {
                if (data is not null)
                {
                    problem = new EnvelopeProblem(EnvelopeFault.Repeated) { Member = NegotiationJson.DataProperty };
                    return false;
                }

                data = property.Value;
            }
            else
            {
                var other = IndexOf(others, property);
                if (other < 0)
                {
                    problem = new EnvelopeProblem(EnvelopeFault.NotAMember) { Member = property.Name };
                    return false;
                }

                if (seen[other])
                {
                    problem = new EnvelopeProblem(EnvelopeFault.Repeated) { Member = others[other] };
                    return false;
                }

                seen[other] = true;
            }
        }

        members = new EnvelopeMembers(name, data);
        problem = null;
        return true;
    }

    /// <summary>
    /// Resolves an envelope's members to a message: the wire name is present and known, the data present and an
    /// object, and the data a valid message of that type in the strict contract of <see cref="NegotiationJson"/>.
    /// </summary>
    /// <param name="members">The members, from <see cref="TryReadMembers"/> or given by a store.</param>
    /// <param name="message">The message, when it reads.</param>
    /// <param name="problem">The first problem, in the order above, when there is one.</param>
    /// <returns>True when the message reads.</returns>
    public bool TryResolve(EnvelopeMembers members, [NotNullWhen(true)] out TMessage? message, [NotNullWhen(false)] out EnvelopeProblem? problem)
    {
        message = null;
        if (members.Name is not { } name)
        {
            problem = new EnvelopeProblem(EnvelopeFault.MissingName);
            return false;
        }

        if (!_typesByName.TryGetValue(name, out var type))
        {
            problem = new EnvelopeProblem(EnvelopeFault.UnknownName) { Name = name };
            return false;
        }

        if (members.Data is not { } data)
        {
            problem = new EnvelopeProblem(EnvelopeFault.MissingData) { Name = name };
            return false;
        }

        if (data.ValueKind != JsonValueKind.Object)
        {
            problem = new EnvelopeProblem(EnvelopeFault.DataNotAnObject) { Name = name, Kind = data.ValueKind };
            return false;
        }

        try
        {
            message = (TMessage)NegotiationJson.Strictly(() => data.Deserialize(type, NegotiationJson.Options)!);
        }
        catch (JsonException ex)
        {
            problem = new EnvelopeProblem(EnvelopeFault.InvalidData) { Name = name, Error = ex };
            return false;
        }

        problem = null;
        return true;
    }

    /// <summary>Reads an envelope that has exactly the discriminator and <c>data</c>.</summary>
    /// <param name="element">The envelope.</param>
    /// <returns>The message.</returns>
    /// <exception cref="JsonException">The envelope has a problem; the message is <see cref="Describe"/>'s.</exception>
    public TMessage Read(JsonElement element) =>
        TryReadMembers(element, [], out var members, out var problem) && TryResolve(members, out var message, out problem)
            ? message
            : throw Failure(problem);

    /// <summary>Reads a message's data stored under its wire name.</summary>
    /// <param name="name">The wire name.</param>
    /// <param name="data">The data.</param>
    /// <returns>The message.</returns>
    /// <exception cref="JsonException">The name is unknown or the data invalid; the message is <see cref="Describe"/>'s.</exception>
    public TMessage ReadData(string name, JsonElement data) =>
        TryResolve(new EnvelopeMembers(name, data), out var message, out var problem) ? message : throw Failure(problem);

    /// <summary>Words a problem as <see cref="NegotiationJson"/> reports it.</summary>
    /// <param name="problem">The problem.</param>
    /// <returns>The error message.</returns>
    public string Describe(EnvelopeProblem problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        return problem.Fault switch
        {
            EnvelopeFault.NotAnObject => $"{Article} {_noun} envelope must be a JSON object, not {NegotiationJson.Describe(problem.Kind)}.",
            EnvelopeFault.NameNotAString => $"{Article} {_noun} envelope's '{Discriminator}' must be a string, not {NegotiationJson.Describe(problem.Kind)}.",
            EnvelopeFault.NotAMember or EnvelopeFault.Repeated => $"{Article} {_noun} envelope has exactly '{Discriminator}' and '{NegotiationJson.DataProperty}'; '{problem.Member}' is not allowed here (or is repeated).",
            EnvelopeFault.MissingName => $"{Article} {_noun} envelope needs '{Discriminator}'.",
            EnvelopeFault.UnknownName => $"'{problem.Name}' is not a known {_nameNoun}; known: {KnownNames}.",
            EnvelopeFault.MissingData => $"{Article} {_noun} envelope needs '{NegotiationJson.DataProperty}'.",
            EnvelopeFault.DataNotAnObject => $"The data of a '{problem.Name}' {_noun} must be a JSON object, not {NegotiationJson.Describe(problem.Kind)}.",
            _ => problem.Error!.Message,
        };
    }

    /// <summary>Writes a message as a compact envelope: the discriminator, then <c>data</c>.</summary>
    /// <param name="name">The message's wire name.</param>
    /// <param name="message">The message.</param>
    /// <returns>The JSON.</returns>
    public string Write(string name, TMessage message)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = NegotiationJson.Options.Encoder }))
        {
            Write(writer, name, message);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>
    /// Writes an envelope as one object: the caller's members <paramref name="before"/>, the discriminator, the caller's
    /// members <paramref name="between"/>, then <c>data</c>, the payload with its runtime type. Layout (compact,
    /// indented) is the writer's.
    /// </summary>
    /// <param name="writer">The writer.</param>
    /// <param name="name">The wire name.</param>
    /// <param name="data">The payload.</param>
    /// <param name="before">Writes members ahead of the discriminator; optional.</param>
    /// <param name="between">Writes members between the discriminator and <c>data</c>; optional.</param>
    public void Write(Utf8JsonWriter writer, string name, object data, Action<Utf8JsonWriter>? before = null, Action<Utf8JsonWriter>? between = null)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(data);
        writer.WriteStartObject();
        before?.Invoke(writer);
        writer.WriteString(Discriminator, name);
        between?.Invoke(writer);
        writer.WritePropertyName(NegotiationJson.DataProperty);
        JsonSerializer.Serialize(writer, data, data.GetType(), NegotiationJson.Options);
        writer.WriteEndObject();
    }

    private static int IndexOf(ReadOnlySpan<string> names, JsonProperty property)
    {
        for (var i = 0; i < names.Length; i++)
        {
            if (property.NameEquals(names[i]))
            {
                return i;
            }
        }

        return -1;
    }

    private Exception Failure(EnvelopeProblem problem)
    {
        if (problem.Error is { } error)
        {
            ExceptionDispatchInfo.Throw(error);
        }

        return new JsonException(Describe(problem));
    }
}

/// <summary>The wire name and the data of an envelope, each when present.</summary>
/// <param name="Name">The wire name.</param>
/// <param name="Data">The payload.</param>
internal readonly record struct EnvelopeMembers(string? Name, JsonElement? Data);

/// <summary>What is wrong with an envelope, in the order the checks run.</summary>
internal enum EnvelopeFault
{
    /// <summary>The envelope is not a JSON object (<see cref="EnvelopeProblem.Kind"/> says what it is).</summary>
    NotAnObject,

    /// <summary>The discriminator is not a string (<see cref="EnvelopeProblem.Kind"/> says what it is).</summary>
    NameNotAString,

    /// <summary>A member the envelope does not have (<see cref="EnvelopeProblem.Member"/>).</summary>
    NotAMember,

    /// <summary>A member given twice (<see cref="EnvelopeProblem.Member"/>).</summary>
    Repeated,

    /// <summary>No discriminator.</summary>
    MissingName,

    /// <summary>A wire name of no registered type (<see cref="EnvelopeProblem.Name"/>).</summary>
    UnknownName,

    /// <summary>No <c>data</c>.</summary>
    MissingData,

    /// <summary>The data is not a JSON object (<see cref="EnvelopeProblem.Kind"/> says what it is).</summary>
    DataNotAnObject,

    /// <summary>The data is not a valid message of its type (<see cref="EnvelopeProblem.Error"/>).</summary>
    InvalidData,
}

/// <summary>A problem with an envelope, for its reader to word.</summary>
/// <param name="Fault">What is wrong.</param>
internal sealed record EnvelopeProblem(EnvelopeFault Fault)
{
    /// <summary>The kind of the offending value, for faults about a value's kind.</summary>
    public JsonValueKind Kind { get; init; }

    /// <summary>The unknown or repeated member.</summary>
    public string? Member { get; init; }

    /// <summary>The wire name, once it is known.</summary>
    public string? Name { get; init; }

    /// <summary>Why the data does not read, for <see cref="EnvelopeFault.InvalidData"/>; its path is within the data.</summary>
    public JsonException? Error { get; init; }
}
