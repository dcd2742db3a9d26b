using FluentAssertions;
using Negotiations.EventSourcing;
using Xunit;

namespace Negotiations.Tests.Shared;

/// <summary>
/// What every event store must do. A store's test class derives from this and says how to make the store;
/// the tests run unchanged against each store. Stream ids are unique per test, so the suite also holds in a
/// store that other tests write to.
/// </summary>
public abstract class EventStoreContract
{
    /// <summary>Makes a store that knows the <see cref="Tally"/> events.</summary>
    protected abstract IEventStore CreateStore();

    private static StreamKey NewStream() => StreamKey.Of($"contract-{Guid.NewGuid():N}");

    private static readonly EventMetadata Metadata = new()
    {
        CommandId = "cmd-1",
        CorrelationId = "corr-1",
        CausationId = "cause-1",
    };

    private static EventMetadata Command(string id, string fingerprint = "v1:same") => new() { CommandId = id, CommandType = "Add", CommandFingerprint = fingerprint };

    [Fact]
    public async Task Appending_to_a_new_stream_returns_its_new_version_and_reads_back_in_order()
    {
        var store = CreateStore();
        var stream = NewStream();

        var version = (await store.AppendAsync(stream, 0, [new Tally.Added(1), new Tally.Added(2), new Tally.Noted("three")], Metadata)).Version;
        var events = await store.ReadStreamAsync(stream);

        version.Should().Be(3);
        events.Select(e => e.Version).Should().Equal(1, 2, 3);
        events.Select(e => e.Data).Should().Equal(new Tally.Added(1), new Tally.Added(2), new Tally.Noted("three"));
        events.Select(e => e.EventType).Should().Equal("tally_added.v1", "tally_added.v1", "tally_noted.v1");
        events.Should().OnlyContain(e => e.Stream == stream && e.RecordedAt != default && e.GlobalPosition > 0);
    }

    [Fact]
    public async Task Appending_again_at_the_current_version_continues_the_stream()
    {
        var store = CreateStore();
        var stream = NewStream();

        await store.AppendAsync(stream, 0, [new Tally.Added(1)], Metadata);
        var version = (await store.AppendAsync(stream, 1, [new Tally.Added(2), new Tally.Added(3)], Metadata)).Version;

        version.Should().Be(3);
        (await store.ReadStreamAsync(stream)).Select(e => ((Tally.Added)e.Data).Amount).Should().Equal(1, 2, 3);
    }

    [Fact]
    public async Task Metadata_is_recorded_with_every_event_and_read_back_unchanged()
    {
        var store = CreateStore();
        var stream = NewStream();

        await store.AppendAsync(stream, 0, [new Tally.Added(1), new Tally.Noted("n")], Metadata);
        await store.AppendAsync(stream, 2, [new Tally.Added(5)], new EventMetadata { CommandId = "cmd-2" });
        var events = await store.ReadStreamAsync(stream);

        events[0].Metadata.Should().Be(Metadata);
        events[1].Metadata.Should().Be(Metadata);
        events[2].Metadata.Should().Be(new EventMetadata { CommandId = "cmd-2" });
    }

    [Fact]
    public async Task Appending_at_a_stale_version_raises_a_conflict_naming_stream_and_versions_and_appends_nothing()
    {
        var store = CreateStore();
        var stream = NewStream();
        await store.AppendAsync(stream, 0, [new Tally.Added(1), new Tally.Added(2)], Metadata);

        var append = () => store.AppendAsync(stream, 1, [new Tally.Added(99)], Metadata);

        var conflict = (await append.Should().ThrowAsync<StreamVersionConflictException>()).Which;
        conflict.Stream.Should().Be(stream);
        conflict.ExpectedVersion.Should().Be(1);
        conflict.ActualVersion.Should().Be(2);
        conflict.Message.Should().Contain(stream.StreamId).And.Contain("version 1").And.Contain("version 2");
        (await store.ReadStreamAsync(stream)).Should().HaveCount(2);
    }

    [Fact]
    public async Task Appending_as_new_to_an_existing_stream_raises_a_conflict()
    {
        var store = CreateStore();
        var stream = NewStream();
        await store.AppendAsync(stream, 0, [new Tally.Added(1)], Metadata);

        var append = () => store.AppendAsync(stream, 0, [new Tally.Added(2)], Metadata);

        (await append.Should().ThrowAsync<StreamVersionConflictException>()).Which.ActualVersion.Should().Be(1);
        (await store.ReadStreamAsync(stream)).Should().HaveCount(1);
    }

    [Fact]
    public async Task Appending_beyond_a_missing_stream_raises_a_conflict_with_actual_version_zero()
    {
        var store = CreateStore();
        var stream = NewStream();

        var append = () => store.AppendAsync(stream, 3, [new Tally.Added(1)], Metadata);

        var conflict = (await append.Should().ThrowAsync<StreamVersionConflictException>()).Which;
        conflict.ExpectedVersion.Should().Be(3);
        conflict.ActualVersion.Should().Be(0);
        (await store.ReadStreamAsync(stream)).Should().BeEmpty();
    }

