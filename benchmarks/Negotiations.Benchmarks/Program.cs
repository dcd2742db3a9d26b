using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.NoEmit;
using Negotiations.Benchmarks;

// Runs the benchmarks BenchmarkDotNet's way: `-- --filter '*'` for all, `--filter '*Fold*'` for some, `--job short`
// for a quicker, rougher run, `--list flat` to see them. `--smoke` runs every benchmark once, in this process, at tiny
// sizes, and fails when a subject and its baseline did not do the same work; it judges no timing (.ci/run runs it).
// See docs/benchmarks.md.
var smoke = args.Contains("--smoke");
if (smoke)
{
    Environment.SetEnvironmentVariable("NEGOTIATIONS_BENCH_SMOKE", "1");
}

List<Type> benchmarks =
[
    typeof(FoldBenchmarks),
    typeof(MediatRBenchmarks),
    typeof(SeedReplayBenchmarks),
    typeof(JsonBenchmarks),
];

Type[] postgres = [typeof(MartenCommandBenchmarks), typeof(MartenReadBenchmarks), typeof(MartenAppendBenchmarks), typeof(ImportBenchmarks), typeof(CommandByCommandImportBenchmarks)];
if (await Postgres.ProblemAsync().ConfigureAwait(false) is { } problem)
{
    if (smoke)
    {
        Console.Error.WriteLine($"benchmarks smoke: the PostgreSQL benchmarks cannot run: {problem}.");
        return 1;
    }

    Console.WriteLine($"// {string.Join(", ", postgres.Select(t => t.Name))} left out: {problem}.");
}
else
{
    benchmarks.AddRange(postgres);
}

if (!smoke)
{
    BenchmarkSwitcher.FromTypes([.. benchmarks]).Run(args);
    return 0;
}

var config = ManualConfig.CreateEmpty()
    .AddJob(Job.Dry.WithToolchain(InProcessNoEmitToolchain.Instance).WithId("smoke"))
    .AddLogger(BenchmarkDotNet.Loggers.ConsoleLogger.Default)
    .AddColumnProvider(BenchmarkDotNet.Columns.DefaultColumnProviders.Instance)
    .WithOptions(ConfigOptions.DisableOptimizationsValidator);
var started = DateTime.UtcNow;
var summaries = new List<BenchmarkDotNet.Reports.Summary>();
var failed = new List<string>();
foreach (var type in benchmarks)
{
    try
    {
        summaries.Add(BenchmarkRunner.Run(type, config));
    }
#pragma warning disable CA1031 // One class failing is reported with the rest; the run goes on.
    catch (Exception ex)
#pragma warning restore CA1031
    {
        failed.Add($"{type.Name}: {ex.GetType().Name}: {ex.Message}");
    }
}

var reports = summaries.SelectMany(s => s.Reports).ToList();
failed.AddRange(reports.Where(r => !r.Success).Select(r => r.BenchmarkCase.DisplayInfo));
var checks = Checks.All;
Console.WriteLine($"benchmarks smoke: {reports.Count} benchmarks ran in {(DateTime.UtcNow - started).TotalSeconds:F0} s, {failed.Count} failed; {checks.Count(c => c.Passed)} of {checks.Count} checks passed");
foreach (var name in failed)
{
    Console.Error.WriteLine($"benchmarks smoke: failed: {name}");
}

foreach (var check in checks.Where(c => !c.Passed))
{
    Console.Error.WriteLine($"benchmarks smoke: check failed: {check.Name}: {check.Detail}");
}

return failed.Count == 0 && checks.All(c => c.Passed) && reports.Count > 0 && summaries.All(s => !s.HasCriticalValidationErrors) ? 0 : 1;
