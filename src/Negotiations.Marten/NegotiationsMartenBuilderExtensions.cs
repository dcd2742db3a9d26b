using JasperFx.Events.Daemon;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Negotiations.EventSourcing;

namespace Negotiations.Marten;

/// <summary>Chooses Marten (PostgreSQL) as the store of the negotiations library.</summary>
public static class NegotiationsMartenBuilderExtensions
{
    /// <summary>
    /// Keeps the library's events and views in a Marten store of its own (<see cref="INegotiationsStore"/>), in its
    /// own schema, so that its settings (string stream ids, wire names, JSON options) never meet the application's
    /// own Marten set-up. Registers <see cref="IEventStore"/> as a <see cref="MartenEventStore"/> and
    /// <see cref="MartenViews"/>.
    /// </summary>
    /// <remarks>
    /// <para>The event types and their wire names come from the <see cref="EventCatalog"/> registered in the
    /// service collection (<see cref="NegotiationEvents.Catalog"/>, unless the application registered another before
    /// <c>AddNegotiations</c>). The async daemon, for projections registered as async, is a hosted service: it runs when
    /// the application runs under the .NET generic host.</para>
    /// <para>To keep everything in the application's own store instead, configure it with
    /// <see cref="NegotiationsStoreOptionsExtensions.AddNegotiations"/> and call <see cref="UseMartenStore{TStore}"/>.</para>
    /// <para><paramref name="configure"/> runs here, at registration: projections and the daemon mode shape the
    /// services. The options are completed and checked when the host starts (<c>ValidateOnStart</c>), or when the store
    /// is first resolved without a host: a connection string left unset is read then from the configuration's
    /// connection string named <see cref="NegotiationsMartenOptions.ConnectionStringName"/>
    /// (<c>ConnectionStrings:Negotiations</c>), and invalid options (no connection string anywhere, a bad schema name)
    /// are an <see cref="OptionsValidationException"/> naming the setting.</para>
    /// </remarks>
    /// <param name="builder">The builder returned by <c>AddNegotiations</c>.</param>
    /// <param name="configure">Sets the connection string, schema, JSON options, projections and daemon mode.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="InvalidOperationException">Another store, or another Marten store, was chosen already.</exception>
    public static NegotiationsBuilder UseMarten(this NegotiationsBuilder builder, Action<NegotiationsMartenOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configure);
        var options = new NegotiationsMartenOptions();
        configure(options);

        builder.UseStore(sp => new MartenEventStore(sp.GetRequiredService<INegotiationsStore>(), CatalogFrom(sp)));
        ChooseMarten(builder, typeof(INegotiationsStore));

        // Resolved and checked when the host starts (or the store is first used), not here: the connection string may
        // come from configuration.
        builder.Services.AddOptions<NegotiationsMartenOptions>().ValidateOnStart();
        builder.Services.AddSingleton<IOptionsFactory<NegotiationsMartenOptions>>(sp => new ResolvedMartenOptions(options, sp.GetService<IConfiguration>()));
        var store = builder.Services.AddMartenStore<INegotiationsStore>(sp => sp.GetRequiredService<IOptions<NegotiationsMartenOptions>>().Value.BuildStoreOptions(CatalogFrom(sp)));
        if (options.HasAsyncProjections && options.DaemonMode != DaemonMode.Disabled)
        {
            store.AddAsyncDaemon(options.DaemonMode);
        }

        builder.Services.TryAddSingleton(sp => new MartenViews(sp.GetRequiredService<INegotiationsStore>()));
        builder.Services.TryAddSingleton<IStoredViews>(sp => sp.GetRequiredService<MartenViews>());
        return builder;
    }

    /// <summary>
    /// Keeps the library's events and views in a Marten store the application registers itself (for example the
    /// <see cref="IDocumentStore"/> of <c>AddMarten</c>). Registers <see cref="IEventStore"/> as a
    /// <see cref="MartenEventStore"/> over it, and <see cref="MartenViews"/>.
    /// </summary>
    /// <remarks>
    /// The store must be configured with <see cref="NegotiationsStoreOptionsExtensions.AddNegotiations"/> and the
    /// same <see cref="EventCatalog"/> as the one registered here; <see cref="MartenEventStore"/> checks it when it
    /// is first resolved. Projections are added to it with
    /// <see cref="NegotiationsStoreOptionsExtensions.AddProjection{TView}(StoreOptions, StreamProjection{TView}, JasperFx.Events.Projections.ProjectionLifecycle)"/>,
    /// and its async daemon is the application's to add.
    /// </remarks>
    /// <typeparam name="TStore">The registered store: <see cref="IDocumentStore"/> or an interface given to <c>AddMartenStore</c>.</typeparam>
    /// <param name="builder">The builder returned by <c>AddNegotiations</c>.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="InvalidOperationException">Another store, or another Marten store, was chosen already.</exception>
    public static NegotiationsBuilder UseMartenStore<TStore>(this NegotiationsBuilder builder)
        where TStore : class, IDocumentStore
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.UseStore(sp => new MartenEventStore(sp.GetRequiredService<TStore>(), CatalogFrom(sp)));
        ChooseMarten(builder, typeof(TStore));
        builder.Services.TryAddSingleton(sp => new MartenViews(sp.GetRequiredService<TStore>()));
        builder.Services.TryAddSingleton<IStoredViews>(sp => sp.GetRequiredService<MartenViews>());
        return builder;
    }

    private static void ChooseMarten(NegotiationsBuilder builder, Type storeType)
    {
        var chosen = builder.Services
            .Where(d => !d.IsKeyedService)
            .Select(d => d.ImplementationInstance)
            .OfType<MartenStoreChoice>()
            .FirstOrDefault();
        if (chosen is not null)
        {
            throw new InvalidOperationException(
                $"Negotiations already keeps its events in the Marten store {chosen.StoreType.Name}; it cannot also use {storeType.Name}. Call UseMarten or UseMartenStore once.");
        }

        builder.Services.AddSingleton(new MartenStoreChoice(storeType));
    }

    private static EventCatalog CatalogFrom(IServiceProvider services) => services.GetRequiredService<EventCatalog>();

    private sealed record MartenStoreChoice(Type StoreType);
}

/// <summary>
/// Completes the options given to <c>UseMarten</c> when they are first asked for: the connection string from
/// configuration when none was set, then the checks.
/// </summary>
internal sealed class ResolvedMartenOptions(NegotiationsMartenOptions options, IConfiguration? configuration) : IOptionsFactory<NegotiationsMartenOptions>
{
    public NegotiationsMartenOptions Create(string name)
    {
        if (string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            options.ConnectionString = configuration?.GetConnectionString(NegotiationsMartenOptions.ConnectionStringName);
        }

        return options.Problem() is { } problem
            ? throw new OptionsValidationException(name, typeof(NegotiationsMartenOptions), [problem])
            : options;
    }
}
