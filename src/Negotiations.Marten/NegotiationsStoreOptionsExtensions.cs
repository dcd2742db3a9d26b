using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using JasperFx.Events;
using JasperFx.Events.Projections;
using Marten;
using MartenJsonSerializer = Marten.Services.SystemTextJsonSerializer;
using Negotiations.EventSourcing;
using Weasel.Core;

namespace Negotiations.Marten;

/// <summary>
/// Applies the library's registrations to Marten <see cref="StoreOptions"/>: to the library's own store (which
/// <see cref="NegotiationsMartenBuilderExtensions.UseMarten"/> sets up) or to an application's store, for apps
/// that want one store for everything.
/// </summary>
public static class NegotiationsStoreOptionsExtensions
{
    /// <summary>
    /// Makes a Marten store able to hold the library's events: what <see cref="MartenEventStore"/> requires of it.
    /// </summary>
    /// <remarks>
    /// <para>What it sets, and so requires of an application's store:</para>
    /// <list type="bullet">
    /// <item><description>string stream ids (<c>Events.StreamIdentity = StreamIdentity.AsString</c>), for every
    /// stream of the store: Marten allows one choice per store, so a store whose own streams use Guid ids
    /// cannot also hold the library's;</description></item>
    /// <item><description>every event type of the catalog mapped to its wire name
    /// (<c>Events.MapEventType</c>), never to a CLR name;</description></item>
    /// <item><description>correlation ids, causation ids and headers recorded
    /// (<c>Events.MetadataConfig</c>): the command id, type and fingerprint travel as headers (see
    /// <see cref="MartenEventHeaders"/>);</description></item>
    /// <item><description>when <paramref name="serializerOptions"/> is given, the store's serializer: System.Text.Json
    /// writing exactly what those options write (naming policy and converters included), for the store's documents
    /// as well as the events, since Marten has one serializer per store. Without it the store keeps its own
    /// serializer, and event payloads follow that serializer's settings rather than the library's JSON
    /// contract.</description></item>
    /// <item><description>the command records, one document per stream and command id
    /// (<c>mt_doc_command_record</c>), inserted with each command's events;</description></item>
    /// <item><description>when the catalog holds the negotiation events, the decision states of the
    /// <see cref="NegotiationDecider"/> (<see cref="AddDecisionStates{TState}"/>), kept as
    /// <see cref="ProjectedView{TView}"/> snapshots of <paramref name="decisionStates"/> lifecycle and cached for writing
    /// (<c>Events.CacheAggregatesForWriting</c>, with <c>Events.UseIdentityMapForAggregates</c> on).</description></item>
    /// </list>
    /// <para>For the negotiation events, call <c>options.AddNegotiations(NegotiationEvents.Catalog, NegotiationJson.Options)</c>
    /// so that stored payloads are the library's wire contract. Its naming, converters (ids, days, world dates,
    /// snake_case enums) and null handling then apply to the application's own documents too: that is the price of
    /// one store, and the reason <see cref="NegotiationsMartenBuilderExtensions.UseMarten"/> gives the library a store
    /// of its own by default.</para>
    /// <para>What the store stored, it reads back leniently, from a copy of <paramref name="serializerOptions"/> (the
    /// options themselves are left as they are), so that views, events and documents stored by an older version of
    /// their types still load, and a changed view type does not block the next append until a rebuild: a member the
    /// type no longer has is skipped; where the options require every constructor parameter (as the contract does),
    /// a missing nullable one is read as null and one with a default value as that value, while a non-nullable
    /// parameter without a default value, and a <c>required</c> property, must still be present. The strict reading of
    /// the contract (unknown and missing members are errors) applies where the core reads JSON: replay scripts,
    /// histories, envelopes.</para>
    /// <para>Marten's LINQ compares members of the id types (<see cref="NegotiationIds.Types"/>: <see cref="TrackId"/>,
    /// <see cref="ActorCode"/>, <see cref="Affiliation"/>...) with their strings: when <paramref name="serializerOptions"/>
    /// has converters for them (the contract's write each as a plain JSON string), the ids are registered as Marten
    /// value types (<c>RegisterValueType</c>), so <c>==</c>, <c>!=</c> and <c>Contains</c> on an id member (also inside
    /// <c>Any(...)</c>, and with a list of ids given in the query), or on a list of ids, match the stored views. With the
    /// store's own serializer the ids are not registered, and Marten refuses such comparisons.</para>
    /// <para>Marten's LINQ compares enum members with the names the options store: when they write enums as strings
    /// (the contract writes snake_case names, <c>"third_party"</c>), the store keeps enums as strings
    /// (<c>EnumStorage.AsString</c>) and Marten asks the serializer for the name of each value it compares with, so
    /// <c>==</c>, <c>!=</c> and <c>Contains</c> on an enum member match the stored views. Ordering comparisons
    /// (<c>&lt;</c>, <c>&gt;</c>) on such members compare the names as text, not the enum's order.</para>
    /// <para><b>Decision states async or inline.</b> A decision state holds every round, proposal, exchange and
    /// ultimatum of its track, so its snapshot grows with the track: kept inline, it is rewritten by every command
    /// (measured in <c>docs/benchmarks.md</c>), which makes a command's cost grow with the track. Kept async (the
    /// default), the daemon writes it in batches, and a command reads the snapshot (or Marten's cached copy) with the
    /// few events after it in the same round trip as the stream version: its cost stays flat. Without a running
    /// daemon, a command still decides on the right state: Marten folds the events after the last snapshot (all of
    /// them when there is none) the first time a process meets a stream, and caches the result.</para>
    /// <para>Tenancy: the events go to Marten's default tenant.</para>
    /// </remarks>
    /// <param name="options">The store options.</param>
    /// <param name="catalog">The event types to store, with their wire names.</param>
    /// <param name="serializerOptions">The JSON options event payloads and documents are written with, and read back leniently (decision states strictly); null keeps the store's serializer.</param>
    /// <param name="decisionStates">When the negotiation decision states are written: by the async daemon (the default) or inline, in each command's transaction.</param>
    /// <returns>The store options.</returns>
    public static StoreOptions AddNegotiations(this StoreOptions options, EventCatalog catalog, JsonSerializerOptions? serializerOptions = null, ProjectionLifecycle decisionStates = ProjectionLifecycle.Async)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(catalog);
        options.Events.StreamIdentity = StreamIdentity.AsString;
        options.Events.MetadataConfig.CorrelationIdEnabled = true;
        options.Events.MetadataConfig.CausationIdEnabled = true;
        options.Events.MetadataConfig.HeadersEnabled = true;
        options.Events.UseIdentityMapForAggregates = true;
        foreach (var type in catalog.Types)
        {
            options.Events.MapEventType(type, catalog.NameOf(type));
        }

