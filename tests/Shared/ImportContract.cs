using FluentAssertions;
using Negotiations.EventSourcing;
using Negotiations.Scripts;
using Negotiations.Serialization;
using Xunit;

namespace Negotiations.Tests.Shared;

/// <summary>
/// What every store does with a bulk import: the same decisions as the command service, records that make a run
/// again append nothing, resumption, refusals and conflicts per track. Runs unchanged on each store.
/// </summary>
public abstract class ImportContract
{
    private static readonly IReadOnlyList<NegotiationCommand> Seed =
        ScriptReader.ReadFiles(RepositoryPaths.Seed.Article, RepositoryPaths.Seed.Script).Commands;

    /// <summary>Makes a store that knows the negotiation events.</summary>
    protected abstract IEventStore CreateStore();

    private static NegotiationDecider Decider { get; } = new();

    private static CommandImporter<NegotiationDecisionState, NegotiationCommand, INegotiationEvent> Importer(IEventStore store, int streamsPerBatch = 200) =>
        new(Decider, store, NegotiationCommandFingerprints.Instance, Microsoft.Extensions.Options.Options.Create(new ImportOptions { StreamsPerBatch = streamsPerBatch, CommandsPerAppend = 4 }));

    private static CommandService<NegotiationDecisionState, NegotiationCommand, INegotiationEvent> Service(IEventStore store) =>
        new(Decider, store, NegotiationCommandFingerprints.Instance);

    private static string NewTrack() => $"import-{Guid.NewGuid():N}"[..30];

    private static IEnumerable<NegotiationCommand> Track(string track, IEnumerable<NegotiationCommand>? commands = null) =>
        (commands ?? Seed).Select(c => c with { Track = new TrackId(track) });

    [Fact]
    public async Task Imported_tracks_hold_what_sending_their_commands_one_by_one_would_append()
    {
        var store = CreateStore();
        var reference = new InMemoryEventStore(NegotiationEvents.Catalog);
        var tracks = Enumerable.Range(0, 3).Select(_ => NewTrack()).ToArray();
        var progress = new List<ImportProgress>();

        var result = await Importer(store, streamsPerBatch: 2).ImportAsync(tracks.SelectMany(t => Track(t)), new Reported(progress.Add));
        foreach (var command in tracks.SelectMany(t => Track(t)))
        {
            await Service(reference).HandleAsync(command);
        }

        result.Succeeded.Should().BeTrue();
        result.Streams.Select(s => (s.Stream.StreamId, s.Outcome, s.CommandsAppended)).Should().Equal(tracks.Select(t => (t, ImportOutcome.Imported, Seed.Count)));
        result.EventsAppended.Should().Be(3 * Seed.Count);
        progress.Should().NotBeEmpty();
        progress[^1].Should().Be(new ImportProgress(3, 3 * Seed.Count, 3 * Seed.Count));
        foreach (var track in tracks)
        {
            var imported = await store.ReadStreamAsync(StreamKey.Of(track));
            var sent = await reference.ReadStreamAsync(StreamKey.Of(track));
            imported.Select(e => (e.Version, e.EventType, e.Metadata)).Should().Equal(sent.Select(e => (e.Version, e.EventType, e.Metadata)));
            imported.Select(e => NegotiationJson.SerializeEvent((INegotiationEvent)e.Data)).Should().Equal(sent.Select(e => NegotiationJson.SerializeEvent((INegotiationEvent)e.Data)));
        }
    }

    [Fact]
    public async Task The_commands_of_an_imported_track_are_recorded_so_sending_one_again_is_a_repeat_and_the_track_goes_on()
    {
        var store = CreateStore();
        var track = NewTrack();
        await Importer(store).ImportAsync(Track(track));
        var commands = Track(track).ToArray();

        var repeat = await Service(store).HandleAsync(commands[3]);
        var next = await Service(store).HandleAsync(commands[^1] with { CommandId = new CommandId("after-the-import") });

        repeat.Outcome.Should().Be(CommandOutcome.AlreadyApplied);
        repeat.Events.Select(e => e.Version).Should().Equal(4);
        (await store.FindCommandAsync(StreamKey.Of(track), commands[^1].CommandId.Value))!.LastVersion.Should().Be(Seed.Count);
        next.Outcome.Should().Be(CommandOutcome.Accepted);
        next.StreamVersion.Should().Be(Seed.Count + 1);
    }

    [Fact]
    public async Task Running_an_import_again_appends_nothing()
    {
        var store = CreateStore();
        var track = NewTrack();
        await Importer(store).ImportAsync(Track(track));

        var again = await Importer(store).ImportAsync(Track(track));

        again.Streams.Should().ContainSingle().Which.Should().Be(new ImportedStream(StreamKey.Of(track), ImportOutcome.AlreadyImported, 0, Seed.Count, 0));
        (await store.ReadStreamAsync(StreamKey.Of(track))).Should().HaveCount(Seed.Count);
    }

