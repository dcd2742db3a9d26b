namespace Negotiations.EventSourcing;

/// <summary>
/// One gate per stream within a process: the commands to one (tenant, stream) go through one at a time, in the order
/// they arrive, so writers of one process never race each other for a stream's next version. A gate lives while
/// a command holds it or waits for it, then goes.
/// </summary>
internal sealed class StreamGates
{
    private readonly Dictionary<StreamKey, Gate> _gates = [];

    /// <summary>How many streams have a command in or waiting for their gate.</summary>
    public int Count
    {
        get
        {
            lock (_gates)
            {
                return _gates.Count;
            }
        }
    }

    /// <summary>Waits for the stream's gate; dispose the result to let the next command through.</summary>
    public async ValueTask<Passage> EnterAsync(StreamKey stream, CancellationToken cancellationToken)
    {
        Gate gate;
        lock (_gates)
        {
            if (!_gates.TryGetValue(stream, out gate!))
            {
                gate = new Gate();
                _gates.Add(stream, gate);
            }

            gate.Users++;
        }

        try
        {
            await gate.Semaphore.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            Leave(stream, gate);
            throw;
        }

        return new Passage(this, stream, gate);
    }

    private void Leave(StreamKey stream, Gate gate)
    {
        lock (_gates)
        {
            if (--gate.Users == 0)
            {
                _gates.Remove(stream);
                gate.Semaphore.Dispose();
            }
        }
    }

    /// <summary>A command's passage through a gate.</summary>
    internal readonly struct Passage(StreamGates gates, StreamKey stream, Gate gate) : IDisposable
    {
        public void Dispose()
        {
            gate.Semaphore.Release();
            gates.Leave(stream, gate);
        }
    }

    internal sealed class Gate
    {
        public SemaphoreSlim Semaphore { get; } = new(1, 1);

        public int Users { get; set; }
    }
}
