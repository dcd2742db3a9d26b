using System.Globalization;
using System.Text;
using System.Text.Json;
using Negotiations.Serialization;

namespace Negotiations.EventSourcing;

/// <summary>
/// An event history in the core's JSON wire contract: events of one or more streams with their wire names,
/// versions and metadata. Load one captured from a real store (see <see cref="ExportAsync"/>), then replay it into
/// any projection written with the core's projection API, in a unit test, with no database.
/// </summary>
/// <remarks>
/// The file format (<see cref="Format"/>):
/// <code>
/// {
///   "format": "negotiations.history.v1",
///   "events": [
///     { "streamId": "russia-ukraine-2025", "version": 1, "type": "negotiation_opened.v1",
///       "metadata": { "commandId": "seed-001", "correlationId": null, "causationId": null, "tenant": null },
///       "recordedAt": "2025-07-21T18:00:00+00:00", "globalPosition": 1, "data": { ... } }
///   ]
/// }
/// </code>
/// <c>metadata</c>, <c>recordedAt</c> and <c>globalPosition</c> may be left out (no metadata; the Unix epoch; the
/// entry's place in the file); an entry has no other members, and none twice. Each stream's versions run 1, 2, 3, ...
/// in file order; <c>type</c> and <c>data</c> are the event's envelope, read and written as every envelope of the
/// contract of <see cref="NegotiationJson"/> is.
/// </remarks>
public sealed class EventHistory
{
    /// <summary>The format name written into and expected in every history file.</summary>
    public const string Format = "negotiations.history.v1";

    private EventHistory(IReadOnlyList<RecordedEvent> events) => Events = events;

    /// <summary>The events, in file (global) order.</summary>
    public IReadOnlyList<RecordedEvent> Events { get; }

    /// <summary>The ids of the streams in the history, in order of first appearance.</summary>
    public IReadOnlyList<string> StreamIds => Events.Select(e => e.StreamId).Distinct(StringComparer.Ordinal).ToArray();

    /// <summary>Reads a history from a file.</summary>
    /// <param name="path">The file.</param>
    /// <returns>The history.</returns>
    /// <exception cref="EventHistoryException">The file is not a valid history; the message names the file, the entry and the problem.</exception>
    public static EventHistory Load(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        string json;
        try
        {
            json = File.ReadAllText(path, Encoding.UTF8);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new EventHistoryException(path, null, $"cannot be read: {ex.Message}", ex);
        }

        return Parse(json, Path.GetFileName(path));
    }

    /// <summary>Reads a history from JSON text.</summary>
    /// <param name="json">The history.</param>
    /// <param name="sourceName">A name for the text in error messages (a file name); <c>history</c> when null.</param>
    /// <returns>The history.</returns>
    /// <exception cref="EventHistoryException">The text is not a valid history; the message names the source, the entry and the problem.</exception>
    public static EventHistory Parse(string json, string? sourceName = null)
    {
        try
        {
            return ParseChecked(json, sourceName);
        }
        catch (InvalidOperationException ex)
        {
            // System.Text.Json refuses an escaped lone surrogate ("\ud800") only when the string is read.
            throw new EventHistoryException(sourceName ?? "history", null, $"not valid text: {ex.Message}", ex);
        }
    }

    private static EventHistory ParseChecked(string json, string? sourceName)
    {
        ArgumentNullException.ThrowIfNull(json);
        var source = sourceName ?? "history";
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException ex)
        {
            throw new EventHistoryException(source, null, $"not valid JSON: {ex.Message}", ex);
        }
        catch (ArgumentException ex) when (ex.InnerException is System.Text.EncoderFallbackException fallback)
        {
            throw new EventHistoryException(source, null, $"not valid text: {fallback.Message}", ex);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object
                || !root.TryGetProperty("format", out var format)
                || format.ValueKind != JsonValueKind.String
                || format.GetString() != Format)
            {
                throw new EventHistoryException(source, null, $"expected an object with \"format\": \"{Format}\"");
            }

            if (!root.TryGetProperty("events", out var entries) || entries.ValueKind != JsonValueKind.Array)
            {
                throw new EventHistoryException(source, null, "expected an \"events\" array");
            }

            if (Unknown(root, RootProperties) is { } unknownRoot)
            {
                throw new EventHistoryException(source, null, $"\"{unknownRoot}\" is not a property of a history; it has {string.Join(", ", RootProperties)}");
            }

            var events = new List<RecordedEvent>();
            var versions = new Dictionary<string, long>(StringComparer.Ordinal);
            var index = 0;
            foreach (var entry in entries.EnumerateArray())
            {
                index++;
                events.Add(ReadEntry(source, index, entry, versions));
            }

