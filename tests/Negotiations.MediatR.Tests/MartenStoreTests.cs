using System;
using System.Threading.Tasks;
using Negotiations.Marten;
using Negotiations.Serialization;
using Npgsql;
using Xunit;

namespace Negotiations.MediatR.Tests;

/// <summary>The adapter's contract on PostgreSQL through Marten, in a schema of this class's own.</summary>
public sealed class MartenStoreTests(MartenStoreTests.Schema schema) : MediatRAdapterContract, IClassFixture<MartenStoreTests.Schema>
{
    protected override async Task<NegotiationsBuilder> ChooseStoreAsync(NegotiationsBuilder builder)
    {
        var connectionString = await schema.ConnectionStringAsync();
        return builder.UseMarten(o =>
        {
            o.ConnectionString = connectionString;
            o.SchemaName = schema.Name;
            o.SerializerOptions = NegotiationJson.Options;
        });
    }

    /// <summary>
    /// The PostgreSQL server named by NEGOTIATIONS_POSTGRES, and a schema for this class, dropped when it is done.
    /// Without a server the tests skip, saying why, except under CI=true, where they fail.
    /// </summary>
    public sealed class Schema : IAsyncDisposable
    {
        private readonly Lazy<Task<string?>> _problem = new(FindProblemAsync);

        public string Name { get; } = $"mediatr_adapter_{Guid.NewGuid():N}"[..28];

        private static string? ConnectionString => Environment.GetEnvironmentVariable("NEGOTIATIONS_POSTGRES");

        public async Task<string> ConnectionStringAsync()
        {
            if (await _problem.Value is not { } problem)
            {
                return ConnectionString!;
            }

            if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
            {
                throw new InvalidOperationException($"CI=true and the PostgreSQL tests cannot run: {problem}");
            }

            Assert.Skip(problem);
            return null!;
        }

        public async ValueTask DisposeAsync()
        {
            if (await _problem.Value is not null)
            {
                return;
            }

            await using var connection = new NpgsqlConnection(ConnectionString);
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP SCHEMA IF EXISTS {Name} CASCADE", connection);
            await drop.ExecuteNonQueryAsync();
        }

        private static async Task<string?> FindProblemAsync()
        {
            if (string.IsNullOrWhiteSpace(ConnectionString))
            {
                return "NEGOTIATIONS_POSTGRES is not set: run ./test.sh, which starts PostgreSQL, or set it to an Npgsql connection string.";
            }

            try
            {
                await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(ConnectionString) { Timeout = 5 }.ConnectionString);
                await connection.OpenAsync();
                return null;
            }
            catch (Exception ex) when (ex is NpgsqlException or ArgumentException or InvalidOperationException or TimeoutException)
            {
                return $"the PostgreSQL server named by NEGOTIATIONS_POSTGRES is unreachable: {ex.Message}";
            }
        }
    }
}