    [Fact]
    public async Task An_interrupted_import_resumes_where_it_stopped()
    {
        var store = CreateStore();
        var track = NewTrack();
        await Importer(store).ImportAsync(Track(track, Seed.Take(7)));

        var resumed = await Importer(store).ImportAsync(Track(track));

        resumed.Streams.Should().ContainSingle().Which.Should().Be(new ImportedStream(StreamKey.Of(track), ImportOutcome.Imported, Seed.Count - 7, 7, Seed.Count - 7));
        (await store.ReadStreamAsync(StreamKey.Of(track))).Select(e => e.Metadata.CommandId).Should().Equal(Track(track).Select(c => c.CommandId.Value));
    }

    [Fact]
    public async Task A_command_that_breaks_a_rule_refuses_its_whole_track_and_names_itself_while_other_tracks_go_on()
    {
        var store = CreateStore();
        var (bad, good) = (NewTrack(), NewTrack());
        var broken = Track(bad).ToList();
        broken.Insert(3, broken[0] with { CommandId = new CommandId("open-again") });

        var result = await Importer(store).ImportAsync(broken.Concat(Track(good)));

        result.Succeeded.Should().BeFalse();
        var refused = result.Streams[0];
        refused.Outcome.Should().Be(ImportOutcome.Refused);
        refused.FailedCommand.Should().Be("open-again");
        refused.Error.Should().StartWith(NegotiationErrors.TrackAlreadyOpened);
        (await store.ReadStreamAsync(StreamKey.Of(bad))).Should().BeEmpty();
        result.Streams[1].Outcome.Should().Be(ImportOutcome.Imported);
    }

    [Fact]
    public async Task A_command_id_reused_by_another_command_refuses_the_track()
    {
        var store = CreateStore();
        var track = NewTrack();
        await Importer(store).ImportAsync(Track(track, Seed.Take(3)));
        var changed = Track(track).ToList();
        changed[1] = changed[^1] with { CommandId = changed[1].CommandId };

        var result = await Importer(store).ImportAsync(changed);

        var refused = result.Streams.Single();
        refused.Outcome.Should().Be(ImportOutcome.Refused);
        refused.FailedCommand.Should().Be(changed[1].CommandId.Value);
        refused.Error.Should().StartWith(CommandErrors.IdReused);
        (await store.ReadStreamAsync(StreamKey.Of(track))).Should().HaveCount(3);
    }

    [Fact]
    public async Task A_track_written_by_another_writer_during_the_import_is_refused_as_a_conflict_and_the_rest_is_imported()
    {
        var store = CreateStore();
        var (contested, quiet) = (NewTrack(), NewTrack());
        await Importer(store).ImportAsync(Track(contested, Seed.Take(2)));
        var rival = new RivalStore(store, StreamKey.Of(contested), Track(contested).ElementAt(2));

        var result = await Importer(rival).ImportAsync(Track(contested).Concat(Track(quiet)));

        result.Streams.Select(s => (s.Stream.StreamId, s.Outcome)).Should().Equal((contested, ImportOutcome.Conflict), (quiet, ImportOutcome.Imported));
        (await store.ReadStreamAsync(StreamKey.Of(contested))).Should().HaveCount(3, "the import wrote nothing after the rival's command");
    }

    [Fact]
    public async Task Commands_of_one_track_in_two_runs_are_an_error()
    {
        var store = CreateStore();
        var (a, b) = (NewTrack(), NewTrack());

        var import = () => Importer(store).ImportAsync(Track(a, Seed.Take(2)).Concat(Track(b, Seed.Take(1))).Concat(Track(a, Seed.Skip(2).Take(1))));

        (await import.Should().ThrowAsync<ArgumentException>()).WithMessage($"*'{a}'*two separate runs*");
    }

    private sealed class Reported(Action<ImportProgress> report) : IProgress<ImportProgress>
    {
        public void Report(ImportProgress value) => report(value);
    }

    /// <summary>A store on which another writer sends a command to one track just before the import writes.</summary>
    private sealed class RivalStore(IEventStore inner, StreamKey contested, NegotiationCommand rivalCommand) : IEventStore
    {
        public Task<AppendResult> AppendAsync(StreamKey stream, long expectedVersion, IReadOnlyList<object> events, EventMetadata metadata, CancellationToken cancellationToken = default) =>
            inner.AppendAsync(stream, expectedVersion, events, metadata, cancellationToken);

        public Task<IReadOnlyList<RecordedEvent>> ReadStreamAsync(StreamKey stream, long fromVersion = 1, long? untilVersion = null, CancellationToken cancellationToken = default) =>
            inner.ReadStreamAsync(stream, fromVersion, untilVersion, cancellationToken);

        public IAsyncEnumerable<RecordedEvent> ReadAllAsync(long afterPosition = 0, CancellationToken cancellationToken = default) =>
            inner.ReadAllAsync(afterPosition, cancellationToken);

        public Task<CommandRecord?> FindCommandAsync(StreamKey stream, string commandId, CancellationToken cancellationToken = default) =>
            inner.FindCommandAsync(stream, commandId, cancellationToken);

        public async Task ImportAsync<TState>(IReadOnlyList<StreamImport<TState>> streams, StreamProjection<TState> state, ImportOptions options, CancellationToken cancellationToken = default)
            where TState : class
        {
            if (streams.Any(s => s.Stream == contested))
            {
                await Service(inner).HandleAsync(rivalCommand, cancellationToken: cancellationToken);
            }

            await inner.ImportAsync(streams, state, options, cancellationToken);
        }
    }
}
