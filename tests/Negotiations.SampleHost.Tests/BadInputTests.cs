using System.Text.Json.Nodes;
using FluentAssertions;
using Xunit;

namespace Negotiations.SampleHost.Tests;

/// <summary>
/// Bad input stops the sample before anything is appended: one line on stderr naming the file, the entry and the
/// problem, and a non-zero exit code.
/// </summary>
public sealed class BadInputTests(ScratchFiles scratch) : IClassFixture<ScratchFiles>
{
    private const string Id = "zelenskyy-2025-07-21/";

    public static TheoryData<string, string, string> BadScripts => new()
    {
        { "unknown-command", $": entry 4 ({Id}prisoner-exchanges-agreed): unknown command 'HoldExchange'", "" },
        { "missing-field", $": entry 2 ({Id}round-held-2025-05-16): invalid RecordRoundHeld data", "'venue'" },
        { "bad-date", $": entry 10 ({Id}trump-50-days): invalid IssueUltimatum data at data.deadline", "'2025-09-31' is not a date" },
        { "quote-not-in-article", $": entry 15 ({Id}round-set-2025-07-23): quote not found in the article", "\"Zelenskyy announced talks on Thursday\"" },
        { "refused-by-the-model", $": entry 7 ({Id}ukraine-rejects-four-regions): AnswerProposal refused by the model: proposal.unknown", "'russia-all-regions'" },
        { "malformed-json", ": malformed JSON", "" },
    };

    [Theory]
    [MemberData(nameof(BadScripts))]
    public async Task A_bad_script_gives_one_line_naming_the_file_the_entry_and_the_problem_and_appends_nothing(string name, string problem, string detail)
    {
        var script = name == "malformed-json"
            ? scratch.Write($"{name}.script.json", File.ReadAllText(RepositoryPaths.SeedScript)[..2000])
            : scratch.Script($"{name}.script.json", entries => Spoil(name, entries));

        var run = await SampleRun.RunAsync(["--article", RepositoryPaths.SeedArticle, "--script", script]);

        run.ExitCode.Should().Be(1);
        var line = run.ErrorLines.Should().ContainSingle().Which;
        line.Should().StartWith($"error: {script}{problem}").And.EndWith("; nothing was appended");
        if (detail.Length > 0)
        {
            line.Should().Contain(detail);
        }

        run.Stdout.Should().BeEmpty();
        (await run.CountEventsAsync()).Should().Be(0);
    }

    [Fact]
    public async Task An_article_missing_a_quoted_sentence_names_the_script_entry_and_the_article()
    {
        var text = File.ReadAllText(RepositoryPaths.SeedArticle);
        var article = scratch.Write("no-peskov.txt", text.Replace("\"A lot of diplomatic work lies ahead,\"", "\"Work lies ahead,\"", StringComparison.Ordinal));

        var run = await SampleRun.RunAsync(["--article", article, "--script", RepositoryPaths.SeedScript]);

        run.ExitCode.Should().Be(1);
        run.ErrorLines.Should().ContainSingle().Which.Should()
            .StartWith($"error: {RepositoryPaths.SeedScript}: entry 17 ({Id}peskov-work-ahead): quote not found in the article {article}: ");
        (await run.CountEventsAsync()).Should().Be(0);
    }

    [Fact]
    public async Task A_missing_file_is_named()
    {
        var missing = Path.Combine(scratch.Folder, "absent.script.json");

        var run = await SampleRun.RunAsync(["--article", RepositoryPaths.SeedArticle, "--script", missing]);

        run.ExitCode.Should().Be(1);
        run.ErrorLines.Should().ContainSingle().Which.Should().Be($"error: {missing}: no such file");
        (await run.CountEventsAsync()).Should().Be(0);
    }

