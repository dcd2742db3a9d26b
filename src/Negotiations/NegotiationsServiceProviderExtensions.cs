using Microsoft.Extensions.DependencyInjection;
using Negotiations.EventSourcing;

namespace Negotiations;

/// <summary>Resolves the negotiation services registered by <c>AddNegotiations</c> under short names.</summary>
public static class NegotiationsServiceProviderExtensions
{
    /// <summary>
    /// Gets the command service of negotiation tracks:
    /// <c>CommandService&lt;NegotiationDecisionState, NegotiationCommand, INegotiationEvent&gt;</c>.
    /// </summary>
    /// <param name="services">The service provider.</param>
    /// <returns>The command service.</returns>
    /// <exception cref="InvalidOperationException">
    /// The library or its store is not registered: call <c>services.AddNegotiations()</c> and choose a store
    /// (<c>.UseInMemoryStore()</c> or <c>.UseMarten(...)</c>).
    /// </exception>
    public static CommandService<NegotiationDecisionState, NegotiationCommand, INegotiationEvent> GetNegotiationCommandService(this IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(services);
        if (services.GetService<IEventStore>() is null)
        {
            throw new InvalidOperationException("Negotiations has no event store: call services.AddNegotiations() and choose a store with .UseInMemoryStore() or .UseMarten(...).");
        }

        return services.GetService<CommandService<NegotiationDecisionState, NegotiationCommand, INegotiationEvent>>()
            ?? throw new InvalidOperationException("The negotiation command service is not registered: call services.AddNegotiations() before choosing a store.");
    }
}
