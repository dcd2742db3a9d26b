using System.Runtime.CompilerServices;
using JasperFx.Events;
using Marten;
using Negotiations.EventSourcing;
using IEventStore = Negotiations.EventSourcing.IEventStore;

namespace Negotiations.Marten;

/// <summary>
/// The store port on PostgreSQL through a Marten document store: string stream ids, events stored under their
/// wire names, optimistic concurrency on the expected version.
/// </summary>
/// <remarks>
/// <para>The document store must be configured with
/// <see cref="NegotiationsStoreOptionsExtensions.AddNegotiations"/> (the store that
/// <see cref="NegotiationsMartenBuilderExtensions.UseMarten"/> registers is); the constructor checks it.</para>
/// <para>An append is one Marten session: the events go to Marten with the stream version they must land on
/// (<c>StartStream</c> for a new stream, <c>Append</c> with the version after the append otherwise), and
/// <c>SaveChangesAsync</c> commits them together with any inline projections, or nothing. Marten enforces the
/// version in that same transaction; whatever it raises when another writer got there first becomes a
/// <see cref="StreamVersionConflictException"/>. The stream is not fetched for writing first: the caller (the
/// command service) has just read it, and it is that read the expected version stands for.</para>
/// <para>The command id and tenant are stored as the event headers named in <see cref="MartenEventHeaders"/>,
/// the correlation and causation ids in Marten's own columns.</para>
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
    public async Task<long> AppendAsync(
        string streamId,
        long expectedVersion,
        IReadOnlyList<object> events,
        EventMetadata metadata,
        CancellationToken cancellationToken = default)
    {
        StoreArguments.ValidateAppend(streamId, expectedVersion, events, metadata);
        foreach (var @event in events)
        {
            if (!_namesByType.ContainsKey(@event.GetType()))
            {
                throw new ArgumentException(
                    $"'{@event.GetType().FullName}' is not an event type of this store's catalog, so it has no wire name; nothing was appended to stream '{streamId}'. Known wire names: {string.Join(", ", _namesByType.Values.Order(StringComparer.Ordinal))}.",
                    nameof(events));
            }
        }

        var newVersion = expectedVersion + events.Count;
        var session = _store.LightweightSession();
        await using (session.ConfigureAwait(false))
        {
            MartenEvents.Stamp(session, metadata);
            if (expectedVersion == 0)
            {
                session.Events.StartStream(streamId, events);
            }
            else
            {
                session.Events.Append(streamId, newVersion, events);
            }

            try
            {
                await session.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception exception) when (MartenEvents.IsConflict(exception))
            {
                var actual = await CurrentVersionAsync(streamId, cancellationToken).ConfigureAwait(false);
                throw new StreamVersionConflictException(streamId, expectedVersion, actual, exception);
            }
        }

        return newVersion;
    }

    /// <inheritdoc />
    /// <exception cref="InvalidOperationException">The stream holds an event whose type is not in the catalog.</exception>
    public async Task<IReadOnlyList<RecordedEvent>> ReadStreamAsync(
        string streamId,
        long? untilVersion = null,
        CancellationToken cancellationToken = default)
    {
        StoreArguments.ValidateRead(streamId, untilVersion);
        if (untilVersion == 0)
        {
            return [];
        }

        IReadOnlyList<IEvent> stored;
        var session = _store.QuerySession();
        await using (session.ConfigureAwait(false))
        {
            // Marten reads the whole stream when the version is 0, so "until" must be at least 1 here.
            stored = await session.Events.FetchStreamAsync(streamId, untilVersion ?? 0, token: cancellationToken).ConfigureAwait(false);
        }

        var events = new RecordedEvent[stored.Count];
        for (var i = 0; i < stored.Count; i++)
        {
            var @event = stored[i];
            if (!_namesByType.TryGetValue(@event.EventType, out var name))
            {
                throw new InvalidOperationException(
                    $"Stream '{streamId}' holds an event of type '{@event.EventTypeName}' ({@event.EventType.FullName}) at version {@event.Version} that is not in this store's catalog.");
            }

            events[i] = MartenEvents.ToRecorded(@event, name);
        }

        return events;
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

    private async Task<long> CurrentVersionAsync(string streamId, CancellationToken cancellationToken)
    {
        var session = _store.QuerySession();
        await using (session.ConfigureAwait(false))
        {
            var state = await session.Events.FetchStreamStateAsync(streamId, cancellationToken).ConfigureAwait(false);
            return state?.Version ?? 0;
        }
    }

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