    [Theory]
    [InlineData("Unrecognized command or argument '--frobnicate' (see --help)", "--frobnicate")]
    [InlineData("--as-of '2025-13-01' is not a date: write it as yyyy-MM-dd, such as 2025-07-21", "--as-of", "2025-13-01")]
    [InlineData("--as-of '21/07/2025' is not a date: write it as yyyy-MM-dd, such as 2025-07-21", "--as-of", "21/07/2025")]
    [InlineData("Required argument missing for option: '--as-of' (see --help)", "--as-of")]
    [InlineData("--script needs --article: the script's quotes are checked against its article", "--script", "x.json")]
    [InlineData("Unrecognized command or argument 'yes' (see --help)", "--json=yes")]
    [InlineData("--schema needs --postgres (or NEGOTIATIONS_POSTGRES): without a database the sample replays in memory and has no schema", "--schema", "negotiations")]
    [InlineData("--schema 'Bad-Name' is not a valid schema name: use lower case letters, digits and underscores, starting with a letter, at most 63 characters", "--postgres", "Host=127.0.0.1", "--schema", "Bad-Name")]
    [InlineData("--schema 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa' is not a valid schema name: use lower case letters, digits and underscores, starting with a letter, at most 63 characters", "--postgres", "Host=127.0.0.1", "--schema", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")]
    [InlineData("--schema 'negotiations\\u000A' is not a valid schema name: use lower case letters, digits and underscores, starting with a letter, at most 63 characters", "--postgres", "Host=127.0.0.1", "--schema", "negotiations\n")]
    [InlineData("--postgres is not an Npgsql connection string (ArgumentException): write it as \"Host=127.0.0.1;Port=5432;Database=negotiations;Username=...;Password=...\"", "--postgres", "not a connection string")]
    [InlineData("--postgres is not an Npgsql connection string (ArgumentException): write it as \"Host=127.0.0.1;Port=5432;Database=negotiations;Username=...;Password=...\"", "--postgres", "Host=127.0.0.1;Port=notanumber")]
    [InlineData("--postgres names no server: give Host=..., such as \"Host=127.0.0.1;Database=negotiations;Username=...;Password=...\"", "--postgres", "Database=negotiations")]
    public async Task A_bad_command_line_gives_one_line_and_exit_code_2_and_appends_nothing(string message, params string[] args)
    {
        var run = await SampleRun.RunAsync(args);

        run.ExitCode.Should().Be(2);
        run.ErrorLines.Should().Equal($"error: {message}");
        run.Stdout.Should().BeEmpty();
        (await run.CountEventsAsync()).Should().Be(0);
    }

    [Fact]
    public async Task A_bad_connection_string_in_the_environment_is_named_as_such()
    {
        var run = await SampleRun.RunAsync([], variables: new Dictionary<string, string> { ["NEGOTIATIONS_POSTGRES"] = "Port=notanumber;Password=secret" });

        run.ExitCode.Should().Be(2);
        run.ErrorLines.Should().ContainSingle().Which.Should().StartWith("error: NEGOTIATIONS_POSTGRES is not an Npgsql connection string").And.NotContain("secret");
    }

    [Fact]
    public async Task An_unreachable_server_is_one_line_and_exit_code_3()
    {
        var run = await SampleRun.RunAsync(["--postgres", "Host=127.0.0.1;Port=1;Timeout=2;Database=negotiations;Username=nobody;Password=secret"]);

        run.ExitCode.Should().Be(3);
        run.ErrorLines.Should().ContainSingle().Which.Should().StartWith("error: the PostgreSQL store failed: ").And.NotContain("secret").And.NotContain("   at ");
    }

    public static TheoryData<string> NotRegularFiles() => OperatingSystem.IsWindows() ? [] : new() { "/dev/zero", "/dev/null", "fifo", "folder", "empty", "eleven-megabytes" };

    [Theory]
    [MemberData(nameof(NotRegularFiles))]
    public async Task A_script_that_is_a_device_a_fifo_a_folder_empty_or_over_10_mb_is_one_line_and_exit_code_1(string kind)
    {
        var path = kind switch
        {
            "fifo" => Fifo(),
            "folder" => Directory.CreateDirectory(Path.Combine(scratch.Folder, "a-folder")).FullName,
            "empty" => scratch.Write("empty.script.json", string.Empty),
            "eleven-megabytes" => scratch.Write("big.script.json", "[" + new string(' ', 11 * 1024 * 1024) + "]"),
            _ => kind,
        };

        var run = await SampleRun.RunAsync(["--article", RepositoryPaths.SeedArticle, "--script", path]);

        run.ExitCode.Should().Be(1);
        run.ErrorLines.Should().ContainSingle().Which.Should().StartWith($"error: {path}").And.EndWith(kind switch
        {
            "folder" => ": no such file",
            "eleven-megabytes" => "more than the 10,485,760 (10 MB) an article or a script may have; nothing was appended",
            _ => "the file is empty or not a regular file (a device, a FIFO or a socket); nothing was appended",
        });
        (await run.CountEventsAsync()).Should().Be(0);
    }

    [Fact]
    public async Task A_report_that_cannot_be_written_is_one_line_and_exit_code_1()
    {
        var stderr = new StringWriter();

        var exitCode = await SampleApp.RunAsync([], new FullDisk(), stderr, new SampleEnvironment { GetVariable = _ => null, CurrentDirectory = RepositoryPaths.Root }, TestContext.Current.CancellationToken);

        exitCode.Should().Be(1);
        stderr.ToString().Should().Be("error: cannot write to stdout: No space left on device" + Environment.NewLine);
    }

    private string Fifo()
    {
        var path = Path.Combine(scratch.Folder, "script.fifo");
        using var mkfifo = System.Diagnostics.Process.Start("mkfifo", [path]);
        mkfifo.WaitForExit();
        mkfifo.ExitCode.Should().Be(0);
        return path;
    }

    /// <summary>stdout on a full disk, as <c>&gt; /dev/full</c> gives it.</summary>
    private sealed class FullDisk : StringWriter
    {
        public override void Write(char value) => throw new IOException("No space left on device");

        public override void Write(string? value) => throw new IOException("No space left on device");

        public override void Write(char[] buffer, int index, int count) => throw new IOException("No space left on device");

        public override void WriteLine(string? value) => throw new IOException("No space left on device");
    }

    private static void Spoil(string name, JsonArray entries)
    {
        switch (name)
        {
            case "unknown-command":
                entries[3]!["command"] = "HoldExchange";
                break;
            case "missing-field":
                entries[1]!["data"]!.AsObject().Remove("venue");
                break;
            case "bad-date":
                entries[9]!["data"]!["deadline"]!["notBefore"] = "2025-09-31";
                break;
            case "quote-not-in-article":
                entries[14]!["data"]!["source"]!["quote"] = "Zelenskyy announced talks on Thursday";
                break;
            case "refused-by-the-model":
                entries[6]!["data"]!["proposal"] = "russia-all-regions";
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(name), name, "no such spoiling");
        }
    }
}
