using System.Text.Json;
using Negotiations.EventSourcing;
using Negotiations.Tests.Shared;
using Xunit;

namespace Negotiations.Marten.Tests;

public sealed class MartenEventStoreContractTests(PostgresSchema<MartenEventStoreContractTests> schema)
    : EventStoreContract, IClassFixture<PostgresSchema<MartenEventStoreContractTests>>
{
    // The contract asks for a store synchronously; the Marten store is made once per class, off the test's
    // synchronization context.
    protected override IEventStore CreateStore() => Task.Run(async () =>
    {
        var store = await schema.SharedStoreAsync(o => o.AddNegotiations(Tally.Catalog, new JsonSerializerOptions(JsonSerializerDefaults.Web)));
        return new MartenEventStore(store, Tally.Catalog);
    }).GetAwaiter().GetResult();
}
