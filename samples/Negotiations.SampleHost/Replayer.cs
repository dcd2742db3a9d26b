using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using MediatR;
using Microsoft.Extensions.DependencyInjection;
using Negotiations.EventSourcing;
using Negotiations.MediatR;
using Negotiations.Scripts;

namespace Negotiations.SampleHost;

/// <summary>What a replay did.</summary>
/// <param name="Sent">The commands sent.</param>
/// <param name="Appended">The commands whose events were appended.</param>
/// <param name="AlreadyRecorded">The commands the store had recorded before (their ids were found), so nothing was appended for them.</param>
/// <param name="Events">The events appended.</param>
/// <param name="Published">The events published as MediatR notifications.</param>
internal sealed record ReplayReport(int Sent, int Appended, int AlreadyRecorded, int Events, int Published)
{
    /// <summary>The replay in one line.</summary>
    public string Describe(string store) => Appended == 0
        ? $"{AlreadyRecorded} {Entries(AlreadyRecorded)} already recorded in the {store}; nothing appended"
        : AlreadyRecorded == 0
            ? $"{Sent} {Commands(Sent)} sent through MediatR to the {store}: {Events} {EventWord(Events)} appended, {Published} published as notifications"
            : $"{Sent} {Commands(Sent)} sent through MediatR to the {store}: {AlreadyRecorded} {Entries(AlreadyRecorded)} already recorded, {Appended} new: {Events} {EventWord(Events)} appended";

    private static string Entries(int n) => n == 1 ? "entry" : "entries";

    private static string Commands(int n) => n == 1 ? "command" : "commands";

    private static string EventWord(int n) => n == 1 ? "event" : "events";
}

/// <summary>
/// Replays a checked script: first decides every command against the store's current state without appending
/// (so a command the model refuses stops the replay before anything is written), then sends each one through
/// MediatR to the command service.
/// </summary>
internal static class Replayer
{
    public static async Task<ReplayReport> ReplayAsync(IServiceProvider services, ReplayScript script, string scriptName, CancellationToken cancellationToken)
    {
        await CheckAllAsync(services, script, scriptName, cancellationToken).ConfigureAwait(false);

        var published = services.GetRequiredService<PublishedEvents>();
        var publishedBefore = published.Count;
        int appended = 0, already = 0, events = 0;
        foreach (var entry in script.Entries)
        {
            // MediatR 5 resolves handlers from the scope its ServiceFactory comes from: one scope per request, as a web app has.
            await using var scope = services.CreateAsyncScope();
            var mediator = scope.ServiceProvider.GetRequiredService<IMediator>();
            var result = await mediator.Send(new NegotiationRequest(entry.Command), cancellationToken).ConfigureAwait(false);
            switch (result.Outcome)
            {
                case CommandOutcome.Accepted:
                    appended++;
                    events += result.Events.Count;
                    break;
                case CommandOutcome.AlreadyApplied:
                    already++;
                    break;
                default:
                    // Only a concurrent writer can make a checked command fail here.
                    throw SampleException.Input(new ScriptProblem(scriptName, entry.Index, entry.Id, Refusal(entry, result.Error)).ToString()
                        + $" ({appended} earlier {(appended == 1 ? "entry was" : "entries were")} appended)");
            }
        }

        return new ReplayReport(script.Entries.Count, appended, already, events, published.Count - publishedBefore);
    }

    /// <summary>Decides every command in order against the stored state, appending nothing.</summary>
    private static async Task CheckAllAsync(IServiceProvider services, ReplayScript script, string scriptName, CancellationToken cancellationToken)
    {
        var decider = services.GetRequiredService<IDecider<NegotiationDecisionState, NegotiationCommand, INegotiationEvent>>();
        var store = services.GetRequiredService<IEventStore>();
        var tracks = new Dictionary<string, (StreamState<NegotiationDecisionState> State, HashSet<string> Applied)>(StringComparer.Ordinal);
        foreach (var entry in script.Entries)
        {
            var streamId = entry.Command.Track.Value;
            var stream = StreamKey.Of(streamId);
            if (!tracks.TryGetValue(streamId, out var track))
            {
                var stored = await store.ReadStreamAsync(stream, cancellationToken: cancellationToken).ConfigureAwait(false);
                track = (new StreamState<NegotiationDecisionState>(stream, decider.State.Project(streamId, stored), stored.Count), stored.Select(e => e.Metadata.CommandId).OfType<string>().ToHashSet(StringComparer.Ordinal));
            }

            if (track.Applied.Contains(entry.Id))
            {
                tracks[streamId] = track;
                continue;
            }

            var decision = decider.Decide(track.State.State, entry.Command);
            if (decision.RequiredCommand is { } required)
            {
                decision = decision.Resolve(track.Applied.Contains(required));
            }

            if (decision.Error is { } error)
            {
                throw SampleException.Input($"{new ScriptProblem(scriptName, entry.Index, entry.Id, Refusal(entry, error))}; nothing was appended");
            }

            var committed = StreamWrites.Committed(stream, track.State.Version, [.. decision.Events], new EventMetadata { CommandId = entry.Id }, null);
            track.Applied.Add(entry.Id);
            tracks[streamId] = (new StreamState<NegotiationDecisionState>(stream, StreamWrites.FoldCommitted(decider.State, track.State.State, committed), track.State.Version + committed.Count), track.Applied);
        }
    }

    private static string Refusal(ScriptEntry entry, DomainError? error) =>
        $"{entry.CommandName} refused by the model: {error?.Code}: {error?.Message.TrimEnd('.')}";
}
