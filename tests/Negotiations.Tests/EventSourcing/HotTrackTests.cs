using System.Collections.Concurrent;
using FluentAssertions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Negotiations.EventSourcing;
using Negotiations.Tests.Shared;
using Xunit;

namespace Negotiations.Tests.EventSourcing;

/// <summary>
/// A hot track: within one process, commands to one stream go one at a time through its gate, so they never race;
/// between processes, a lost race is retried after a full-jitter exponential backoff, within a time budget.
/// </summary>
public sealed class HotTrackTests
{
    [Fact]
    public async Task Sixteen_writers_of_one_process_on_one_stream_never_race_each_other()
    {
        var store = new SlowStore(new InMemoryEventStore(Tally.Catalog));
        var service = Service(store, new NegotiationsOptions { MaxConflictRetries = 0 });

        var results = new ConcurrentBag<CommandResult>();
        await Task.WhenAll(Enumerable.Range(0, 16).Select(w => Task.Run(async () =>
        {
            for (var i = 0; i < 5; i++)
            {
                results.Add(await service.HandleAsync(new Tally.Add("hot", $"w{w}-c{i}", 1), cancellationToken: TestContext.Current.CancellationToken));
            }
        })));

        results.Should().HaveCount(80).And.OnlyContain(r => r.Outcome == CommandOutcome.Accepted, "without retries, a race would have surfaced");
        store.Conflicts.Should().Be(0);
        (await store.ReadStreamAsync(StreamKey.Of("hot"))).Select(e => e.Version).Should().Equal(Enumerable.Range(1, 80).Select(v => (long)v));
        service.GatedStreams.Should().Be(0, "a stream's gate goes when its last command has left");
    }

    [Fact]
    public async Task Commands_to_other_streams_do_not_wait_for_each_other()
    {
        var store = new MeetingStore(new InMemoryEventStore(Tally.Catalog), "a", "b");
        var service = Service(store, new NegotiationsOptions());

        // Each append waits until the other stream's append has begun: one gate for all streams would never get there.
        var both = Task.WhenAll(
            service.HandleAsync(new Tally.Add("a", "a-1", 1), cancellationToken: TestContext.Current.CancellationToken),
            service.HandleAsync(new Tally.Add("b", "b-1", 1), cancellationToken: TestContext.Current.CancellationToken));

        (await Task.WhenAny(both, Task.Delay(TimeSpan.FromSeconds(10), TestContext.Current.CancellationToken))).Should().BeSameAs(both);
        (await both).Should().OnlyContain(r => r.Outcome == CommandOutcome.Accepted);
    }

    [Fact]
    public async Task A_command_cancelled_while_it_waits_at_the_gate_leaves_it_and_appends_nothing()
    {
        var store = new HeldStore(new InMemoryEventStore(Tally.Catalog));
        var service = Service(store, new NegotiationsOptions());
        var first = service.HandleAsync(new Tally.Add("hot", "first", 1), cancellationToken: TestContext.Current.CancellationToken);
        await store.Entered.Task;
        using var cancel = new CancellationTokenSource();

        var second = service.HandleAsync(new Tally.Add("hot", "second", 1), cancellationToken: cancel.Token);
        await cancel.CancelAsync();

        await FluentActions.Awaiting(() => second).Should().ThrowAsync<OperationCanceledException>();
        store.Release.SetResult();
        (await first).Outcome.Should().Be(CommandOutcome.Accepted);
        (await store.ReadStreamAsync(StreamKey.Of("hot"))).Select(e => e.Metadata.CommandId).Should().Equal("first");
        service.GatedStreams.Should().Be(0);
    }

    [Fact]
    public async Task A_lost_race_is_retried_after_a_full_jitter_wait_that_doubles_up_to_its_cap()
    {
        var clock = new FakeTimeProvider();
        var store = new AlwaysLosingStore(clock);
        var service = Service(store, new NegotiationsOptions
        {
            MaxConflictRetries = 5,
            ConflictBackoff = TimeSpan.FromMilliseconds(10),
            MaxConflictBackoff = TimeSpan.FromMilliseconds(40),
            ConflictRetryBudget = TimeSpan.FromSeconds(10),
        }, clock, jitter: 0.5);

        var handled = service.HandleAsync(new Tally.Add("hot", "c", 1), cancellationToken: TestContext.Current.CancellationToken);
        await RunClockUntilDone(clock, handled);

        await FluentActions.Awaiting(() => handled).Should().ThrowAsync<StreamVersionConflictException>();
        store.Waits().Should().Equal([5, 10, 20, 20, 20], "half of 10, 20, 40 ms, then of the 40 ms cap");
    }

