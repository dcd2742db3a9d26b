using Negotiations.EventSourcing;
using Negotiations.Tests.Shared;

namespace Negotiations.Tests.EventSourcing;

public sealed class InMemoryBadInputTests : BadInputContract
{
    protected override IEventStore CreateStore() => new InMemoryEventStore(NegotiationEvents.Catalog);
}
