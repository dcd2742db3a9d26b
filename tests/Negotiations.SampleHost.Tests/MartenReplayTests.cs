using System.Text.Json;
using FluentAssertions;
using JasperFx.Events.Daemon;
using JasperFx.Events.Projections;
using Microsoft.Extensions.DependencyInjection;
using Negotiations.EventSourcing;
using Negotiations.Marten;
using Xunit;
using Negotiations.Tests.Shared;

namespace Negotiations.SampleHost.Tests;

/// <summary>
/// The sample on PostgreSQL (<c>--postgres</c>): the replay through MediatR into Marten, the state read back from the
/// async projections, a second run that appends nothing, and bad input that appends nothing. Each test has a schema
/// of its own.
/// </summary>
public sealed class MartenReplayTests(SampleSchemas schemas) : IClassFixture<SampleSchemas>
{
    private const string Track = "russia-ukraine-2025";

    [Fact]
    public async Task The_seed_on_marten_is_read_back_from_the_projections_and_a_second_run_appends_nothing()
    {
        var connectionString = await Postgres.RequireAsync();
        var schema = schemas.New("seed");
        string[] args = ["--postgres", connectionString, "--schema", schema];

        var first = await SampleRun.RunAsync(args);

        first.ExitCode.Should().Be(0, first.Stderr);
        first.Stderr.Should().BeEmpty();
        first.Stdout.Should().Contain("17 commands sent through MediatR to the PostgreSQL store (Marten): 17 events appended")
            .And.Contain("read from Marten async projections (the latest views, 17 timeline entries)")
            .And.Contain("Rounds: 2 held, 1 to come")
            .And.Contain("Wed 23 July 2025")
            .And.Contain("43–49 days left");
        (await first.CountEventsAsync()).Should().Be(0, "the in-memory store is not used on PostgreSQL");

        await using (var services = Marten(connectionString, schema))
        {
            var views = services.GetRequiredService<MartenViews>();
            var state = (await views.LoadLatestAsync<NegotiationState>(StreamKey.Of(Track)))!;
            state.Rounds.Select(r => (r.Id.Value, r.Status)).Should().Equal(
                ("istanbul-2025-05-16", RoundStatus.Held), ("istanbul-2025-06-02", RoundStatus.Held), ("turkiye-2025-07-23", RoundStatus.Scheduled));
            state.FindRound(new RoundId("turkiye-2025-07-23"))!.Date.Should().Be(WorldDate.On(2025, 7, 23));
            state.Proposals.Where(p => p.Kind == ProposalKind.Demand).Select(p => p.Answers.Single().Answer)
                .Should().Equal(AnswerKind.Rejected, AnswerKind.Rejected);
            state.Ultimatums.Single().StatusOn(new DateOnly(2025, 7, 21)).Should().Be(UltimatumStatus.Active);
            (await views.LoadLatestAsync<Timeline>(StreamKey.Of(Track)))!.Entries.Should().HaveCount(SampleRun.SeedEvents);
            (await services.GetRequiredService<IEventStore>().ReadStreamAsync(StreamKey.Of(Track))).Should().HaveCount(SampleRun.SeedEvents);
        }

        var second = await SampleRun.RunAsync(args);

        second.ExitCode.Should().Be(0, second.Stderr);
        second.Stdout.Should().Contain("17 entries already recorded in the PostgreSQL store (Marten); nothing appended")
            .And.Contain("Wed 23 July 2025");
        await using (var services = Marten(connectionString, schema))
        {
            (await services.GetRequiredService<IEventStore>().ReadStreamAsync(StreamKey.Of(Track))).Should().HaveCount(SampleRun.SeedEvents);
        }
    }