    [Fact]
    public async Task Retries_stop_when_the_next_wait_would_end_past_the_budget_even_with_retries_left()
    {
        var clock = new FakeTimeProvider();
        var store = new AlwaysLosingStore(clock);
        var service = Service(store, new NegotiationsOptions
        {
            MaxConflictRetries = 100,
            ConflictBackoff = TimeSpan.FromMilliseconds(10),
            MaxConflictBackoff = TimeSpan.FromMilliseconds(40),
            ConflictRetryBudget = TimeSpan.FromMilliseconds(25),
        }, clock, jitter: 0.99);

        var handled = service.HandleAsync(new Tally.Add("hot", "c", 1), cancellationToken: TestContext.Current.CancellationToken);
        await RunClockUntilDone(clock, handled);

        await FluentActions.Awaiting(() => handled).Should().ThrowAsync<StreamVersionConflictException>();
        store.Attempts.Should().HaveCount(2, "after 9.9 ms a wait of 19.8 ms would end at 29.7 ms, past the 25 ms budget");
    }

    [Theory]
    [InlineData(-1, 500, 5000, "NegotiationsOptions.ConflictBackoff must be zero or more.")]
    [InlineData(10, 5, 5000, "NegotiationsOptions.MaxConflictBackoff must be at least ConflictBackoff.")]
    [InlineData(10, 500, -1, "NegotiationsOptions.ConflictRetryBudget must be zero or more.")]
    public void Backoff_options_out_of_range_are_refused_at_start_up_by_name(int backoff, int max, int budget, string message)
    {
        var services = new ServiceCollection();
        services.AddNegotiations(o =>
        {
            o.ConflictBackoff = TimeSpan.FromMilliseconds(backoff);
            o.MaxConflictBackoff = TimeSpan.FromMilliseconds(max);
            o.ConflictRetryBudget = TimeSpan.FromMilliseconds(budget);
        }).UseInMemoryStore();
        using var provider = services.BuildServiceProvider();

        var read = () => provider.GetRequiredService<IOptions<NegotiationsOptions>>().Value;

        read.Should().Throw<OptionsValidationException>().WithMessage($"*{message}*");
    }

    private static CommandService<Tally.State, Tally.Add, Tally.IEvent> Service(IEventStore store, NegotiationsOptions options, TimeProvider? clock = null, double jitter = 0.5) =>
        new(Tally.Instance, store, Tally.Fingerprints.Instance, Options.Create(options), clock) { Jitter = () => jitter };

    // Moves the fake clock on by a millisecond at a time until the command is done (its waits are on that clock).
    private static async Task RunClockUntilDone(FakeTimeProvider clock, Task task)
    {
        for (var step = 0; step < 100_000 && !task.IsCompleted; step++)
        {
            clock.Advance(TimeSpan.FromMilliseconds(0.1));
            await Task.Yield();
        }
    }

    /// <summary>Lets other writers run between reading a stream and appending to it, as a database round trip does.</summary>
    private sealed class SlowStore(IEventStore inner) : IEventStore
    {
        private int _conflicts;

        public int Conflicts => Volatile.Read(ref _conflicts);

        public async Task<AppendResult> AppendAsync(StreamKey stream, long expectedVersion, IReadOnlyList<object> events, EventMetadata metadata, CancellationToken cancellationToken = default)
        {
            await Task.Delay(1, cancellationToken);
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

        public Task<IReadOnlyList<RecordedEvent>> ReadStreamAsync(StreamKey stream, long fromVersion = 1, long? untilVersion = null, CancellationToken cancellationToken = default) =>
            inner.ReadStreamAsync(stream, fromVersion, untilVersion, cancellationToken);

        public IAsyncEnumerable<RecordedEvent> ReadAllAsync(long afterPosition = 0, CancellationToken cancellationToken = default) => inner.ReadAllAsync(afterPosition, cancellationToken);

        public Task<CommandRecord?> FindCommandAsync(StreamKey stream, string commandId, CancellationToken cancellationToken = default) => inner.FindCommandAsync(stream, commandId, cancellationToken);
    }

