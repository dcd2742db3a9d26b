using System.Collections.Concurrent;
using FluentAssertions;
using Microsoft.Extensions.Options;
using Negotiations.EventSourcing;
using Negotiations.Tests.Shared;
using Xunit;

namespace Negotiations.Tests.EventSourcing;

public sealed class CommandServiceTests
{
    private static readonly StreamKey T = StreamKey.Of("t");
    private readonly InMemoryEventStore _store = new(Tally.Catalog);

    private CommandService<Tally.State, Tally.Add, Tally.IEvent> Service(IEventStore? store = null, int retries = 3, int cacheSize = 1000) =>
        new(Tally.Instance, store ?? _store, Tally.Fingerprints.Instance, Options.Create(new NegotiationsOptions { MaxConflictRetries = retries, DecisionStateCacheSize = cacheSize }));

    private Task<IReadOnlyList<RecordedEvent>> Stored(string stream = "t") => _store.ReadStreamAsync(StreamKey.Of(stream), cancellationToken: TestContext.Current.CancellationToken);

    [Fact]
    public async Task An_accepted_command_appends_its_events_and_records_the_command_with_them()
    {
        var result = await Service().HandleAsync(new Tally.Add("t", "c1", 150), new CommandContext("corr", "cause"), TestContext.Current.CancellationToken);

        result.Outcome.Should().Be(CommandOutcome.Accepted);
        result.StreamVersion.Should().Be(2);
        result.GlobalPosition.Should().Be(result.Events[^1].GlobalPosition).And.BeGreaterThan(0);
        result.Events.Select(e => e.Data).Should().Equal(new Tally.Added(150), new Tally.Noted("large"));
        result.Events.Select(e => e.EventType).Should().Equal("tally_added.v1", "tally_noted.v1");
        (await Stored()).Should().OnlyContain(e => e.Metadata == new EventMetadata { CommandId = "c1", CommandType = "Add", CommandFingerprint = "v1:t:150", CorrelationId = "corr", CausationId = "cause" });
        (await _store.FindCommandAsync(T, "c1", TestContext.Current.CancellationToken)).Should().Be(new CommandRecord(T, "c1", "Add", "v1:t:150", 1, 2));
    }

    [Fact]
    public async Task A_refused_command_appends_nothing_and_names_the_rule()
    {
        var service = Service();
        await service.HandleAsync(new Tally.Add("t", "c1", 5), cancellationToken: TestContext.Current.CancellationToken);

        var result = await service.HandleAsync(new Tally.Add("t", "c2", -3), cancellationToken: TestContext.Current.CancellationToken);

        result.Outcome.Should().Be(CommandOutcome.Refused);
        result.Succeeded.Should().BeFalse();
        result.Error!.Code.Should().Be("tally.amount_not_positive");
        result.Error.Message.Should().Contain("-3");
        result.Events.Should().BeEmpty();
        result.StreamVersion.Should().Be(1);
        (await Stored()).Should().HaveCount(1);
        (await _store.FindCommandAsync(T, "c2", TestContext.Current.CancellationToken)).Should().BeNull();
    }

    [Fact]
    public async Task A_repeated_command_appends_nothing_and_returns_its_first_events_with_the_version_now()
    {
        var service = Service();
        var first = await service.HandleAsync(new Tally.Add("t", "c1", 200), cancellationToken: TestContext.Current.CancellationToken);
        await service.HandleAsync(new Tally.Add("t", "c2", 1), cancellationToken: TestContext.Current.CancellationToken);

        var repeat = await service.HandleAsync(new Tally.Add("t", "c1", 200), cancellationToken: TestContext.Current.CancellationToken);

        repeat.Outcome.Should().Be(CommandOutcome.AlreadyApplied);
        repeat.Events.Should().BeEquivalentTo(first.Events);
        repeat.StreamVersion.Should().Be(3);
        (await Stored()).Should().HaveCount(3);
    }

    [Fact]
    public async Task A_repeat_that_the_rules_would_refuse_now_is_still_a_repeat()
    {
        var service = Service();
        await service.HandleAsync(new Tally.Add("t", "c1", 600_000), cancellationToken: TestContext.Current.CancellationToken);
        await service.HandleAsync(new Tally.Add("t", "c2", 400_000), cancellationToken: TestContext.Current.CancellationToken);

        var repeat = await service.HandleAsync(new Tally.Add("t", "c1", 600_000), cancellationToken: TestContext.Current.CancellationToken);

        repeat.Outcome.Should().Be(CommandOutcome.AlreadyApplied);
        repeat.Events.Select(e => e.Data).Should().Equal(new Tally.Added(600_000), new Tally.Noted("large"));
    }

