namespace Negotiations.EventSourcing;

/// <summary>A stream's decision state and the version it was folded up to.</summary>
/// <typeparam name="TState">The state type.</typeparam>
/// <param name="Stream">The stream.</param>
/// <param name="State">The state after the stream's first <paramref name="Version"/> events.</param>
/// <param name="Version">The stream's version: 0 when it has no events.</param>
public sealed record StreamState<TState>(StreamKey Stream, TState State, long Version);

/// <summary>
/// What the caller of <see cref="IEventStore.DecideAndAppendAsync{TState}"/> decided: append events, append nothing,
/// or refuse.
/// </summary>
public sealed class StreamDecision
{
    private StreamDecision(IReadOnlyList<object> events, EventMetadata? metadata, DomainError? error)
    {
        Events = events;
        Metadata = metadata;
        Error = error;
    }

    /// <summary>Nothing to append.</summary>
    public static StreamDecision Nothing { get; } = new([], null, null);

    /// <summary>The events to append; empty for <see cref="Nothing"/> and refusals.</summary>
    public IReadOnlyList<object> Events { get; }

    /// <summary>The metadata to append them with; null when nothing is appended.</summary>
    public EventMetadata? Metadata { get; }

    /// <summary>The refusal; null otherwise.</summary>
    public DomainError? Error { get; }

    /// <summary>True when there are events to append.</summary>
    public bool Appends => Events.Count > 0;

    /// <summary>Appends events.</summary>
    /// <param name="events">One or more events.</param>
    /// <param name="metadata">Their metadata, which names the command to record.</param>
    /// <returns>The decision.</returns>
    public static StreamDecision Append(IReadOnlyList<object> events, EventMetadata metadata)
    {
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(metadata);
        return events.Count == 0 ? Nothing : new StreamDecision(events, metadata, null);
    }

    /// <summary>Refuses.</summary>
    /// <param name="error">The broken rule.</param>
    /// <returns>The decision.</returns>
    public static StreamDecision Refuse(DomainError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return new StreamDecision([], null, error);
    }
}

/// <summary>What <see cref="IEventStore.DecideAndAppendAsync{TState}"/> did.</summary>
/// <typeparam name="TState">The decision state.</typeparam>
/// <param name="DecidedOn">The state the decision was made on, at its version.</param>
/// <param name="Decision">The decision.</param>
/// <param name="Committed">The events appended, with their versions; empty when nothing was appended.</param>
/// <param name="After">The state after the appended events (the state decided on when nothing was appended).</param>
public sealed record StreamWrite<TState>(StreamState<TState> DecidedOn, StreamDecision Decision, IReadOnlyList<CommittedEvent> Committed, StreamState<TState> After);

/// <summary>Building blocks for <see cref="IEventStore.DecideAndAppendAsync{TState}"/>, for stores of your own.</summary>
public static class StreamWrites
{
    /// <summary>
    /// The write path of a store that keeps no decision states: reads the stream's events after
    /// <paramref name="known"/> (all when null), folds them, decides, and appends at the version folded to.
    /// </summary>
    /// <typeparam name="TState">The decision state.</typeparam>
    /// <param name="store">The store.</param>
    /// <param name="stream">The stream.</param>
    /// <param name="state">How the decision state is folded.</param>
    /// <param name="known">The state known already, or null.</param>
    /// <param name="decide">Decides on the loaded state.</param>
    /// <param name="cancellationToken">Cancels the work before the append.</param>
    /// <returns>What was done.</returns>
    public static async Task<StreamWrite<TState>> ReadDecideAndAppendAsync<TState>(
        IEventStore store,
        StreamKey stream,
        StreamProjection<TState> state,
        StreamState<TState>? known,
        Func<StreamState<TState>, CancellationToken, ValueTask<StreamDecision>> decide,
        CancellationToken cancellationToken = default)
        where TState : class
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(decide);
        if (known is not null && known.Stream != stream)
        {
            throw new ArgumentException($"The known state is of stream '{known.Stream}', not '{stream}'.", nameof(known));
        }

