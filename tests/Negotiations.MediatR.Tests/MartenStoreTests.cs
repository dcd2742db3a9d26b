using System;
using System.Threading.Tasks;
using Negotiations.Marten;
using Negotiations.Serialization;
using Negotiations.Tests.Shared;
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

            // No generic host runs these tests, so no async daemon: commands fold their tracks once, then Marten's write cache serves them.
            o.DaemonMode = JasperFx.Events.Daemon.DaemonMode.Disabled;
        });
    }

    /// <summary>A schema for this class on the tests' PostgreSQL server, dropped when it is done.</summary>
    public sealed class Schema : IAsyncDisposable
    {
        public string Name { get; } = $"mediatr_adapter_{Guid.NewGuid():N}"[..28];

        public Task<string> ConnectionStringAsync() => Postgres.RequireAsync();

        public async ValueTask DisposeAsync() => await Postgres.DropSchemasAsync([Name]);
    }
}
