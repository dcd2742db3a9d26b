using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using FluentAssertions;
using Microsoft.Extensions.Options;
using Negotiations.EventSourcing;
using Negotiations.Tests.Shared;
using Xunit;

namespace Negotiations.Tests.EventSourcing;

public sealed class CommandServiceTests
{
    private readonly InMemoryEventStore _store = new(Tally.Catalog);

    private CommandService<Tally.State, Tally.Add, Tally.IEvent> Service(IEventStore? store = null, int retries = 3) =>
        new(Tally.Instance, store ?? _store, Options.Create(new NegotiationsOptions { MaxConflictRetries = retries }));

    [Fact]
    public async Task An_accepted_command_appends_its_events_with_its_metadata_and_returns_the_new_state()
    {
        var result = await Service().HandleAsync(new Tally.Add("t", "c1", 150), new CommandContext("corr", "cause", "tenant"), TestContext.Current.CancellationToken);

        result.Outcome.Should().Be(CommandOutcome.Accepted);
        result.StreamVersion.Should().Be(2);
        result.State.Total.Should().Be(150);
        result.Events.Select(e => e.Data).Should().Equal(new Tally.Added(150), new Tally.Noted("large"));
        result.Events.Select(e => e.EventType).Should().Equal("tally_added.v1", "tally_noted.v1");
        var stored = await _store.ReadStreamAsync("t", cancellationToken: TestContext.Current.CancellationToken);
        stored.Should().OnlyContain(e => e.Metadata == new EventMetadata { CommandId = "c1", CorrelationId = "corr", CausationId = "cause", Tenant = "tenant" });
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
        (await _store.ReadStreamAsync("t", cancellationToken: TestContext.Current.CancellationToken)).Should().HaveCount(1);
    }

    [Fact]
    public async Task A_repeated_command_id_appends_nothing_and_returns_the_earlier_outcome()
    {
        var service = Service();
        var first = await service.HandleAsync(new Tally.Add("t", "c1", 200), cancellationToken: TestContext.Current.CancellationToken);
        await service.HandleAsync(new Tally.Add("t", "c2", 1), cancellationToken: TestContext.Current.CancellationToken);

        var repeat = await service.HandleAsync(new Tally.Add("t", "c1", 200), cancellationToken: TestContext.Current.CancellationToken);

        repeat.Outcome.Should().Be(CommandOutcome.AlreadyApplied);
        repeat.Events.Should().BeEquivalentTo(first.Events);
        repeat.StreamVersion.Should().Be(first.StreamVersion);
        repeat.State.Total.Should().Be(200);
        (await _store.ReadStreamAsync("t", cancellationToken: TestContext.Current.CancellationToken)).Should().HaveCount(3);
    }

    [Fact]
    public async Task Idempotency_survives_a_new_service_because_it_reads_the_stream_metadata()
    {
        await Service().HandleAsync(new Tally.Add("t", "c1", 7), cancellationToken: TestContext.Current.CancellationToken);

        var repeat = await Service().HandleAsync(new Tally.Add("t", "c1", 7), cancellationToken: TestContext.Current.CancellationToken);

        repeat.Outcome.Should().Be(CommandOutcome.AlreadyApplied);
        (await _store.ReadStreamAsync("t", cancellationToken: TestContext.Current.CancellationToken)).Should().HaveCount(1);
    }

    [Fact]
    public async Task A_command_that_loses_a_race_is_decided_again_on_the_new_state_and_appended()
    {
        var racing = new RacingStore(_store, racesToLose: 2, rival: version => new Tally.Added(1000));
        await _store.AppendAsync("t", 0, [new Tally.Added(1)], new EventMetadata { CommandId = "seed" }, TestContext.Current.CancellationToken);

        var result = await Service(racing).HandleAsync(new Tally.Add("t", "c1", 10), cancellationToken: TestContext.Current.CancellationToken);

        result.Outcome.Should().Be(CommandOutcome.Accepted);
        result.State.Total.Should().Be(1 + 1000 + 1000 + 10);
        result.StreamVersion.Should().Be(4);
        racing.Conflicts.Should().Be(2);
    }

    [Fact]
    public async Task A_command_that_loses_every_race_surfaces_the_conflict_after_the_configured_retries()
    {
        var racing = new RacingStore(_store, racesToLose: int.MaxValue, rival: version => new Tally.Added(1));

        var handle = () => Service(racing, retries: 2).HandleAsync(new Tally.Add("t", "c1", 10), cancellationToken: TestContext.Current.CancellationToken);

        var conflict = (await handle.Should().ThrowAsync<StreamVersionConflictException>()).Which;
        conflict.StreamId.Should().Be("t");
        racing.Conflicts.Should().Be(3);
        (await _store.ReadStreamAsync("t", cancellationToken: TestContext.Current.CancellationToken)).Select(e => e.Metadata.CommandId).Should().NotContain("c1");
    }

