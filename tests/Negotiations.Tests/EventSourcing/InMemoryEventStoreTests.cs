using Negotiations.EventSourcing;
using Negotiations.Tests.Shared;

namespace Negotiations.Tests.EventSourcing;

public sealed class InMemoryEventStoreTests : EventStoreContract
{
    protected override IEventStore CreateStore() => new InMemoryEventStore(Tally.Catalog);
}
