using Microsoft.Extensions.Logging;
using Negotiations.EventSourcing;
using Negotiations.Serialization;

namespace Negotiations.Hosting;

/// <summary>Logs the outcome of every command sent through the decorated entry point.</summary>
internal sealed partial class LoggedCommands(INegotiationCommands inner, ILogger logger) : INegotiationCommands
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
            LogFailed(logger, ex, commandType, command.CommandId.Value, Tenant, command.Track.Value, ex.GetType().Name);
            throw;
        }

        switch (result.Outcome)
        {
            case CommandOutcome.Refused when result.Error is { } error:
                LogRefused(logger, commandType, result.CommandId, Tenant, result.StreamId, error.Code, error.Member ?? "(command)");
                break;
            case CommandOutcome.AlreadyApplied:
                LogAlreadyApplied(logger, commandType, result.CommandId, Tenant, result.StreamId);
                break;
            default:
                LogAccepted(logger, commandType, result.CommandId, Tenant, result.StreamId, result.Events.Count, result.StreamVersion);
                break;
        }

        return result;
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Debug, Message = "Command {CommandType} {CommandId} on stream {Tenant}/{StreamId} appended {EventCount} events; stream at version {StreamVersion}")]
    private static partial void LogAccepted(ILogger logger, string commandType, string commandId, string tenant, string streamId, int eventCount, long streamVersion);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "Command {CommandType} {CommandId} on stream {Tenant}/{StreamId} was refused: {ErrorCode} ({Member})")]
    private static partial void LogRefused(ILogger logger, string commandType, string commandId, string tenant, string streamId, string errorCode, string member);

    [LoggerMessage(EventId = 3, Level = LogLevel.Debug, Message = "Command {CommandType} {CommandId} on stream {Tenant}/{StreamId} was applied before; nothing appended")]
    private static partial void LogAlreadyApplied(ILogger logger, string commandType, string commandId, string tenant, string streamId);

    [LoggerMessage(EventId = 7, Level = LogLevel.Warning, Message = "Command {CommandType} {CommandId} on stream {Tenant}/{StreamId} failed with {ExceptionType}")]
    private static partial void LogFailed(ILogger logger, Exception exception, string commandType, string? commandId, string tenant, string? streamId, string exceptionType);
}
