using System.Text.Json;
using System.Text.RegularExpressions;
using JasperFx.Events.Daemon;
using JasperFx.Events.Projections;
using Marten;
using Negotiations.EventSourcing;
using Negotiations.Serialization;

namespace Negotiations.Marten;

/// <summary>
/// How <see cref="NegotiationsMartenBuilderExtensions.UseMarten"/> sets up the library's own Marten store.
/// </summary>
public sealed partial class NegotiationsMartenOptions
{
    /// <summary>The schema the library's store uses when none is set.</summary>
    public const string DefaultSchemaName = "negotiations";

    private readonly List<Action<StoreOptions>> _projections = [];
    private readonly List<Action<StoreOptions>> _storeConfigurations = [];
    private bool _hasAsyncViews;

    /// <summary>
    /// The name of the configuration connection string read when <see cref="ConnectionString"/> is not set:
    /// <c>ConnectionStrings:Negotiations</c> in <c>appsettings.json</c>, <c>ConnectionStrings__Negotiations</c> in the environment.
    /// </summary>
    public const string ConnectionStringName = "Negotiations";

    /// <summary>
    /// The Npgsql connection string of the PostgreSQL database. Required, here or in configuration (see
    /// <see cref="ConnectionStringName"/>).
    /// </summary>
    public string? ConnectionString { get; set; }

    /// <summary>
    /// The PostgreSQL schema of the library's tables (events, streams, views), kept apart from the
    /// application's. <see cref="DefaultSchemaName"/> unless set.
    /// </summary>
    public string SchemaName { get; set; } = DefaultSchemaName;

    /// <summary>
    /// The JSON options event payloads and views are written with. When null, the library's wire contract,
    /// <see cref="NegotiationJson.Options"/>, so that what lands in <c>mt_events.data</c> is what its golden files
    /// show. Set it only for event types of your own (a catalog other than <see cref="NegotiationEvents.Catalog"/>).
    /// </summary>
    /// <remarks>
    /// <para>The store writes with exactly these options, but reads what it stored back leniently (a copy of the
    /// options is made; these are left as they are), so that views and events stored by an older version of their
    /// types still load:</para>
    /// <list type="bullet">
    /// <item><description>a member the type no longer has is skipped, not an error;</description></item>
    /// <item><description>where the options require every constructor parameter (as the contract does), a missing
    /// one is read as null when the parameter is nullable and as its default value when it has one; a non-nullable
    /// parameter without a default value, and a <c>required</c> property, must still be present, and their absence
    /// is a <see cref="JsonException"/> naming them. Properties outside the constructor keep their initial value when
    /// missing.</description></item>
    /// </list>
    /// <para>Everything else is read as the options say: names, converters (ids, days, world dates, snake_case
    /// enums), null handling, duplicate properties. So a view type can gain and lose members without its stored views
    /// blocking the next append until a rebuild (rebuild with <see cref="MartenViews.RebuildAsync{TView}"/> to fill
    /// new members from the events). The strict reading of the contract still applies where the core reads JSON that
    /// people wrote or files carry: replay scripts, histories, envelopes (<see cref="NegotiationJson"/>).</para>
    /// </remarks>
    public JsonSerializerOptions? SerializerOptions { get; set; }

    /// <summary>
    /// How the async daemon runs the projections registered with <see cref="ProjectionLifecycle.Async"/>:
    /// <see cref="DaemonMode.HotCold"/> (one node of several runs them; the default),
    /// <see cref="DaemonMode.Solo"/> (this process is the only one) or <see cref="DaemonMode.Disabled"/>
    /// (another process runs them). The daemon is a hosted service, so it runs under the .NET generic host, and it
    /// is added only when an async projection is registered.
    /// </summary>
    public DaemonMode DaemonMode { get; set; } = DaemonMode.HotCold;

    /// <summary>
    /// When the decision states that commands are decided on are written: <see cref="ProjectionLifecycle.Async"/> (the
    /// default: by the async daemon, in batches, so a command's cost does not grow with its track) or
    /// <see cref="ProjectionLifecycle.Inline"/> (rewritten by every command). See
    /// <see cref="NegotiationsStoreOptionsExtensions.AddNegotiations"/>.
    /// </summary>
    public ProjectionLifecycle DecisionStates { get; set; } = ProjectionLifecycle.Async;

    /// <summary>Whether an async projection has been registered, the decision states included.</summary>
    public bool HasAsyncProjections => _hasAsyncViews || DecisionStates == ProjectionLifecycle.Async;