        var from = known?.Version ?? 0;
        var tail = await store.ReadStreamAsync(stream, from + 1, cancellationToken: cancellationToken).ConfigureAwait(false);
        var folded = known?.State ?? state.Start(stream.StreamId);
        if (tail.Count > 0)
        {
            folded = state.Fold(folded, tail);
        }

        var decidedOn = new StreamState<TState>(stream, folded, tail.Count > 0 ? tail[^1].Version : from);
        var decision = await decide(decidedOn, cancellationToken).ConfigureAwait(false);
        if (!decision.Appends)
        {
            return new StreamWrite<TState>(decidedOn, decision, [], decidedOn);
        }

        var appended = await store.AppendAsync(stream, decidedOn.Version, decision.Events, decision.Metadata!, cancellationToken).ConfigureAwait(false);
        var committed = Committed(stream, decidedOn.Version, decision.Events, decision.Metadata!, appended.GlobalPositions);
        return new StreamWrite<TState>(decidedOn, decision, committed, new StreamState<TState>(stream, FoldCommitted(state, folded, committed), appended.Version));
    }

    /// <summary>The import path of a store that has no bulk write: each command appended in turn at its version.</summary>
    /// <typeparam name="TState">The decision state.</typeparam>
    /// <param name="store">The store.</param>
    /// <param name="streams">The streams to write.</param>
    /// <param name="cancellationToken">Cancels the writes.</param>
    /// <returns>A task that completes when the streams are written.</returns>
    /// <exception cref="StreamVersionConflictException">A stream moved on, or one of its commands was recorded meanwhile.</exception>
    public static async Task ImportByAppendingAsync<TState>(IEventStore store, IReadOnlyList<StreamImport<TState>> streams, CancellationToken cancellationToken = default)
        where TState : class
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(streams);
        foreach (var import in streams)
        {
            var version = import.ExpectedVersion;
            foreach (var command in import.Commands)
            {
                cancellationToken.ThrowIfCancellationRequested();
                try
                {
                    version = (await store.AppendAsync(import.Stream, version, command.Events, command.Metadata!, cancellationToken).ConfigureAwait(false)).Version;
                }
                catch (CommandAlreadyRecordedException recorded)
                {
                    throw new StreamVersionConflictException(import.Stream, version, null, recorded);
                }
            }
        }
    }

    /// <summary>The events of an append as committed events, numbered from the version after <paramref name="expectedVersion"/>.</summary>
    /// <param name="stream">The stream.</param>
    /// <param name="expectedVersion">The version the append was made at.</param>
    /// <param name="events">The events.</param>
    /// <param name="metadata">Their metadata.</param>
    /// <param name="globalPositions">Their positions, when known.</param>
    /// <returns>The committed events.</returns>
    public static IReadOnlyList<CommittedEvent> Committed(StreamKey stream, long expectedVersion, IReadOnlyList<object> events, EventMetadata metadata, IReadOnlyList<long>? globalPositions)
    {
        ArgumentNullException.ThrowIfNull(events);
        var committed = new CommittedEvent[events.Count];
        for (var i = 0; i < committed.Length; i++)
        {
            var type = events[i].GetType();
            committed[i] = new CommittedEvent(stream, expectedVersion + i + 1, EventCatalog.WireNameOf(type), events[i], metadata, globalPositions?[i]);
        }

        return committed;
    }

    /// <summary>Folds just-committed events into a decision state, without reading them back.</summary>
    /// <typeparam name="TState">The decision state.</typeparam>
    /// <param name="state">How the state is folded.</param>
    /// <param name="before">The state the events were decided on.</param>
    /// <param name="committed">The events.</param>
    /// <returns>The state after them.</returns>
    public static TState FoldCommitted<TState>(StreamProjection<TState> state, TState before, IReadOnlyList<CommittedEvent> committed)
        where TState : class
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(committed);
        var recorded = new RecordedEvent[committed.Count];
        for (var i = 0; i < recorded.Length; i++)
        {
            var c = committed[i];
            recorded[i] = new RecordedEvent(c.Stream, c.Version, c.GlobalPosition ?? 0, c.EventType, c.Data, c.Metadata, default);
        }

        return state.Fold(before, recorded);
    }
}