    [Fact]
    public async Task Racing_appends_at_one_version_let_exactly_one_through()
    {
        var store = CreateStore();
        var stream = NewStream();
        await store.AppendAsync(stream, 0, [new Tally.Added(1)], Metadata);

        var attempts = Enumerable.Range(0, 8)
            .Select(i => Task.Run(async () =>
            {
                try
                {
                    await store.AppendAsync(stream, 1, [new Tally.Added(100 + i)], Metadata);
                    return true;
                }
                catch (StreamVersionConflictException)
                {
                    return false;
                }
            }))
            .ToArray();
        var outcomes = await Task.WhenAll(attempts);

        outcomes.Count(won => won).Should().Be(1);
        (await store.ReadStreamAsync(stream)).Select(e => e.Version).Should().Equal(1, 2);
    }

    [Fact]
    public async Task Reading_up_to_a_version_leaves_out_later_events()
    {
        var store = CreateStore();
        var stream = NewStream();
        await store.AppendAsync(stream, 0, [new Tally.Added(1), new Tally.Added(2), new Tally.Added(3)], Metadata);

        var events = await store.ReadStreamAsync(stream, untilVersion: 2);

        events.Select(e => e.Version).Should().Equal(1, 2);
    }

    [Fact]
    public async Task Reading_a_stream_that_does_not_exist_gives_no_events()
    {
        var store = CreateStore();

        (await store.ReadStreamAsync(NewStream())).Should().BeEmpty();
    }

    [Fact]
    public async Task Reading_all_gives_every_stream_in_global_order_and_resumes_after_a_position()
    {
        var store = CreateStore();
        var first = NewStream();
        var second = NewStream();
        await store.AppendAsync(first, 0, [new Tally.Added(1)], Metadata);
        await store.AppendAsync(second, 0, [new Tally.Added(2), new Tally.Added(3)], Metadata);
        await store.AppendAsync(first, 1, [new Tally.Added(4)], Metadata);

        var ours = (await ReadAll(store, 0)).Where(e => e.Stream == first || e.Stream == second).ToList();

        ours.Select(e => ((Tally.Added)e.Data).Amount).Should().Equal(1, 2, 3, 4);
        ours.Select(e => e.GlobalPosition).Should().BeInAscendingOrder().And.OnlyHaveUniqueItems();
        ours.Select(e => (e.Stream, e.Version)).Should().Equal((first, 1L), (second, 1L), (second, 2L), (first, 2L));

        var resumed = (await ReadAll(store, ours[1].GlobalPosition)).Where(e => e.Stream == first || e.Stream == second);
        resumed.Select(e => ((Tally.Added)e.Data).Amount).Should().Equal(3, 4);
    }

    [Fact]
    public async Task Appending_no_events_is_refused_as_an_argument_error()
    {
        var store = CreateStore();
        var stream = NewStream();

        var append = () => store.AppendAsync(stream, 0, [], Metadata);

        (await append.Should().ThrowAsync<ArgumentException>()).Which.Message.Should().Contain(stream.StreamId);
    }

    [Fact]
    public async Task Appending_at_a_negative_version_is_refused_as_out_of_range()
    {
        var store = CreateStore();

        var append = () => store.AppendAsync(NewStream(), -1, [new Tally.Added(1)], Metadata);

        await append.Should().ThrowAsync<ArgumentOutOfRangeException>();
    }

    [Fact]
    public async Task Appending_an_event_without_a_wire_name_is_refused_and_writes_nothing()
    {
        var store = CreateStore();
        var stream = NewStream();

        var append = () => store.AppendAsync(stream, 0, [new Tally.Added(1), new UnnamedEvent(2)], Metadata);

        await append.Should().ThrowAsync<ArgumentException>();
        (await store.ReadStreamAsync(stream)).Should().BeEmpty();
    }

    [Fact]
    public async Task Reading_from_a_version_on_gives_the_tail_only()
    {
        var store = CreateStore();
        var stream = NewStream();
        await store.AppendAsync(stream, 0, [new Tally.Added(1), new Tally.Added(2), new Tally.Added(3), new Tally.Added(4)], Metadata);

        (await store.ReadStreamAsync(stream, fromVersion: 3)).Select(e => e.Version).Should().Equal(3, 4);
        (await store.ReadStreamAsync(stream, fromVersion: 2, untilVersion: 3)).Select(e => e.Version).Should().Equal(2, 3);
        (await store.ReadStreamAsync(stream, fromVersion: 5)).Should().BeEmpty();
    }