    /// <summary>Each of two streams' appends waits until the other's has begun.</summary>
    private sealed class MeetingStore(IEventStore inner, string a, string b) : IEventStore
    {
        private readonly Dictionary<string, TaskCompletionSource> _begun = new()
        {
            [a] = new(TaskCreationOptions.RunContinuationsAsynchronously),
            [b] = new(TaskCreationOptions.RunContinuationsAsynchronously),
        };

        public async Task<AppendResult> AppendAsync(StreamKey stream, long expectedVersion, IReadOnlyList<object> events, EventMetadata metadata, CancellationToken cancellationToken = default)
        {
            _begun[stream.StreamId].TrySetResult();
            await _begun[stream.StreamId == a ? b : a].Task.WaitAsync(cancellationToken);
            return await inner.AppendAsync(stream, expectedVersion, events, metadata, cancellationToken);
        }

        public Task<IReadOnlyList<RecordedEvent>> ReadStreamAsync(StreamKey stream, long fromVersion = 1, long? untilVersion = null, CancellationToken cancellationToken = default) =>
            inner.ReadStreamAsync(stream, fromVersion, untilVersion, cancellationToken);

        public IAsyncEnumerable<RecordedEvent> ReadAllAsync(long afterPosition = 0, CancellationToken cancellationToken = default) => inner.ReadAllAsync(afterPosition, cancellationToken);

        public Task<CommandRecord?> FindCommandAsync(StreamKey stream, string commandId, CancellationToken cancellationToken = default) => inner.FindCommandAsync(stream, commandId, cancellationToken);
    }

    /// <summary>Holds the first append until released.</summary>
    private sealed class HeldStore(IEventStore inner) : IEventStore
    {
        public TaskCompletionSource Entered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public async Task<AppendResult> AppendAsync(StreamKey stream, long expectedVersion, IReadOnlyList<object> events, EventMetadata metadata, CancellationToken cancellationToken = default)
        {
            Entered.TrySetResult();
            await Release.Task;
            return await inner.AppendAsync(stream, expectedVersion, events, metadata, cancellationToken);
        }

        public Task<IReadOnlyList<RecordedEvent>> ReadStreamAsync(StreamKey stream, long fromVersion = 1, long? untilVersion = null, CancellationToken cancellationToken = default) =>
            inner.ReadStreamAsync(stream, fromVersion, untilVersion, cancellationToken);

        public IAsyncEnumerable<RecordedEvent> ReadAllAsync(long afterPosition = 0, CancellationToken cancellationToken = default) => inner.ReadAllAsync(afterPosition, cancellationToken);

        public Task<CommandRecord?> FindCommandAsync(StreamKey stream, string commandId, CancellationToken cancellationToken = default) => inner.FindCommandAsync(stream, commandId, cancellationToken);
    }

    /// <summary>A store another process always beats; notes the clock at each attempt.</summary>
    private sealed class AlwaysLosingStore(FakeTimeProvider clock) : IEventStore
    {
        public List<DateTimeOffset> Attempts { get; } = [];

        public IEnumerable<double> Waits() => Attempts.Zip(Attempts.Skip(1), (a, b) => Math.Round((b - a).TotalMilliseconds));

        public Task<AppendResult> AppendAsync(StreamKey stream, long expectedVersion, IReadOnlyList<object> events, EventMetadata metadata, CancellationToken cancellationToken = default)
        {
            Attempts.Add(clock.GetUtcNow());
            throw new StreamVersionConflictException(stream, expectedVersion, expectedVersion + 1);
        }

        public Task<IReadOnlyList<RecordedEvent>> ReadStreamAsync(StreamKey stream, long fromVersion = 1, long? untilVersion = null, CancellationToken cancellationToken = default) =>
            Task.FromResult<IReadOnlyList<RecordedEvent>>([]);

        public async IAsyncEnumerable<RecordedEvent> ReadAllAsync(long afterPosition = 0, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken = default)
        {
            await Task.CompletedTask;
            yield break;
        }

        public Task<CommandRecord?> FindCommandAsync(StreamKey stream, string commandId, CancellationToken cancellationToken = default) => Task.FromResult<CommandRecord?>(null);
    }
}
