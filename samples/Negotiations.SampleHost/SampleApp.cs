using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using System.CommandLine;
using Microsoft.Extensions.Hosting;
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
    /// <param name="args">The command line (<c>--help</c> lists the options).</param>
    /// <param name="stdout">Where the report goes.</param>
    /// <param name="stderr">Where a one-line error goes.</param>
    /// <param name="environment">Environment variables, the current folder, the terminal; the process's own when null.</param>
    /// <param name="cancellationToken">Stops the run.</param>
    /// <returns>
    /// The exit code: 0; 1 for bad input (a file, a script, or a report that cannot be written); 2 for a bad command
    /// line; 3 when the store fails; 130 when cancelled. Every failure is one line on <paramref name="stderr"/>,
    /// never a stack trace.
    /// </returns>
    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr, SampleEnvironment? environment = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        environment ??= SampleEnvironment.FromConsole();
        try
        {
            var parsed = SampleOptions.Command().Parse(args, new ParserConfiguration { ResponseFileTokenReplacer = null });
            if (parsed.Errors.Count == 0 && parsed.Action is not null)
            {
                // --help: System.CommandLine's own action, written to our stdout.
                Written(() => SampleOptions.WriteHelp(parsed, stdout));
                return 0;
            }

            var options = SampleOptions.From(parsed, environment.GetVariable);
            await RunAsync(options, stdout, environment, cancellationToken).ConfigureAwait(false);
            return 0;
        }
        catch (SampleException ex)
        {
            return await FailAsync(stderr, ex.Message, ex.ExitCode).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            return await FailAsync(stderr, "cancelled", SampleException.CancelledExitCode).ConfigureAwait(false);
        }
#pragma warning disable CA1031 // The sample's last word: one line, never a stack trace.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            return await FailAsync(stderr, $"the sample failed: {ex.GetType().Name}: {ex.Message}", SampleException.InputExitCode).ConfigureAwait(false);
        }
    }

    private static async Task<int> FailAsync(TextWriter stderr, string message, int exitCode)
    {
        try
        {
            await stderr.WriteLineAsync($"error: {SampleException.OneLine(message)}").ConfigureAwait(false);
            await stderr.FlushAsync().ConfigureAwait(false);
        }
        catch (IOException)
        {
            // Nowhere left to say it: the exit code does.
        }

        return exitCode;
    }

    /// <summary>Writes to stdout; a write that fails (a full disk, a closed pipe) is one error line and exit code 1.</summary>
    private static void Written(Action write)
    {
        try
        {
            write();
        }
        catch (IOException ex)
        {
            throw SampleException.Input($"cannot write to stdout: {ex.Message}");
        }
    }

    private static async Task RunAsync(SampleOptions options, TextWriter stdout, SampleEnvironment environment, CancellationToken cancellationToken)
    {
        var inputs = ArticleInputs.Find(options, environment.CurrentDirectory);
        var script = ReadScript(inputs);
        var asOf = options.AsOf ?? inputs.PublishedOn ?? script.Entries.Max(e => e.Source.ReportedOn);
        var tracks = script.Entries.Select(e => e.Command.Track.Value).Distinct(StringComparer.Ordinal).ToList();

        ReplayReport replay;
        IReadOnlyList<NegotiationSnapshot> snapshots;
        string store;
        IHost? host = null;
        try
        {
            host = SampleHostFactory.Build(options, environment);
            await host.StartAsync(cancellationToken).ConfigureAwait(false);
            store = NegotiationSnapshot.StoreName(host.Services);
            replay = await Replayer.ReplayAsync(host.Services, script, inputs.ScriptName, cancellationToken).ConfigureAwait(false);
            if (options.ExportFormat is { } format)
            {
                var line = await Exporter.ExportAsync(host.Services, format, Path.GetFullPath(options.ExportPath!, environment.CurrentDirectory), tracks, asOf, cancellationToken).ConfigureAwait(false);
                await stdout.WriteLineAsync(line).ConfigureAwait(false);
                await host.StopAsync(cancellationToken).ConfigureAwait(false);
                host.Dispose();
                return;
            }

            snapshots = await NegotiationSnapshot.ReadAsync(host.Services, tracks, asOf, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (options.Postgres is not null && ex is not (SampleException or OperationCanceledException))
        {
            host?.Dispose();
            throw new SampleException($"the PostgreSQL store failed: {Cause(ex)}", SampleException.StoreExitCode, ex);
        }

        using (host)
        {
            Written(() =>
            {
                if (options.Json)
                {
                    JsonReport.Write(stdout, inputs, asOf, replay, store, snapshots);
                }
                else
                {
                    new ConsoleReport(stdout, environment).Render(inputs, asOf, replay, store, snapshots);
                }

                stdout.Flush();
            });

            await host.StopAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The innermost useful cause: the store's own exception names the server's answer.</summary>
    private static string Cause(Exception ex)
    {
        var cause = ex is Negotiations.EventSourcing.EventStoreUnavailableException { InnerException: { } inner } ? inner : ex;
        while (cause is AggregateException { InnerExceptions.Count: 1 } aggregate)
        {
            cause = aggregate.InnerExceptions[0];
        }

        return $"{cause.GetType().Name}: {cause.Message}";
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