        options.Schema.For<CommandRecordDocument>().Identity(d => d.Id).DocumentAlias(CommandRecordAlias);
        if (serializerOptions is not null)
        {
            options.Serializer(CreateSerializer(serializerOptions, StrictViewTypes.For(options)));
            RegisterIdTypes(options, serializerOptions);
        }

        if (NegotiationEvents.Catalog.Types.All(catalog.Types.Contains))
        {
            options.AddDecisionStates(new NegotiationDecider().State, decisionStates);
        }

        return options;
    }

    /// <summary>
    /// Keeps the decision states of a decider as snapshots: a stream projection of its state, registered so that
    /// <see cref="MartenEventStore.DecideAndAppendAsync{TState}"/> loads it with <c>FetchForWriting</c> and Marten's
    /// write cache. <see cref="AddNegotiations"/> calls it for the negotiation decider.
    /// </summary>
    /// <remarks>
    /// The snapshots are <see cref="ProjectedView{TView}"/> documents read strictly (a snapshot that the running
    /// projection cannot read, or of another <see cref="StreamProjection{TView}.SchemaVersion"/>, is never decided on:
    /// the stream is folded instead). After changing the state's shape, bump its schema version and rebuild
    /// (<see cref="MartenViews.RebuildAsync{TView}"/>); until then commands fold their streams.
    /// </remarks>
    /// <typeparam name="TState">The decision state.</typeparam>
    /// <param name="options">The store options.</param>
    /// <param name="state">The decider's state projection (<see cref="IDecider{TState, TCommand, TEvent}.State"/>).</param>
    /// <param name="lifecycle">Async (the default: written by the daemon) or inline (written with each command).</param>
    /// <param name="cacheSize">How many streams' states Marten caches for writing in each process.</param>
    /// <returns>The store options.</returns>
    /// <exception cref="ArgumentException"><paramref name="lifecycle"/> is live.</exception>
    /// <exception cref="InvalidOperationException">A projection for the same state type is registered already.</exception>
    public static StoreOptions AddDecisionStates<TState>(this StoreOptions options, StreamProjection<TState> state, ProjectionLifecycle lifecycle = ProjectionLifecycle.Async, int cacheSize = 1000)
        where TState : class
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(state);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(cacheSize);
        if (lifecycle == ProjectionLifecycle.Live)
        {
            throw new ArgumentException($"Decision states of '{typeof(TState).Name}' are snapshots: keep them Async or Inline, not Live.", nameof(lifecycle));
        }

        EnsureFirstFor<TState>(options, state.GetType());
        options.Schema.For<ProjectedView<TState>>().DocumentAlias(DocumentAliasFor(typeof(TState)));
        options.Projections.Add(new MartenStreamProjection<TState>(state, lifecycle, ViewRole.DecisionState), lifecycle);
        options.Events.UseIdentityMapForAggregates = true;
        options.Events.CacheAggregatesForWriting<ProjectedView<TState>>(cacheSize);
        StrictViewTypes.For(options).Add(typeof(TState));
        return options;
    }

    /// <summary>
    /// Registers with Marten, as value types, the id types (<see cref="NegotiationIds.Types"/>) that the options write
    /// with a converter of their own (the contract's converters write an id as a plain JSON string): Marten's LINQ then
    /// compares an id member with the id's string. An id type the options would write some other way is left out, so
    /// that a comparison on it is refused rather than matching nothing. <c>Contains</c> over a list of ids given with the
    /// query, and a comparison inside <c>Any(...)</c>, need help of their own (<see cref="IdContainsParser"/>,
    /// <see cref="IdMember{TId}"/>).
    /// </summary>
    private static void RegisterIdTypes(StoreOptions options, JsonSerializerOptions serializerOptions)
    {
        var ids = NegotiationIds.Types
            .Where(t => serializerOptions.Converters.Any(c => c.Type == t))
            .ToDictionary(t => t, options.RegisterValueType);
        if (ids.Count == 0)
        {
            return;
        }

        options.Linq.MemberSources.Insert(0, new IdMemberSource(ids));
        options.Linq.MethodCallParsers.Add(new IdContainsParser(ids.ToDictionary(p => p.Key, p => p.Value.ValueProperty)));
    }

    /// <summary>The document alias of the command records.</summary>
    internal const string CommandRecordAlias = "command_record";

    /// <summary>
    /// Runs a stream projection in the store: <see cref="ProjectionLifecycle.Live"/> (folded on demand by
    /// <see cref="MartenViews.AggregateAsync"/>), <see cref="ProjectionLifecycle.Inline"/> (stored in the
    /// transaction that appends the events) or <see cref="ProjectionLifecycle.Async"/> (stored by the async
    /// daemon).
    /// </summary>
    /// <remarks>
    /// <para>The views are stored as <see cref="ProjectedView{TView}"/> documents in a table named after the view
    /// type (<c>mt_doc_</c> and the type's name in snake case), and the Marten projection is named after the
    /// projection type; one projection per view type.</para>
    /// <para>In Marten's Quick append modes (its default), an inline projection sees
    /// <see cref="RecordedEvent.GlobalPosition"/> as 0, since the position is assigned in the database; versions
    /// are right (see <see cref="ProjectedView{TView}.EventCount"/>). Live and async projections see both.</para>
    /// </remarks>
    /// <typeparam name="TView">The view type.</typeparam>
    /// <param name="options">The store options.</param>
    /// <param name="projection">The projection.</param>
    /// <param name="lifecycle">When the projection runs.</param>
    /// <returns>The store options.</returns>
    /// <exception cref="InvalidOperationException">A projection for the same view type is registered already.</exception>
    public static StoreOptions AddProjection<TView>(this StoreOptions options, StreamProjection<TView> projection, ProjectionLifecycle lifecycle)
        where TView : class
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(projection);
        EnsureFirstFor<TView>(options, projection.GetType());
        options.Schema.For<ProjectedView<TView>>().DocumentAlias(DocumentAliasFor(typeof(TView)));
        options.Projections.Add(new MartenStreamProjection<TView>(projection, lifecycle, ViewRole.ReadModel), lifecycle);
        return options;
    }

    /// <summary>
    /// Runs a cross-stream projection in the store: <see cref="ProjectionLifecycle.Async"/> (by the async daemon,
    /// the usual choice) or <see cref="ProjectionLifecycle.Inline"/>.
    /// </summary>
    /// <remarks>
    /// <para>The views are stored as <see cref="ProjectedView{TView}"/> documents, as for stream projections.</para>
    /// <para>Inline, a view fed by several streams is read and written by each appending transaction; appends to
    /// different streams in parallel can then overwrite each other's changes to the same view. The async daemon
    /// applies events one batch at a time and has no such race.</para>
    /// <para>A cross-stream view cannot be live in Marten; fold it in memory with
    /// <see cref="EventStoreProjectionExtensions.ProjectAsync{TView}(EventSourcing.IEventStore, CrossStreamProjection{TView}, CancellationToken)"/>.</para>
    /// </remarks>
    /// <typeparam name="TView">The view type.</typeparam>
    /// <param name="options">The store options.</param>
    /// <param name="projection">The projection.</param>
    /// <param name="lifecycle">When the projection runs: inline or async.</param>
    /// <returns>The store options.</returns>
    /// <exception cref="ArgumentException"><paramref name="lifecycle"/> is <see cref="ProjectionLifecycle.Live"/>.</exception>
    /// <exception cref="InvalidOperationException">A projection for the same view type is registered already.</exception>
    public static StoreOptions AddProjection<TView>(this StoreOptions options, CrossStreamProjection<TView> projection, ProjectionLifecycle lifecycle)
        where TView : class
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(projection);
        if (lifecycle == ProjectionLifecycle.Live)
        {
            throw new ArgumentException(
                $"Cross-stream projection '{projection.GetType().Name}' cannot run live in Marten; register it Inline or Async, or fold it in memory with IEventStore.ProjectAsync.",
                nameof(lifecycle));
        }

        EnsureFirstFor<TView>(options, projection.GetType());
        options.Schema.For<ProjectedView<TView>>().DocumentAlias(DocumentAliasFor(typeof(TView)));
        options.Projections.Add(new MartenCrossStreamProjection<TView>(projection, lifecycle), lifecycle);
        return options;
    }

    /// <summary>
    /// Builds Marten's System.Text.Json serializer so that it writes exactly what <paramref name="source"/> writes,
    /// and reads what it stored leniently (<see cref="StoredJson.Lenient"/>).
    /// </summary>
    /// <remarks>
    /// <para>Marten copies the options it is given but then clears the naming policy and removes string enum
    /// converters, to apply its own casing and enum settings. Those settings are derived from the options here, and
    /// then the options' own naming policy and converters are put back in front of the converters Marten adds, so
    /// they win.</para>
    /// <para>The enum setting decides how Marten's LINQ compares enum members: <see cref="EnumStorage.AsString"/>
    /// when the options write enums as JSON strings, whatever the converter (the contract's is snake_case, not a
    /// <see cref="JsonStringEnumConverter"/>). Marten then asks this serializer for the name of each value it
    /// compares with, so the comparison uses the stored name (<c>"day"</c>, <c>"head_of_state"</c>), not the C#
    /// one.</para>
    /// </remarks>
    internal static MartenJsonSerializer CreateSerializer(JsonSerializerOptions source, StrictViewTypes strictViews)
    {
        ArgumentNullException.ThrowIfNull(source);
        var stored = StoredJson.Lenient(source);
        stored.Converters.Insert(0, new ProjectedViewConverterFactory(source, strictViews));
        var serializer = new MartenJsonSerializer(stored)
        {
            EnumStorage = WritesEnumsAsStrings(stored) ? EnumStorage.AsString : EnumStorage.AsInteger,
            Casing = CasingOf(stored.PropertyNamingPolicy),
        };
        serializer.Configure(copy =>
        {
            // Marten's casing also renames dictionary keys; keys are data, stored as the options say (the contract: as given).
            copy.PropertyNamingPolicy = stored.PropertyNamingPolicy;
            copy.DictionaryKeyPolicy = stored.DictionaryKeyPolicy;
            var added = copy.Converters.Where(c => !stored.Converters.Contains(c)).ToList();
            copy.Converters.Clear();
            foreach (var converter in stored.Converters.Concat(added))
            {
                copy.Converters.Add(converter);
            }
        });
        return serializer;
    }

    /// <summary>The Marten document alias of a view type: its name in snake case.</summary>
    internal static string DocumentAliasFor(Type viewType)
    {
        var name = viewType.Name;
        var tick = name.IndexOf('`', StringComparison.Ordinal);
        if (tick >= 0)
        {
            name = name[..tick];
        }

        var alias = new StringBuilder(name.Length + 8);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsUpper(c) && i > 0 && (char.IsLower(name[i - 1]) || (i + 1 < name.Length && char.IsLower(name[i + 1]))))
            {
                alias.Append('_');
            }

            alias.Append(char.ToLowerInvariant(c));
        }

        return alias.ToString();
    }

    private static void EnsureFirstFor<TView>(StoreOptions options, Type projectionType)
        where TView : class
    {
        var existing = options.Projections.All.OfType<IViewProjection>().FirstOrDefault(p => p.ViewType == typeof(TView));
        if (existing is not null)
        {
            throw new InvalidOperationException(
                $"View type '{typeof(TView).Name}' is already maintained by projection '{existing.SourceType.Name}'; '{projectionType.Name}' cannot maintain it too. Give each projection its own view type.");
        }
    }

    /// <summary>Whether the options write an enum as a JSON string: a string enum converter, or one of their own that does.</summary>
    private static bool WritesEnumsAsStrings(JsonSerializerOptions options)
    {
        if (options.Converters.Any(IsStringEnumConverter))
        {
            return true;
        }

        var probe = new JsonSerializerOptions(options);
        return JsonSerializer.SerializeToElement(EnumProbe.Value, probe).ValueKind == JsonValueKind.String;
    }

    private static bool IsStringEnumConverter(JsonConverter converter)
    {
        var type = converter.GetType();
        return converter is JsonStringEnumConverter
            || (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(JsonStringEnumConverter<>));
    }

    private static Casing CasingOf(JsonNamingPolicy? policy) =>
        ReferenceEquals(policy, JsonNamingPolicy.CamelCase) ? Casing.CamelCase
        : ReferenceEquals(policy, JsonNamingPolicy.SnakeCaseLower) ? Casing.SnakeCase
        : Casing.Default;

    /// <summary>An enum to ask options how they write enums.</summary>
    private enum EnumProbe
    {
        /// <summary>The value written.</summary>
        Value,
    }
}