    /// <summary>Runs a stream projection in the library's store; see <see cref="NegotiationsStoreOptionsExtensions.AddProjection{TView}(StoreOptions, StreamProjection{TView}, ProjectionLifecycle)"/>.</summary>
    /// <typeparam name="TView">The view type.</typeparam>
    /// <param name="projection">The projection.</param>
    /// <param name="lifecycle">Live, inline or async.</param>
    /// <returns>These options.</returns>
    public NegotiationsMartenOptions AddProjection<TView>(StreamProjection<TView> projection, ProjectionLifecycle lifecycle)
        where TView : class
    {
        ArgumentNullException.ThrowIfNull(projection);
        _hasAsyncViews |= lifecycle == ProjectionLifecycle.Async;
        _projections.Add(options => options.AddProjection(projection, lifecycle));
        return this;
    }

    /// <summary>Runs a cross-stream projection in the library's store; see <see cref="NegotiationsStoreOptionsExtensions.AddProjection{TView}(StoreOptions, CrossStreamProjection{TView}, ProjectionLifecycle)"/>.</summary>
    /// <typeparam name="TView">The view type.</typeparam>
    /// <param name="projection">The projection.</param>
    /// <param name="lifecycle">Inline or async.</param>
    /// <returns>These options.</returns>
    /// <exception cref="ArgumentException"><paramref name="lifecycle"/> is <see cref="ProjectionLifecycle.Live"/>.</exception>
    public NegotiationsMartenOptions AddProjection<TView>(CrossStreamProjection<TView> projection, ProjectionLifecycle lifecycle)
        where TView : class
    {
        ArgumentNullException.ThrowIfNull(projection);
        if (lifecycle == ProjectionLifecycle.Live)
        {
            throw new ArgumentException($"Cross-stream projection '{projection.GetType().Name}' cannot run live in Marten; register it Inline or Async.", nameof(lifecycle));
        }

        _hasAsyncViews |= lifecycle == ProjectionLifecycle.Async;
        _projections.Add(options => options.AddProjection(projection, lifecycle));
        return this;
    }

    /// <summary>
    /// Adjusts the Marten store options further (append mode, Npgsql settings, logging); applied after the
    /// library's own settings, so it can override them, at the risk of breaking what <see cref="MartenEventStore"/>
    /// checks for.
    /// </summary>
    /// <param name="configure">Changes the store options.</param>
    /// <returns>These options.</returns>
    public NegotiationsMartenOptions ConfigureStore(Action<StoreOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        _storeConfigurations.Add(configure);
        return this;
    }

    /// <summary>What is wrong with the options, or null when nothing is.</summary>
    internal string? Problem()
    {
        if (DecisionStates == ProjectionLifecycle.Live)
        {
            return "NegotiationsMartenOptions.DecisionStates cannot be Live: decision states are snapshots, kept Async or Inline.";
        }

        if (string.IsNullOrWhiteSpace(ConnectionString))
        {
            return $"NegotiationsMartenOptions.ConnectionString is not set, and the configuration has no connection string '{ConnectionStringName}' (ConnectionStrings:{ConnectionStringName}); UseMarten needs the Npgsql connection string of the PostgreSQL database.";
        }

        if (!IsValidSchemaName(SchemaName))
        {
            return $"NegotiationsMartenOptions.SchemaName {Shown(SchemaName)} is not a valid schema name: use lower case letters, digits and underscores, starting with a letter, at most 63 characters.";
        }

        return null;
    }

    /// <summary>
    /// Whether <paramref name="name"/> can be <see cref="SchemaName"/>: a PostgreSQL name that needs no quoting, of lower
    /// case letters, digits and underscores, starting with a letter, at most 63 characters (no line break, even at
    /// the end).
    /// </summary>
    /// <param name="name">The schema name.</param>
    /// <returns>True when the name is valid.</returns>
    public static bool IsValidSchemaName(string? name) => name is not null && SchemaNamePattern().IsMatch(name);

    /// <summary>Builds the Marten options of the library's store.</summary>
    internal StoreOptions BuildStoreOptions(EventCatalog catalog)
    {
        var options = new StoreOptions();
        options.Connection(ConnectionString!);
        options.DatabaseSchemaName = SchemaName;
        options.Events.DatabaseSchemaName = SchemaName;
        options.AddNegotiations(catalog, SerializerOptions ?? NegotiationJson.Options, DecisionStates);
        foreach (var project in _projections)
        {
            project(options);
        }

        foreach (var configure in _storeConfigurations)
        {
            configure(options);
        }

        return options;
    }

    private static string Shown(string? name) => name is null
        ? "null"
        : name.Length > 70 ? $"'{name[..63]}...' ({name.Length:N0} characters)" : $"'{name.ReplaceLineEndings("\\n")}'";

    // \A and \z, not ^ and $: $ matches before a final line break.
    [GeneratedRegex(@"\A[a-z][a-z0-9_]{0,62}\z", RegexOptions.CultureInvariant)]
    private static partial Regex SchemaNamePattern();
}
