using System.Text.Json;
using FluentAssertions;
using Xunit;

namespace Negotiations.SampleHost.Tests;

/// <summary>The README's sample command in-process: the seed replayed through MediatR into the in-memory store.</summary>
public sealed class InMemoryReplayTests
{
    [Fact]
    public async Task The_seed_replay_shows_the_23_July_round_the_two_Istanbul_rounds_the_50_day_ultimatum_and_the_rejected_demands()
    {
        var run = await SampleRun.RunAsync([]);

        run.ExitCode.Should().Be(0, run.Stderr);
        run.Stderr.Should().BeEmpty();
        (await run.CountEventsAsync()).Should().Be(SampleRun.SeedEvents);
        run.Stdout.Should().Contain("Zelenskyy announces a new round of Russia-Ukraine peace talks in Türkiye on July 23")
            .And.Contain("Published Mon 21 July 2025")
            .And.Contain("17 commands sent through MediatR to the in-memory store: 17 events appended, 17 published as notifications")
            .And.Contain("the state as of Mon 21 July 2025")
            .And.Contain("Rounds: 2 held, 1 to come")
            .And.Contain("Wed 23 July 2025 (in 2 days)")
            .And.Contain("turkiye-2025-07-23")
            .And.Contain("istanbul-2025-05-16")
            .And.Contain("istanbul-2025-06-02")
            .And.Contain("Since the previous round (Istanbul, Türkiye, Mon 2 June 2025): 8 new facts.")
            .And.Contain("Donald Trump → Russia")
            .And.Contain("2–8 September 2025 (week)")
            .And.Contain("43–49 days left")
            .And.Contain("Demand:")
            .And.Contain("Prisoners exchange")
            .And.Contain("no stage recorded yet")
            .And.Contain("A lot of diplomatic work lies ahead.")
            .And.Contain("Timeline, in world order (17 facts as of Mon 21 July 2025)")
            .And.Contain("“Both sides met in Istanbul on May 16 and June 2 amid US pressure to agree a cease-fire.”");
        run.Stdout.Should().Contain("Fri 16 May 2025").And.Contain("Mon 2 June 2025");
        Occurrences(run.Stdout, "Istanbul, Türkiye").Should().Be(3, "the two held rounds were in Istanbul, and the line on what changed names the last");
        Occurrences(run.Stdout, "Rejected by Ukraine").Should().Be(2, "Ukraine rejected both Russian demands");
    }

    [Fact]
    public async Task Piped_output_has_no_escape_codes_and_keeps_to_the_width()
    {
        var run = await SampleRun.RunAsync([], width: 100);
        var narrow = await SampleRun.RunAsync([], variables: new Dictionary<string, string> { ["COLUMNS"] = "72" });

        run.Stdout.Should().NotContain("\u001b[");
        run.Stdout.Should().Contain("╭").And.Contain("│");
        run.Stdout.Split('\n').Should().OnlyContain(line => line.Length <= 100);
        narrow.Stdout.Split('\n').Should().OnlyContain(line => line.Length <= 72);
        narrow.Stdout.Should().Contain("43–49");
    }

    [Fact]
    public async Task As_of_20_May_2025_one_round_is_held_and_nothing_is_scheduled()
    {
        var run = await SampleRun.RunAsync(["--as-of", "2025-05-20"]);

        run.ExitCode.Should().Be(0, run.Stderr);
        (await run.CountEventsAsync()).Should().Be(SampleRun.SeedEvents, "the whole script is replayed; only the view is as of the day");
        run.Stdout.Should().Contain("the state as of Tue 20 May 2025")
            .And.Contain("Rounds: 1 held, none to come")
            .And.Contain("istanbul-2025-05-16")
            .And.Contain("No active ultimatum.")
            .And.Contain("No proposal recorded.")
            .And.Contain("Since the previous round (Istanbul, Türkiye, Fri 16 May 2025): nothing recorded has surely happened.")
            .And.Contain("Timeline, in world order (2 facts as of Tue 20 May 2025)");
        run.Stdout.Should().NotContain("istanbul-2025-06-02").And.NotContain("turkiye-2025-07-23").And.NotContain("Wed 23 July 2025");
    }