    [Fact]
    public async Task Another_command_sent_under_a_used_id_is_refused_as_reusing_it_and_appends_nothing()
    {
        var service = Service();
        await service.HandleAsync(new Tally.Add("t", "c1", 5), cancellationToken: TestContext.Current.CancellationToken);

        var reused = await service.HandleAsync(new Tally.Add("t", "c1", 6), cancellationToken: TestContext.Current.CancellationToken);

        reused.Outcome.Should().Be(CommandOutcome.Refused);
        reused.Error!.Code.Should().Be(CommandErrors.IdReused);
        reused.Error.Message.Should().Contain("'c1'").And.Contain("another Add");
        (await Stored()).Should().ContainSingle();
    }

    [Fact]
    public async Task Idempotency_survives_a_new_service_because_the_store_keeps_the_record()
    {
        await Service().HandleAsync(new Tally.Add("t", "c1", 7), cancellationToken: TestContext.Current.CancellationToken);

        var repeat = await Service().HandleAsync(new Tally.Add("t", "c1", 7), cancellationToken: TestContext.Current.CancellationToken);

        repeat.Outcome.Should().Be(CommandOutcome.AlreadyApplied);
        (await Stored()).Should().HaveCount(1);
    }

    [Fact]
    public async Task A_cached_state_makes_a_command_read_only_the_events_it_has_not_seen()
    {
        var counting = new CountingStore(_store);
        var service = Service(counting);
        await service.HandleAsync(new Tally.Add("t", "c1", 1), cancellationToken: TestContext.Current.CancellationToken);
        await _store.AppendAsync(T, 1, [new Tally.Added(10), new Tally.Added(20)], new EventMetadata { CommandId = "elsewhere" }, TestContext.Current.CancellationToken);
        counting.Reads.Clear();

        var result = await service.HandleAsync(new Tally.Add("t", "c2", 2), cancellationToken: TestContext.Current.CancellationToken);

        counting.Reads.Should().Equal((2L, 2));
        result.StreamVersion.Should().Be(4);
        service.CachedStates.Should().Be(1);
    }

    [Fact]
    public async Task The_cache_keeps_the_most_recently_used_streams_up_to_its_size()
    {
        var service = Service(cacheSize: 2);

        foreach (var stream in new[] { "a", "b", "c" })
        {
            await service.HandleAsync(new Tally.Add(stream, "c1", 1), cancellationToken: TestContext.Current.CancellationToken);
        }

        service.CachedStates.Should().Be(2);
    }

    [Fact]
    public async Task A_cached_state_decides_as_a_fold_of_the_whole_stream_would()
    {
        var cached = Service();
        var folding = Service(new InMemoryEventStore(Tally.Catalog), cacheSize: 0);

        var outcomes = new List<(CommandOutcome Cached, CommandOutcome Folded)>();
        for (var i = 0; i < 20; i++)
        {
            var command = new Tally.Add("t", $"c{i % 18}", 60_000);
            var a = await cached.HandleAsync(command, cancellationToken: TestContext.Current.CancellationToken);
            var b = await folding.HandleAsync(command, cancellationToken: TestContext.Current.CancellationToken);
            outcomes.Add((a.Outcome, b.Outcome));
        }

        outcomes.Should().OnlyContain(o => o.Cached == o.Folded);
        outcomes.Select(o => o.Cached).Should().Equal([.. Enumerable.Repeat(CommandOutcome.Accepted, 16), CommandOutcome.Refused, CommandOutcome.Refused, CommandOutcome.AlreadyApplied, CommandOutcome.AlreadyApplied]);
    }

    [Fact]
    public async Task A_command_that_loses_a_race_is_decided_again_on_the_new_tail_and_appended()
    {
        var racing = new RacingStore(_store, racesToLose: 2, rival: _ => new Tally.Added(1000));
        await _store.AppendAsync(T, 0, [new Tally.Added(1)], new EventMetadata { CommandId = "seed" }, TestContext.Current.CancellationToken);

        var result = await Service(racing).HandleAsync(new Tally.Add("t", "c1", 10), cancellationToken: TestContext.Current.CancellationToken);

        result.Outcome.Should().Be(CommandOutcome.Accepted);
        result.StreamVersion.Should().Be(4);
        racing.Conflicts.Should().Be(2);
        Tally.Instance.State.Project("t", await Stored()).Total.Should().Be(1 + 1000 + 1000 + 10);
    }

    [Fact]
    public async Task A_command_that_loses_every_race_surfaces_the_conflict_after_the_configured_retries()
    {
        var racing = new RacingStore(_store, racesToLose: int.MaxValue, rival: _ => new Tally.Added(1));

        var handle = () => Service(racing, retries: 2).HandleAsync(new Tally.Add("t", "c1", 10), cancellationToken: TestContext.Current.CancellationToken);

        var conflict = (await handle.Should().ThrowAsync<StreamVersionConflictException>()).Which;
        conflict.StreamId.Should().Be("t");
        racing.Conflicts.Should().Be(3);
        (await Stored()).Select(e => e.Metadata.CommandId).Should().NotContain("c1");
    }

