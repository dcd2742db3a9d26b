using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using Negotiations.EventSourcing;

namespace Negotiations.MediatR.Tests;

/// <summary>A store that every other writer beats: each append conflicts, so the command service gives up.</summary>
internal sealed class AlwaysConflictingStore : IEventStore
{
    public StreamVersionConflictException? LastThrown { get; private set; }

    public Task<AppendResult> AppendAsync(StreamKey stream, long expectedVersion, IReadOnlyList<object> events, EventMetadata metadata, CancellationToken cancellationToken = default)
    {
        LastThrown = new StreamVersionConflictException(stream, expectedVersion, expectedVersion + 1);
        throw LastThrown;
    }

    public Task<IReadOnlyList<RecordedEvent>> ReadStreamAsync(StreamKey stream, long fromVersion = 1, long? untilVersion = null, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<RecordedEvent>>([]);

    public Task<CommandRecord?> FindCommandAsync(StreamKey stream, string commandId, CancellationToken cancellationToken = default) =>
        Task.FromResult<CommandRecord?>(null);

    public async IAsyncEnumerable<RecordedEvent> ReadAllAsync(long afterPosition = 0, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await Task.CompletedTask;
        yield break;
    }
}
