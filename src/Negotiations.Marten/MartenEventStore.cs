using System.Runtime.CompilerServices;
using JasperFx.Events;
using JasperFx.Events.Projections;
using Marten;
using Negotiations.EventSourcing;
using IEventStore = Negotiations.EventSourcing.IEventStore;

namespace Negotiations.Marten;

/// <summary>
/// The store port on PostgreSQL through a Marten document store: string stream ids, events stored under their wire
/// names, optimistic concurrency on the expected version, command records as documents, and decision states kept by
/// Marten as snapshots.
/// </summary>
/// <remarks>
/// <para>The document store must be configured with
/// <see cref="NegotiationsStoreOptionsExtensions.AddNegotiations"/> (the store that
/// <see cref="NegotiationsMartenBuilderExtensions.UseMarten"/> registers is); the constructor checks it.</para>
/// <para><b>A command is one session</b> (<see cref="DecideAndAppendAsync{TState}"/>): <c>FetchForWriting</c> reads the
/// stream version and the decision snapshot in one batched round trip (with Marten's write cache, only the version and
/// the events after the cached snapshot), the caller decides, the events are appended with the command's record, and
/// <c>SaveChangesAsync</c> sends them in one batch and commits. The snapshot is used only when its event count equals
/// the stream version, it was written by the running projection's schema version, and it was read strictly; otherwise
/// the stream is folded from its first event (a store written before snapshots, a snapshot lost or in an older shape),
/// and an inline snapshot is rewritten in the same transaction.</para>
/// <para>Marten's conflicts (another writer first, a locked stream) become a <see cref="StreamVersionConflictException"/>;
/// a command record that exists already becomes a <see cref="CommandAlreadyRecordedException"/>; either way nothing was
/// written.</para>
/// <para>The command id, type and fingerprint are stored as the event headers named in <see cref="MartenEventHeaders"/>,
/// the correlation and causation ids in Marten's own columns.</para>
/// <para>Streams are of Marten's default tenant (<see cref="StreamKey.DefaultTenant"/>).</para>
/// </remarks>
public sealed class MartenEventStore : IEventStore
{
    private const int ReadAllPageSize = 500;

    private readonly IDocumentStore _store;
    private readonly Dictionary<Type, string> _namesByType;

    /// <summary>Creates the store over a Marten document store.</summary>
    /// <param name="store">A document store configured with <see cref="NegotiationsStoreOptionsExtensions.AddNegotiations"/>.</param>
    /// <param name="catalog">The event types to store, with their wire names: the catalog the store was configured with.</param>
    /// <exception cref="ArgumentException">
    /// The document store does not use string stream ids, does not record correlation ids, causation ids or headers,
    /// or does not map an event type of the catalog to its wire name.
    /// </exception>
    public MartenEventStore(IDocumentStore store, EventCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(catalog);
        _store = store;
        _namesByType = catalog.Types.ToDictionary(type => type, catalog.NameOf);
        EnsureConfigured(store.Options, _namesByType);
    }

    /// <inheritdoc />
    /// <remarks>True for the decision states registered with <see cref="NegotiationsStoreOptionsExtensions.AddDecisionStates{TState}"/> (the negotiation decider's, by <see cref="NegotiationsStoreOptionsExtensions.AddNegotiations"/>).</remarks>
    public bool KeepsDecisionStates(Type stateType) => DecisionStateProjection(stateType) is not null;

    /// <inheritdoc />
    public async Task<AppendResult> AppendAsync(
        StreamKey stream,
        long expectedVersion,
        IReadOnlyList<object> events,
        EventMetadata metadata,
        CancellationToken cancellationToken = default)
    {
        StoreArguments.ValidateAppend(stream, expectedVersion, events, metadata);
        EnsureDefaultTenant(stream);
        EnsureKnown(stream, events);
        var newVersion = expectedVersion + events.Count;
        var session = _store.LightweightSession();
        await using (session.ConfigureAwait(false))
        {
            MartenEvents.Stamp(session, metadata);
            if (expectedVersion == 0)
            {
                session.Events.StartStream(stream.StreamId, events);
            }
            else
            {
                session.Events.Append(stream.StreamId, newVersion, events);
            }

            MartenEvents.Record(session, stream, expectedVersion, events.Count, metadata);
            await SaveAsync(session, stream, expectedVersion, metadata, cancellationToken).ConfigureAwait(false);
        }

        return new AppendResult(newVersion);
    }

