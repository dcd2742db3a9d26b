using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Negotiations.Scripts;

namespace Negotiations.SampleHost;

/// <summary>
/// The sample host: reads an article and its replay script (the seed by default), checks every entry and quote,
/// replays the commands through MediatR into the command service and a store, and shows the negotiation as of a
/// day. Nothing is appended unless every entry is good.
/// </summary>
public static class SampleApp
{
    // The script reader's words for a quote missing from the article; the sample adds which article.
    private const string QuoteNotFound = "quote not found in the article";

    /// <summary>Runs the sample.</summary>
    /// <param name="args">The command line (see <see cref="SampleOptions.Usage"/>).</param>
    /// <param name="stdout">Where the report goes.</param>
    /// <param name="stderr">Where a one-line error goes.</param>
    /// <param name="environment">Environment variables, the current folder, the terminal; the process's own when null.</param>
    /// <param name="cancellationToken">Stops the run.</param>
    /// <returns>The exit code: 0, or 1 for bad input, 2 for a bad command line, 3 when the store fails, 130 when cancelled.</returns>
    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, SampleEnvironment? environment = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        environment ??= SampleEnvironment.FromConsole();
        try
        {
            var options = SampleOptions.Parse(args, environment.GetVariable);
            if (options.Help)
            {
                await stdout.WriteLineAsync(SampleOptions.Usage).ConfigureAwait(false);
                return 0;
            }

            await RunAsync(options, stdout, environment, cancellationToken).ConfigureAwait(false);
            return 0;
        }
        catch (SampleException ex)
        {
            await stderr.WriteLineAsync($"error: {ex.Message}").ConfigureAwait(false);
            return ex.ExitCode;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await stderr.WriteLineAsync("error: cancelled").ConfigureAwait(false);
            return SampleException.CancelledExitCode;
        }
    }

    private static async Task RunAsync(SampleOptions options, TextWriter stdout, SampleEnvironment environment, CancellationToken cancellationToken)
    {
        var inputs = ArticleInputs.Find(options, environment.CurrentDirectory);
        var script = ReadScript(inputs);
        var asOf = options.AsOf ?? inputs.PublishedOn ?? script.Entries.Max(e => e.Source.ReportedOn);
        var tracks = script.Entries.Select(e => e.Command.Track.Value).Distinct(StringComparer.Ordinal).ToList();

        using var host = SampleHostFactory.Build(options, environment);
        await host.StartAsync(cancellationToken).ConfigureAwait(false);
        var store = NegotiationSnapshot.StoreName(host.Services);
        ReplayReport replay;
        IReadOnlyList<NegotiationSnapshot> snapshots;
        try
        {
            replay = await Replayer.ReplayAsync(host.Services, script, inputs.ScriptName, cancellationToken).ConfigureAwait(false);
            snapshots = await NegotiationSnapshot.ReadAsync(host.Services, tracks, asOf, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (options.Postgres is not null && ex is not (SampleException or OperationCanceledException))
        {
            throw new SampleException($"the PostgreSQL store failed: {ex.GetType().Name}: {ex.Message}", SampleException.StoreExitCode, ex);
        }

        if (options.Json)
        {
            JsonReport.Write(stdout, inputs, asOf, replay, store, snapshots);
        }
        else
        {
            new ConsoleReport(stdout, environment).Render(inputs, asOf, replay, store, snapshots);
        }

        await host.StopAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Reads and checks the whole script against its article; a problem names the file, the entry and what is wrong.</summary>
    private static ReplayScript ReadScript(ArticleInputs inputs)
    {
        try
        {
            return ScriptReader.ReadFiles(inputs.ArticlePath, inputs.ScriptPath);
        }
        catch (ScriptException ex) when (ex.Problems.Count > 0)
        {
            var first = ex.Problems[0];
            var file = string.Equals(first.File, Path.GetFileName(inputs.ScriptPath), StringComparison.Ordinal) ? inputs.ScriptName
                : string.Equals(first.File, Path.GetFileName(inputs.ArticlePath), StringComparison.Ordinal) ? inputs.ArticleName
                : first.File;
            var more = ex.Problems.Count switch
            {
                1 => string.Empty,
                2 => " (and 1 more problem)",
                var n => $" (and {n - 1} more problems)",
            };
            var message = first.Message.StartsWith(QuoteNotFound, StringComparison.Ordinal)
                ? $"{QuoteNotFound} {inputs.ArticleName}{first.Message[QuoteNotFound.Length..]}"
                : first.Message.TrimEnd('.');
            throw SampleException.Input($"{first with { File = file, Message = message }}{more}; nothing was appended");
        }
        catch (ScriptException ex)
        {
            throw SampleException.Input($"{inputs.ScriptName}: {ex.Message}; nothing was appended");
        }
    }
}