    [Fact]
    public async Task An_append_with_a_command_records_it_with_the_versions_it_appended()
    {
        var store = CreateStore();
        var stream = NewStream();
        await store.AppendAsync(stream, 0, [new Tally.Added(1)], Command("c1"));

        await store.AppendAsync(stream, 1, [new Tally.Added(2), new Tally.Noted("two")], Command("c2", "v1:other"));

        (await store.FindCommandAsync(stream, "c2")).Should().Be(new CommandRecord(stream, "c2", "Add", "v1:other", 2, 3));
        (await store.FindCommandAsync(stream, "c1"))!.LastVersion.Should().Be(1);
        (await store.FindCommandAsync(stream, "never")).Should().BeNull();
        (await store.ReadStreamAsync(stream))[1].Metadata.Should().Be(Command("c2", "v1:other"));
    }

    [Fact]
    public async Task A_second_append_under_a_recorded_command_id_is_refused_and_appends_nothing()
    {
        var store = CreateStore();
        var stream = NewStream();
        await store.AppendAsync(stream, 0, [new Tally.Added(1)], Command("c1"));

        var again = () => store.AppendAsync(stream, 1, [new Tally.Added(2)], Command("c1"));

        var refused = (await again.Should().ThrowAsync<CommandAlreadyRecordedException>()).Which;
        refused.Stream.Should().Be(stream);
        refused.CommandId.Should().Be("c1");
        (await store.ReadStreamAsync(stream)).Should().ContainSingle();
        (await store.FindCommandAsync(stream, "c1"))!.LastVersion.Should().Be(1);
    }

    [Fact]
    public async Task Command_ids_are_per_stream_and_appends_without_a_fingerprint_record_nothing()
    {
        var store = CreateStore();
        var (first, second) = (NewStream(), NewStream());
        await store.AppendAsync(first, 0, [new Tally.Added(1)], Command("c1"));

        await store.AppendAsync(second, 0, [new Tally.Added(1)], Command("c1"));
        await store.AppendAsync(second, 1, [new Tally.Added(2)], Metadata);
        await store.AppendAsync(second, 2, [new Tally.Added(3)], Metadata);

        (await store.FindCommandAsync(second, "c1")).Should().NotBeNull();
        (await store.FindCommandAsync(second, Metadata.CommandId!)).Should().BeNull();
        (await store.ReadStreamAsync(second)).Should().HaveCount(3);
    }

    [Fact]
    public async Task Deciding_and_appending_folds_the_stream_decides_and_returns_the_state_after()
    {
        var store = CreateStore();
        var stream = NewStream();
        await store.AppendAsync(stream, 0, [new Tally.Added(5)], Command("c1"));

        var write = await store.DecideAndAppendAsync(stream, Tally.Instance.State, null, (loaded, _) =>
            ValueTask.FromResult(StreamDecision.Append([new Tally.Added(loaded.State.Total)], Command("c2", "v1:c2"))));

        write.DecidedOn.Version.Should().Be(1);
        write.DecidedOn.State.Total.Should().Be(5);
        write.Committed.Select(e => (e.Version, e.Data)).Should().Equal((2L, new Tally.Added(5)));
        write.After.Version.Should().Be(2);
        write.After.State.Should().BeEquivalentTo(Tally.Instance.State.Project(stream.StreamId, await store.ReadStreamAsync(stream)));
    }

    [Fact]
    public async Task Deciding_on_a_state_a_writer_has_passed_raises_a_conflict_and_appends_nothing()
    {
        var store = CreateStore();
        var stream = NewStream();
        await store.AppendAsync(stream, 0, [new Tally.Added(5)], Command("c1"));

        var write = () => store.DecideAndAppendAsync(stream, Tally.Instance.State, null, async (loaded, ct) =>
        {
            await store.AppendAsync(stream, loaded.Version, [new Tally.Added(1)], Command("rival"), ct);
            return StreamDecision.Append([new Tally.Added(2)], Command("c2"));
        });

        await write.Should().ThrowAsync<StreamVersionConflictException>();
        (await store.ReadStreamAsync(stream)).Select(e => ((Tally.Added)e.Data).Amount).Should().Equal(5, 1);
        (await store.FindCommandAsync(stream, "c2")).Should().BeNull();
    }

    [Fact]
    public async Task Deciding_a_refusal_appends_nothing()
    {
        var store = CreateStore();
        var stream = NewStream();

        var write = await store.DecideAndAppendAsync(stream, Tally.Instance.State, null, (_, _) =>
            ValueTask.FromResult(StreamDecision.Refuse(new DomainError("tally.no", "No."))));

        write.Decision.Error!.Code.Should().Be("tally.no");
        write.Committed.Should().BeEmpty();
        (await store.ReadStreamAsync(stream)).Should().BeEmpty();
    }

    private static async Task<List<RecordedEvent>> ReadAll(IEventStore store, long after)
    {
        var events = new List<RecordedEvent>();
        await foreach (var e in store.ReadAllAsync(after, TestContext.Current.CancellationToken))
        {
            events.Add(e);
        }

        return events;
    }

    private sealed record UnnamedEvent(int Value);
}