    [Fact]
    public async Task As_of_20_May_2025_on_marten_the_view_is_folded_again_from_the_stream()
    {
        var connectionString = await Postgres.RequireAsync();
        var schema = schemas.New("as_of");

        var run = await SampleRun.RunAsync(["--postgres", connectionString, "--schema", schema, "--as-of", "2025-05-20", "--json"]);

        run.ExitCode.Should().Be(0, run.Stderr);
        using var json = JsonDocument.Parse(run.Stdout);
        var track = json.RootElement.GetProperty("tracks")[0];
        track.GetProperty("readFrom").GetString().Should().StartWith("the Marten stream, folded as of");
        track.GetProperty("state").GetProperty("rounds").EnumerateArray().Select(r => r.GetProperty("id").GetString()).Should().Equal("istanbul-2025-05-16");
        json.RootElement.GetProperty("store").GetString().Should().Be("PostgreSQL store (Marten)");
    }

    [Fact]
    public async Task NEGOTIATIONS_POSTGRES_switches_the_sample_to_marten_like_the_option()
    {
        var connectionString = await Postgres.RequireAsync();
        var schema = schemas.New("variable");

        var run = await SampleRun.RunAsync(["--schema", schema], variables: new Dictionary<string, string> { ["NEGOTIATIONS_POSTGRES"] = connectionString });

        run.ExitCode.Should().Be(0, run.Stderr);
        run.Stdout.Should().Contain("to the PostgreSQL store (Marten)");
    }

    [Fact]
    public async Task A_script_the_model_refuses_appends_nothing_to_a_track_already_on_marten()
    {
        var connectionString = await Postgres.RequireAsync();
        var schema = schemas.New("refused");
        string[] marten = ["--postgres", connectionString, "--schema", schema];
        (await SampleRun.RunAsync(marten)).ExitCode.Should().Be(0);
        using var scratch = new ScratchFiles();
        var script = scratch.Script("later.script.json", entries =>
        {
            // Two new entries the model accepts, then one it refuses: an answer to a proposal the track does not have.
            var statement = entries[16]!.DeepClone();
            statement["data"]!["commandId"] = "later/peskov-again";
            var answer = entries[6]!.DeepClone();
            answer["data"]!["commandId"] = "later/answer-unknown";
            answer["data"]!["proposal"] = "russia-all-regions";
            entries.Add(statement);
            entries.Add(answer);
        });

        var run = await SampleRun.RunAsync([.. marten, "--article", RepositoryPaths.SeedArticle, "--script", script]);

        run.ExitCode.Should().Be(1);
        run.ErrorLines.Should().ContainSingle().Which.Should()
            .StartWith($"error: {script}: entry 19 (later/answer-unknown): AnswerProposal refused by the model: proposal.unknown")
            .And.EndWith("; nothing was appended");
        await using var services = Marten(connectionString, schema);
        (await services.GetRequiredService<IEventStore>().ReadStreamAsync(StreamKey.Of(Track))).Should().HaveCount(SampleRun.SeedEvents);
    }

    [Fact]
    public async Task A_bad_script_appends_nothing_to_an_empty_marten_schema()
    {
        var connectionString = await Postgres.RequireAsync();
        var schema = schemas.New("bad");
        using var scratch = new ScratchFiles();
        var script = scratch.Script("bad.script.json", entries => entries[3]!["command"] = "HoldExchange");

        var run = await SampleRun.RunAsync(["--postgres", connectionString, "--schema", schema, "--article", RepositoryPaths.SeedArticle, "--script", script]);

        run.ExitCode.Should().Be(1);
        run.ErrorLines.Should().ContainSingle().Which.Should().Contain("entry 4").And.Contain("unknown command 'HoldExchange'");
        await using var services = Marten(connectionString, schema);
        (await services.GetRequiredService<IEventStore>().ReadStreamAsync(StreamKey.Of(Track))).Should().BeEmpty();
    }

    private static ServiceProvider Marten(string connectionString, string schema)
    {
        var services = new ServiceCollection();
        services.AddNegotiations().UseMarten(o =>
        {
            o.ConnectionString = connectionString;
            o.SchemaName = schema;
            o.AddProjection(new NegotiationStateProjection(), ProjectionLifecycle.Async);   // as the sample registers them
            o.AddProjection(new TimelineProjection(), ProjectionLifecycle.Async);
            o.DaemonMode = DaemonMode.Disabled;   // the tests read the latest views through FetchLatest
        });
        return services.BuildServiceProvider();
    }
}
