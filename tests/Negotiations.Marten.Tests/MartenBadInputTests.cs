using JasperFx.Events.Projections;
using Negotiations.EventSourcing;
using Negotiations.Serialization;
using Negotiations.Tests.Shared;
using Xunit;

namespace Negotiations.Marten.Tests;

/// <summary>The bad-input contract on PostgreSQL, with the read models inline so that a bad event would have to pass them too.</summary>
public sealed class MartenBadInputTests(PostgresSchema<MartenBadInputTests> schema) : BadInputContract, IClassFixture<PostgresSchema<MartenBadInputTests>>
{
    protected override IEventStore CreateStore() => Task.Run(async () => new MartenEventStore(await schema.SharedStoreAsync(o =>
    {
        o.AddNegotiations(NegotiationEvents.Catalog, NegotiationJson.Options, ProjectionLifecycle.Inline);
        o.AddProjection(new NegotiationStateProjection(), ProjectionLifecycle.Inline);
        o.AddProjection(new TimelineProjection(), ProjectionLifecycle.Inline);
    }), NegotiationEvents.Catalog)).GetAwaiter().GetResult();
}
