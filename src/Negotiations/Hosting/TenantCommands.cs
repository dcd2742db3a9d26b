using Negotiations.EventSourcing;

namespace Negotiations.Hosting;

/// <summary>The library's own entry point: the command service, on the streams of one tenant.</summary>
internal sealed class TenantCommands(CommandService<NegotiationDecisionState, NegotiationCommand, INegotiationEvent> service, string tenant) : INegotiationCommands
{
    public string Tenant { get; } = tenant;

    public Task<CommandResult> SendAsync(NegotiationCommand command, CommandContext? context = null, CancellationToken cancellationToken = default) =>
        service.HandleAsync(Tenant, command, context, cancellationToken);
}
