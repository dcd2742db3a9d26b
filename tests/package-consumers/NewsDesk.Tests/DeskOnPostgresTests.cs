using FluentAssertions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Negotiations;
using Negotiations.EventSourcing;
using Negotiations.Testing;
using Xunit;

namespace NewsDesk.Tests;

/// <summary>
/// The desk as it runs: the commands through its MediatR, the events on PostgreSQL through Marten, the state and the
/// desk's own view stored inline, each equal to its replay from the history the store exports.
/// </summary>
public sealed class DeskOnPostgresTests
{
    [Fact]
    public async Task The_desk_records_the_talks_through_the_mediator_and_reads_its_views_from_postgres()
    {
        var cancellationToken = TestContext.Current.CancellationToken;
        var connectionString = await Postgres.RequireAsync();
        var schema = $"newsdesk_{Guid.NewGuid():N}"[..24];
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services.AddNewsDesk().UseNewsDeskStore(connectionString, schema);
        var exported = Path.Combine(Path.GetTempPath(), $"{schema}.history.json");
        try
        {
            using var host = builder.Build();
            await using var scope = host.Services.CreateAsyncScope();
            var desk = scope.ServiceProvider.GetRequiredService<TalksDesk>();

            foreach (var command in HarbourTalks.Commands)
            {
                var result = await desk.RecordAsync(command, cancellationToken);
                result.Outcome.Should().Be(CommandOutcome.Accepted, $"{command.CommandId} is recorded ({result.Error?.Code})");
            }

            (await desk.RecordAsync(HarbourTalks.Commands[2], cancellationToken)).Outcome.Should().Be(CommandOutcome.AlreadyApplied);
            scope.ServiceProvider.GetRequiredService<AlertBoard>().Alerts.Should().HaveCount(3, "one alert per ultimatum committed, the retracted one included, none for the repeat");

            var state = await desk.StateAsync(HarbourTalks.Track, cancellationToken);
            var ultimatums = await desk.UltimatumsAsync(HarbourTalks.Track, cancellationToken);
            var history = await EventHistory.ExportAsync(scope.ServiceProvider.GetRequiredService<IEventStore>(), [HarbourTalks.Track.Value], exported, cancellationToken);

            state.Should().HaveRoundHeld(HarbourTalks.SecondRound, new DateOnly(2026, 3, 16), new Venue(HarbourTalks.Switzerland, "Geneva"));
            state.Should().BeEquivalentTo(EventHistory.Load(exported).Replay(new NegotiationStateProjection(), HarbourTalks.Track.Value));
            ultimatums.Should().BeEquivalentTo(history.Replay(new UltimatumsPerIssuerProjection(), HarbourTalks.Track.Value), o => o.WithStrictOrdering());
            ultimatums.Should().BeEquivalentTo(EventHistory.Load(Histories.HarbourTalks).Replay(new UltimatumsPerIssuerProjection(), HarbourTalks.Track.Value), o => o.WithStrictOrdering());
            ultimatums!.StandingBy().Should().Equal(new Dictionary<string, int> { ["lind"] = 1 });
        }
        finally
        {
            File.Delete(exported);
            await Postgres.DropSchemaAsync(schema);
        }
    }
}
