using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Negotiations.EventSourcing;
using Negotiations.Hosting;
using Negotiations.Serialization;
using System.Diagnostics.Metrics;

namespace Negotiations;

/// <summary>Registers the negotiations library with a service collection.</summary>
public static class NegotiationsServiceCollectionExtensions
{
    /// <summary>
    /// Adds the negotiations library: its options (validated when the host starts), a <see cref="TimeProvider"/> (the
    /// system clock unless one is registered), the negotiation model (<see cref="NegotiationEvents.Catalog"/> as the
    /// <see cref="EventCatalog"/>, the <see cref="NegotiationDecider"/>, the command fingerprints), the entry points
    /// <see cref="INegotiationCommands"/> and <see cref="INegotiationReader"/>, and the bulk importer
    /// <c>CommandImporter&lt;NegotiationDecisionState, NegotiationCommand, INegotiationEvent&gt;</c>; returns a
    /// builder on which to choose a store, such as <see cref="NegotiationsBuilder.UseInMemoryStore"/>.
    /// </summary>
    /// <remarks>
    /// <para>Every service is added only when none of its type is registered yet, so an application may register its
    /// own first.</para>
    /// <para>The entry points are transient and cheap: each is bound to the tenant of the scope it is resolved from
    /// (<see cref="NegotiationsBuilder.UseTenantFrom"/>), and the commands are traced, measured and logged by
    /// decorators (<see cref="NegotiationsBuilder.DecorateCommands"/> adds yours).</para>
    /// </remarks>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets options; optional. <see cref="NegotiationsBuilder.BindConfiguration"/> binds them from configuration.</param>
    /// <returns>The builder.</returns>
    public static NegotiationsBuilder AddNegotiations(this IServiceCollection services, Action<NegotiationsOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<NegotiationsOptions>()
            .Validate(o => o.MaxConflictRetries >= 0, "NegotiationsOptions.MaxConflictRetries must be 0 or more.")
            .Validate(o => o.DecisionStateCacheSize >= 0, "NegotiationsOptions.DecisionStateCacheSize must be 0 or more.")
            .Validate(o => o.ConflictBackoff >= TimeSpan.Zero, "NegotiationsOptions.ConflictBackoff must be zero or more.")
            .Validate(o => o.MaxConflictBackoff >= o.ConflictBackoff, "NegotiationsOptions.MaxConflictBackoff must be at least ConflictBackoff.")
            .Validate(o => o.ConflictRetryBudget >= TimeSpan.Zero, "NegotiationsOptions.ConflictRetryBudget must be zero or more.")
            .ValidateOnStart();
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
        services.TryAddSingleton(sp => CommandInstruments.For(sp.GetService<IMeterFactory>()));
        services.TryAddSingleton(new EntryPoints());
        services.TryAddTransient(sp => sp.GetRequiredService<EntryPoints>().Commands(sp));
        services.TryAddTransient(sp => sp.GetRequiredService<EntryPoints>().Reader(sp));
        return new NegotiationsBuilder(services);
    }
}

/// <summary>Chooses the store and adapters of the negotiations library. Returned by <c>AddNegotiations</c>.</summary>
public sealed class NegotiationsBuilder
{
    internal NegotiationsBuilder(IServiceCollection services) => Services = services;

    /// <summary>The service collection, for extension packages.</summary>
    public IServiceCollection Services { get; }

    /// <summary>
    /// Says which tenant the entry points of a scope work for: <paramref name="tenantOfScope"/> is called with the
    /// scope's services each time <see cref="INegotiationCommands"/> or <see cref="INegotiationReader"/> is resolved
    /// (in a web app, once per request, for example from the signed-in user or the host name). Without it every entry
    /// point works for <see cref="StreamKey.DefaultTenant"/>.
    /// </summary>
    /// <remarks>
    /// A tenant id is 1 to <see cref="StreamKey.TenantLength"/> ASCII letters, digits, '-', '_' and '.', starting
    /// with a letter or digit; resolving an entry point for any other value throws. Stream ids are unique per tenant:
    /// each tenant's tracks, command ids and views are its own.
    /// </remarks>
    /// <param name="tenantOfScope">Returns the tenant id of the scope whose services it is given.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="InvalidOperationException">A tenant source was set already.</exception>
    public NegotiationsBuilder UseTenantFrom(Func<IServiceProvider, string> tenantOfScope)
    {
        ArgumentNullException.ThrowIfNull(tenantOfScope);
        EntryPointsOf().SetTenantSource(tenantOfScope);
        return this;
    }

    /// <summary>
    /// Wraps the library's <see cref="INegotiationCommands"/> in a decorator of your own (authorisation, auditing,
    /// a retry policy): <paramref name="decorate"/> is given the entry point so far and the scope's services, and
    /// returns the one to use. Decorators apply in the order they are added, each around the previous; the
    /// library's logging and tracing stay outermost, so they see what yours return.
    /// </summary>
    /// <param name="decorate">Returns the decorated entry point.</param>
    /// <returns>The builder.</returns>
    public NegotiationsBuilder DecorateCommands(Func<INegotiationCommands, IServiceProvider, INegotiationCommands> decorate)
    {
        ArgumentNullException.ThrowIfNull(decorate);
        EntryPointsOf().AddDecorator(decorate);
        return this;
    }

    /// <summary>
    /// Binds <see cref="NegotiationsOptions"/> to a configuration section (by default <c>Negotiations</c>, so
    /// <c>Negotiations:MaxConflictRetries</c> in <c>appsettings.json</c> or <c>Negotiations__MaxConflictRetries</c> in
    /// the environment); they are validated when the host starts.
    /// </summary>
    /// <param name="sectionPath">The section's path.</param>
    /// <returns>The builder.</returns>
    public NegotiationsBuilder BindConfiguration(string sectionPath = "Negotiations")
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(sectionPath);
        Services.AddOptions<NegotiationsOptions>().BindConfiguration(sectionPath);
        return this;
    }

    private EntryPoints EntryPointsOf() =>
        Services.Where(d => !d.IsKeyedService && d.ServiceType == typeof(EntryPoints)).Select(d => d.ImplementationInstance).OfType<EntryPoints>().FirstOrDefault()
        ?? throw new InvalidOperationException("The negotiations entry points are not registered: call services.AddNegotiations() first.");

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
