using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Negotiations.EventSourcing;
using Xunit;

namespace Negotiations.SampleHost.Tests;

/// <summary>One run of the sample in-process: its exit code, what it wrote, and the in-memory store it wrote to.</summary>
internal sealed record SampleRun(int ExitCode, string Stdout, string Stderr, InMemoryEventStore Store)
{
    /// <summary>The seed's replay script appends one event per entry.</summary>
    public const int SeedEvents = 17;

    /// <summary>
    /// Runs the sample with the given arguments, no environment variables (so a NEGOTIATIONS_POSTGRES of the
    /// machine does not switch it to PostgreSQL), stdout not a terminal laid out wide (so that assertions on a line
    /// do not meet a wrap), and an in-memory store the test can read.
    /// </summary>
    public static async Task<SampleRun> RunAsync(string[] args, InMemoryEventStore? store = null, string? currentDirectory = null, IReadOnlyDictionary<string, string>? variables = null, int width = 200)
    {
        store ??= new InMemoryEventStore(NegotiationEvents.Catalog);
        var stdout = new StringWriter { NewLine = "\n" };
        var stderr = new StringWriter { NewLine = "\n" };
        var environment = new SampleEnvironment
        {
            GetVariable = name => variables is not null && variables.TryGetValue(name, out var value) ? value : null,
            CurrentDirectory = currentDirectory ?? RepositoryPaths.Root,
            OutputIsTerminal = false,
            RedirectedWidth = width,
            ConfigureServices = services => services.Replace(ServiceDescriptor.Singleton(store)),
        };
        var exitCode = await SampleApp.RunAsync(args, stdout, stderr, environment, TestContext.Current.CancellationToken);
        return new SampleRun(exitCode, stdout.ToString(), stderr.ToString(), store);
    }

    /// <summary>Every event in the store, all streams.</summary>
    public async Task<int> CountEventsAsync()
    {
        var count = 0;
        await foreach (var _ in Store.ReadAllAsync(0))
        {
            count++;
        }

        return count;
    }

    /// <summary>The lines of stderr, without the final newline.</summary>
    public IReadOnlyList<string> ErrorLines => Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
}
