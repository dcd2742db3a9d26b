using Negotiations.Tests.Shared;
using BenchmarkDotNet.Attributes;
using Marten;
using Negotiations.EventSourcing;
using Negotiations.Marten;
using Negotiations.Serialization;
using Npgsql;

namespace Negotiations.Benchmarks;

/// <summary>
/// The PostgreSQL store through Marten (<see cref="MartenEventStore"/>), configured as <c>UseMarten</c> configures it
/// with no projections, on a schema of its own that is dropped afterwards. Runs only when
/// <c>NEGOTIATIONS_POSTGRES</c> names a reachable server (<see cref="Postgres.ProblemAsync"/>); otherwise
/// <c>Program</c> leaves it out and says why.
/// </summary>
/// <remarks>
/// <para><see cref="Append"/> adds one statement to a track; the track grows with every invocation, which does not
/// matter here: Marten checks the expected version against the stream's row and inserts, whatever the length.</para>
/// <para><see cref="ReadTrack"/> reads a track of 100 events back: the read half of what the command service does
/// on Marten for every command (it then folds the events, see <see cref="ProjectionBenchmarks"/>).</para>
/// </remarks>
[MemoryDiagnoser]
public class MartenBenchmarks
{
    private const string AppendStream = "benchmark-append";
    private const string ReadStream = "benchmark-read";
    private const int ReadEvents = 100;

    private readonly string _schema = $"negotiations_bench_{Guid.NewGuid():N}"[..31];
    private DocumentStore _documents = null!;
    private MartenEventStore _store = null!;
    private StatementMade _statement = null!;
    private EventMetadata _metadata = null!;
    private long _appendVersion;

    [GlobalSetup]
    public async Task GlobalSetup()
    {
        var connectionString = Postgres.ConnectionString
            ?? throw new InvalidOperationException("NEGOTIATIONS_POSTGRES is not set; Program leaves these benchmarks out then.");
        var options = new StoreOptions();
        options.Connection(connectionString);
        options.DatabaseSchemaName = _schema;
        options.Events.DatabaseSchemaName = _schema;
        options.AddNegotiations(NegotiationEvents.Catalog, NegotiationJson.Options);
        _documents = new DocumentStore(options);
        await _documents.Storage.ApplyAllConfiguredChangesToDatabaseAsync().ConfigureAwait(false);
        _store = new MartenEventStore(_documents, NegotiationEvents.Catalog);

        var track = SyntheticTrack.Create(ReadEvents);
        await track.AppendToAsync(_store, ReadStream).ConfigureAwait(false);

        var next = (RecordStatement)track.NextStatement(new TrackId(AppendStream), "appended-statement");
        _statement = new StatementMade(next.By, next.Kind, next.Summary, next.Tone, next.Agenda, next.OccurredOn, next.Source);
        _metadata = new EventMetadata { CommandId = next.CommandId.Value, CorrelationId = "benchmark" };
        await track.AppendToAsync(_store, AppendStream).ConfigureAwait(false);
        _appendVersion = track.EventCount;
    }

    [GlobalCleanup]
    public async Task GlobalCleanup()
    {
        _documents?.Dispose();
        await using var connection = new NpgsqlConnection(Postgres.ConnectionString);
        await connection.OpenAsync().ConfigureAwait(false);
        await using var drop = new NpgsqlCommand($"DROP SCHEMA IF EXISTS {_schema} CASCADE", connection);
        await drop.ExecuteNonQueryAsync().ConfigureAwait(false);
    }

    /// <summary>Appends one event at the expected version: one session, one transaction.</summary>
    [Benchmark(Baseline = true)]
    public async Task<long> Append() =>
        _appendVersion = (await _store.AppendAsync(StreamKey.Of(AppendStream), _appendVersion, [_statement], _metadata).ConfigureAwait(false)).Version;

    /// <summary>Reads a track of 100 events into <see cref="RecordedEvent"/>s.</summary>
    [Benchmark]
    public async Task<int> ReadTrack() => (await _store.ReadStreamAsync(StreamKey.Of(ReadStream)).ConfigureAwait(false)).Count;
}

/// <summary>The PostgreSQL server named by <c>NEGOTIATIONS_POSTGRES</c>, if any.</summary>
internal static class Postgres
{
    public static string? ConnectionString => Environment.GetEnvironmentVariable("NEGOTIATIONS_POSTGRES") is { Length: > 0 } value ? value : null;

    /// <summary>Why the Marten benchmarks cannot run, or null when the server answers.</summary>
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
}
