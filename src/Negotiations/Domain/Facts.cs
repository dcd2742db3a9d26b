namespace Negotiations;

/// <summary>A fact folded into a view: when it happened in the world, when it was recorded, and by which command.</summary>
internal interface IFact
{
    /// <summary>When it happened in the world.</summary>
    WorldDate OccurredOn { get; }

    /// <summary>The stream version of its event: record order, which breaks ties of world order.</summary>
    long Sequence { get; }

    /// <summary>The command that recorded it; retracting that command withdraws it.</summary>
    string? CommandId { get; }
}

/// <summary>
/// World order, the one rule of every view and of the decider: facts by their date window
/// (<see cref="WorldDate.CompareTo"/>), ties by the order they were recorded.
/// </summary>
internal static class WorldOrder
{
    public static int Compare<T>(T x, T y)
        where T : IFact
    {
        var byDate = x.OccurredOn.CompareTo(y.OccurredOn);
        return byDate != 0 ? byDate : x.Sequence.CompareTo(y.Sequence);
    }

    /// <summary>
    /// A new array of the items and one more, in world order: an append when the item comes last (the common case), an
    /// insertion in place for a fact reported late. For the short lists of one round, proposal or exchange.
    /// </summary>
    public static T[] Insert<T>(IReadOnlyList<T> items, T item)
        where T : IFact
    {
        var at = items.Count;
        while (at > 0 && Compare(items[at - 1], item) > 0)
        {
            at--;
        }

        var result = new T[items.Count + 1];
        for (var i = 0; i < at; i++)
        {
            result[i] = items[i];
        }

        result[at] = item;
        for (var i = at; i < items.Count; i++)
        {
            result[i + 1] = items[i];
        }

        return result;
    }

    /// <summary>The items without those a command recorded, or the same list when it recorded none.</summary>
    public static IReadOnlyList<T> Without<T>(IReadOnlyList<T> items, string commandId)
        where T : IFact
    {
        for (var i = 0; i < items.Count; i++)
        {
            if (Retraction.IsBy(items[i], commandId))
            {
                return [.. items.Where(item => !Retraction.IsBy(item, commandId))];
            }
        }

        return items;
    }
}

/// <summary>
/// Retraction, the one rule of every view and of the decider: a <see cref="FactRetracted"/> withdraws every fact the
/// retracted command recorded, and with it what those facts carried (answers to a withdrawn proposal, stages of a
/// withdrawn exchange, revisions of a withdrawn ultimatum); facts of other commands stay, even when they name what was
/// withdrawn. It applies whatever the day a view is computed as of.
/// </summary>
internal static class Retraction
{
    public static bool IsBy<T>(T fact, string commandId)
        where T : IFact =>
        string.Equals(fact.CommandId, commandId, StringComparison.Ordinal);
}

/// <summary>
/// A list of facts being folded into a view: appended as they come, withdrawn by retraction, and sorted into world
/// order once, when built. Folding N facts costs O(N) in world order and O(N log N) otherwise; a retraction is
/// O(1) here (the facts of its command are left out when the list is built).
/// </summary>
internal sealed class FactList<T>
    where T : IFact
{
    private readonly List<T> _items;
    private readonly RetractedCommands _retracted;
    private bool _sorted = true;

    public FactList(RetractedCommands retracted, IReadOnlyList<T>? initial = null)
    {
        _retracted = retracted;
        _items = initial is null ? [] : [.. initial];
    }

    public int Count => _items.Count;

    public void Add(T item)
    {
        if (_items.Count > 0 && WorldOrder.Compare(_items[^1], item) > 0)
        {
            _sorted = false;
        }

        _items.Add(item);
    }

    /// <summary>The facts still standing, in the order they were added.</summary>
    public IEnumerable<T> Standing => _items.Where(item => !_retracted.Withdraws(item));

    public T[] Build()
    {
        var standing = _retracted.IsEmpty ? [.. _items] : Standing.ToArray();
        if (!_sorted)
        {
            // Sequences are unique, so an unstable sort gives the one world order.
            Array.Sort(standing, WorldOrder.Compare);
        }

        return standing;
    }
}

/// <summary>The commands retracted so far in a fold: the tombstones builders leave facts out by.</summary>
internal sealed class RetractedCommands
{
    private readonly HashSet<string> _commands = new(StringComparer.Ordinal);

    public bool IsEmpty => _commands.Count == 0;

    public void Add(string commandId) => _commands.Add(commandId);

    public bool Contains(string? commandId) => commandId is not null && _commands.Contains(commandId);

    public bool Withdraws<T>(T fact)
        where T : IFact => Contains(fact.CommandId);
}
