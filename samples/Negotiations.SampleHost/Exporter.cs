using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Negotiations.Charts;
using Negotiations.Coding;
using Negotiations.EventSourcing;

namespace Negotiations.SampleHost;

/// <summary>The sample's <c>--export</c>: the replayed tracks as coded event data or a chart, through the library's API.</summary>
internal static class Exporter
{
    /// <summary>Writes the export and returns the line to print.</summary>
    public static async Task<string> ExportAsync(IServiceProvider services, string format, string path, IReadOnlyList<string> tracks, DateOnly asOf, CancellationToken cancellationToken)
    {
        var store = services.GetRequiredService<IEventStore>();
        var keys = tracks.Select(StreamKey.Of).ToList();
        var options = new CodedExportOptions { AsOf = asOf };
        try
        {
            switch (format)
            {
                case "plover":
                {
                    await using var file = File.Create(path);
                    var summary = await CodedExport.WritePloverJsonAsync(store, keys, file, options, cancellationToken).ConfigureAwait(false);
                    return Written("PLOVER records", summary, path);
                }

                case "cameo":
                {
                    await using var file = new StreamWriter(path, append: false, new UTF8Encoding(false));
                    var summary = await CodedExport.WriteCameoCsvAsync(store, keys, file, options, cancellationToken).ConfigureAwait(false);
                    return Written("CAMEO rows", summary, path);
                }

                default:
                {
                    var reader = services.GetRequiredService<INegotiationReader>();
                    var states = new List<NegotiationState>();
                    foreach (var track in tracks)
                    {
                        if (await reader.GetStateAsync(new TrackId(track), asOf, cancellationToken).ConfigureAwait(false) is { } state)
                        {
                            states.Add(state);
                        }
                    }

                    await File.WriteAllTextAsync(path, TimelineChart.RenderSvg(states), new UTF8Encoding(false), cancellationToken).ConfigureAwait(false);
                    return $"chart of {states.Count} track(s) as of {asOf:yyyy-MM-dd} written to {path}";
                }
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new SampleException($"cannot write {path}: {ex.Message}", SampleException.InputExitCode, ex);
        }
    }

    private static string Written(string what, CodingSummary summary, string path)
    {
        var notCoded = summary.NotCoded == 0
            ? "none"
            : string.Join(", ", summary.NotCodedByEventType.Select(p => $"{p.Key} {p.Value}"));
        return $"{summary.Coded} {what} of {summary.Tracks} track(s) written to {path}; not coded: {summary.NotCoded} ({notCoded})";
    }
}
