using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Negotiations.EventSourcing;
using Negotiations.Marten;

namespace Negotiations.SampleHost;

/// <summary>A track's state and timeline as of a day, and where they were read from.</summary>
/// <param name="State">The state as of the day.</param>
/// <param name="Timeline">The timeline as of the day.</param>
/// <param name="ReadFrom">Where they come from, in words.</param>
internal sealed record NegotiationSnapshot(NegotiationState State, Timeline Timeline, string ReadFrom)
{
    /// <summary>
    /// Reads the tracks as of a day. In memory, the reader folds each stream. On Marten, the views come from the
    /// async projections through <c>FetchLatest</c> (the stored view with any events the daemon has not projected yet
    /// folded in, so the replay reads its own writes); when the day leaves out facts those views hold, the view as of
    /// that day is folded again from the Marten stream (the stored views hold every fact).
    /// </summary>
    public static async Task<IReadOnlyList<NegotiationSnapshot>> ReadAsync(IServiceProvider services, IEnumerable<string> tracks, DateOnly asOf, CancellationToken cancellationToken)
    {
        var snapshots = new List<NegotiationSnapshot>();
        var views = services.GetService<MartenViews>();
        var reader = services.GetRequiredService<INegotiationReader>();
        foreach (var track in tracks)
        {
            var id = new TrackId(track);
            if (views is not null)
            {
                var storedState = await views.LoadLatestAsync<NegotiationState>(StreamKey.Of(track), cancellationToken).ConfigureAwait(false);
                var storedTimeline = await views.LoadLatestAsync<Timeline>(StreamKey.Of(track), cancellationToken).ConfigureAwait(false);
                if (storedState is null || storedTimeline is null)
                {
                    throw new SampleException($"the Marten projections hold no view of track '{track}' after the replay", SampleException.StoreExitCode);
                }

                if (storedTimeline.Entries.All(e => e.OccurredOn.HasHappenedBy(asOf)))
                {
                    snapshots.Add(new NegotiationSnapshot(
                        storedState with { AsOf = asOf },
                        storedTimeline with { AsOf = asOf },
                        $"Marten async projections (the latest views, {storedTimeline.Entries.Count} timeline entries)"));
                    continue;
                }

                var state = await reader.GetStateAsync(id, asOf, cancellationToken).ConfigureAwait(false);
                var timeline = await reader.GetTimelineAsync(id, asOf, cancellationToken).ConfigureAwait(false);
                snapshots.Add(new NegotiationSnapshot(state!, timeline!, $"the Marten stream, folded as of {HumanDates.Day(asOf)} (the stored views hold later facts)"));
                continue;
            }

            var inMemoryState = await reader.GetStateAsync(id, asOf, cancellationToken).ConfigureAwait(false);
            var inMemoryTimeline = await reader.GetTimelineAsync(id, asOf, cancellationToken).ConfigureAwait(false);
            if (inMemoryState is null || inMemoryTimeline is null)
            {
                throw new SampleException($"the store holds no events of track '{track}' after the replay", SampleException.StoreExitCode);
            }

            snapshots.Add(new NegotiationSnapshot(inMemoryState, inMemoryTimeline, "the in-memory store, folded by the reader"));
        }

        return snapshots;
    }

    /// <summary>The store in words.</summary>
    public static string StoreName(IServiceProvider services) =>
        services.GetService<MartenViews>() is null ? "in-memory store" : "PostgreSQL store (Marten)";
}