    [Fact]
    public async Task A_command_that_loses_the_race_to_its_own_twin_is_a_repeat_even_without_retries()
    {
        var twin = new RacingStore(_store, racesToLose: 1, rival: _ => new Tally.Added(10), twin: true);

        var result = await Service(twin, retries: 0).HandleAsync(new Tally.Add("t", "c1", 10), cancellationToken: TestContext.Current.CancellationToken);

        result.Outcome.Should().Be(CommandOutcome.AlreadyApplied);
        result.Events.Select(e => e.Data).Should().Equal(new Tally.Added(10));
        (await Stored()).Should().ContainSingle();
    }

    [Fact]
    public async Task Many_parallel_writers_on_one_stream_lose_and_duplicate_nothing()
    {
        var service = Service(retries: 1000);
        const int writers = 8;
        const int commandsEach = 40;

        var acknowledged = new ConcurrentBag<CommandResult>();
        await Task.WhenAll(Enumerable.Range(0, writers).Select(w => Task.Run(async () =>
        {
            for (var i = 0; i < commandsEach; i++)
            {
                acknowledged.Add(await service.HandleAsync(new Tally.Add("shared", $"w{w}-c{i}", 1)));
            }
        })));

        var stored = await Stored("shared");
        stored.Select(e => e.Version).Should().Equal(Enumerable.Range(1, writers * commandsEach).Select(v => (long)v));
        stored.Select(e => e.Metadata.CommandId).Should().OnlyHaveUniqueItems()
            .And.BeEquivalentTo(acknowledged.Select(r => r.CommandId));
        acknowledged.Should().OnlyContain(r => r.Outcome == CommandOutcome.Accepted);
        acknowledged.Select(r => r.StreamVersion).Should().OnlyHaveUniqueItems();
    }

    /// <summary>A store that lets a rival writer in just before each of the first appends; a twin is the command itself.</summary>
    private sealed class RacingStore(IEventStore inner, int racesToLose, Func<long, object> rival, bool twin = false) : IEventStore
    {
        public int Conflicts { get; private set; }

        public async Task<AppendResult> AppendAsync(StreamKey stream, long expectedVersion, IReadOnlyList<object> events, EventMetadata metadata, CancellationToken cancellationToken = default)
        {
            if (Conflicts < racesToLose)
            {
                await inner.AppendAsync(stream, expectedVersion, [rival(expectedVersion)], twin ? metadata : new EventMetadata { CommandId = $"rival-{Conflicts}" }, cancellationToken);
                Conflicts++;
            }

            return await inner.AppendAsync(stream, expectedVersion, events, metadata, cancellationToken);
        }

        public Task<IReadOnlyList<RecordedEvent>> ReadStreamAsync(StreamKey stream, long fromVersion = 1, long? untilVersion = null, CancellationToken cancellationToken = default) =>
            inner.ReadStreamAsync(stream, fromVersion, untilVersion, cancellationToken);

        public IAsyncEnumerable<RecordedEvent> ReadAllAsync(long afterPosition = 0, CancellationToken cancellationToken = default) =>
            inner.ReadAllAsync(afterPosition, cancellationToken);

        public Task<CommandRecord?> FindCommandAsync(StreamKey stream, string commandId, CancellationToken cancellationToken = default) =>
            inner.FindCommandAsync(stream, commandId, cancellationToken);
    }

    /// <summary>A store that notes the ranges it is asked to read: (from version, events read).</summary>
    private sealed class CountingStore(IEventStore inner) : IEventStore
    {
        public List<(long From, int Count)> Reads { get; } = [];

        public Task<AppendResult> AppendAsync(StreamKey stream, long expectedVersion, IReadOnlyList<object> events, EventMetadata metadata, CancellationToken cancellationToken = default) =>
            inner.AppendAsync(stream, expectedVersion, events, metadata, cancellationToken);

        public async Task<IReadOnlyList<RecordedEvent>> ReadStreamAsync(StreamKey stream, long fromVersion = 1, long? untilVersion = null, CancellationToken cancellationToken = default)
        {
            var events = await inner.ReadStreamAsync(stream, fromVersion, untilVersion, cancellationToken);
            Reads.Add((fromVersion, events.Count));
            return events;
        }

        public IAsyncEnumerable<RecordedEvent> ReadAllAsync(long afterPosition = 0, CancellationToken cancellationToken = default) =>
            inner.ReadAllAsync(afterPosition, cancellationToken);

        public Task<CommandRecord?> FindCommandAsync(StreamKey stream, string commandId, CancellationToken cancellationToken = default) =>
            inner.FindCommandAsync(stream, commandId, cancellationToken);
    }
}
