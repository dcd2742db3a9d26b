using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using Negotiations.Serialization;

namespace Negotiations.SampleHost;

/// <summary>
/// The report for machines: the article, the replay, and each track's state and timeline in the JSON contract of
/// <see cref="NegotiationJson"/>, indented, with the active ultimatums' days left.
/// </summary>
internal static class JsonReport
{
    private static readonly JsonSerializerOptions Indented = new(NegotiationJson.Options) { WriteIndented = true };

    public static void Write(TextWriter stdout, ArticleInputs inputs, DateOnly asOf, ReplayReport replay, string store, IReadOnlyList<NegotiationSnapshot> snapshots)
    {
        var report = new JsonObject
        {
            ["article"] = new JsonObject
            {
                ["title"] = inputs.Title,
                ["titleSupplied"] = inputs.TitleSupplied,
                ["publishedOn"] = Node(inputs.PublishedOn),
                ["article"] = inputs.ArticleName,
                ["script"] = inputs.ScriptName,
            },
            ["asOf"] = Node(asOf),
            ["store"] = store,
            ["replay"] = new JsonObject
            {
                ["sent"] = replay.Sent,
                ["appended"] = replay.Appended,
                ["alreadyRecorded"] = replay.AlreadyRecorded,
                ["events"] = replay.Events,
                ["published"] = replay.Published,
                ["summary"] = replay.Describe(store),
            },
            ["tracks"] = new JsonArray([.. snapshots.Select(s => Track(s, asOf))]),
        };
        stdout.WriteLine(report.ToJsonString(Indented));
    }

    private static JsonObject Track(NegotiationSnapshot snapshot, DateOnly asOf)
    {
        var digest = new NegotiationDigest(snapshot, asOf);
        return new JsonObject
        {
            ["track"] = snapshot.State.Id,
            ["readFrom"] = snapshot.ReadFrom,
            ["activeUltimatums"] = new JsonArray([.. digest.ActiveUltimatums.Select(u => (JsonNode)new JsonObject
            {
                ["ultimatum"] = u.Ultimatum.Id.Value,
                ["deadline"] = JsonSerializer.SerializeToNode(u.Deadline, NegotiationJson.Options),
                ["daysLeftMin"] = u.DaysLeft.Min,
                ["daysLeftMax"] = u.DaysLeft.Max,
            })]),
            ["sinceLastRound"] = digest.LastHeld is null ? null : new JsonObject
            {
                ["round"] = digest.LastHeld.Id.Value,
                ["entries"] = new JsonArray([.. digest.SinceLastRound.Select(e => (JsonNode)JsonValue.Create(e.Sequence))]),
            },
            ["state"] = JsonSerializer.SerializeToNode(snapshot.State, NegotiationJson.Options),
            ["timeline"] = JsonSerializer.SerializeToNode(snapshot.Timeline, NegotiationJson.Options),
        };
    }

    private static JsonNode? Node(DateOnly? day) => day is null ? null : JsonSerializer.SerializeToNode(day.Value, NegotiationJson.Options);
}
