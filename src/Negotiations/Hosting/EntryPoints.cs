using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Negotiations.EventSourcing;

namespace Negotiations.Hosting;

/// <summary>
/// How the entry points are made: the tenant source and the decorators set on the builder. One per service
/// collection, registered as an instance by <c>AddNegotiations</c>.
/// </summary>
internal sealed class EntryPoints
{
    private readonly List<Func<INegotiationCommands, IServiceProvider, INegotiationCommands>> _decorators = [];
    private Func<IServiceProvider, string>? _tenantOfScope;

    public void SetTenantSource(Func<IServiceProvider, string> tenantOfScope)
    {
        if (_tenantOfScope is not null)
        {
            throw new InvalidOperationException("Negotiations already has a tenant source: call UseTenantFrom once.");
        }

        _tenantOfScope = tenantOfScope;
    }

    public void AddDecorator(Func<INegotiationCommands, IServiceProvider, INegotiationCommands> decorate) => _decorators.Add(decorate);

    public INegotiationCommands Commands(IServiceProvider services)
    {
        var tenant = TenantOf(services);
        RequireStore(services);
        INegotiationCommands commands = new TenantCommands(services.GetRequiredService<CommandService<NegotiationDecisionState, NegotiationCommand, INegotiationEvent>>(), tenant);
        foreach (var decorate in _decorators)
        {
            commands = decorate(commands, services)
                ?? throw new InvalidOperationException("A decorator given to DecorateCommands returned null; return the entry point it was given, or one around it.");
        }

        var logger = services.GetService<ILoggerFactory>()?.CreateLogger("Negotiations.Commands") ?? NullLogger.Instance;
        commands = new LoggedCommands(commands, logger);
        return new TracedCommands(commands, services.GetRequiredService<CommandInstruments>(), services.GetService<TimeProvider>() ?? TimeProvider.System);
    }

    public INegotiationReader Reader(IServiceProvider services)
    {
        var tenant = TenantOf(services);
        var store = RequireStore(services);
        return new StoreNegotiationReader(store, services.GetService<IStoredViews>(), tenant);
    }

    private string TenantOf(IServiceProvider services)
    {
        if (_tenantOfScope is null)
        {
            return StreamKey.DefaultTenant;
        }

        var tenant = _tenantOfScope(services);
        var why = string.IsNullOrEmpty(tenant) ? "it is empty" : StreamKey.TenantProblem(tenant);
        if (why is not null)
        {
            throw new InvalidOperationException($"The tenant source given to UseTenantFrom returned {TextRules.Show(tenant)}, which is not a tenant id: {why}.");
        }

        return tenant;
    }

    private static IEventStore RequireStore(IServiceProvider services) =>
        services.GetService<IEventStore>()
        ?? throw new InvalidOperationException("Negotiations has no event store: call services.AddNegotiations() and choose a store with .UseInMemoryStore() or .UseMarten(...).");
}
