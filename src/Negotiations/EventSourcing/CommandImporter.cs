using System.Runtime.CompilerServices;
using Microsoft.Extensions.Options;

namespace Negotiations.EventSourcing;

/// <summary>The commands of one stream, decided and validated, ready to be written in bulk.</summary>
/// <typeparam name="TState">The decision state.</typeparam>
/// <param name="Stream">The stream.</param>
/// <param name="ExpectedVersion">The version the commands were decided on: 0 for a new stream.</param>
/// <param name="Commands">Each command's events and metadata (which names the command to record), in order.</param>
/// <param name="State">The decision state after the commands.</param>
public sealed record StreamImport<TState>(StreamKey Stream, long ExpectedVersion, IReadOnlyList<StreamDecision> Commands, StreamState<TState> State)
    where TState : class
{
    /// <summary>How many events the import writes to the stream.</summary>
    public int EventCount => Commands.Sum(c => c.Events.Count);
}

/// <summary>How an import goes: batch sizes and retries.</summary>
public sealed class ImportOptions
{
    /// <summary>How many new streams are written in one bulk write (one COPY on PostgreSQL). The default is 200.</summary>
    public int StreamsPerBatch { get; set; } = 200;

    /// <summary>How many events at most one bulk write holds, whatever the number of streams. The default is 100,000.</summary>
    public int EventsPerBatch { get; set; } = 100_000;

    /// <summary>How many commands of an existing stream go into one transaction. The default is 500.</summary>
    public int CommandsPerAppend { get; set; } = 500;
}

/// <summary>What an import did to one stream.</summary>
public enum ImportOutcome
{
    /// <summary>Commands were appended (to a new stream, or after the stream's existing events).</summary>
    Imported,

    /// <summary>Every command was applied already (an import run again): nothing was appended.</summary>
    AlreadyImported,

    /// <summary>A command breaks a rule or reuses an id: nothing of the stream was written.</summary>
    Refused,

    /// <summary>Another writer appended to the stream during the import: nothing of the import was written to it.</summary>
    Conflict,
}

/// <summary>The outcome of an import for one stream.</summary>
/// <param name="Stream">The stream.</param>
/// <param name="Outcome">What happened.</param>
/// <param name="CommandsAppended">The commands written now.</param>
/// <param name="CommandsSkipped">The commands found applied already.</param>
/// <param name="EventsAppended">The events written now.</param>
/// <param name="FailedCommand">The id of the command that was refused, for <see cref="ImportOutcome.Refused"/>.</param>
/// <param name="Error">Why, for <see cref="ImportOutcome.Refused"/> and <see cref="ImportOutcome.Conflict"/>.</param>
public sealed record ImportedStream(StreamKey Stream, ImportOutcome Outcome, int CommandsAppended, int CommandsSkipped, int EventsAppended, string? FailedCommand = null, string? Error = null);

/// <summary>How far an import has got, reported after each write.</summary>
/// <param name="Streams">Streams finished so far.</param>
/// <param name="Commands">Commands read so far.</param>
/// <param name="Events">Events written so far.</param>
public sealed record ImportProgress(int Streams, long Commands, long Events);

/// <summary>What an import did.</summary>
/// <param name="Streams">Each stream's outcome, in the order the streams came.</param>
public sealed record ImportResult(IReadOnlyList<ImportedStream> Streams)
{
    /// <summary>The events written.</summary>
    public long EventsAppended => Streams.Sum(s => (long)s.EventsAppended);

    /// <summary>The commands written.</summary>
    public long CommandsAppended => Streams.Sum(s => (long)s.CommandsAppended);

    /// <summary>True when no stream was refused or in conflict.</summary>
    public bool Succeeded => Streams.All(s => s.Outcome is ImportOutcome.Imported or ImportOutcome.AlreadyImported);
}