            return new EventHistory(events);
        }
    }

    /// <summary>Makes a history of recorded events, for example read from a store.</summary>
    /// <param name="events">The events, in global order.</param>
    /// <returns>The history.</returns>
    public static EventHistory Of(IEnumerable<RecordedEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        return new EventHistory(events.ToArray());
    }

    /// <summary>The events of one stream, in version order.</summary>
    /// <param name="streamId">The stream.</param>
    /// <returns>Its events; empty when the history has none.</returns>
    public IReadOnlyList<RecordedEvent> Stream(string streamId) =>
        Events.Where(e => e.StreamId == streamId).OrderBy(e => e.Version).ToArray();

    /// <summary>Replays one stream of the history into a single-stream projection.</summary>
    /// <typeparam name="TView">The view type.</typeparam>
    /// <param name="projection">The projection.</param>
    /// <param name="streamId">The stream.</param>
    /// <param name="asOf">
    /// When given, only the events that count as of that world day are replayed (<see cref="NegotiationEvents.CountsAsOf"/>:
    /// those that have surely happened by then, and retractions): the as-of of a projection that has none of its own.
    /// The library's projections have their own (<c>new NegotiationStateProjection(asOf)</c>,
    /// <c>new TimelineProjection(asOf)</c>), which also record the day on the view; prefer it for them.
    /// </param>
    /// <returns>The view.</returns>
    public TView Replay<TView>(StreamProjection<TView> projection, string streamId, DateOnly? asOf = null)
        where TView : class
    {
        ArgumentNullException.ThrowIfNull(projection);
        return projection.Project(streamId, Stream(streamId).Where(e => CountsAsOf(e, asOf)));
    }

    /// <summary>Replays every stream of the history, in global order, into a cross-stream projection.</summary>
    /// <typeparam name="TView">The view type.</typeparam>
    /// <param name="projection">The projection.</param>
    /// <param name="asOf">When given, only the events that have surely happened by that world day are replayed.</param>
    /// <returns>The views by id.</returns>
    public IReadOnlyDictionary<string, TView> Replay<TView>(CrossStreamProjection<TView> projection, DateOnly? asOf = null)
        where TView : class
    {
        ArgumentNullException.ThrowIfNull(projection);
        return projection.Project(Events.Where(e => CountsAsOf(e, asOf)));
    }

    /// <summary>Writes the history as JSON in the format that <see cref="Parse"/> reads.</summary>
    /// <returns>Indented JSON.</returns>
    public string ToJson()
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = NegotiationJson.Options.Encoder }))
        {
            writer.WriteStartObject();
            writer.WriteString("format", Format);
            writer.WriteStartArray("events");
            foreach (var e in Events)
            {
                NegotiationJson.Events.Write(
                    writer,
                    e.EventType,
                    e.Data,
                    before: w =>
                    {
                        w.WriteString("streamId", e.StreamId);
                        w.WriteNumber("version", e.Version);
                        w.WriteNumber("globalPosition", e.GlobalPosition);
                    },
                    between: w =>
                    {
                        w.WriteString("recordedAt", e.RecordedAt.ToString("O", CultureInfo.InvariantCulture));
                        w.WritePropertyName("metadata");
                        JsonSerializer.Serialize(w, e.Metadata, NegotiationJson.Options);
                    });
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray()) + "\n";
    }

    /// <summary>
    /// Captures streams of any store (in memory, or PostgreSQL through Marten) as a history file, so a real history
    /// can be replayed in a unit test.
    /// </summary>
    /// <param name="store">The store.</param>
    /// <param name="streamIds">The streams to capture.</param>
    /// <param name="path">The file to write.</param>
    /// <param name="cancellationToken">Cancels the reads.</param>
    /// <returns>The captured history.</returns>
    public static async Task<EventHistory> ExportAsync(IEventStore store, IEnumerable<string> streamIds, string path, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(streamIds);
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var events = new List<RecordedEvent>();
        foreach (var streamId in streamIds)
        {
            events.AddRange(await store.ReadStreamAsync(StreamKey.Of(streamId), cancellationToken: cancellationToken).ConfigureAwait(false));
        }

        var history = Of(events.OrderBy(e => e.GlobalPosition));
        await File.WriteAllTextAsync(path, history.ToJson(), new UTF8Encoding(false), cancellationToken).ConfigureAwait(false);
        return history;
    }

    private static bool CountsAsOf(RecordedEvent recorded, DateOnly? asOf) =>
        asOf is not { } day || recorded.Data is not INegotiationEvent fact || NegotiationEvents.CountsAsOf(fact, day);

    private static RecordedEvent ReadEntry(string source, int index, JsonElement entry, Dictionary<string, long> versions)
    {
        if (!NegotiationJson.Events.TryReadMembers(entry, OtherEntryProperties, out var members, out var shape))
        {
            throw new EventHistoryException(source, index, Problem(shape));
        }

        var streamId = RequiredString(source, index, entry, "streamId");
        if (string.IsNullOrWhiteSpace(members.Name))
        {
            throw new EventHistoryException(source, index, Problem(new EnvelopeProblem(EnvelopeFault.MissingName)));
        }

        var type = members.Name;
        if (!entry.TryGetProperty("version", out var versionElement) || versionElement.ValueKind != JsonValueKind.Number || !versionElement.TryGetInt64(out var version))
        {
            throw new EventHistoryException(source, index, "\"version\" is missing or not a whole number");
        }

        var expectedVersion = versions.GetValueOrDefault(streamId) + 1;
        if (version != expectedVersion)
        {
            throw new EventHistoryException(source, index, $"stream '{streamId}' is at version {expectedVersion - 1}, so this entry must have version {expectedVersion}, not {version}");
        }

        versions[streamId] = version;
        var recordedAt = DateTimeOffset.UnixEpoch;
        if (entry.TryGetProperty("recordedAt", out var at) && at.ValueKind != JsonValueKind.Null
            && (at.ValueKind != JsonValueKind.String || !at.TryGetDateTimeOffset(out recordedAt)))
        {
            throw new EventHistoryException(source, index, $"\"recordedAt\" is not a date and time: {at.GetRawText()}");
        }

        long position = index;
        if (entry.TryGetProperty("globalPosition", out var p) && p.ValueKind != JsonValueKind.Null
            && (p.ValueKind != JsonValueKind.Number || !p.TryGetInt64(out position) || position < 1))
        {
            throw new EventHistoryException(source, index, $"\"globalPosition\" is not a whole number from 1: {p.GetRawText()}");
        }

        if (!NegotiationJson.Events.TryResolve(members, out var @event, out var problem))
        {
            throw new EventHistoryException(source, index, Problem(problem), problem.Error);
        }

        EventMetadata metadata;
        try
        {
            metadata = entry.TryGetProperty("metadata", out var m) && m.ValueKind != JsonValueKind.Null
                ? ReadMetadata(m)
                : EventMetadata.None;
        }
        catch (JsonException ex)
        {
            throw new EventHistoryException(source, index, $"{type}: {ex.Message}", ex);
        }

        return new RecordedEvent(StreamKey.Of(streamId), version, position, type, @event, metadata, recordedAt);
    }

    /// <summary>
    /// Reads an entry's metadata. Histories written before streams had tenants carry a <c>tenant</c> label in it, always
    /// null; it is read and left out, so those files still load.
    /// </summary>
    private static EventMetadata ReadMetadata(JsonElement metadata)
    {
        if (metadata.ValueKind == JsonValueKind.Object && metadata.TryGetProperty("tenant", out var tenant))
        {
            if (tenant.ValueKind != JsonValueKind.Null)
            {
                throw new JsonException($"metadata.tenant must be null; a stream's tenant is not a label of its events.");
            }

            var node = System.Text.Json.Nodes.JsonNode.Parse(metadata.GetRawText())!.AsObject();
            node.Remove("tenant");
            return node.Deserialize<EventMetadata>(NegotiationJson.Options) ?? EventMetadata.None;
        }

        return metadata.Deserialize<EventMetadata>(NegotiationJson.Options) ?? EventMetadata.None;
    }

    private static readonly string[] RootProperties = ["format", "events"];

    private static readonly string[] EntryProperties = ["streamId", "version", "globalPosition", "type", "recordedAt", "metadata", "data"];

    private static readonly string[] OtherEntryProperties = [.. EntryProperties.Except([NegotiationJson.TypeProperty, NegotiationJson.DataProperty])];

    /// <summary>Words an entry's envelope problem in the terms of a history.</summary>
    private static string Problem(EnvelopeProblem problem) => problem.Fault switch
    {
        EnvelopeFault.NotAnObject => "an entry must be a JSON object",
        EnvelopeFault.NotAMember => $"\"{problem.Member}\" is not a property of an entry; an entry has {string.Join(", ", EntryProperties)}",
        EnvelopeFault.Repeated => $"\"{problem.Member}\" appears twice in the entry",
        EnvelopeFault.NameNotAString or EnvelopeFault.MissingName => "\"type\" is missing or empty",
        EnvelopeFault.MissingData or EnvelopeFault.DataNotAnObject => "\"data\" is missing or not an object",
        _ => $"{problem.Name}: {NegotiationJson.Events.Describe(problem)}",
    };

    private static string? Unknown(JsonElement element, string[] known) =>
        element.EnumerateObject().Select(p => p.Name).FirstOrDefault(name => !known.Contains(name, StringComparer.Ordinal));

    private static string RequiredString(string source, int index, JsonElement entry, string name) =>
        entry.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(value.GetString())
            ? value.GetString()!
            : throw new EventHistoryException(source, index, $"\"{name}\" is missing or empty");
}

/// <summary>A history file that cannot be read: the message names the source, the entry and the problem.</summary>
public sealed class EventHistoryException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="source">The file or text name.</param>
    /// <param name="entry">The 1-based entry number, or null for the whole file.</param>
    /// <param name="problem">What is wrong.</param>
    /// <param name="innerException">The cause, if any.</param>
    public EventHistoryException(string source, int? entry, string problem, Exception? innerException = null)
        : base(entry is { } n ? $"{source}: entry {n}: {problem}" : $"{source}: {problem}", innerException)
    {
        SourceName = source;
        Entry = entry;
        Problem = problem;
    }

    /// <summary>The file or text name.</summary>
    public string SourceName { get; }

    /// <summary>The 1-based entry number, or null when the problem is with the whole file.</summary>
    public int? Entry { get; }

    /// <summary>What is wrong.</summary>
    public string Problem { get; }
}
