using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Negotiations.EventSourcing;
using Negotiations.Serialization;

namespace Negotiations;

/// <summary>Registers the negotiations library with a service collection.</summary>
public static class NegotiationsServiceCollectionExtensions
{
    /// <summary>
    /// Adds the negotiations library: its options, a <see cref="TimeProvider"/> (the system clock unless one is
    /// registered), the negotiation model (<see cref="NegotiationEvents.Catalog"/> as the <see cref="EventCatalog"/>,
    /// the <see cref="NegotiationDecider"/>, the command fingerprints, a singleton
    /// <c>CommandService&lt;NegotiationDecisionState, NegotiationCommand, INegotiationEvent&gt;</c>, the bulk importer
    /// <c>CommandImporter&lt;NegotiationDecisionState, NegotiationCommand, INegotiationEvent&gt;</c> and the
    /// <see cref="NegotiationReader"/>), and returns a builder on which to choose a store, such as
    /// <see cref="NegotiationsBuilder.UseInMemoryStore"/>.
    /// </summary>
    /// <remarks>
    /// Every service is added only when none of its type is registered yet, so an application may register its own
    /// first. Resolve the command service with
    /// <see cref="NegotiationsServiceProviderExtensions.GetNegotiationCommandService"/>.
    /// </remarks>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets options; optional.</param>
    /// <returns>The builder.</returns>
    public static NegotiationsBuilder AddNegotiations(this IServiceCollection services, Action<NegotiationsOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<NegotiationsOptions>()
            .Validate(o => o.MaxConflictRetries >= 0, "NegotiationsOptions.MaxConflictRetries must be 0 or more.")
            .Validate(o => o.DecisionStateCacheSize >= 0, "NegotiationsOptions.DecisionStateCacheSize must be 0 or more.");
        if (configure is not null)
        {
            options.Configure(configure);
        }

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(NegotiationEvents.Catalog);
        services.TryAddSingleton<IDecider<NegotiationDecisionState, NegotiationCommand, INegotiationEvent>, NegotiationDecider>();
        services.TryAddSingleton<ICommandFingerprints<NegotiationCommand>>(NegotiationCommandFingerprints.Instance);
        services.TryAddSingleton<CommandService<NegotiationDecisionState, NegotiationCommand, INegotiationEvent>>();
        services.AddOptions<ImportOptions>();
        services.TryAddSingleton<CommandImporter<NegotiationDecisionState, NegotiationCommand, INegotiationEvent>>();
        services.TryAddSingleton(sp => new NegotiationReader(sp.GetRequiredService<IEventStore>(), sp.GetService<IStoredViews>()));
        return new NegotiationsBuilder(services);
    }
}

/// <summary>Chooses the store and adapters of the negotiations library. Returned by <c>AddNegotiations</c>.</summary>
public sealed class NegotiationsBuilder
{
    internal NegotiationsBuilder(IServiceCollection services) => Services = services;

    /// <summary>The service collection, for extension packages.</summary>
    public IServiceCollection Services { get; }

    /// <summary>Keeps events in process memory (<see cref="InMemoryEventStore"/>): for tests, samples and tools.</summary>
    /// <returns>The builder.</returns>
    /// <exception cref="InvalidOperationException">Another store was chosen already.</exception>
    public NegotiationsBuilder UseInMemoryStore()
    {
        return UseStore<InMemoryEventStore>(sp => new InMemoryEventStore(sp.GetRequiredService<EventCatalog>(), sp.GetService<TimeProvider>()));
    }

    /// <summary>
    /// Registers the event store, once: choosing a second, different store is an error rather than a silent
    /// override. For store packages; applications call their <c>UseXxx</c> method.
    /// </summary>
    /// <typeparam name="TStore">The store type.</typeparam>
    /// <param name="factory">Creates the store.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="InvalidOperationException">Another store was chosen already.</exception>
    public NegotiationsBuilder UseStore<TStore>(Func<IServiceProvider, TStore> factory)
        where TStore : class, IEventStore
    {
        ArgumentNullException.ThrowIfNull(factory);
        var chosen = Services
            .Where(d => !d.IsKeyedService && d.ServiceType == typeof(StoreChoice))
            .Select(d => d.ImplementationInstance)
            .OfType<StoreChoice>()
            .FirstOrDefault();
        if (chosen is not null)
        {
            if (chosen.StoreType == typeof(TStore))
            {
                return this;
            }

            throw new InvalidOperationException($"Negotiations already uses the {chosen.StoreType.Name}; a second store ({typeof(TStore).Name}) cannot be added. Choose one store.");
        }

        Services.AddSingleton(new StoreChoice(typeof(TStore)));
        Services.TryAddSingleton(factory);
        Services.TryAddSingleton<IEventStore>(sp => sp.GetRequiredService<TStore>());
        return this;
    }
}

internal sealed record StoreChoice(Type StoreType);