/// <summary>
/// Imports a history (a newsroom's archive, another store's export) as commands: every command is decided and
/// validated in memory by the same decider as the command service, then the streams are written in bulk through
/// <see cref="IEventStore.ImportAsync{TState}"/> (on PostgreSQL, new streams by COPY).
/// </summary>
/// <remarks>
/// <list type="bullet">
/// <item><description><b>Input.</b> The commands of each stream come together and in order; streams follow one another.
/// Memory holds one batch of streams (<see cref="ImportOptions"/>) and the largest stream, not the whole history.</description></item>
/// <item><description><b>All or nothing per stream.</b> A command that breaks a rule refuses its whole stream: nothing
/// of it is written, and the result names the command and the rule. Other streams go on.</description></item>
/// <item><description><b>Again and again.</b> Commands whose ids a stream has applied already (with the same content)
/// are skipped, so running an import again appends nothing, and an interrupted import resumes where it stopped. A
/// command under a used id with other content refuses its stream (<see cref="CommandErrors.IdReused"/>).</description></item>
/// <item><description><b>Concurrent writers.</b> A stream another writer appends to during the import is refused
/// (<see cref="ImportOutcome.Conflict"/>); nothing of the import is written to it.</description></item>
/// </list>
/// </remarks>
/// <typeparam name="TState">The decision state.</typeparam>
/// <typeparam name="TCommand">The commands.</typeparam>
/// <typeparam name="TEvent">The base type of the events.</typeparam>
public sealed class CommandImporter<TState, TCommand, TEvent>
    where TState : class
    where TCommand : IStreamCommand
    where TEvent : notnull
{
    private readonly IDecider<TState, TCommand, TEvent> _decider;
    private readonly IEventStore _store;
    private readonly ICommandFingerprints<TCommand> _fingerprints;
    private readonly ImportOptions _options;

    /// <summary>Creates an importer.</summary>
    /// <param name="decider">The model's decisions.</param>
    /// <param name="store">Where the streams go.</param>
    /// <param name="fingerprints">Names and fingerprints commands for their records.</param>
    /// <param name="options">Batch sizes; defaults apply when null.</param>
    public CommandImporter(IDecider<TState, TCommand, TEvent> decider, IEventStore store, ICommandFingerprints<TCommand> fingerprints, IOptions<ImportOptions>? options = null)
    {
        ArgumentNullException.ThrowIfNull(decider);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(fingerprints);
        _decider = decider;
        _store = store;
        _fingerprints = fingerprints;
        _options = options?.Value ?? new ImportOptions();
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(_options.StreamsPerBatch, "options.StreamsPerBatch");
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(_options.EventsPerBatch, "options.EventsPerBatch");
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(_options.CommandsPerAppend, "options.CommandsPerAppend");
    }

    /// <summary>Imports commands, stream by stream.</summary>
    /// <param name="commands">The commands: each stream's together and in order.</param>
    /// <param name="progress">Told after each write how far the import has got; optional.</param>
    /// <param name="cancellationToken">Cancels the import between writes (what was written stays written).</param>
    /// <returns>Each stream's outcome.</returns>
    /// <exception cref="ArgumentException">A stream's commands come in two separate runs.</exception>
    public async Task<ImportResult> ImportAsync(IEnumerable<TCommand> commands, IProgress<ImportProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(commands);
        return await ImportAsync(Async(commands), progress, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Imports commands, stream by stream, as they are read.</summary>
    /// <param name="commands">The commands: each stream's together and in order.</param>
    /// <param name="progress">Told after each write how far the import has got; optional.</param>
    /// <param name="cancellationToken">Cancels the import between writes (what was written stays written).</param>
    /// <returns>Each stream's outcome.</returns>
    /// <exception cref="ArgumentException">A stream's commands come in two separate runs.</exception>
    public async Task<ImportResult> ImportAsync(IAsyncEnumerable<TCommand> commands, IProgress<ImportProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(commands);
        var run = new Run(this, progress, cancellationToken);
        var seen = new HashSet<StreamKey>();
        StreamKey? current = null;
        var pending = new List<TCommand>();
        await foreach (var command in commands.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            ArgumentNullException.ThrowIfNull(command, nameof(commands));
            if (!IsValidStream(command.StreamId) && _decider.Validate(command) is { } invalid)
            {
                // No stream can hold it: the command is its own refused run, and the stream before it ends here.
                if (current is { } before)
                {
                    await run.AddAsync(before, pending).ConfigureAwait(false);
                    pending = [];
                    current = null;
                }

                run.Refuse(new ImportedStream(StreamKey.Of(command.StreamId ?? string.Empty), ImportOutcome.Refused, 0, 0, 0, command.CommandId, $"{invalid.Code}: {invalid.Message}"));
                continue;
            }

            var stream = StreamKey.Of(command.StreamId ?? throw new ArgumentException($"Command {command.CommandId} names no stream.", nameof(commands)));
            if (current != stream)
            {
                if (current is { } previous)
                {
                    await run.AddAsync(previous, pending).ConfigureAwait(false);
                    pending = [];
                }

                if (!seen.Add(stream))
                {
                    throw new ArgumentException($"The commands of stream '{stream}' come in two separate runs; give each stream's commands together, in order.", nameof(commands));
                }

                current = stream;
            }

            pending.Add(command);
        }

        if (current is { } last)
        {
            await run.AddAsync(last, pending).ConfigureAwait(false);
        }

        await run.FlushAsync().ConfigureAwait(false);
        return new ImportResult(run.Outcomes);
    }

    private static bool IsValidStream(string? streamId) =>
        streamId is not null && StoreArguments.StreamProblem(StreamKey.Of(streamId)) is null;

    private static async IAsyncEnumerable<TCommand> Async(IEnumerable<TCommand> commands, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        foreach (var command in commands)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return command;
        }

        await Task.CompletedTask.ConfigureAwait(false);
    }

    /// <summary>
    /// Decides a stream's commands on its stored state: the events to write, or the refusal. Commands applied already
    /// are skipped.
    /// </summary>
    private async Task<(StreamImport<TState>? Import, ImportedStream? Outcome, int Skipped)> PlanAsync(StreamKey stream, IReadOnlyList<TCommand> commands, CancellationToken cancellationToken)
    {
        var stored = await _store.ReadStreamAsync(stream, cancellationToken: cancellationToken).ConfigureAwait(false);
        var applied = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var e in stored)
        {
            if (e.Metadata.CommandId is { } id)
            {
                applied.TryAdd(id, e.Metadata.CommandFingerprint);
            }
        }

        var version = stored.Count == 0 ? 0 : stored[^1].Version;
        var state = new StreamState<TState>(stream, _decider.State.Project(stream.StreamId, stored), version);
        var decided = new List<StreamDecision>(commands.Count);
        var skipped = 0;
        foreach (var command in commands)
        {
            var commandId = command.CommandId;
            if (_decider.Validate(command) is { } invalid)
            {
                return (null, new ImportedStream(stream, ImportOutcome.Refused, 0, 0, 0, commandId, $"{invalid.Code}: {invalid.Message}"), skipped);
            }

            var name = _fingerprints.NameOf(command);
            var fingerprint = _fingerprints.FingerprintOf(command);
            if (applied.TryGetValue(commandId, out var earlier))
            {
                if (earlier is not null && !string.Equals(earlier, fingerprint, StringComparison.Ordinal))
                {
                    return (null, new ImportedStream(stream, ImportOutcome.Refused, 0, 0, 0, commandId, $"{CommandErrors.IdReused}: command id '{commandId}' was used already by another command; this {name} cannot reuse it."), skipped);
                }

                skipped++;
                continue;
            }

            var decision = _decider.Decide(state.State, command);
            if (decision.RequiredCommand is { } required)
            {
                decision = decision.Resolve(applied.ContainsKey(required));
            }

            if (decision.Error is { } error)
            {
                return (null, new ImportedStream(stream, ImportOutcome.Refused, 0, 0, 0, commandId, $"{error.Code}: {error.Message}"), skipped);
            }

            var metadata = new EventMetadata { CommandId = commandId, CommandType = name, CommandFingerprint = fingerprint };
            var events = decision.Events.Cast<object>().ToArray();
            applied[commandId] = fingerprint;
            if (events.Length == 0)
            {
                continue;
            }

            var committed = StreamWrites.Committed(stream, state.Version, events, metadata, null);
            state = new StreamState<TState>(stream, StreamWrites.FoldCommitted(_decider.State, state.State, committed), state.Version + events.Length);
            decided.Add(StreamDecision.Append(events, metadata));
        }

        return decided.Count == 0
            ? (null, new ImportedStream(stream, ImportOutcome.AlreadyImported, 0, skipped, 0), skipped)
            : (new StreamImport<TState>(stream, version, decided, state), null, skipped);
    }

    private sealed class Run(CommandImporter<TState, TCommand, TEvent> importer, IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
    {
        private readonly List<(StreamImport<TState> Import, int Skipped)> _batch = [];
        private int _batchEvents;
        private long _commands;
        private long _events;

        public List<ImportedStream> Outcomes { get; } = [];

        public void Refuse(ImportedStream outcome)
        {
            _commands++;
            Outcomes.Add(outcome);
            Report();
        }

        public async Task AddAsync(StreamKey stream, IReadOnlyList<TCommand> commands)
        {
            _commands += commands.Count;
            var (import, outcome, skipped) = await importer.PlanAsync(stream, commands, cancellationToken).ConfigureAwait(false);
            if (outcome is not null)
            {
                Outcomes.Add(outcome);
                Report();
                return;
            }

            _batch.Add((import!, skipped));
            _batchEvents += import!.EventCount;
            if (_batch.Count >= importer._options.StreamsPerBatch || _batchEvents >= importer._options.EventsPerBatch)
            {
                await FlushAsync().ConfigureAwait(false);
            }
        }

        public async Task FlushAsync()
        {
            if (_batch.Count == 0)
            {
                return;
            }

            var batch = _batch.ToArray();
            _batch.Clear();
            _batchEvents = 0;

            // Streams with events already are written one by one: a conflict on one leaves the others as they are.
            foreach (var (import, skipped) in batch.Where(b => b.Import.ExpectedVersion > 0))
            {
                await WriteOneAsync(import, skipped).ConfigureAwait(false);
            }

            // New streams are written together, all or none.
            var fresh = batch.Where(b => b.Import.ExpectedVersion == 0).ToArray();
            if (fresh.Length == 0)
            {
                return;
            }

            try
            {
                await WriteAsync([.. fresh.Select(b => b.Import)]).ConfigureAwait(false);
                foreach (var (import, skipped) in fresh)
                {
                    Done(import, skipped);
                }
            }
            catch (StreamVersionConflictException) when (fresh.Length > 1)
            {
                // Some stream was created by another writer meanwhile: write them one by one, so that only it is refused.
                foreach (var (import, skipped) in fresh)
                {
                    await WriteOneAsync(import, skipped).ConfigureAwait(false);
                }
            }
            catch (StreamVersionConflictException conflict)
            {
                Outcomes.Add(new ImportedStream(fresh[0].Import.Stream, ImportOutcome.Conflict, 0, fresh[0].Skipped, 0, null, conflict.Message));
                Report();
            }
        }

        private async Task WriteOneAsync(StreamImport<TState> import, int skipped)
        {
            try
            {
                await WriteAsync([import]).ConfigureAwait(false);
                Done(import, skipped);
            }
            catch (StreamVersionConflictException conflict)
            {
                Outcomes.Add(new ImportedStream(import.Stream, ImportOutcome.Conflict, 0, skipped, 0, null, conflict.Message));
                Report();
            }
        }

        private Task WriteAsync(IReadOnlyList<StreamImport<TState>> imports) =>
            importer._store.ImportAsync(imports, importer._decider.State, importer._options, cancellationToken);

        private void Done(StreamImport<TState> import, int skipped)
        {
            _events += import.EventCount;
            Outcomes.Add(new ImportedStream(import.Stream, ImportOutcome.Imported, import.Commands.Count, skipped, import.EventCount));
            Report();
        }

        private void Report() => progress?.Report(new ImportProgress(Outcomes.Count, _commands, _events));
    }
}
