using System.Reflection;
using System.Text.RegularExpressions;

namespace Negotiations.EventSourcing;

/// <summary>
/// The event types a store or serializer knows, each under its stable wire name.
/// </summary>
/// <remarks>
/// Built from types marked with <see cref="WireNameAttribute"/>. A catalog refuses types without a
/// wire name, malformed names and two types under one name, so a mistake shows at start-up rather than
/// in stored data.
/// </remarks>
public sealed partial class EventCatalog
{
    private readonly Dictionary<Type, string> _namesByType;
    private readonly Dictionary<string, Type> _typesByName;

    private EventCatalog(Dictionary<Type, string> namesByType)
    {
        _namesByType = namesByType;
        _typesByName = namesByType.ToDictionary(pair => pair.Value, pair => pair.Key, StringComparer.Ordinal);
    }

    /// <summary>Builds a catalog of the given event types.</summary>
    /// <param name="eventTypes">Types marked with <see cref="WireNameAttribute"/>.</param>
    /// <returns>The catalog.</returns>
    /// <exception cref="ArgumentException">A type has no wire name, a malformed one, or shares it with another type.</exception>
    public static EventCatalog Of(IEnumerable<Type> eventTypes)
    {
        ArgumentNullException.ThrowIfNull(eventTypes);
        var names = new Dictionary<Type, string>();
        var owners = new Dictionary<string, Type>(StringComparer.Ordinal);
        foreach (var type in eventTypes)
        {
            if (names.ContainsKey(type))
            {
                continue;
            }

            var name = WireNameOf(type);
            if (!WireNamePattern().IsMatch(name))
            {
                throw new ArgumentException($"Event type '{type.FullName}' has the wire name '{name}', which is not of the form 'snake_case_name.v1'.", nameof(eventTypes));
            }

            if (owners.TryGetValue(name, out var other))
            {
                throw new ArgumentException($"Event types '{other.FullName}' and '{type.FullName}' share the wire name '{name}'.", nameof(eventTypes));
            }

            names.Add(type, name);
            owners.Add(name, type);
        }

        return new EventCatalog(names);
    }

    /// <summary>Builds a catalog of the given event types.</summary>
    /// <param name="eventTypes">Types marked with <see cref="WireNameAttribute"/>.</param>
    /// <returns>The catalog.</returns>
    public static EventCatalog Of(params Type[] eventTypes) => Of((IEnumerable<Type>)eventTypes);

    /// <summary>The event types of the catalog.</summary>
    public IReadOnlyCollection<Type> Types => _namesByType.Keys;

    /// <summary>Gets the wire name of an event type.</summary>
    /// <param name="eventType">A type of the catalog.</param>
    /// <returns>Its wire name.</returns>
    /// <exception cref="ArgumentException">The type is not in the catalog.</exception>
    public string NameOf(Type eventType)
    {
        ArgumentNullException.ThrowIfNull(eventType);
        return _namesByType.TryGetValue(eventType, out var name)
            ? name
            : throw new ArgumentException($"'{eventType.FullName}' is not an event type of this catalog; known types: {string.Join(", ", _typesByName.Keys.Order(StringComparer.Ordinal))}.", nameof(eventType));
    }

    /// <summary>Looks up the event type stored under a wire name.</summary>
    /// <param name="wireName">The wire name.</param>
    /// <param name="eventType">The type, when found.</param>
    /// <returns>True when the catalog has a type under that name.</returns>
    public bool TryGetType(string wireName, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out Type? eventType) =>
        _typesByName.TryGetValue(wireName, out eventType);

    /// <summary>Reads the wire name an event type declares with <see cref="WireNameAttribute"/>.</summary>
    /// <param name="eventType">The event type.</param>
    /// <returns>Its wire name.</returns>
    /// <exception cref="ArgumentException">The type declares no wire name.</exception>
    public static string WireNameOf(Type eventType)
    {
        ArgumentNullException.ThrowIfNull(eventType);
        return eventType.GetCustomAttribute<WireNameAttribute>()?.Name
            ?? throw new ArgumentException($"Event type '{eventType.FullName}' has no [WireName] attribute; every stored event needs a stable wire name.", nameof(eventType));
    }

    [GeneratedRegex(@"\A[a-z][a-z0-9_]*\.v[1-9][0-9]*\z", RegexOptions.CultureInvariant)]
    private static partial Regex WireNamePattern();
}
