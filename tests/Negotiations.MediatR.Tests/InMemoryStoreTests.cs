using System.Threading.Tasks;
using FluentAssertions;
using Microsoft.Extensions.DependencyInjection;
using Negotiations.EventSourcing;
using Xunit;

namespace Negotiations.MediatR.Tests;

public sealed class InMemoryStoreTests : MediatRAdapterContract
{
    [Fact]
    public async Task A_version_conflict_surfaces_unchanged_and_publishes_nothing()
    {
        var store = new AlwaysConflictingStore();
        await using var app = TestApp.Build(
            b =>
            {
                b.UseStore(_ => store);
                return b;
            },
            Published.HandleEveryEvent);

        var send = () => Mediator(app).Send(new NegotiationRequest(Talks.Open(new TrackId("always-conflicting"))));

        var thrown = (await send.Should().ThrowExactlyAsync<StreamVersionConflictException>()).Which;
        thrown.Should().BeSameAs(store.LastThrown);
        app.GetRequiredService<Published>().Received.Should().BeEmpty();
    }

    protected override Task<NegotiationsBuilder> ChooseStoreAsync(NegotiationsBuilder builder) => Task.FromResult(builder.UseInMemoryStore());
}
