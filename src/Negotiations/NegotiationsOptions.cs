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

    /// <summary>
    /// How many streams' decision states the command service keeps in memory, for stores that keep none themselves
    /// (the in-memory store, stores of your own): the least recently used go first. With a cached state, a command
    /// reads only the events it has not seen. 0 keeps none. The default is 1000. Stores that keep decision states
    /// (Marten) ignore it: they cache on their own.
    /// </summary>
    public int DecisionStateCacheSize { get; set; } = 1000;
}
