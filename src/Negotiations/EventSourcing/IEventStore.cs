namespace Negotiations.EventSourcing;

/// <summary>
/// The store port: append-only event streams with optimistic concurrency and a record of the commands that wrote
/// them, read back per stream (from a version on) or all together in global order, and one write operation that
/// decides and appends in one unit of work.
/// </summary>
/// <remarks>
/// <para>Streams are named by <see cref="StreamKey"/> (tenant and stream id). A stream that has never been written to
/// has version 0. Each appended event takes the next version, so a stream's version is the number of events in it.
/// Implementations: <see cref="InMemoryEventStore"/> here, and the PostgreSQL store in the <c>Negotiations.Marten</c>
/// package; both pass the same contract test suite.</para>
/// <para>A store of your own implements the four reads and writes; <see cref="DecideAndAppendAsync{TState}"/> then
/// works on top of them (read the stream's tail after a known state, fold, decide, append), and the command service
/// keeps the decision states in a cache, so a command reads only what it has not seen.</para>
/// </remarks>
public interface IEventStore
{
    /// <summary>
    /// Appends events to a stream if the stream is still at the expected version, and records the command that wrote
    /// them when their metadata describes one (<see cref="EventMetadata.RecordsCommand"/>), in the same transaction.
    /// </summary>
    /// <param name="stream">The stream to append to.</param>
    /// <param name="expectedVersion">The version the caller last saw: 0 for a stream that must not exist yet.</param>
    /// <param name="events">One or more events, each of a type the store knows a wire name for.</param>
    /// <param name="metadata">Metadata recorded with every appended event.</param>
    /// <param name="cancellationToken">Cancels the append before it is committed.</param>
    /// <returns>The stream's new version (<paramref name="expectedVersion"/> plus the number of events), with positions where known.</returns>
    /// <exception cref="StreamVersionConflictException">The stream is not at <paramref name="expectedVersion"/>; nothing was appended.</exception>
    /// <exception cref="CommandAlreadyRecordedException">The stream has a record of the metadata's command id already; nothing was appended.</exception>
    /// <exception cref="ArgumentException">The stream key is empty, there are no events, or an event's type has no wire name.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="expectedVersion"/> is negative.</exception>
    Task<AppendResult> AppendAsync(
        StreamKey stream,
        long expectedVersion,
        IReadOnlyList<object> events,
        EventMetadata metadata,
        CancellationToken cancellationToken = default);

    /// <summary>Reads a stream, or a range of it, in version order.</summary>
    /// <param name="stream">The stream to read.</param>
    /// <param name="fromVersion">The first version to read, from 1: a caller that knows the stream up to version N reads from N + 1.</param>
    /// <param name="untilVersion">When given, the last version to read; later events are left out.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The events; empty for a stream that does not exist or has no events in the range.</returns>
    Task<IReadOnlyList<RecordedEvent>> ReadStreamAsync(
        StreamKey stream,
        long fromVersion = 1,
        long? untilVersion = null,
        CancellationToken cancellationToken = default);

    /// <summary>Reads the events of all streams in global order.</summary>
    /// <param name="afterPosition">Only events whose global position is greater than this; 0 reads from the start.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The events in increasing global position.</returns>
    IAsyncEnumerable<RecordedEvent> ReadAllAsync(
        long afterPosition = 0,
        CancellationToken cancellationToken = default);

    /// <summary>Looks up the record of a command that appended to a stream.</summary>
    /// <param name="stream">The stream.</param>
    /// <param name="commandId">The command id.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The record, or null when no command with that id appended to the stream.</returns>
    Task<CommandRecord?> FindCommandAsync(StreamKey stream, string commandId, CancellationToken cancellationToken = default);

    /// <summary>
    /// True when the store keeps each stream's decision state of a type itself (a snapshot, with a cache of its own),
    /// so that <see cref="DecideAndAppendAsync{TState}"/> needs no known state and the command service keeps no cache.
    /// False unless the store says otherwise.
    /// </summary>
    /// <param name="stateType">The decision state's type.</param>
    /// <returns>Whether the store keeps states of that type.</returns>
    bool KeepsDecisionStates(Type stateType) => false;

    /// <summary>
    /// The write path of one command, in one unit of work: loads the stream's decision state, lets the caller decide,
    /// and appends what was decided at the version the state was loaded at.
    /// </summary>
    /// <remarks>
    /// Unless a store does better (the Marten store loads a snapshot with the stream version in one round trip and
    /// appends in the same session), the state is <paramref name="known"/> with the stream's events after it folded in
    /// (all of them when nothing is known), and the append is <see cref="AppendAsync"/> at that version.
    /// </remarks>
    /// <typeparam name="TState">The decision state.</typeparam>
    /// <param name="stream">The stream.</param>
    /// <param name="state">How the decision state is folded from the stream.</param>
    /// <param name="known">The state the caller knows already, at some version of this stream; null to fold from the start. Stores that keep decision states ignore it.</param>
    /// <param name="decide">Decides on the loaded state: events to append with their metadata, nothing, or a refusal.</param>
    /// <param name="cancellationToken">Cancels the work before the append is committed.</param>
    /// <returns>The state decided on, the decision, and what was appended.</returns>
    /// <exception cref="StreamVersionConflictException">Another writer appended after the state was loaded; nothing was appended.</exception>
    /// <exception cref="CommandAlreadyRecordedException">The stream has a record of the decision's command id; nothing was appended.</exception>
    Task<StreamWrite<TState>> DecideAndAppendAsync<TState>(
        StreamKey stream,
        StreamProjection<TState> state,
        StreamState<TState>? known,
        Func<StreamState<TState>, CancellationToken, ValueTask<StreamDecision>> decide,
        CancellationToken cancellationToken = default)
        where TState : class =>
        StreamWrites.ReadDecideAndAppendAsync(this, stream, state, known, decide, cancellationToken);

    /// <summary>
    /// Writes decided histories of many streams in bulk (see <see cref="CommandImporter{TState, TCommand, TEvent}"/>),
    /// each at its expected version, with its command records.
    /// </summary>
    /// <remarks>
    /// Unless a store does better (the Marten store writes new streams with COPY and the command records, decision
    /// states and inline views in the same run), each command is appended with <see cref="AppendAsync"/> in turn, so
    /// an interrupted import leaves whole commands, which an import run again skips.
    /// </remarks>
    /// <typeparam name="TState">The decision state.</typeparam>
    /// <param name="streams">The streams and their decided commands.</param>
    /// <param name="state">How the decision state is folded.</param>
    /// <param name="options">Batch sizes.</param>
    /// <param name="cancellationToken">Cancels the writes.</param>
    /// <returns>A task that completes when the streams are written.</returns>
    /// <exception cref="StreamVersionConflictException">A stream is not at its expected version (another writer got there); of a batch of new streams, none was written.</exception>
    Task ImportAsync<TState>(IReadOnlyList<StreamImport<TState>> streams, StreamProjection<TState> state, ImportOptions options, CancellationToken cancellationToken = default)
        where TState : class =>
        StreamWrites.ImportByAppendingAsync(this, streams, cancellationToken);
}

/// <summary>What an append wrote.</summary>
/// <param name="Version">The stream's version after the append.</param>
/// <param name="GlobalPositions">The global positions of the appended events, in order, where the store knows them when the append returns; null otherwise.</param>
public sealed record AppendResult(long Version, IReadOnlyList<long>? GlobalPositions = null);
