using System.Collections.Concurrent;
using System.Diagnostics;
using FluentAssertions;
using JasperFx.Events.Projections;
using Marten;
using Marten.Events;
using Microsoft.Extensions.Logging;
using Negotiations.EventSourcing;
using Negotiations.Serialization;
using Negotiations.Tests.Shared;
using Npgsql;
using Xunit;

namespace Negotiations.Marten.Tests;

/// <summary>
/// A command on Marten is one session: <c>FetchForWriting</c> of the decision snapshot (or Marten's cached copy) with
/// the stream version, the decision, the append: a few round trips whatever the length of the track, and never a
/// decision on a wrong snapshot.
/// </summary>
public sealed class DecisionSnapshotTests(PostgresSchema<DecisionSnapshotTests> schema) : IClassFixture<PostgresSchema<DecisionSnapshotTests>>
{
    private static readonly NegotiationDecider Decider = new();

    public static TheoryData<ProjectionLifecycle> Lifecycles => [ProjectionLifecycle.Async, ProjectionLifecycle.Inline];

    [Theory]
    [MemberData(nameof(Lifecycles))]
    public async Task A_command_takes_at_most_three_round_trips_on_a_track_of_10_and_of_10000_events(ProjectionLifecycle lifecycle)
    {
        var counter = new RoundTrips();
        using var marten = await StoreAsync(lifecycle, counter);
        var store = new MartenEventStore(marten, NegotiationEvents.Catalog);
        var (small, large) = (Track("small"), Track("large"));
        var ten = SyntheticTrack.Create(10);
        var tenThousand = SyntheticTrack.Create(10_000);
        await Importer(store).ImportAsync(ten.CommandsFor(small).Concat(tenThousand.CommandsFor(large)));
        var service = Service(store);

        // The first command of a process on a track warms Marten's write cache (and its schema checks).
        (await service.HandleAsync(ten.NextStatement(small, "warm-up"))).Outcome.Should().Be(CommandOutcome.Accepted);
        (await service.HandleAsync(tenThousand.NextStatement(large, "warm-up"))).Outcome.Should().Be(CommandOutcome.Accepted);

        var atTen = await counter.CountAsync(() => service.HandleAsync(ten.NextStatement(small, "measured")));
        var atTenThousand = await counter.CountAsync(() => service.HandleAsync(tenThousand.NextStatement(large, "measured")));

        atTen.Result.StreamVersion.Should().Be(12);
        atTenThousand.Result.StreamVersion.Should().Be(10_002);
        atTen.Trips.Should().BeLessThanOrEqualTo(3, "at 10 events it took {0}", atTen.Describe());
        atTenThousand.Trips.Should().BeLessThanOrEqualTo(3, "at 10,000 events it took {0}", atTenThousand.Describe());
        atTenThousand.Trips.Should().Be(atTen.Trips, "the cost of a command does not grow with its track");
    }

    [Fact]
    public async Task A_process_that_meets_a_track_first_loads_its_stored_snapshot_and_still_takes_at_most_three_round_trips()
    {
        var track = Track("cold");
        var history = SyntheticTrack.Create(1000);
        using (var first = await StoreAsync(ProjectionLifecycle.Async))
        {
            await Importer(new MartenEventStore(first, NegotiationEvents.Catalog)).ImportAsync(history.CommandsFor(track));
            using var daemon = await first.BuildProjectionDaemonAsync();
            await daemon.StartAllAsync();
            await first.WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(60));
            await daemon.StopAllAsync();
        }

        var counter = new RoundTrips();
        using var restarted = await StoreAsync(ProjectionLifecycle.Async, counter);
        var service = Service(new MartenEventStore(restarted, NegotiationEvents.Catalog));
        await service.HandleAsync(SyntheticTrack.Create(1).CommandsFor(Track("warm-up")).Single());

        var cold = await counter.CountAsync(() => service.HandleAsync(history.NextStatement(track, "after-restart")));