    /// <inheritdoc />
    public async Task<StreamWrite<TState>> DecideAndAppendAsync<TState>(
        StreamKey stream,
        StreamProjection<TState> state,
        StreamState<TState>? known,
        Func<StreamState<TState>, CancellationToken, ValueTask<StreamDecision>> decide,
        CancellationToken cancellationToken = default)
        where TState : class
    {
        StoreArguments.ValidateStream(stream);
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(decide);
        EnsureDefaultTenant(stream);
        if (DecisionStateProjection(typeof(TState)) is not { } projection)
        {
            // No snapshots of this state: read the tail after the caller's known state, as any store.
            return await StreamWrites.ReadDecideAndAppendAsync(this, stream, state, known, decide, cancellationToken).ConfigureAwait(false);
        }

        var lifecycle = projection.Lifecycle;
        var session = _store.LightweightSession();
        await using (session.ConfigureAwait(false))
        {
            IEventStream<ProjectedView<TState>> fetched;
            try
            {
                fetched = await session.Events.FetchForWriting<ProjectedView<TState>>(stream.StreamId, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception exception) when (MartenEvents.IsConflict(exception))
            {
                throw new StreamVersionConflictException(stream, 0, null, exception);
            }

            var version = fetched.CurrentVersion ?? 0;
            var snapshot = fetched.Aggregate;
            TState decidedState;
            if (IsUsable(snapshot, version, state.SchemaVersion))
            {
                // The instance Marten handed out is changed by the inline projection during the commit: keep only its immutable view.
                decidedState = snapshot?.View ?? state.Start(stream.StreamId);
            }
            else
            {
                var history = await session.Events.FetchStreamAsync(stream.StreamId, version, token: cancellationToken).ConfigureAwait(false);
                decidedState = state.Project(stream.StreamId, ToRecorded(stream, history));
                if (lifecycle == ProjectionLifecycle.Inline)
                {
                    session.Store(new ProjectedView<TState> { Id = stream.StreamId, EventCount = version, SchemaVersion = state.SchemaVersion, View = decidedState });
                }
            }

            var decidedOn = new StreamState<TState>(stream, decidedState, version);
            var decision = await decide(decidedOn, cancellationToken).ConfigureAwait(false);
            if (!decision.Appends)
            {
                return new StreamWrite<TState>(decidedOn, decision, [], decidedOn);
            }

            var metadata = decision.Metadata!;
            EnsureKnown(stream, decision.Events);
            MartenEvents.Stamp(session, metadata);
            fetched.AppendMany([.. decision.Events]);
            MartenEvents.Record(session, stream, version, decision.Events.Count, metadata);
            await SaveAsync(session, stream, version, metadata, cancellationToken).ConfigureAwait(false);
            var committed = StreamWrites.Committed(stream, version, decision.Events, metadata, null);
            return new StreamWrite<TState>(decidedOn, decision, committed, new StreamState<TState>(stream, StreamWrites.FoldCommitted(state, decidedState, committed), version + committed.Count));
        }
    }

    /// <inheritdoc />
    /// <exception cref="InvalidOperationException">The stream holds an event whose type is not in the catalog.</exception>
    public async Task<IReadOnlyList<RecordedEvent>> ReadStreamAsync(
        StreamKey stream,
        long fromVersion = 1,
        long? untilVersion = null,
        CancellationToken cancellationToken = default)
    {
        StoreArguments.ValidateRead(stream, fromVersion, untilVersion);
        EnsureDefaultTenant(stream);
        if (untilVersion is { } until && until < fromVersion)
        {
            return [];
        }

        IReadOnlyList<IEvent> stored;
        var session = _store.QuerySession();
        await using (session.ConfigureAwait(false))
        {
            // Marten reads to the end of the stream when the version is 0, and from the start when fromVersion is 0.
            stored = await session.Events.FetchStreamAsync(stream.StreamId, untilVersion ?? 0, fromVersion: fromVersion, token: cancellationToken).ConfigureAwait(false);
        }

        return ToRecorded(stream, stored);
    }

    /// <inheritdoc />
    public async Task<CommandRecord?> FindCommandAsync(StreamKey stream, string commandId, CancellationToken cancellationToken = default)
    {
        StoreArguments.ValidateFindCommand(stream, commandId);
        EnsureDefaultTenant(stream);
        var session = _store.QuerySession();
        await using (session.ConfigureAwait(false))
        {
            var document = await session.LoadAsync<CommandRecordDocument>(CommandRecordDocument.IdOf(stream.StreamId, commandId), cancellationToken).ConfigureAwait(false);
            return document is null ? null : MartenEvents.ToRecord(document, stream);
        }
    }

    /// <inheritdoc />
    /// <remarks>
    /// <para>Reads Marten's event sequence in pages. Events of types outside the catalog, such as an
    /// application's own events in a shared store or the placeholders Marten writes for failed appends in its
    /// Rich append mode, are left out; their positions are skipped.</para>
    /// <para>Positions come from a PostgreSQL sequence taken when a transaction appends, so an append still in
    /// flight can commit with a lower position than one already read. To follow the store as it grows, use
    /// Marten's async daemon (projections or subscriptions), which waits for such gaps.</para>
    /// </remarks>
    public async IAsyncEnumerable<RecordedEvent> ReadAllAsync(
        long afterPosition = 0,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(afterPosition);
        var after = afterPosition;
        while (true)
        {
            IReadOnlyList<IEvent> page;
            var session = _store.QuerySession();
            await using (session.ConfigureAwait(false))
            {
                page = await session.Events.QueryAllRawEvents()
                    .Where(e => e.Sequence > after)
                    .OrderBy(e => e.Sequence)
                    .Take(ReadAllPageSize)
                    .ToListAsync(cancellationToken)
                    .ConfigureAwait(false);
            }

            foreach (var @event in page)
            {
                after = @event.Sequence;
                if (@event.Data is not null && _namesByType.TryGetValue(@event.EventType, out var name))
                {
                    yield return MartenEvents.ToRecorded(@event, name);
                }
            }

            if (page.Count < ReadAllPageSize)
            {
                yield break;
            }
        }
    }

    private static bool IsUsable<TState>(ProjectedView<TState>? snapshot, long version, int schemaVersion)
        where TState : class =>
        snapshot is null
            ? version == 0
            : snapshot.IsReadable && snapshot.SchemaVersion == schemaVersion && snapshot.EventCount == version;

    private async Task SaveAsync(IDocumentSession session, StreamKey stream, long expectedVersion, EventMetadata metadata, CancellationToken cancellationToken)
    {
        try
        {
            await session.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (MartenEvents.IsDuplicateRecord(exception))
        {
            throw new CommandAlreadyRecordedException(stream, metadata.CommandId!, expectedVersion, exception);
        }
        catch (Exception exception) when (MartenEvents.IsConflict(exception))
        {
            var actual = await CurrentVersionAsync(stream, cancellationToken).ConfigureAwait(false);
            throw new StreamVersionConflictException(stream, expectedVersion, actual, exception);
        }
    }

    private async Task<long> CurrentVersionAsync(StreamKey stream, CancellationToken cancellationToken)
    {
        var session = _store.QuerySession();
        await using (session.ConfigureAwait(false))
        {
            var state = await session.Events.FetchStreamStateAsync(stream.StreamId, cancellationToken).ConfigureAwait(false);
            return state?.Version ?? 0;
        }
    }

    private RecordedEvent[] ToRecorded(StreamKey stream, IReadOnlyList<IEvent> stored)
    {
        var events = new RecordedEvent[stored.Count];
        for (var i = 0; i < stored.Count; i++)
        {
            var @event = stored[i];
            if (!_namesByType.TryGetValue(@event.EventType, out var name))
            {
                throw new InvalidOperationException(
                    $"Stream '{stream}' holds an event of type '{@event.EventTypeName}' ({@event.EventType.FullName}) at version {@event.Version} that is not in this store's catalog.");
            }

            events[i] = MartenEvents.ToRecorded(@event, name);
        }

        return events;
    }

    private void EnsureKnown(StreamKey stream, IReadOnlyList<object> events)
    {
        foreach (var @event in events)
        {
            if (!_namesByType.ContainsKey(@event.GetType()))
            {
                throw new ArgumentException(
                    $"'{@event.GetType().FullName}' is not an event type of this store's catalog, so it has no wire name; nothing was appended to stream '{stream}'. Known wire names: {string.Join(", ", _namesByType.Values.Order(StringComparer.Ordinal))}.",
                    nameof(events));
            }
        }
    }

    private static void EnsureDefaultTenant(StreamKey stream)
    {
        if (stream.Tenant != StreamKey.DefaultTenant)
        {
            throw new ArgumentException($"Stream '{stream}' is of tenant '{stream.Tenant}', but this Marten store keeps every stream in the default tenant ('{StreamKey.DefaultTenant}').", nameof(stream));
        }
    }

    private IViewProjection? DecisionStateProjection(Type stateType) =>
        _store.Options.Events.Projections().OfType<IViewProjection>().FirstOrDefault(p => p.ViewType == stateType && p.Role == ViewRole.DecisionState);

    private static void EnsureConfigured(IReadOnlyStoreOptions options, Dictionary<Type, string> namesByType)
    {
        const string Fix = "Configure the document store with StoreOptions.AddNegotiations(catalog, ...), or let UseMarten create the library's own store.";
        var events = options.Events;
        if (events.StreamIdentity != StreamIdentity.AsString)
        {
            throw new ArgumentException($"The Marten store keeps stream ids as {events.StreamIdentity}; Negotiations needs {nameof(StreamIdentity.AsString)}. {Fix}", "store");
        }

        var metadata = events.MetadataConfig;
        if (!metadata.CorrelationIdEnabled || !metadata.CausationIdEnabled || !metadata.HeadersEnabled)
        {
            throw new ArgumentException(
                $"The Marten store does not record every piece of event metadata Negotiations keeps (correlation id: {metadata.CorrelationIdEnabled}, causation id: {metadata.CausationIdEnabled}, headers: {metadata.HeadersEnabled}); Marten would drop them silently. {Fix}",
                "store");
        }

        var aliases = events.AllKnownEventTypes().ToDictionary(t => t.EventType, t => t.EventTypeName);
        foreach (var (type, name) in namesByType)
        {
            if (!aliases.TryGetValue(type, out var alias) || !string.Equals(alias, name, StringComparison.Ordinal))
            {
                throw new ArgumentException(
                    $"The Marten store maps event type '{type.FullName}' to '{alias ?? "(nothing)"}' instead of its wire name '{name}'. {Fix}",
                    "store");
            }
        }
    }
}
