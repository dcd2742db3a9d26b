namespace Negotiations.EventSourcing;

/// <summary>
/// Declares the stable wire name of an event type, for example <c>round_scheduled.v1</c>. Stores and
/// serializers identify events by this name, never by CLR type names, so types can be renamed or moved
/// without touching stored data.
/// </summary>
/// <param name="name">The wire name: lower case letters, digits and underscores, then <c>.v</c> and a version number.</param>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class EventNameAttribute(string name) : Attribute
{
    /// <summary>The wire name.</summary>
    public string Name { get; } = name;
}