    [Fact]
    public async Task Json_output_is_the_state_and_timeline_in_the_json_contract()
    {
        var run = await SampleRun.RunAsync(["--json"]);

        run.ExitCode.Should().Be(0, run.Stderr);
        run.Stdout.Should().NotContain("\u001b[").And.NotContain("╭");
        using var json = JsonDocument.Parse(run.Stdout);
        var root = json.RootElement;
        root.GetProperty("asOf").GetString().Should().Be("2025-07-21");
        root.GetProperty("article").GetProperty("publishedOn").GetString().Should().Be("2025-07-21");
        root.GetProperty("replay").GetProperty("appended").GetInt32().Should().Be(17);
        var track = root.GetProperty("tracks").EnumerateArray().Single();
        var state = track.GetProperty("state");
        state.GetProperty("id").GetString().Should().Be("russia-ukraine-2025");
        state.GetProperty("rounds").EnumerateArray().Select(r => (r.GetProperty("id").GetString(), r.GetProperty("status").GetString()))
            .Should().Equal(("istanbul-2025-05-16", "held"), ("istanbul-2025-06-02", "held"), ("turkiye-2025-07-23", "scheduled"));
        state.GetProperty("proposals").EnumerateArray()
            .Where(p => p.GetProperty("kind").GetString() == "demand")
            .Select(p => p.GetProperty("answers")[0].GetProperty("answer").GetString())
            .Should().Equal("rejected", "rejected");
        var ultimatum = track.GetProperty("activeUltimatums").EnumerateArray().Single();
        ultimatum.GetProperty("ultimatum").GetString().Should().Be("trump-50-days");
        ultimatum.GetProperty("daysLeftMin").GetInt32().Should().Be(43);
        ultimatum.GetProperty("daysLeftMax").GetInt32().Should().Be(49);
        track.GetProperty("timeline").GetProperty("entries").GetArrayLength().Should().Be(17);
    }

    [Fact]
    public async Task Json_as_of_20_May_2025_holds_one_held_round()
    {
        var run = await SampleRun.RunAsync(["--json", "--as-of", "2025-05-20"]);

        run.ExitCode.Should().Be(0, run.Stderr);
        using var json = JsonDocument.Parse(run.Stdout);
        var state = json.RootElement.GetProperty("tracks")[0].GetProperty("state");
        state.GetProperty("asOf").GetString().Should().Be("2025-05-20");
        state.GetProperty("rounds").EnumerateArray().Select(r => r.GetProperty("status").GetString()).Should().Equal("held");
    }

    [Fact]
    public async Task A_second_replay_into_the_same_store_appends_nothing_and_says_so()
    {
        var first = await SampleRun.RunAsync([]);
        var second = await SampleRun.RunAsync([], first.Store);

        second.ExitCode.Should().Be(0, second.Stderr);
        second.Stdout.Should().Contain("17 entries already recorded in the in-memory store; nothing appended");
        (await second.CountEventsAsync()).Should().Be(SampleRun.SeedEvents);
    }

    [Fact]
    public async Task The_seed_is_found_from_any_folder()
    {
        using var scratch = new ScratchFiles();

        var run = await SampleRun.RunAsync([], currentDirectory: scratch.Folder);

        run.ExitCode.Should().Be(0, run.Stderr);
        run.Stdout.Should().Contain("Wed 23 July 2025");
    }

    [Fact]
    public async Task Another_article_and_script_replay_with_their_own_dates_and_names()
    {
        using var scratch = new ScratchFiles();
        var article = scratch.Write("talks.txt", File.ReadAllText(RepositoryPaths.SeedArticle));
        var script = scratch.Script("talks.script.json", entries => entries.RemoveAt(entries.Count - 1));

        var run = await SampleRun.RunAsync(["--article", article, "--script", script, "--as-of", "2025-07-22"]);

        run.ExitCode.Should().Be(0, run.Stderr);
        (await run.CountEventsAsync()).Should().Be(SampleRun.SeedEvents - 1);
        run.Stdout.Should().Contain("talks.txt")
            .And.Contain("Publication day not given")
            .And.Contain("the state as of Tue 22 July 2025")
            .And.Contain("Wed 23 July 2025 (tomorrow)")
            .And.Contain("42–48 days left")
            .And.NotContain("A lot of diplomatic work lies ahead.");
    }

    [Fact]
    public async Task Help_prints_the_usage()
    {
        var run = await SampleRun.RunAsync(["--help"]);

        run.ExitCode.Should().Be(0);
        run.Stdout.Should().Contain("Usage:").And.Contain("--article <file>").And.Contain("--postgres <connection string>").And.Contain("--schema <name>");
        (await run.CountEventsAsync()).Should().Be(0);
    }

    private static int Occurrences(string text, string value)
    {
        var count = 0;
        for (var at = text.IndexOf(value, StringComparison.Ordinal); at >= 0; at = text.IndexOf(value, at + value.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
