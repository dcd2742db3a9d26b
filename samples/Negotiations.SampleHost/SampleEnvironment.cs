using System;
using System.IO;
using Microsoft.Extensions.DependencyInjection;

namespace Negotiations.SampleHost;

/// <summary>What the sample takes from the world around it, so that tests can run it in-process.</summary>
public sealed record SampleEnvironment
{
    /// <summary>Reads an environment variable (<c>NEGOTIATIONS_POSTGRES</c>, <c>COLUMNS</c>).</summary>
    public Func<string, string?> GetVariable { get; init; } = Environment.GetEnvironmentVariable;

    /// <summary>The folder relative paths and the seeds are looked up from.</summary>
    public string CurrentDirectory { get; init; } = Directory.GetCurrentDirectory();

    /// <summary>True when stdout is a terminal: colours, and the terminal's width.</summary>
    public bool OutputIsTerminal { get; init; }

    /// <summary>The width to lay the report out in when stdout is not a terminal (or <c>COLUMNS</c> when set).</summary>
    public int RedirectedWidth { get; init; } = 100;

    /// <summary>Changes the services after the sample has registered its own (tests swap in a store they can read).</summary>
    public Action<IServiceCollection>? ConfigureServices { get; init; }

    /// <summary>The process's own environment, with stdout's terminal-ness as the console reports it.</summary>
    public static SampleEnvironment FromConsole() => new() { OutputIsTerminal = !Console.IsOutputRedirected };
}
