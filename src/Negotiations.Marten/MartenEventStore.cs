using System.Runtime.CompilerServices;
using JasperFx.Events;
using JasperFx.Events.Projections;
using Marten;
using Weasel.Core;
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
            catch (Exception exception) when (MartenEvents.IsStoreFailure(exception))
            {
                throw new EventStoreUnavailableException(stream, outcomeUnknown: false, exception);
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
                var history = await Reading(stream, () => session.Events.FetchStreamAsync(stream.StreamId, version, token: cancellationToken)).ConfigureAwait(false);
                decidedState = state.Project(stream.StreamId, ToRecorded(stream, history));
                if (lifecycle == ProjectionLifecycle.Inline && snapshot is not null)
                {
                    // The instance is in the session's identity map: the inline projection continues from it in the commit.
                    Reset(snapshot, decidedState, version, state.SchemaVersion);
                }
                else if (lifecycle == ProjectionLifecycle.Inline && version > 0)
                {
                    session.Store(Reset(new ProjectedView<TState> { Id = stream.StreamId }, decidedState, version, state.SchemaVersion));
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
    /// <remarks>
    /// <para>New streams (expected version 0) are written together with Marten's bulk insert (<c>COPY ... FROM STDIN
    /// BINARY</c>, one transaction), which runs no projections and checks no versions, but refuses a stream that exists
    /// already (another writer created it): then none of the batch is written. Their command records, their decision
    /// states when those are kept inline, and the views of every inline stream projection are then written by bulk
    /// insert too. Decision states and views kept by the async daemon are left to it: it sees the imported events like
    /// any others.</para>
    /// <para>Streams with events already get their commands through normal appends, up to
    /// <see cref="ImportOptions.CommandsPerAppend"/> commands in one transaction, with the version check and the inline
    /// projections.</para>
    /// </remarks>
    public async Task ImportAsync<TState>(IReadOnlyList<StreamImport<TState>> streams, StreamProjection<TState> state, ImportOptions options, CancellationToken cancellationToken = default)
        where TState : class
    {
        ArgumentNullException.ThrowIfNull(streams);
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(options);
        foreach (var import in streams)
        {
            StoreArguments.ValidateStream(import.Stream);
            EnsureDefaultTenant(import.Stream);
            foreach (var command in import.Commands)
            {
                EnsureKnown(import.Stream, command.Events);
            }
        }

        var fresh = streams.Where(s => s.ExpectedVersion == 0).ToArray();
        if (fresh.Length > 0)
        {
            await ImportNewAsync(fresh, state, cancellationToken).ConfigureAwait(false);
        }

        foreach (var import in streams.Where(s => s.ExpectedVersion > 0))
        {
            await ImportExistingAsync(import, options.CommandsPerAppend, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task ImportNewAsync<TState>(IReadOnlyList<StreamImport<TState>> streams, StreamProjection<TState> state, CancellationToken cancellationToken)
        where TState : class
    {
        var actions = new List<StreamAction>(streams.Count);
        var session = _store.LightweightSession();
        await using (session.ConfigureAwait(false))
        {
            foreach (var import in streams)
            {
                actions.Add(StreamAction.Start(import.Stream.StreamId, [.. Wrap(session, import.Commands)]));
            }
        }

        try
        {
            await _store.BulkInsertEventsAsync(actions, 1000, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (MartenEvents.IsConflict(exception))
        {
            throw new StreamVersionConflictException(streams[0].Stream, 0, null, exception);
        }
        catch (Exception exception) when (MartenEvents.IsStoreFailure(exception))
        {
            // The bulk insert commits inside Marten, out of sight: a failure may have come after its commit.
            throw new EventStoreUnavailableException(streams[0].Stream, outcomeUnknown: !MartenEvents.IsReportedRollback(exception), exception);
        }

        var now = DateTimeOffset.UtcNow;
        var records = new List<object>();
        var views = new List<object>();
        var decisionsInline = DecisionStateProjection(typeof(TState))?.Lifecycle == ProjectionLifecycle.Inline;
        var inlineViews = _store.Options.Events.Projections().OfType<IViewProjection>()
            .Where(p => p.Role == ViewRole.ReadModel && p.Lifecycle == ProjectionLifecycle.Inline)
            .ToArray();
        foreach (var import in streams)
        {
            var version = 0L;
            var recorded = new List<RecordedEvent>(import.EventCount);
            foreach (var command in import.Commands)
            {
                records.Add(MartenEvents.RecordDocument(import.Stream, version, command.Events.Count, command.Metadata!));
                foreach (var committed in StreamWrites.Committed(import.Stream, version, command.Events, command.Metadata!, null))
                {
                    recorded.Add(new RecordedEvent(committed.Stream, committed.Version, 0, committed.EventType, committed.Data, committed.Metadata, now));
                }

                version += command.Events.Count;
            }

            if (decisionsInline)
            {
                views.Add(new ProjectedView<TState> { Id = import.Stream.StreamId, EventCount = import.State.Version, SchemaVersion = state.SchemaVersion, View = import.State.State });
            }

            foreach (var projection in inlineViews)
            {
                if (projection.BuildView(import.Stream.StreamId, recorded) is { } view)
                {
                    views.Add(view);
                }
            }
        }

        try
        {
            // Records are insert-only: ones left by an interrupted run stay as they are.
            await _store.BulkInsertDocumentsAsync(records, BulkInsertMode.IgnoreDuplicates, 1000, cancellationToken).ConfigureAwait(false);
            if (views.Count > 0)
            {
                await _store.BulkInsertDocumentsAsync(views, BulkInsertMode.OverwriteExisting, 1000, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception exception) when (MartenEvents.IsStoreFailure(exception))
        {
            // The events are stored: an import run again writes the missing records and views.
            throw new EventStoreUnavailableException(streams[0].Stream, outcomeUnknown: true, exception);
        }
    }

    private async Task ImportExistingAsync<TState>(StreamImport<TState> import, int commandsPerAppend, CancellationToken cancellationToken)
        where TState : class
    {
        var version = import.ExpectedVersion;
        foreach (var chunk in import.Commands.Chunk(commandsPerAppend))
        {
            var session = _store.LightweightSession();
            await using (session.ConfigureAwait(false))
            {
                var events = Wrap(session, chunk).ToArray();
                session.Events.Append(import.Stream.StreamId, version + events.Length, events);
                var at = version;
                foreach (var command in chunk)
                {
                    MartenEvents.Record(session, import.Stream, at, command.Events.Count, command.Metadata!);
                    at += command.Events.Count;
                }

                try
                {
                    await SaveAsync(session, import.Stream, version, chunk[0].Metadata!, cancellationToken).ConfigureAwait(false);
                }
                catch (CommandAlreadyRecordedException recorded)
                {
                    throw new StreamVersionConflictException(import.Stream, version, null, recorded);
                }

                version += events.Length;
            }
        }
    }

    /// <summary>The events of decided commands as Marten events, each carrying its own command's metadata.</summary>
    private static IEnumerable<IEvent> Wrap(IDocumentSession session, IEnumerable<StreamDecision> commands)
    {
        foreach (var command in commands)
        {
            foreach (var data in command.Events)
            {
                var @event = session.Events.BuildEvent(data);
                MartenEvents.Stamp(@event, command.Metadata!);
                yield return @event;
            }
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
            stored = await Reading(stream, () => session.Events.FetchStreamAsync(stream.StreamId, untilVersion ?? 0, fromVersion: fromVersion, token: cancellationToken)).ConfigureAwait(false);
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
            var document = await Reading(stream, () => session.LoadAsync<CommandRecordDocument>(CommandRecordDocument.IdOf(stream.StreamId, commandId), cancellationToken)).ConfigureAwait(false);
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
                var from = after;
                page = await Reading(default, () => session.Events.QueryAllRawEvents()
                    .Where(e => e.Sequence > from)
                    .OrderBy(e => e.Sequence)
                    .Take(ReadAllPageSize)
                    .ToListAsync(cancellationToken)).ConfigureAwait(false);
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

    private static ProjectedView<TState> Reset<TState>(ProjectedView<TState> snapshot, TState view, long version, int schemaVersion)
        where TState : class
    {
        snapshot.View = view;
        snapshot.EventCount = version;
        snapshot.SchemaVersion = schemaVersion;
        snapshot.ReadError = null;
        return snapshot;
    }

    private static bool IsUsable<TState>(ProjectedView<TState>? snapshot, long version, int schemaVersion)
        where TState : class =>
        snapshot is null
            ? version == 0
            : snapshot.IsReadable && snapshot.SchemaVersion == schemaVersion && snapshot.EventCount == version;

    private async Task SaveAsync(IDocumentSession session, StreamKey stream, long expectedVersion, EventMetadata metadata, CancellationToken cancellationToken)
    {
        var commit = CommitWatch.On(session);
        try
        {
            await session.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (!MartenEvents.IsDuplicateRecord(exception) && !MartenEvents.IsConflict(exception) && MartenEvents.IsStoreFailure(exception))
        {
            // Unknown only when the commit was sent and PostgreSQL did not answer that it rolled back.
            throw new EventStoreUnavailableException(stream, commit.MayHaveCommitted && !MartenEvents.IsReportedRollback(exception), exception);
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
        catch (Exception exception) when (exception is not (OperationCanceledException or EventStoreUnavailableException))
        {
            // Anything else that failed the save (an inline projection choking on a version the stream never had,
            // say) is a conflict when the stream is not where the caller thought: that is what the caller must hear.
            var actual = await CurrentVersionAsync(stream, cancellationToken).ConfigureAwait(false);
            if (actual != expectedVersion)
            {
                throw new StreamVersionConflictException(stream, expectedVersion, actual, exception);
            }

            throw;
        }
    }

    private async Task<long> CurrentVersionAsync(StreamKey stream, CancellationToken cancellationToken)
    {
        var session = _store.QuerySession();
        await using (session.ConfigureAwait(false))
        {
            var state = await Reading(stream, () => session.Events.FetchStreamStateAsync(stream.StreamId, cancellationToken)).ConfigureAwait(false);
            return state?.Version ?? 0;
        }
    }

    /// <summary>A read of the store, its failures translated: nothing is written by a read, so the outcome is known.</summary>
    private static async Task<T> Reading<T>(StreamKey stream, Func<Task<T>> read)
    {
        try
        {
            return await read().ConfigureAwait(false);
        }
        catch (Exception exception) when (MartenEvents.IsStoreFailure(exception))
        {
            throw new EventStoreUnavailableException(stream, outcomeUnknown: false, exception);
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
