namespace Negotiations;

/// <summary>Keeps lists of facts in world order (by date window, then record order) as facts are folded in.</summary>
internal static class WorldOrder
{
    /// <summary>
    /// Adds an item recorded after every item of a list already in world order, and returns the list, still in world
    /// order. The common case, a fact no earlier than the last one, is an append without a sort; a fact reported
    /// late sorts the list, as a stable sort by date then record order would.
    /// </summary>
    public static IReadOnlyList<T> Add<T>(IReadOnlyList<T> items, T item, Func<T, WorldDate> when, Func<T, int> sequence)
    {
        if (items.Count == 0 || when(items[^1]).CompareTo(when(item)) <= 0)
        {
            var appended = new T[items.Count + 1];
            for (var i = 0; i < items.Count; i++)
            {
                appended[i] = items[i];
            }

            appended[^1] = item;
            return appended;
        }

        return Sort(items.Append(item), when, sequence);
    }

    /// <summary>Sorts items in world order: by date window (<see cref="WorldDate.CompareTo"/>), ties by record order.</summary>
    public static IReadOnlyList<T> Sort<T>(IEnumerable<T> items, Func<T, WorldDate> when, Func<T, int> sequence) =>
        [.. items.OrderBy(when).ThenBy(sequence)];
}