    [Fact]
    public async Task A_command_that_loses_the_race_to_its_own_twin_is_a_repeat_even_without_retries()
    {
        var twin = new RacingStore(_store, racesToLose: 1, rival: _ => new Tally.Added(10), rivalCommandId: "c1");

        var result = await Service(twin, retries: 0).HandleAsync(new Tally.Add("t", "c1", 10), cancellationToken: TestContext.Current.CancellationToken);

        result.Outcome.Should().Be(CommandOutcome.AlreadyApplied);
        result.Events.Select(e => e.Data).Should().Equal(new Tally.Added(10));
        (await _store.ReadStreamAsync("t", cancellationToken: TestContext.Current.CancellationToken)).Should().ContainSingle();
    }

    [Fact]
    public async Task Many_parallel_writers_on_one_stream_lose_and_duplicate_nothing()
    {
        var service = Service(retries: 1000);
        const int writers = 8;
        const int commandsEach = 40;

        var acknowledged = new ConcurrentBag<CommandResult<Tally.State>>();
        await Task.WhenAll(Enumerable.Range(0, writers).Select(w => Task.Run(async () =>
        {
            for (var i = 0; i < commandsEach; i++)
            {
                acknowledged.Add(await service.HandleAsync(new Tally.Add("shared", $"w{w}-c{i}", 1)));
            }
        })));

        var stored = await _store.ReadStreamAsync("shared", cancellationToken: TestContext.Current.CancellationToken);
        stored.Select(e => e.Version).Should().Equal(Enumerable.Range(1, writers * commandsEach).Select(v => (long)v));
        stored.Select(e => e.Metadata.CommandId).Should().OnlyHaveUniqueItems()
            .And.BeEquivalentTo(acknowledged.Select(r => r.CommandId));
        acknowledged.Should().OnlyContain(r => r.Outcome == CommandOutcome.Accepted);
        acknowledged.Select(r => r.StreamVersion).Should().OnlyHaveUniqueItems();
    }

    [Fact]
    public async Task Each_command_is_traced_and_counted_under_the_published_names()
    {
        var spans = new ConcurrentBag<Activity>();
        using var activityListener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == NegotiationsTelemetry.ActivitySourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = spans.Add,
        };
        ActivitySource.AddActivityListener(activityListener);
        var measurements = new ConcurrentBag<(string Instrument, long Value, string? StreamTag)>();
        using var meterListener = new MeterListener
        {
            InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == NegotiationsTelemetry.MeterName)
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            },
        };
        meterListener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            string? type = null;
            foreach (var tag in tags)
            {
                if (tag.Key == NegotiationsTelemetry.Tags.CommandType)
                {
                    type = tag.Value as string;
                }
            }

            measurements.Add((instrument.Name, value, type));
        });
        meterListener.Start();
        var stream = $"telemetry-{Guid.NewGuid():N}";
        var service = Service();

        await service.HandleAsync(new Tally.Add(stream, "c1", 500), cancellationToken: TestContext.Current.CancellationToken);
        await service.HandleAsync(new Tally.Add(stream, "c2", 0), cancellationToken: TestContext.Current.CancellationToken);

        spans.Where(s => (string?)s.GetTagItem(NegotiationsTelemetry.Tags.StreamId) == stream)
            .Select(s => s.GetTagItem(NegotiationsTelemetry.Tags.Outcome))
            .Should().BeEquivalentTo(["Accepted", "Refused"]);
        measurements.Where(m => m.Instrument == NegotiationsTelemetry.EventsAppended).Sum(m => m.Value).Should().BeGreaterThanOrEqualTo(2);
        measurements.Should().Contain(m => m.Instrument == NegotiationsTelemetry.Refusals && m.StreamTag == nameof(Tally.Add));
        measurements.Should().Contain(m => m.Instrument == NegotiationsTelemetry.CommandsHandled);
    }

    /// <summary>A store that lets a rival writer in just before each of the first appends.</summary>
    private sealed class RacingStore(IEventStore inner, int racesToLose, Func<long, object> rival, string? rivalCommandId = null) : IEventStore
    {
        public int Conflicts { get; private set; }

        public async Task<long> AppendAsync(string streamId, long expectedVersion, IReadOnlyList<object> events, EventMetadata metadata, CancellationToken cancellationToken = default)
        {
            if (Conflicts < racesToLose)
            {
                await inner.AppendAsync(streamId, expectedVersion, [rival(expectedVersion)], new EventMetadata { CommandId = rivalCommandId ?? $"rival-{Conflicts}" }, cancellationToken);
                Conflicts++;
            }

            return await inner.AppendAsync(streamId, expectedVersion, events, metadata, cancellationToken);
        }

        public Task<IReadOnlyList<RecordedEvent>> ReadStreamAsync(string streamId, long? untilVersion = null, CancellationToken cancellationToken = default) =>
            inner.ReadStreamAsync(streamId, untilVersion, cancellationToken);

        public IAsyncEnumerable<RecordedEvent> ReadAllAsync(long afterPosition = 0, CancellationToken cancellationToken = default) =>
            inner.ReadAllAsync(afterPosition, cancellationToken);
    }
}
