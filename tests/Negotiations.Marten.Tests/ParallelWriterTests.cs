using System.Collections.Concurrent;
using System.Text.Json;
using FluentAssertions;
using Microsoft.Extensions.Options;
using Negotiations.EventSourcing;
using Negotiations.Tests.Shared;
using Xunit;

namespace Negotiations.Marten.Tests;

/// <summary>
/// Many writers sending commands at once to the Marten store. Writers of other processes race for a stream's next
/// version (each writer here has a command service of its own, as a process would); writers of one process do not
/// (one command service: its commands to one stream go one at a time).
/// </summary>
public sealed class ParallelWriterTests(PostgresSchema<ParallelWriterTests> schema)
    : IClassFixture<PostgresSchema<ParallelWriterTests>>
{
    private const int Writers = 8;
    private const int CommandsPerWriter = 6;

    private async Task<IEventStore> StoreAsync() =>
        new MartenEventStore(await schema.SharedStoreAsync(o => o.AddNegotiations(Tally.Catalog, new JsonSerializerOptions(JsonSerializerDefaults.Web))), Tally.Catalog);

    private static CommandService<Tally.State, Tally.Add, Tally.IEvent> Service(IEventStore store, int retries) =>
        new(Tally.Instance, store, Tally.Fingerprints.Instance, Options.Create(new NegotiationsOptions { MaxConflictRetries = retries }));

    // Amounts over 100 make two events, so some commands append more than one.
    private static int AmountFor(int writer, int command) => command % 3 == 0 ? 150 + writer : writer + command + 1;

    [Fact]
    public async Task Eight_writers_on_one_stream_retry_their_conflicts_and_every_acknowledged_event_is_stored_once_in_order()
    {
        var store = new StartingGate(await StoreAsync(), Writers);
        var stream = $"parallel-{Guid.NewGuid():N}";
        var results = await RunWritersAsync(() => Service(store, retries: Writers * CommandsPerWriter), (_, _) => stream);

        results.Should().HaveCount(Writers * CommandsPerWriter).And.OnlyContain(r => r.Outcome == CommandOutcome.Accepted);
        store.Conflicts.Should().BeGreaterThanOrEqualTo(Writers - 1, "the writers all read the empty stream before any of them appended");
        await AssertStoredEqualsAcknowledgedAsync(store, stream, results);
    }

    [Fact]
    public async Task Eight_writers_across_three_streams_keep_each_stream_gap_free_and_complete()
    {
        var store = new StartingGate(await StoreAsync(), Writers);
        var streams = Enumerable.Range(0, 3).Select(i => $"parallel-{i}-{Guid.NewGuid():N}").ToArray();
        var results = await RunWritersAsync(() => Service(store, retries: Writers * CommandsPerWriter), (writer, command) => streams[(writer + command) % streams.Length]);

        results.Should().HaveCount(Writers * CommandsPerWriter).And.OnlyContain(r => r.Outcome == CommandOutcome.Accepted);
        store.Conflicts.Should().BePositive();
        foreach (var stream in streams)
        {
            await AssertStoredEqualsAcknowledgedAsync(store, stream, results.Where(r => r.StreamId == stream).ToList());
        }
    }

    [Fact]
    public async Task Without_retries_the_losing_writers_get_the_conflict_naming_the_versions_and_append_nothing()
    {
        var store = new StartingGate(await StoreAsync(), Writers);
        var stream = $"parallel-{Guid.NewGuid():N}";
        var outcomes = await Task.WhenAll(Enumerable.Range(0, Writers).Select(writer => Task.Run(async () =>
        {
            try
            {
                return (object)await Service(store, retries: 0).HandleAsync(new Tally.Add(stream, $"w{writer}", 150 + writer));
            }
            catch (StreamVersionConflictException conflict)
            {
                return conflict;
            }
        })));

        var winner = outcomes.OfType<CommandResult>().Should().ContainSingle().Subject;
        outcomes.OfType<StreamVersionConflictException>().Should().HaveCount(Writers - 1)
            .And.OnlyContain(c => c.StreamId == stream && c.ExpectedVersion == 0 && c.ActualVersion == 2);
        var stored = await store.ReadStreamAsync(StreamKey.Of(stream));
        stored.Select(e => e.Metadata.CommandId).Should().Equal(winner.CommandId, winner.CommandId);
        stored.Select(e => e.Data).Should().Equal(winner.Events.Select(e => e.Data));
    }

    [Fact]
    public async Task Sixteen_writers_of_one_process_on_one_stream_never_race_so_no_conflict_is_raised()
    {
        var store = new StartingGate(await StoreAsync(), writers: 1);
        var stream = $"parallel-{Guid.NewGuid():N}";
        var service = Service(store, retries: 0);

        var results = await RunWritersAsync(() => service, (_, _) => stream, writers: 16);

        results.Should().HaveCount(16 * CommandsPerWriter).And.OnlyContain(r => r.Outcome == CommandOutcome.Accepted, "without retries, any race would have surfaced");
        store.Conflicts.Should().Be(0, "the commands of one process to one stream go through one at a time");
        await AssertStoredEqualsAcknowledgedAsync(store, stream, results);
    }

    private static async Task<List<CommandResult>> RunWritersAsync(
        Func<CommandService<Tally.State, Tally.Add, Tally.IEvent>> serviceOfWriter,
        Func<int, int, string> streamFor,
        int writers = Writers)
    {
        var results = new ConcurrentBag<CommandResult>();
        await Task.WhenAll(Enumerable.Range(0, writers).Select(writer => Task.Run(async () =>
        {
            var service = serviceOfWriter();
            for (var command = 0; command < CommandsPerWriter; command++)
            {
                results.Add(await service.HandleAsync(new Tally.Add(streamFor(writer, command), $"w{writer}-c{command}", AmountFor(writer, command))));
            }
        })));
        return [.. results];
    }

    private static async Task AssertStoredEqualsAcknowledgedAsync(IEventStore store, string stream, IReadOnlyCollection<CommandResult> results)
    {
        var stored = await store.ReadStreamAsync(StreamKey.Of(stream));
        var acknowledged = results.SelectMany(r => r.Events).OrderBy(e => e.Version).ToList();

        stored.Select(e => e.Version).Should().Equal(Enumerable.Range(1, acknowledged.Count).Select(v => (long)v), "versions are gap-free");
        stored.Select(e => (e.Version, e.Metadata.CommandId, e.Data))
            .Should().Equal(acknowledged.Select(e => (e.Version, e.Metadata.CommandId, e.Data)), "the stored events are the acknowledged ones");
        foreach (var result in results)
        {
            var versions = stored.Where(e => e.Metadata.CommandId == result.CommandId).Select(e => e.Version).ToList();
            versions.Should().HaveCount(result.Events.Count, $"command {result.CommandId} is stored once");
            versions.Should().Equal(Enumerable.Range((int)versions[0], versions.Count).Select(v => (long)v), $"command {result.CommandId} appended its events together");
            versions[^1].Should().Be(result.StreamVersion);
        }

        Tally.Instance.State.Project(stream, stored).Total.Should().Be(results.Sum(r => r.Events.Select(e => e.Data).OfType<Tally.Added>().Sum(a => a.Amount)));
    }

    /// <summary>
    /// Holds the first reads until every writer has read, so that they all decide on the same version and conflict:
    /// the race is certain, not left to timing. Counts the conflicts the store raises.
    /// </summary>
    private sealed class StartingGate(IEventStore inner, int writers) : IEventStore
    {
        private readonly TaskCompletionSource _open = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _waiting = writers;
        private int _conflicts;

        public int Conflicts => Volatile.Read(ref _conflicts);

        public async Task<AppendResult> AppendAsync(StreamKey stream, long expectedVersion, IReadOnlyList<object> events, EventMetadata metadata, CancellationToken cancellationToken = default)
        {
            try
            {
                return await inner.AppendAsync(stream, expectedVersion, events, metadata, cancellationToken);
            }
            catch (StreamVersionConflictException)
            {
                Interlocked.Increment(ref _conflicts);
                throw;
            }
        }

        public async Task<IReadOnlyList<RecordedEvent>> ReadStreamAsync(StreamKey stream, long fromVersion = 1, long? untilVersion = null, CancellationToken cancellationToken = default)
        {
            var events = await inner.ReadStreamAsync(stream, fromVersion, untilVersion, cancellationToken);
            var waiting = Interlocked.Decrement(ref _waiting);
            if (waiting == 0)
            {
                _open.SetResult();
            }

            if (waiting >= 0)
            {
                await _open.Task.WaitAsync(TimeSpan.FromSeconds(30), cancellationToken);
            }

            return events;
        }

        public IAsyncEnumerable<RecordedEvent> ReadAllAsync(long afterPosition = 0, CancellationToken cancellationToken = default) =>
            inner.ReadAllAsync(afterPosition, cancellationToken);

        public Task<CommandRecord?> FindCommandAsync(StreamKey stream, string commandId, CancellationToken cancellationToken = default) =>
            inner.FindCommandAsync(stream, commandId, cancellationToken);
    }
}
