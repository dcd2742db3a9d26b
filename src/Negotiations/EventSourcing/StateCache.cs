namespace Negotiations.EventSourcing;

/// <summary>
/// The command service's cache of decision states for stores that keep none: bounded by entry count, least recently
/// used first out, holding immutable states only, each with the stream version it was folded to.
/// </summary>
internal sealed class StateCache<TState>
    where TState : class
{
    private readonly object _gate = new();
    private readonly int _capacity;
    private readonly Dictionary<StreamKey, LinkedListNode<StreamState<TState>>> _entries = [];
    private readonly LinkedList<StreamState<TState>> _recency = [];

    public StateCache(int capacity) => _capacity = capacity;

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _entries.Count;
            }
        }
    }

    public StreamState<TState>? Get(StreamKey stream)
    {
        if (_capacity == 0)
        {
            return null;
        }

        lock (_gate)
        {
            if (!_entries.TryGetValue(stream, out var node))
            {
                return null;
            }

            _recency.Remove(node);
            _recency.AddFirst(node);
            return node.Value;
        }
    }

    /// <summary>Keeps a state unless a later one of the same stream is kept already (writers may finish out of order).</summary>
    public void Set(StreamState<TState> state)
    {
        if (_capacity == 0)
        {
            return;
        }

        lock (_gate)
        {
            if (_entries.TryGetValue(state.Stream, out var node))
            {
                if (node.Value.Version <= state.Version)
                {
                    node.Value = state;
                }

                _recency.Remove(node);
                _recency.AddFirst(node);
                return;
            }

            _entries.Add(state.Stream, _recency.AddFirst(state));
            if (_entries.Count > _capacity)
            {
                var oldest = _recency.Last!;
                _recency.RemoveLast();
                _entries.Remove(oldest.Value.Stream);
            }
        }
    }

    public void Remove(StreamKey stream)
    {
        lock (_gate)
        {
            if (_entries.Remove(stream, out var node))
            {
                _recency.Remove(node);
            }
        }
    }
}
