using System.Collections.Concurrent;
using Marten;
using Negotiations.Marten;
using Negotiations.Serialization;
using Npgsql;

namespace Negotiations.Benchmarks;

/// <summary>
/// How big the benchmarks run: the sizes the issue asks for, or tiny ones in smoke mode (<c>--smoke</c>, run by
/// <c>.ci/run</c>), where only the work is checked, never the time.
/// </summary>
internal static class Sizes
{
    public static bool Smoke => Environment.GetEnvironmentVariable("NEGOTIATIONS_BENCH_SMOKE") == "1";

    /// <summary>Events on a track before a command: 10, 1,000 and 10,000.</summary>
    public static IEnumerable<int> TrackLengths => Smoke ? [20] : [10, 1000, 10_000];

    /// <summary>Events folded: 1,000 and 10,000.</summary>
    public static IEnumerable<int> FoldLengths => Smoke ? [100] : [1000, 10_000];

    /// <summary>Clients sending commands at once, each to its own track.</summary>
    public static IEnumerable<int> Clients => Smoke ? [1, 2] : [1, 4];

    /// <summary>Tracks of an import, of <see cref="EventsPerImportedTrack"/> events each: 10,000 tracks, 1,000,000 events.</summary>
    public static IEnumerable<int> ImportedTracks => Smoke ? [20] : [10_000];

    public const int EventsPerImportedTrack = 100;

    /// <summary>The track read back: 10,000 events.</summary>
    public static int ReadTrackLength => Smoke ? 200 : 10_000;
}

/// <summary>
/// The checks that a subject and its baseline did the same work (the same events stored, equal states). Each benchmark
/// class records its checks in its cleanup; in smoke mode the program prints them and fails when one failed. A failed
/// check also throws, so a full run reports it too.
/// </summary>
internal static class Checks
{
    private static readonly ConcurrentQueue<(string Name, bool Passed, string Detail)> Results = new();

    public static IReadOnlyCollection<(string Name, bool Passed, string Detail)> All => Results;

    public static void That(string name, bool passed, string detail)
    {
        Results.Enqueue((name, passed, detail));
        Console.WriteLine($"// check {(passed ? "passed" : "FAILED")}: {name}: {detail}");
        if (!passed)
        {
            throw new InvalidOperationException($"Benchmark check failed: {name}: {detail}");
        }
    }
}

/// <summary>The PostgreSQL server of the benchmarks, named by <c>NEGOTIATIONS_POSTGRES</c>, and schemas of their own.</summary>
internal static class Postgres
{
    public static string? ConnectionString => Environment.GetEnvironmentVariable("NEGOTIATIONS_POSTGRES") is { Length: > 0 } value ? value : null;

    /// <summary>Why the PostgreSQL benchmarks cannot run, or null when the server answers.</summary>
    public static async Task<string?> ProblemAsync()
    {
        if (ConnectionString is not { } connectionString)
        {
            return "NEGOTIATIONS_POSTGRES is not set (an Npgsql connection string; ./test.sh shows how one is made)";
        }

        try
        {
            var builder = new NpgsqlConnectionStringBuilder(connectionString) { Timeout = 5 };
            await using var connection = new NpgsqlConnection(builder.ConnectionString);
            await connection.OpenAsync().ConfigureAwait(false);
            return null;
        }
        catch (Exception ex) when (ex is NpgsqlException or ArgumentException or InvalidOperationException or TimeoutException)
        {
            return $"the server named by NEGOTIATIONS_POSTGRES is unreachable: {ex.Message}";
        }
    }

    public static string Require() => ConnectionString ?? throw new InvalidOperationException("NEGOTIATIONS_POSTGRES is not set; Program leaves the PostgreSQL benchmarks out then.");

    public static string NewSchema(string purpose) => $"bench_{purpose}_{Guid.NewGuid():N}"[..Math.Min(40, 7 + purpose.Length + 13)];

    /// <summary>A Marten store set up as <c>UseMarten</c> sets up the library's store, on a schema of its own.</summary>
    public static async Task<DocumentStore> NegotiationsStoreAsync(string schema, JasperFx.Events.Projections.ProjectionLifecycle decisionStates = JasperFx.Events.Projections.ProjectionLifecycle.Async, Action<StoreOptions>? configure = null)
    {
        var options = new StoreOptions();
        options.Connection(Require());
        options.DatabaseSchemaName = schema;
        options.Events.DatabaseSchemaName = schema;
        options.AddNegotiations(NegotiationEvents.Catalog, NegotiationJson.Options, decisionStates);
        configure?.Invoke(options);
        var store = new DocumentStore(options);
        await store.Storage.ApplyAllConfiguredChangesToDatabaseAsync().ConfigureAwait(false);
        return store;
    }

    public static async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(Require());
        await connection.OpenAsync().ConfigureAwait(false);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync().ConfigureAwait(false);
    }

    public static async Task<long> CountAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(Require());
        await connection.OpenAsync().ConfigureAwait(false);
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync().ConfigureAwait(false), System.Globalization.CultureInfo.InvariantCulture);
    }

    public static Task DropAsync(string schema) => ExecuteAsync($"DROP SCHEMA IF EXISTS {schema} CASCADE");

    /// <summary>
    /// The raw baseline's tables, of the shape of an event store: events (stream id, version, type, jsonb data,
    /// timestamp, unique per stream and version), and streams with their version and a snapshot.
    /// </summary>
    public static Task CreateRawTablesAsync(string schema) => ExecuteAsync($"""
        CREATE SCHEMA IF NOT EXISTS {schema};
        CREATE TABLE {schema}.raw_events (stream_id text NOT NULL, version bigint NOT NULL, type text NOT NULL, data jsonb NOT NULL, timestamp timestamptz NOT NULL DEFAULT now(), UNIQUE (stream_id, version));
        CREATE TABLE {schema}.raw_streams (id text PRIMARY KEY, version bigint NOT NULL, snapshot jsonb NOT NULL);
        """);
}
