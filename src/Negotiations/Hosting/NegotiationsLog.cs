using Microsoft.Extensions.Logging;

namespace Negotiations.Hosting;

/// <summary>
/// Every log message of the library, with its event id. One class on purpose: the logging source generator emits
/// the classes that declare messages in an order that can change from one compilation to the next, which would make
/// the PDB (it embeds the generated file) differ between two builds of the same commit; with one class there is no
/// order to change.
/// </summary>
internal static partial class NegotiationsLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Debug, Message = "Command {CommandType} {CommandId} on stream {Tenant}/{StreamId} appended {EventCount} events; stream at version {StreamVersion}")]
    public static partial void CommandAccepted(ILogger logger, string commandType, string commandId, string tenant, string streamId, int eventCount, long streamVersion);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "Command {CommandType} {CommandId} on stream {Tenant}/{StreamId} was refused: {ErrorCode} ({Member})")]
    public static partial void CommandRefused(ILogger logger, string commandType, string commandId, string tenant, string streamId, string errorCode, string member);

    [LoggerMessage(EventId = 3, Level = LogLevel.Debug, Message = "Command {CommandType} {CommandId} on stream {Tenant}/{StreamId} was applied before; nothing appended")]
    public static partial void CommandAlreadyApplied(ILogger logger, string commandType, string commandId, string tenant, string streamId);

    [LoggerMessage(EventId = 4, Level = LogLevel.Debug, Message = "Command {CommandType} {CommandId} on stream {StreamId} lost a race at version {ExpectedVersion}; retry {Attempt}")]
    public static partial void ConflictRetry(ILogger logger, string commandType, string commandId, string streamId, long expectedVersion, int attempt);

    [LoggerMessage(EventId = 5, Level = LogLevel.Warning, Message = "Command {CommandType} {CommandId} on stream {StreamId} lost the race {Attempts} times; giving up")]
    public static partial void ConflictSurfaced(ILogger logger, string commandType, string commandId, string streamId, int attempts);

    [LoggerMessage(EventId = 7, Level = LogLevel.Warning, Message = "Command {CommandType} {CommandId} on stream {Tenant}/{StreamId} failed with {ExceptionType}")]
    public static partial void CommandFailed(ILogger logger, Exception exception, string commandType, string? commandId, string tenant, string? streamId, string exceptionType);
}
