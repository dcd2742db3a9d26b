using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Negotiations.EventSourcing;

/// <summary>Who asked for a command and why: recorded as metadata with every event the command appends.</summary>
/// <param name="CorrelationId">Ties together all the work started by one request.</param>
/// <param name="CausationId">The message or event that caused the command.</param>
/// <param name="Tenant">The tenant the command acts for, when the store is shared.</param>
public sealed record CommandContext(string? CorrelationId = null, string? CausationId = null, string? Tenant = null);

/// <summary>A stream's state and the version it was computed at.</summary>
/// <typeparam name="TState">The state type.</typeparam>
/// <param name="StreamId">The stream.</param>
/// <param name="State">The state after the stream's events.</param>
/// <param name="Version">The stream's version: 0 when it has no events.</param>
public sealed record StreamState<TState>(string StreamId, TState State, long Version);

/// <summary>
/// Runs commands against a store through a decider: load the stream, decide, append with the expected
/// version; on a version conflict reload and decide again, a bounded number of times.
/// </summary>
/// <remarks>
/// <para>A command whose id already stands in the stream's metadata appends nothing and returns the events it
/// appended the first time (<see cref="CommandOutcome.AlreadyApplied"/>), so callers may retry at will, across
/// restarts. A refused command appends nothing.</para>
/// <para>Each command is traced as an activity of <see cref="NegotiationsTelemetry.ActivitySourceName"/> and
/// counted by the instruments of <see cref="NegotiationsTelemetry.MeterName"/>.</para>
/// </remarks>
/// <typeparam name="TState">The state decisions are made on.</typeparam>
/// <typeparam name="TCommand">The commands.</typeparam>
/// <typeparam name="TEvent">The base type of the events.</typeparam>
public sealed partial class CommandService<TState, TCommand, TEvent>
    where TCommand : IStreamCommand
    where TEvent : notnull
{
    private readonly IDecider<TState, TCommand, TEvent> _decider;
    private readonly IEventStore _store;
    private readonly int _maxConflictRetries;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly CommandInstruments _instruments;

    /// <summary>Creates a command service.</summary>
    /// <param name="decider">The model's decisions.</param>
    /// <param name="store">Where the streams live.</param>
    /// <param name="options">The retry bound; defaults apply when null.</param>
    /// <param name="timeProvider">The clock for durations; the system clock when null.</param>
    /// <param name="logger">Where to log; nothing is logged when null.</param>
    /// <param name="meterFactory">Creates the meter; a shared process-wide meter is used when null.</param>
    public CommandService(
        IDecider<TState, TCommand, TEvent> decider,
        IEventStore store,
        IOptions<NegotiationsOptions>? options = null,
        TimeProvider? timeProvider = null,
        ILogger<CommandService<TState, TCommand, TEvent>>? logger = null,
        IMeterFactory? meterFactory = null)
    {
        ArgumentNullException.ThrowIfNull(decider);
        ArgumentNullException.ThrowIfNull(store);
        _decider = decider;
        _store = store;
        _maxConflictRetries = (options?.Value ?? new NegotiationsOptions()).MaxConflictRetries;
        ArgumentOutOfRangeException.ThrowIfNegative(_maxConflictRetries, "options.MaxConflictRetries");
        _timeProvider = timeProvider ?? TimeProvider.System;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        _instruments = CommandInstruments.For(meterFactory);
    }

    /// <summary>Handles one command.</summary>
    /// <param name="command">The command.</param>
    /// <param name="context">Correlation, causation and tenant to record with the events; none when null.</param>
    /// <param name="cancellationToken">Cancels the work before the append is committed.</param>
    /// <returns>What happened: accepted with its events, already applied earlier, or refused with the broken rule.</returns>
    /// <exception cref="StreamVersionConflictException">Other writers won every attempt, the retries included.</exception>
    public async Task<CommandResult<TState>> HandleAsync(
        TCommand command,
        CommandContext? context = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        var streamId = command.StreamId;
        var commandId = command.CommandId;
        ArgumentException.ThrowIfNullOrWhiteSpace(streamId, "command.StreamId");
        ArgumentException.ThrowIfNullOrWhiteSpace(commandId, "command.CommandId");
        var commandType = command.GetType().Name;

        using var activity = NegotiationsTelemetry.ActivitySource.StartActivity($"{NegotiationsTelemetry.CommandActivityName} {commandType}");
        activity?.SetTag(NegotiationsTelemetry.Tags.StreamId, streamId);
        activity?.SetTag(NegotiationsTelemetry.Tags.CommandId, commandId);
        activity?.SetTag(NegotiationsTelemetry.Tags.CommandType, commandType);
        var started = _timeProvider.GetTimestamp();

        try
        {
            var result = await HandleWithRetriesAsync(command, streamId, commandId, commandType, context, activity, cancellationToken).ConfigureAwait(false);
            activity?.SetTag(NegotiationsTelemetry.Tags.Outcome, result.Outcome.ToString());
            _instruments.Handled.Add(1, Tag(NegotiationsTelemetry.Tags.CommandType, commandType), Tag(NegotiationsTelemetry.Tags.Outcome, result.Outcome.ToString()));
            return result;
        }
        catch (Exception ex)
        {
            activity?.SetStatus(ActivityStatusCode.Error, ex.GetType().Name);
            throw;
        }
        finally
        {
            _instruments.Duration.Record(_timeProvider.GetElapsedTime(started).TotalMilliseconds, Tag(NegotiationsTelemetry.Tags.CommandType, commandType));
        }
    }

    /// <summary>Loads a stream and folds its events into a state.</summary>
    /// <param name="streamId">The stream.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The state and the version it was computed at; the initial state at version 0 for a stream that does not exist.</returns>
    public async Task<StreamState<TState>> LoadAsync(string streamId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(streamId);
        var events = await _store.ReadStreamAsync(streamId, cancellationToken: cancellationToken).ConfigureAwait(false);
        return new StreamState<TState>(streamId, Fold(_decider.Initial, events, events.Count), Version(events));
    }

    private async Task<CommandResult<TState>> HandleWithRetriesAsync(
        TCommand command,
        string streamId,
        string commandId,
        string commandType,
        CommandContext? context,
        Activity? activity,
        CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            var stored = await _store.ReadStreamAsync(streamId, cancellationToken: cancellationToken).ConfigureAwait(false);
            var version = Version(stored);

            if (EarlierOutcome(stored, streamId, commandId, commandType) is { } repeat)
            {
                return repeat;
            }

            var state = Fold(_decider.Initial, stored, stored.Count);
            var decision = _decider.Decide(state, command);
            if (decision.Error is { } error)
            {
                _instruments.Refused.Add(1, Tag(NegotiationsTelemetry.Tags.CommandType, commandType), Tag(NegotiationsTelemetry.Tags.ErrorCode, error.Code));
                activity?.SetTag(NegotiationsTelemetry.Tags.ErrorCode, error.Code);
                LogRefused(_logger, commandType, commandId, streamId, error.Code);
                return new CommandResult<TState>(CommandOutcome.Refused, streamId, commandId, [], version, state, error);
            }

            if (decision.Events.Count == 0)
            {
                LogAccepted(_logger, commandType, commandId, streamId, 0, version);
                return new CommandResult<TState>(CommandOutcome.Accepted, streamId, commandId, [], version, state, null);
            }

            var metadata = new EventMetadata
            {
                CommandId = commandId,
                CorrelationId = context?.CorrelationId,
                CausationId = context?.CausationId,
                Tenant = context?.Tenant,
            };

            long newVersion;
            try
            {
                newVersion = await _store.AppendAsync(streamId, version, decision.Events.Cast<object>().ToArray(), metadata, cancellationToken).ConfigureAwait(false);
            }
            catch (StreamVersionConflictException conflict)
            {
                _instruments.Conflicts.Add(1, Tag(NegotiationsTelemetry.Tags.CommandType, commandType));
                if (attempt >= _maxConflictRetries)
                {
                    // The writer that won may have been this very command, sent twice at once: that is a repeat, not a conflict.
                    var after = await _store.ReadStreamAsync(streamId, cancellationToken: cancellationToken).ConfigureAwait(false);
                    if (EarlierOutcome(after, streamId, commandId, commandType) is { } twin)
                    {
                        return twin;
                    }

                    LogConflictSurfaced(_logger, commandType, commandId, streamId, attempt + 1);
                    throw;
                }

                LogConflictRetry(_logger, commandType, commandId, streamId, conflict.ExpectedVersion, attempt + 1);
                continue;
            }

            _instruments.Appended.Add(decision.Events.Count, Tag(NegotiationsTelemetry.Tags.CommandType, commandType));
            var committed = new CommittedEvent[decision.Events.Count];
            var newState = state;
            for (var i = 0; i < committed.Length; i++)
            {
                var @event = decision.Events[i];
                committed[i] = new CommittedEvent(streamId, version + i + 1, EventName(@event), @event, metadata);
                newState = _decider.Evolve(newState, @event, metadata);
            }

            activity?.SetTag(NegotiationsTelemetry.Tags.StreamVersion, newVersion);
            LogAccepted(_logger, commandType, commandId, streamId, committed.Length, newVersion);
            return new CommandResult<TState>(CommandOutcome.Accepted, streamId, commandId, committed, newVersion, newState, null);
        }
    }

    /// <summary>The outcome of a command whose id already stands in the stream's metadata, or null when it does not.</summary>
    private CommandResult<TState>? EarlierOutcome(IReadOnlyList<RecordedEvent> stored, string streamId, string commandId, string commandType)
    {
        var earlier = stored
            .Where(e => string.Equals(e.Metadata.CommandId, commandId, StringComparison.Ordinal))
            .Select(e => new CommittedEvent(e.StreamId, e.Version, e.EventType, e.Data, e.Metadata))
            .ToArray();
        if (earlier.Length == 0)
        {
            return null;
        }

        LogAlreadyApplied(_logger, commandType, commandId, streamId);
        var upTo = earlier[^1].Version;
        var stateThen = Fold(_decider.Initial, stored, stored.TakeWhile(e => e.Version <= upTo).Count());
        return new CommandResult<TState>(CommandOutcome.AlreadyApplied, streamId, commandId, earlier, upTo, stateThen, null);
    }

    private TState Fold(TState state, IReadOnlyList<RecordedEvent> events, int count)
    {
        for (var i = 0; i < count; i++)
        {
            var recorded = events[i];
            if (recorded.Data is not TEvent @event)
            {
                throw new InvalidOperationException(
                    $"Stream '{recorded.StreamId}' holds an event of type '{recorded.EventType}' at version {recorded.Version} that is not a {typeof(TEvent).Name}; it cannot be folded by this decider.");
            }

            state = _decider.Evolve(state, @event, recorded.Metadata);
        }

        return state;
    }

    private static long Version(IReadOnlyList<RecordedEvent> events) => events.Count == 0 ? 0 : events[^1].Version;

    private static string EventName(TEvent @event) => EventCatalog.WireNameOf(@event.GetType());

    private static KeyValuePair<string, object?> Tag(string key, object? value) => new(key, value);

    [LoggerMessage(EventId = 1, Level = LogLevel.Debug, Message = "Command {CommandType} {CommandId} on stream {StreamId} appended {EventCount} events; stream at version {StreamVersion}")]
    private static partial void LogAccepted(ILogger logger, string commandType, string commandId, string streamId, int eventCount, long streamVersion);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "Command {CommandType} {CommandId} on stream {StreamId} was refused: {ErrorCode}")]
    private static partial void LogRefused(ILogger logger, string commandType, string commandId, string streamId, string errorCode);

    [LoggerMessage(EventId = 3, Level = LogLevel.Debug, Message = "Command {CommandType} {CommandId} on stream {StreamId} was applied before; nothing appended")]
    private static partial void LogAlreadyApplied(ILogger logger, string commandType, string commandId, string streamId);

    [LoggerMessage(EventId = 4, Level = LogLevel.Debug, Message = "Command {CommandType} {CommandId} on stream {StreamId} lost a race at version {ExpectedVersion}; retry {Attempt}")]
    private static partial void LogConflictRetry(ILogger logger, string commandType, string commandId, string streamId, long expectedVersion, int attempt);

    [LoggerMessage(EventId = 5, Level = LogLevel.Warning, Message = "Command {CommandType} {CommandId} on stream {StreamId} lost the race {Attempts} times; giving up")]
    private static partial void LogConflictSurfaced(ILogger logger, string commandType, string commandId, string streamId, int attempts);
}
