using System.Reflection;

namespace Negotiations.EventSourcing;

/// <summary>
/// Declares the stable wire name of a message type: an event's (<c>round_scheduled.v1</c>), the name stores and
/// histories keep beside its data, or a command's (<c>ScheduleRound</c>), the name replay scripts and envelopes give
/// it. Stores, serializers and readers identify messages by this name, never by CLR type names, so types can be
/// renamed or moved without touching stored data or scripts. It is the one registry of message names: the event
/// catalog (<see cref="EventCatalog"/>) and the command names of the JSON contract are both read from it.
/// </summary>
/// <param name="name">
/// The wire name. An event's: lower case letters, digits and underscores, then <c>.v</c> and a version number; a
/// command's: a PascalCase name.
/// </param>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class WireNameAttribute(string name) : Attribute
{
    /// <summary>The wire name.</summary>
    public string Name { get; } = name;

    /// <summary>The wire name declared on a type, or null when it declares none.</summary>
    internal static string? Of(Type type) => type.GetCustomAttribute<WireNameAttribute>()?.Name;
}
