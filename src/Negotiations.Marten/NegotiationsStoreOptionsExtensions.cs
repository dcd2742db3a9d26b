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
    /// (<c>Events.MetadataConfig</c>): the command id and tenant travel as headers (see
    /// <see cref="MartenEventHeaders"/>);</description></item>
    /// <item><description>when <paramref name="serializerOptions"/> is given, the store's serializer: System.Text.Json
    /// writing exactly what those options write (naming policy and converters included), for the store's documents
    /// as well as the events, since Marten has one serializer per store. Without it the store keeps its own
    /// serializer, and event payloads follow that serializer's settings rather than the library's JSON
    /// contract.</description></item>
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
    /// <para>Marten's LINQ compares enum members with the names the options store: when they write enums as strings
    /// (the contract writes snake_case names, <c>"third_party"</c>), the store keeps enums as strings
    /// (<c>EnumStorage.AsString</c>) and Marten asks the serializer for the name of each value it compares with, so
    /// <c>==</c>, <c>!=</c> and <c>Contains</c> on an enum member match the stored views. Ordering comparisons
    /// (<c>&lt;</c>, <c>&gt;</c>) on such members compare the names as text, not the enum's order.</para>
    /// <para>Tenancy: the events go to Marten's default tenant. <see cref="EventMetadata.Tenant"/> is a label
    /// kept in a header, not Marten's conjoined tenancy.</para>
    /// </remarks>
    /// <param name="options">The store options.</param>
    /// <param name="catalog">The event types to store, with their wire names.</param>
    /// <param name="serializerOptions">The JSON options event payloads and documents are written with, and read back leniently; null keeps the store's serializer.</param>
    /// <returns>The store options.</returns>
    public static StoreOptions AddNegotiations(this StoreOptions options, EventCatalog catalog, JsonSerializerOptions? serializerOptions = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(catalog);
        options.Events.StreamIdentity = StreamIdentity.AsString;
        options.Events.MetadataConfig.CorrelationIdEnabled = true;
        options.Events.MetadataConfig.CausationIdEnabled = true;
        options.Events.MetadataConfig.HeadersEnabled = true;
        foreach (var type in catalog.Types)
        {
            options.Events.MapEventType(type, catalog.NameOf(type));
        }

        if (serializerOptions is not null)
        {
            options.Serializer(CreateSerializer(serializerOptions));
        }

        return options;
    }

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
        options.Projections.Add(new MartenStreamProjection<TView>(projection, lifecycle), lifecycle);
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
    internal static MartenJsonSerializer CreateSerializer(JsonSerializerOptions source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var stored = StoredJson.Lenient(source);
        var serializer = new MartenJsonSerializer(stored)
        {
            EnumStorage = WritesEnumsAsStrings(stored) ? EnumStorage.AsString : EnumStorage.AsInteger,
            Casing = CasingOf(stored.PropertyNamingPolicy),
        };
        serializer.Configure(copy =>
        {
            copy.PropertyNamingPolicy = stored.PropertyNamingPolicy;
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