        cold.Result.Outcome.Should().Be(CommandOutcome.Accepted);
        cold.Trips.Should().BeLessThanOrEqualTo(3, "it took {0}", cold.Describe());
    }

    [Theory]
    [InlineData(ProjectionLifecycle.Inline, "delete")]
    [InlineData(ProjectionLifecycle.Inline, "corrupt")]
    [InlineData(ProjectionLifecycle.Inline, "stale")]
    [InlineData(ProjectionLifecycle.Inline, "older schema")]
    [InlineData(ProjectionLifecycle.Async, "corrupt")]
    [InlineData(ProjectionLifecycle.Async, "older schema")]
    public async Task A_lost_or_wrong_snapshot_of_a_1000_event_track_is_never_decided_on_and_the_command_decides_as_with_a_good_one(ProjectionLifecycle lifecycle, string damage)
    {
        var history = SyntheticTrack.Create(1000);
        var (good, damaged) = (Track("good"), Track("damaged"));
        using var marten = await StoreAsync(lifecycle);
        var store = new MartenEventStore(marten, NegotiationEvents.Catalog);
        await Importer(store).ImportAsync(history.CommandsFor(good).Concat(history.CommandsFor(damaged)));
        if (lifecycle == ProjectionLifecycle.Async)
        {
            using var daemon = await marten.BuildProjectionDaemonAsync();
            await daemon.StartAllAsync();
            await marten.WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(60));
            await daemon.StopAllAsync();
        }

        var table = $"{marten.Options.DatabaseSchemaName}.mt_doc_negotiation_decision_state";
        (await schema.ScalarAsync<long>($"SELECT count(*) FROM {table} WHERE id = '{damaged.Value}'")).Should().Be(1, "the snapshot is there to be damaged");
        await schema.ExecuteAsync(damage switch
        {
            "delete" => $"DELETE FROM {table} WHERE id = '{damaged.Value}'",
            "corrupt" => $"UPDATE {table} SET data = jsonb_set(data, '{{view,proposals}}', '\"not a dictionary\"') WHERE id = '{damaged.Value}'",
            "stale" => $"UPDATE {table} SET data = jsonb_set(data, '{{eventCount}}', '990') WHERE id = '{damaged.Value}'",
            _ => $"UPDATE {table} SET data = jsonb_set(data, '{{schemaVersion}}', '0') WHERE id = '{damaged.Value}'",
        });

        // A new process: nothing cached, the damaged snapshot is all there is.
        using var restarted = await StoreAsync(lifecycle);
        var service = Service(new MartenEventStore(restarted, NegotiationEvents.Catalog));
        NegotiationCommand[] probes =
        [
            history.NextStatement(good, "probe-statement"),
            history.Decided[^5].Command with { Track = good, CommandId = new CommandId("probe-round-held-again") },
            history.Decided[^1].Command with { Track = good, CommandId = new CommandId("probe-warning-again") },
        ];

        foreach (var probe in probes)
        {
            var onGood = await service.HandleAsync(probe);
            var onDamaged = await service.HandleAsync(probe with { Track = damaged });

            onDamaged.Outcome.Should().Be(onGood.Outcome, "{0} decides the same on both tracks", probe.CommandId);
            onDamaged.Error?.Code.Should().Be(onGood.Error?.Code);
            onDamaged.StreamVersion.Should().Be(onGood.StreamVersion);
            onDamaged.Events.Select(e => e.Data).Should().Equal(onGood.Events.Select(e => e.Data));
        }

        var views = new MartenViews(restarted);
        var events = await new MartenEventStore(restarted, NegotiationEvents.Catalog).ReadStreamAsync(StreamKey.Of(damaged.Value));
        if (lifecycle == ProjectionLifecycle.Inline)
        {
            var rewritten = await views.LoadAsync<NegotiationDecisionState>(damaged.Value);
            rewritten!.EventCount.Should().Be(events.Count, "the snapshot was rewritten in the command's transaction");
            rewritten.View.Should().BeEquivalentTo(Decider.State.Project(damaged.Value, events));
        }
        else
        {
            // The daemon owns async snapshots: a damaged one stays stale (commands fold the track) until rebuilt.
            var load = () => views.LoadLatestAsync<NegotiationDecisionState>(StreamKey.Of(damaged.Value));
            await load.Should().ThrowAsync<StaleViewException>();
            await views.RebuildAsync<NegotiationDecisionState>();
            (await load()).Should().BeEquivalentTo(Decider.State.Project(damaged.Value, events));
        }
    }

    [Fact]
    public async Task The_reader_reads_a_stored_view_as_stored_without_folding_the_track()
    {
        using var marten = await StoreAsync(ProjectionLifecycle.Async, configure: o => o.AddProjection(new NegotiationStateProjection(), ProjectionLifecycle.Inline));
        var store = new MartenEventStore(marten, NegotiationEvents.Catalog);
        var track = Track("reader");
        await Importer(store).ImportAsync(SyntheticTrack.Create(50).CommandsFor(track));

        // Tamper with the stored view only: a reader that folded the track would not see it.
        await schema.ExecuteAsync($"UPDATE {marten.Options.DatabaseSchemaName}.mt_doc_negotiation_state SET data = jsonb_set(data, '{{view,opening,title}}', '\"as stored\"') WHERE id = '{track.Value}'");
        var reader = Readers.Over(store, new MartenViews(marten));

        (await reader.GetStateAsync(track))!.Title.Should().Be("as stored");
        (await reader.GetStateAsync(track, asOf: SyntheticTrack.Start.AddDays(3)))!.Title.Should().NotBe("as stored", "a state as of a day is folded from the events");
    }

    [Fact]
    public async Task Writers_racing_on_one_track_through_FetchForWriting_retry_and_store_every_acknowledged_command_once()
    {
        using var marten = await StoreAsync(ProjectionLifecycle.Async);
        var store = new MartenEventStore(marten, NegotiationEvents.Catalog);
        var track = Track("race");
        var history = SyntheticTrack.Create(5);
        await Importer(store).ImportAsync(history.CommandsFor(track));
        var service = new CommandService<NegotiationDecisionState, NegotiationCommand, INegotiationEvent>(
            Decider, store, NegotiationCommandFingerprints.Instance, Microsoft.Extensions.Options.Options.Create(new NegotiationsOptions { MaxConflictRetries = 100 }));

        var results = new ConcurrentBag<CommandResult>();
        await Task.WhenAll(Enumerable.Range(0, 6).Select(w => Task.Run(async () =>
        {
            for (var i = 0; i < 5; i++)
            {
                results.Add(await service.HandleAsync(history.NextStatement(track, $"w{w}-{i}")));
            }
        })));

        results.Should().HaveCount(30).And.OnlyContain(r => r.Outcome == CommandOutcome.Accepted);
        var stored = await store.ReadStreamAsync(StreamKey.Of(track.Value));
        stored.Select(e => e.Version).Should().Equal(Enumerable.Range(1, 35).Select(v => (long)v));
        stored.Skip(5).Select(e => e.Metadata.CommandId).Should().BeEquivalentTo(results.Select(r => r.CommandId));
        results.Select(r => r.StreamVersion).Should().OnlyHaveUniqueItems();
    }

    private static TrackId Track(string name) => new($"{name}-{Guid.NewGuid():N}"[..(name.Length + 13)]);

    private static CommandImporter<NegotiationDecisionState, NegotiationCommand, INegotiationEvent> Importer(IEventStore store) =>
        new(Decider, store, NegotiationCommandFingerprints.Instance);

    private static CommandService<NegotiationDecisionState, NegotiationCommand, INegotiationEvent> Service(IEventStore store) =>
        new(Decider, store, NegotiationCommandFingerprints.Instance);

    private async Task<DocumentStore> StoreAsync(ProjectionLifecycle decisionStates, RoundTrips? counter = null, Action<StoreOptions>? configure = null)
    {
        var connectionString = await schema.ConnectionStringAsync();
        return await schema.StoreAsync(o =>
        {
            if (counter is not null)
            {
                o.Connection(counter.ConnectionString(connectionString));
                o.ConfigureNpgsqlDataSourceBuilder(builder => builder.UseLoggerFactory(counter.Logging));
            }

            o.AddNegotiations(NegotiationEvents.Catalog, NegotiationJson.Options, decisionStates);
            configure?.Invoke(o);
        }, schema.Also(decisionStates.ToString().ToLowerInvariant()));
    }

    /// <summary>
    /// Counts the round trips to PostgreSQL of one data source with Npgsql's diagnostics: each command or batch it
    /// executes (its tracing: an activity, told apart from other tests' by a unique application name), and each commit
    /// or rollback (its logging: a commit is a round trip of its own that Npgsql does not trace).
    /// </summary>
    private sealed class RoundTrips : ILoggerProvider, IDisposable
    {
        private readonly string _application = $"negotiations-round-trips-{Guid.NewGuid():N}";
        private readonly ActivityListener _listener;
        private readonly ConcurrentQueue<string> _trips = new();
        private volatile bool _counting;
        private ILoggerFactory? _logging;

        public RoundTrips()
        {
            _listener = new ActivityListener
            {
                ShouldListenTo = source => source.Name == "Npgsql",
                Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllData,
                ActivityStopped = activity =>
                {
                    if (_counting && activity.GetTagItem("db.connection_string") is string connection && connection.Contains(_application, StringComparison.Ordinal))
                    {
                        var statement = activity.GetTagItem("db.statement") as string ?? activity.DisplayName;
                        _trips.Enqueue(statement.Length > 60 ? statement[..60] : statement);
                    }
                },
            };
            ActivitySource.AddActivityListener(_listener);
        }

        /// <summary>The connection string, under an application name of this counter's own.</summary>
        public string ConnectionString(string connectionString) =>
            new NpgsqlConnectionStringBuilder(connectionString) { ApplicationName = _application }.ConnectionString;

        /// <summary>The logging that Npgsql tells commits and rollbacks to.</summary>
        public ILoggerFactory Logging => _logging ??= LoggerFactory.Create(logging => logging.SetMinimumLevel(LogLevel.Debug).AddProvider(this));

        public async Task<(T Result, int Trips, IReadOnlyList<string> Statements)> CountAsync<T>(Func<Task<T>> work)
        {
            _trips.Clear();
            _counting = true;
            try
            {
                var result = await work();
                return (result, _trips.Count, [.. _trips]);
            }
            finally
            {
                _counting = false;
            }
        }

        ILogger ILoggerProvider.CreateLogger(string categoryName) => new TransactionLogger(this, categoryName);

        public void Dispose()
        {
            _listener.Dispose();
            _logging?.Dispose();
        }

        private sealed class TransactionLogger(RoundTrips owner, string category) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => category == "Npgsql.Transaction";

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                var message = formatter(state, exception);
                if (owner._counting && category == "Npgsql.Transaction" && (message.StartsWith("Committed", StringComparison.Ordinal) || message.StartsWith("Rolled back", StringComparison.Ordinal)))
                {
                    owner._trips.Enqueue(message.ToUpperInvariant());
                }
            }
        }
    }
}

internal static class CountedExtensions
{
    public static string Describe<T>(this (T Result, int Trips, IReadOnlyList<string> Statements) counted) =>
        $"{counted.Trips}: {string.Join(" / ", counted.Statements)}";
}
