using System.Text.Json;
using System.Xml.Linq;
using FluentAssertions;
using Negotiations.Tests.Shared;
using Xunit;

namespace Negotiations.SampleHost.Tests;

/// <summary>
/// <c>--export plover|cameo|svg &lt;path&gt;</c>: the seed's exports equal the checked-in files under
/// <c>expected/</c>, in memory and on PostgreSQL. To rewrite those files from the current code, run
/// <c>NEGOTIATIONS_UPDATE_EXPECTED=1 dotnet test tests/Negotiations.SampleHost.Tests --filter "FullyQualifiedName~ExportTests"</c>
/// and review the diff.
/// </summary>
public sealed class ExportTests(SampleSchemas schemas) : IClassFixture<SampleSchemas>, IDisposable
{
    private const string UpdateVariable = "NEGOTIATIONS_UPDATE_EXPECTED";
    private readonly ScratchFiles _scratch = new();

    private static string Expected(string name) => Path.Combine(RepositoryPaths.Root, "tests", "Negotiations.SampleHost.Tests", "expected", name);

    [Theory]
    [InlineData("plover", "seed.plover.json")]
    [InlineData("cameo", "seed.cameo.csv")]
    public async Task The_seeds_export_equals_the_checked_in_file(string format, string expected)
    {
        var path = Path.Combine(_scratch.Folder, expected);

        var run = await SampleRun.RunAsync(["--export", format, path]);

        run.ExitCode.Should().Be(0, run.Stderr);
        run.Stdout.Should().Contain("15 ").And.Contain($"written to {path}; not coded: 2 (negotiation_opened.v1 1, statement_made.v1 1)");
        Check(path, expected);
    }

    [Fact]
    public async Task The_seeds_plover_json_is_valid_and_every_code_in_it_is_one_of_the_mapping()
    {
        var path = Path.Combine(_scratch.Folder, "seed.json");

        (await SampleRun.RunAsync(["--export", "plover", path])).ExitCode.Should().Be(0);

        using var json = JsonDocument.Parse(File.ReadAllBytes(path));
        var records = json.RootElement.GetProperty("records").EnumerateArray().ToList();
        records.Should().HaveCount(15);
        records.Select(r => r.GetProperty("codebook").GetString()).Should().AllBe("PLOVER Draft 0.8, 2021-09-17");
        records.Select(r => r.GetProperty("cameo").GetString()).Should().Contain(["044", "105", "1042", "124", "1232", "1312", "036"]);
        records.Should().OnlyContain(r => r.GetProperty("citation").GetProperty("quote").GetString()!.Length > 0, "every fact of the seed rests on a quote");
    }

    [Fact]
    public async Task The_seeds_chart_is_an_svg_with_a_mark_per_fact()
    {
        var path = Path.Combine(_scratch.Folder, "seed.svg");

        var run = await SampleRun.RunAsync(["--export", "svg", path]);

        run.ExitCode.Should().Be(0, run.Stderr);
        run.Stdout.Should().Contain("chart of 1 track(s) as of 2025-07-21");
        var svg = XDocument.Load(path);
        svg.Root!.Name.LocalName.Should().Be("svg");
        svg.Descendants().Count(e => ((string?)e.Attribute("class"))?.StartsWith("mark ", StringComparison.Ordinal) == true)
            .Should().Be(SampleRun.SeedEvents, "one mark per fact, and each of the seed's events records one (it retracts nothing)");
    }

    [Fact]
    public async Task On_postgres_the_export_is_the_same_as_in_memory()
    {
        var connectionString = await Postgres.RequireAsync();
        var path = Path.Combine(_scratch.Folder, "seed.plover.json");

        var run = await SampleRun.RunAsync(["--postgres", connectionString, "--schema", schemas.New("export"), "--export", "plover", path]);

        run.ExitCode.Should().Be(0, run.Stderr);
        Check(path, "seed.plover.json");
    }

    [Theory]
    [InlineData(new[] { "--export", "xml", "out.xml" }, "--export 'xml' is not a format: use plover, cameo, svg, then the file to write")]
    [InlineData(new[] { "--export", "plover", "out.json", "--json" }, "--export writes a file instead of the report: it does not go with --json")]
    public async Task A_bad_export_is_refused_with_the_rule_and_writes_nothing(string[] args, string message)
    {
        var run = await SampleRun.RunAsync(args, currentDirectory: _scratch.Folder);

        run.ExitCode.Should().Be(2);
        run.Stderr.Should().Contain(message);
        Directory.EnumerateFileSystemEntries(_scratch.Folder).Should().BeEmpty();
    }

    [Fact]
    public async Task An_export_without_its_file_is_a_usage_error()
    {
        var run = await SampleRun.RunAsync(["--export", "plover"]);

        run.ExitCode.Should().Be(2);
        run.Stderr.Should().Contain("--export");
    }

    public void Dispose() => _scratch.Dispose();

    private static void Check(string path, string expected)
    {
        if (Environment.GetEnvironmentVariable(UpdateVariable) == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Expected(expected))!);
            File.Copy(path, Expected(expected), overwrite: true);
        }

        File.ReadAllBytes(path).Should().Equal(File.ReadAllBytes(Expected(expected)), "the export of {0} is the checked-in file", expected);
    }
}
