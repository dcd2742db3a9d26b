using BenchmarkDotNet.Running;
using Negotiations.Benchmarks;

// Runs the benchmarks BenchmarkDotNet's way: `-- --filter '*'` for all, `--filter '*Projection*'` for some,
// `--job short` for a quick, rougher run, `--list flat` to see them. See docs/benchmarks.md.
List<Type> benchmarks =
[
    typeof(ShortTrackCommandBenchmarks),
    typeof(LongTrackCommandBenchmarks),
    typeof(TrackImportBenchmarks),
    typeof(ProjectionBenchmarks),
    typeof(SeedReplayBenchmarks),
    typeof(JsonBenchmarks),
];

if (await Postgres.ProblemAsync().ConfigureAwait(false) is { } problem)
{
    Console.WriteLine($"// {nameof(MartenBenchmarks)} left out: {problem}.");
}
else
{
    benchmarks.Add(typeof(MartenBenchmarks));
}

BenchmarkSwitcher.FromTypes([.. benchmarks]).Run(args);
