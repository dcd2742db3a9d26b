using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Negotiations.Hosting;

namespace Negotiations.EventSourcing;

/// <summary>Who asked for a command and why: recorded as metadata with every event the command appends.</summary>
/// <param name="CorrelationId">Ties together all the work started by one request.</param>
/// <param name="CausationId">The message or event that caused the command.</param>
public sealed record CommandContext(string? CorrelationId = null, string? CausationId = null);

/// <summary>
/// Runs commands against a store through a decider, one write operation per command
/// (<see cref="IEventStore.DecideAndAppendAsync{TState}"/>): load the decision state, decide, append with the
/// expected version; on a version conflict load the new tail and decide again, a bounded number of times.
/// </summary>
/// <remarks>
/// <para><b>Cost.</b> A command never refolds its stream: a store that keeps decision states (Marten) loads a snapshot;
/// for other stores the service keeps the states it has seen in a bounded cache
/// (<see cref="NegotiationsOptions.DecisionStateCacheSize"/>) and reads only the events after them.</para>
/// <para><b>Idempotency by record.</b> The append records the command (its id, type and fingerprint) in the same
/// transaction. Sent again, a command finds its record: it appends nothing and returns the events it appended the
/// first time (<see cref="CommandOutcome.AlreadyApplied"/>), so callers may retry at will, across restarts. Another
/// command sent under a used id is refused with <see cref="CommandErrors.IdReused"/>. A refused command checks the
/// record before it answers, so a repeat is never reported as a refusal.</para>
/// <para>Version conflicts are counted (<see cref="NegotiationsTelemetry.Conflicts"/>) and retries logged here; the
/// trace, the measurements and the log of each command's outcome are the work of the decorators around
/// <see cref="INegotiationCommands"/>, the entry point applications use.</para>
/// </remarks>
/// <typeparam name="TState">The decision state.</typeparam>
/// <typeparam name="TCommand">The commands.</typeparam>
/// <typeparam name="TEvent">The base type of the events.</typeparam>
public sealed class CommandService<TState, TCommand, TEvent>
    where TState : class
    where TCommand : IStreamCommand
    where TEvent : notnull
{
    private readonly IDecider<TState, TCommand, TEvent> _decider;
    private readonly IEventStore _store;
    private readonly ICommandFingerprints<TCommand> _fingerprints;
    private readonly int _maxConflictRetries;
    private readonly TimeSpan _backoff;
    private readonly TimeSpan _maxBackoff;
    private readonly TimeSpan _retryBudget;
    private readonly StreamGates _gates = new();
    private readonly StateCache<TState>? _cache;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly CommandInstruments _instruments;

    /// <summary>Creates a command service.</summary>
    /// <param name="decider">The model's decisions.</param>
    /// <param name="store">Where the streams live.</param>
    /// <param name="fingerprints">Names and fingerprints commands for their records.</param>
    /// <param name="options">The retry bound and cache size; defaults apply when null.</param>
    /// <param name="timeProvider">The clock for durations; the system clock when null.</param>
    /// <param name="logger">Where to log; nothing is logged when null.</param>
    /// <param name="meterFactory">Creates the meter; a shared process-wide meter is used when null.</param>
    public CommandService(
        IDecider<TState, TCommand, TEvent> decider,
        IEventStore store,
        ICommandFingerprints<TCommand> fingerprints,
        IOptions<NegotiationsOptions>? options = null,
        TimeProvider? timeProvider = null,
        ILogger<CommandService<TState, TCommand, TEvent>>? logger = null,
        IMeterFactory? meterFactory = null)
    {
        ArgumentNullException.ThrowIfNull(decider);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(fingerprints);
        _decider = decider;
        _store = store;
        _fingerprints = fingerprints;
        var settings = options?.Value ?? new NegotiationsOptions();
        _maxConflictRetries = settings.MaxConflictRetries;
        ArgumentOutOfRangeException.ThrowIfNegative(_maxConflictRetries, "options.MaxConflictRetries");
        _backoff = settings.ConflictBackoff;
        _maxBackoff = settings.MaxConflictBackoff;
        _retryBudget = settings.ConflictRetryBudget;
        ArgumentOutOfRangeException.ThrowIfLessThan(_backoff, TimeSpan.Zero, "options.ConflictBackoff");
        ArgumentOutOfRangeException.ThrowIfLessThan(_maxBackoff, _backoff, "options.MaxConflictBackoff");
        ArgumentOutOfRangeException.ThrowIfLessThan(_retryBudget, TimeSpan.Zero, "options.ConflictRetryBudget");
        ArgumentOutOfRangeException.ThrowIfNegative(settings.DecisionStateCacheSize, "options.DecisionStateCacheSize");
        _cache = store.KeepsDecisionStates(typeof(TState)) ? null : new StateCache<TState>(settings.DecisionStateCacheSize);
        _timeProvider = timeProvider ?? TimeProvider.System;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        _instruments = CommandInstruments.For(meterFactory);
    }

    /// <summary>Draws the jitter of a backoff, in [0, 1); tests set it to replay a sequence.</summary>
    internal Func<double> Jitter { get; init; } = Random.Shared.NextDouble;

    /// <summary>How many streams have a command of this process in or waiting for their gate now.</summary>
    internal int GatedStreams => _gates.Count;

    /// <summary>How many decision states the service holds in its cache now (0 for stores that keep their own).</summary>
    public int CachedStates => _cache?.Count ?? 0;

    /// <summary>Handles one command on a stream of the default tenant (<see cref="StreamKey.DefaultTenant"/>).</summary>
    /// <param name="command">The command.</param>
    /// <param name="context">Correlation and causation to record with the events; none when null.</param>
    /// <param name="cancellationToken">Cancels the work before the append is committed.</param>
    /// <returns>What happened: accepted with its events, already applied earlier, or refused with the broken rule.</returns>
    /// <exception cref="StreamVersionConflictException">Other writers won every attempt, the retries included.</exception>
    public Task<CommandResult> HandleAsync(
        TCommand command,
        CommandContext? context = null,
        CancellationToken cancellationToken = default) =>
        HandleAsync(StreamKey.DefaultTenant, command, context, cancellationToken);

    /// <summary>Handles one command on a stream of the given tenant.</summary>
    /// <param name="tenant">The tenant of the command's stream: <see cref="StreamKey.DefaultTenant"/> for a store without tenants.</param>
    /// <param name="command">The command.</param>
    /// <param name="context">Correlation and causation to record with the events; none when null.</param>
    /// <param name="cancellationToken">Cancels the work before the append is committed.</param>
    /// <returns>What happened: accepted with its events, already applied earlier, or refused with the broken rule.</returns>
    /// <exception cref="ArgumentException"><paramref name="tenant"/> is not a valid tenant id.</exception>
    /// <exception cref="StreamVersionConflictException">Other writers won every attempt, the retries included.</exception>
    public async Task<CommandResult> HandleAsync(
        string tenant,
        TCommand command,
        CommandContext? context = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(tenant);
        ArgumentNullException.ThrowIfNull(command);
        var commandType = _fingerprints.NameOf(command);
        if (_decider.Validate(command) is { } invalid)
        {
            // Refused before anything else: the stream id, the command id and the fingerprint may be what is wrong.
            return new CommandResult(CommandOutcome.Refused, new StreamKey(tenant, command.StreamId ?? string.Empty), command.CommandId ?? string.Empty, [], 0, invalid);
        }

        var streamId = command.StreamId;
        var commandId = command.CommandId;
        ArgumentException.ThrowIfNullOrWhiteSpace(streamId, "command.StreamId");
        ArgumentException.ThrowIfNullOrWhiteSpace(commandId, "command.CommandId");
        var stream = new StreamKey(tenant, streamId);
        StoreArguments.ValidateStream(stream);
        if (context is not null)
        {
            StoreArguments.ValidateMetadata(new EventMetadata { CorrelationId = context.CorrelationId, CausationId = context.CausationId });
        }

        // Commands of this process to one stream go one at a time: they never race each other for its next version.
        using var passage = await _gates.EnterAsync(stream, cancellationToken).ConfigureAwait(false);
        return await HandleWithRetriesAsync(command, stream, commandId, commandType, context, cancellationToken).ConfigureAwait(false);
    }

    private async Task<CommandResult> HandleWithRetriesAsync(
        TCommand command,
        StreamKey stream,
        string commandId,
        string commandType,
        CommandContext? context,
        CancellationToken cancellationToken)
    {
        var metadata = new EventMetadata
        {
            CommandId = commandId,
            CommandType = commandType,
            CommandFingerprint = _fingerprints.FingerprintOf(command),
            CorrelationId = context?.CorrelationId,
            CausationId = context?.CausationId,
        };

        var started = _timeProvider.GetTimestamp();
        for (var attempt = 0; ; attempt++)
        {
            var known = _cache?.Get(stream);
            StreamWrite<TState> write;
            try
            {
                write = await _store.DecideAndAppendAsync(stream, _decider.State, known, (loaded, ct) => DecideAsync(command, loaded, metadata, ct), cancellationToken).ConfigureAwait(false);
            }
            catch (CommandAlreadyRecordedException recorded)
            {
                return await EarlierOutcomeAsync(stream, metadata, commandType, recorded.StreamVersion, cancellationToken).ConfigureAwait(false)
                    ?? throw new InvalidOperationException($"Stream '{stream}' refused command '{commandId}' as recorded already, but has no record of it.");
            }
            catch (StreamVersionConflictException conflict)
            {
                _instruments.Conflicts.Add(1, Tag(NegotiationsTelemetry.Tags.CommandType, commandType));

                // The cached state stays the base to resync from: the next attempt reads only the events after it. One
                // ahead of the stream (the store was reset) is dropped.
                if (known is not null && (conflict.ActualVersion is not { } actual || actual < known.Version))
                {
                    _cache?.Remove(stream);
                }

                var wait = Backoff(attempt);
                if (attempt >= _maxConflictRetries || _timeProvider.GetElapsedTime(started) + wait > _retryBudget)
                {
                    // The writer that won may have been this very command, sent twice at once: that is a repeat, not a conflict.
                    if (await EarlierOutcomeAsync(stream, metadata, commandType, conflict.ActualVersion, cancellationToken).ConfigureAwait(false) is { } twin)
                    {
                        return twin;
                    }

                    NegotiationsLog.ConflictSurfaced(_logger, commandType, commandId, stream.StreamId, attempt + 1);
                    throw;
                }

                NegotiationsLog.ConflictRetry(_logger, commandType, commandId, stream.StreamId, conflict.ExpectedVersion, attempt + 1);
                if (wait > TimeSpan.Zero)
                {
                    await Task.Delay(wait, _timeProvider, cancellationToken).ConfigureAwait(false);
                }

                continue;
            }

            _cache?.Set(write.After);
            var decision = write.Decision;
            if (decision.Error is { } error)
            {
                if (await EarlierOutcomeAsync(stream, metadata, commandType, write.DecidedOn.Version, cancellationToken).ConfigureAwait(false) is { } earlier)
                {
                    return earlier;
                }

                return new CommandResult(CommandOutcome.Refused, stream, commandId, [], write.DecidedOn.Version, error);
            }

            if (!decision.Appends)
            {
                if (await EarlierOutcomeAsync(stream, metadata, commandType, write.DecidedOn.Version, cancellationToken).ConfigureAwait(false) is { } earlier)
                {
                    return earlier;
                }

                return new CommandResult(CommandOutcome.Accepted, stream, commandId, [], write.DecidedOn.Version, null);
            }

            return new CommandResult(CommandOutcome.Accepted, stream, commandId, write.Committed, write.After.Version, null);
        }
    }

    private async ValueTask<StreamDecision> DecideAsync(TCommand command, StreamState<TState> loaded, EventMetadata metadata, CancellationToken cancellationToken)
    {
        var decision = _decider.Decide(loaded.State, command);
        if (decision.RequiredCommand is { } required)
        {
            var record = await _store.FindCommandAsync(loaded.Stream, required, cancellationToken).ConfigureAwait(false);
            decision = decision.Resolve(record is not null);
        }

        return decision.Error is { } error
            ? StreamDecision.Refuse(error)
            : StreamDecision.Append([.. decision.Events.Cast<object>()], metadata);
    }

    /// <summary>
    /// The outcome of a command whose id the stream has a record of: a repeat (same fingerprint) returns the events it
    /// appended then, with the stream's version now (<paramref name="streamVersion"/> when known, else read); another
    /// command under that id is refused. Null when there is no record.
    /// </summary>
    private async Task<CommandResult?> EarlierOutcomeAsync(StreamKey stream, EventMetadata metadata, string commandType, long? streamVersion, CancellationToken cancellationToken)
    {
        var commandId = metadata.CommandId!;
        var record = await _store.FindCommandAsync(stream, commandId, cancellationToken).ConfigureAwait(false);
        if (record is null)
        {
            return null;
        }

        if (!string.Equals(record.Fingerprint, metadata.CommandFingerprint, StringComparison.Ordinal))
        {
            var what = string.Equals(record.CommandType, commandType, StringComparison.Ordinal)
                ? $"another {record.CommandType} with other content"
                : $"a {record.CommandType}";
            var error = new DomainError(
                CommandErrors.IdReused,
                $"Command id '{commandId}' was used already, by {what}; this {commandType} cannot reuse it: send it under a new command id.");
            return new CommandResult(CommandOutcome.Refused, stream, commandId, [], record.LastVersion, error);
        }

        var events = await _store.ReadStreamAsync(stream, record.FirstVersion, record.LastVersion, cancellationToken).ConfigureAwait(false);
        var current = streamVersion ?? await CurrentVersionAsync(stream, record.LastVersion, cancellationToken).ConfigureAwait(false);
        var committed = events.Select(e => new CommittedEvent(e.Stream, e.Version, e.EventType, e.Data, e.Metadata, e.GlobalPosition)).ToArray();
        return new CommandResult(CommandOutcome.AlreadyApplied, stream, commandId, committed, current, null);
    }

    private async Task<long> CurrentVersionAsync(StreamKey stream, long atLeast, CancellationToken cancellationToken)
    {
        var tail = await _store.ReadStreamAsync(stream, atLeast + 1, cancellationToken: cancellationToken).ConfigureAwait(false);
        return tail.Count > 0 ? tail[^1].Version : atLeast;
    }

    // Full jitter: a random wait in [0, min(max, base × 2^attempt)).
    private TimeSpan Backoff(int attempt)
    {
        var ceiling = _backoff.Ticks * Math.Pow(2, Math.Min(attempt, 30));
        return TimeSpan.FromTicks((long)(Math.Min(ceiling, _maxBackoff.Ticks) * Jitter()));
    }

    private static KeyValuePair<string, object?> Tag(string key, object? value) => new(key, value);
}
