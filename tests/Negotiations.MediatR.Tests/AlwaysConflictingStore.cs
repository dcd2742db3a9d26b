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

    public Task<long> AppendAsync(string streamId, long expectedVersion, IReadOnlyList<object> events, EventMetadata metadata, CancellationToken cancellationToken = default)
    {
        LastThrown = new StreamVersionConflictException(streamId, expectedVersion, expectedVersion + 1);
        throw LastThrown;
    }

    public Task<IReadOnlyList<RecordedEvent>> ReadStreamAsync(string streamId, long? untilVersion = null, CancellationToken cancellationToken = default) =>
        Task.FromResult<IReadOnlyList<RecordedEvent>>([]);

    public async IAsyncEnumerable<RecordedEvent> ReadAllAsync(long afterPosition = 0, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await Task.CompletedTask;
        yield break;
    }
}
