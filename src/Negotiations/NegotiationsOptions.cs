namespace Negotiations;

/// <summary>Options of the negotiations library, set through <c>services.AddNegotiations(options => ...)</c>.</summary>
public sealed class NegotiationsOptions
{
    /// <summary>
    /// How many times the command service reloads and decides again after losing a race to another
    /// writer, before it lets the <see cref="EventSourcing.StreamVersionConflictException"/> surface.
    /// 0 means no retry. The default is 3.
    /// </summary>
    public int MaxConflictRetries { get; set; } = 3;
}
