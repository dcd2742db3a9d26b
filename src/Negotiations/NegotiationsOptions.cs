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
    /// The base of the wait before a retry after a lost race: before retry <c>n</c> (from 1) the command service waits
    /// a random time between zero and <c>ConflictBackoff × 2^(n-1)</c>, at most <see cref="MaxConflictBackoff"/> ("full
    /// jitter"), so writers of several processes that lost together do not collide again together. Writers of one
    /// process never race each other: their commands to one stream go through one at a time. The default is 10 ms;
    /// zero retries at once.
    /// </summary>
    public TimeSpan ConflictBackoff { get; set; } = TimeSpan.FromMilliseconds(10);

    /// <summary>The longest wait before one retry (see <see cref="ConflictBackoff"/>). The default is 500 ms.</summary>
    public TimeSpan MaxConflictBackoff { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>
    /// How long a command may spend retrying lost races, from its first attempt: a retry whose wait would end later is
    /// not made, and the <see cref="EventSourcing.StreamVersionConflictException"/> surfaces, even with retries left.
    /// The default is 5 seconds.
    /// </summary>
    public TimeSpan ConflictRetryBudget { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How many streams' decision states the command service keeps in memory, for stores that keep none themselves
    /// (the in-memory store, stores of your own): the least recently used go first. With a cached state, a command
    /// reads only the events it has not seen. 0 keeps none. The default is 1000. Stores that keep decision states
    /// (Marten) ignore it: they cache on their own.
    /// </summary>
    public int DecisionStateCacheSize { get; set; } = 1000;
}
