using Microsoft.Extensions.DependencyInjection;
using Negotiations.EventSourcing;

namespace Negotiations;

/// <summary>Resolves the negotiation services registered by <c>AddNegotiations</c> under short names.</summary>
public static class NegotiationsServiceProviderExtensions
{
    /// <summary>
    /// Gets the command service of negotiation tracks:
    /// <c>CommandService&lt;NegotiationState, NegotiationCommand, INegotiationEvent&gt;</c>.
    /// </summary>
    /// <param name="services">The service provider.</param>
    /// <returns>The command service.</returns>
    /// <exception cref="InvalidOperationException">It is not registered: call <c>AddNegotiations().UseXxxStore()</c>.</exception>
    public static CommandService<NegotiationState, NegotiationCommand, INegotiationEvent> GetNegotiationCommandService(this IServiceProvider services) =>
        services.GetRequiredService<CommandService<NegotiationState, NegotiationCommand, INegotiationEvent>>();
}
