using Microsoft.Extensions.Logging;
using Negotiations.EventSourcing;
using Negotiations.Serialization;

namespace Negotiations.Hosting;

/// <summary>Logs the outcome of every command sent through the decorated entry point.</summary>
internal sealed class LoggedCommands(INegotiationCommands inner, ILogger logger) : INegotiationCommands
{
    public string Tenant => inner.Tenant;

    public async Task<CommandResult> SendAsync(NegotiationCommand command, CommandContext? context = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        var commandType = NegotiationCommandFingerprints.Instance.NameOf(command);
        CommandResult result;
        try
        {
            result = await inner.SendAsync(command, context, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            NegotiationsLog.CommandFailed(logger, ex, commandType, command.CommandId.Value, Tenant, command.Track.Value, ex.GetType().Name);
            throw;
        }

        switch (result.Outcome)
        {
            case CommandOutcome.Refused when result.Error is { } error:
                NegotiationsLog.CommandRefused(logger, commandType, result.CommandId, Tenant, result.StreamId, error.Code, error.Member ?? "(command)");
                break;
            case CommandOutcome.AlreadyApplied:
                NegotiationsLog.CommandAlreadyApplied(logger, commandType, result.CommandId, Tenant, result.StreamId);
                break;
            default:
                NegotiationsLog.CommandAccepted(logger, commandType, result.CommandId, Tenant, result.StreamId, result.Events.Count, result.StreamVersion);
                break;
        }

        return result;
    }
}
