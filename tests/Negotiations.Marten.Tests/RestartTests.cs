using System.Text.Json;
using FluentAssertions;
using Marten;
using Negotiations.EventSourcing;
using Negotiations.Tests.Shared;
using Xunit;

namespace Negotiations.Marten.Tests;

/// <summary>A process restart, simulated by a new Marten store on the same schema.</summary>
public sealed class RestartTests(PostgresSchema<RestartTests> schema) : IClassFixture<PostgresSchema<RestartTests>>
{
    private async Task<(DocumentStore Marten, CommandService<Tally.State, Tally.Add, Tally.IEvent> Service)> StartAsync()
    {
        var marten = await schema.StoreAsync(o => o.AddNegotiations(Tally.Catalog, new JsonSerializerOptions(JsonSerializerDefaults.Web)));
        return (marten, new CommandService<Tally.State, Tally.Add, Tally.IEvent>(Tally.Instance, new MartenEventStore(marten, Tally.Catalog), Tally.Fingerprints.Instance));
    }

    [Fact]
    public async Task A_command_repeated_after_a_restart_is_already_applied_and_appends_nothing()
    {
        var stream = $"restart-{Guid.NewGuid():N}";
        var before = await StartAsync();
        var first = await before.Service.HandleAsync(new Tally.Add(stream, "report-1", 250), new CommandContext("corr-1"));
        await before.Service.HandleAsync(new Tally.Add(stream, "report-2", 5));
        before.Marten.Dispose();

        var after = await StartAsync();
        var repeat = await after.Service.HandleAsync(new Tally.Add(stream, "report-1", 250), new CommandContext("corr-2"));

        first.Outcome.Should().Be(CommandOutcome.Accepted);
        repeat.Outcome.Should().Be(CommandOutcome.AlreadyApplied);
        repeat.Events.Should().BeEquivalentTo(first.Events, o => o.Excluding(e => e.GlobalPosition));
        repeat.StreamVersion.Should().Be(3);
        var stored = await new MartenEventStore(after.Marten, Tally.Catalog).ReadStreamAsync(StreamKey.Of(stream));
        stored.Select(e => e.Metadata.CommandId).Should().Equal("report-1", "report-1", "report-2");
        stored.Where(e => e.Metadata.CommandId == "report-1").Should().OnlyContain(e => e.Metadata.CorrelationId == "corr-1");
    }
}
