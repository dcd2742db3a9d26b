using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Negotiations.EventSourcing;
using Negotiations.Serialization;

namespace Negotiations.Coding;

/// <summary>How an export reads and writes.</summary>
public sealed record CodedExportOptions
{
    /// <summary>The day to export as of, like every view (facts not surely happened by then are left out); null for every fact.</summary>
    public DateOnly? AsOf { get; init; }

    /// <summary>
    /// For the CSV: one row per source-target pair (a fact with two targets gives two rows; one without targets, one
    /// row with an empty target). Otherwise one row per fact, its targets joined with <c>;</c>.
    /// </summary>
    public bool Dyadic { get; init; }
}

/// <summary>
/// Exports tracks as coded event data (<see cref="EventCoding"/>): PLOVER-style JSON records, or a flat CSV with
/// CAMEO codes, for the tools researchers already use.
/// </summary>
/// <remarks>
/// <para>Both read the store track by track (the events of one track, its state as of the day, its coded facts),
/// so memory is bounded by the largest track, not by the store. One record per fact; retracted facts are left
/// out.</para>
/// <para><b>Quotes are written exactly as given.</b> A quote that starts with <c>=</c>, <c>+</c>, <c>-</c> or
/// <c>@</c> is not altered: a spreadsheet that opens the CSV may read it as a formula. Import the CSV as text, or
/// read it with a CSV library.</para>
/// </remarks>
public static class CodedExport
{
    private static readonly JsonWriterOptions JsonOptions = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The columns of the CSV, in order.</summary>
    public static IReadOnlyList<string> CsvColumns { get; } =
    [
        "event_id", "track", "event_type", "cameo_code", "plover_event", "plover_mode", "plover_contexts",
        "event_date", "event_date_start", "event_date_end", "time_precision", "record_date",
        "source_actor", "source_name", "source_country", "source_org", "target", "document_id", "quote",
    ];

    /// <summary>Every track of the store: the streams that hold negotiation events, in the order they began.</summary>
    /// <param name="store">The store.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The tracks' keys (their events are not kept).</returns>
    public static async Task<IReadOnlyList<StreamKey>> TracksAsync(IEventStore store, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        var seen = new HashSet<StreamKey>();
        var tracks = new List<StreamKey>();
        await foreach (var recorded in store.ReadAllAsync(cancellationToken: cancellationToken).ConfigureAwait(false))
        {
            if (recorded.Data is INegotiationEvent && seen.Add(recorded.Stream))
            {
                tracks.Add(recorded.Stream);
            }
        }

        return tracks;
    }

    /// <summary>
    /// Writes the tracks as one JSON document: the codebook, the day exported as of, the PLOVER-style records and a
    /// summary of what was coded and what was not.
    /// </summary>
    /// <param name="store">The store to read.</param>
    /// <param name="tracks">The tracks to export (<see cref="TracksAsync"/> for all).</param>
    /// <param name="output">Where to write UTF-8 JSON; left open.</param>
    /// <param name="options">The day to export as of; null for every fact.</param>
    /// <param name="cancellationToken">Cancels the reads.</param>
    /// <returns>What was coded, and what was not, by event type.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static async Task<CodingSummary> WritePloverJsonAsync(IEventStore store, IEnumerable<StreamKey> tracks, Stream output, CodedExportOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(tracks);
        ArgumentNullException.ThrowIfNull(output);
        options ??= new CodedExportOptions();
        var counter = new Counter();
        var writer = new Utf8JsonWriter(output, JsonOptions);
        await using var _ = writer.ConfigureAwait(false);
        writer.WriteStartObject();
        writer.WriteString("codebook", EventCoding.Codebook);
        WriteDay(writer, "as_of", options.AsOf);
        writer.WriteStartArray("records");
        foreach (var track in tracks)
        {
            foreach (var fact in await CodeAsync(store, track, options, counter, cancellationToken).ConfigureAwait(false))
            {
                WriteRecord(writer, fact);
            }

            await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
        }

        writer.WriteEndArray();
        var summary = counter.Summary();
        writer.WriteStartObject("summary");
        writer.WriteNumber("tracks", summary.Tracks);
        writer.WriteNumber("coded", summary.Coded);
        writer.WriteNumber("not_coded", summary.NotCoded);
        writer.WriteStartObject("not_coded_by_event_type");
        foreach (var (eventType, count) in summary.NotCodedByEventType)
        {
            writer.WriteNumber(eventType, count);
        }

        writer.WriteEndObject();
        writer.WriteEndObject();
        writer.WriteEndObject();
        await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
        await output.WriteAsync("\n"u8.ToArray(), cancellationToken).ConfigureAwait(false);
        return summary;
    }

    /// <summary>
    /// Writes the tracks as a CSV (RFC 4180: a header row, comma-separated, CRLF line ends, fields with commas,
    /// quotation marks or line breaks quoted) with the columns <see cref="CsvColumns"/>.
    /// </summary>
    /// <remarks>
    /// <para><c>event_date</c> is the day the fact had surely happened by (the window's end; its start when the end is
    /// open; empty when the date is unknown); <c>event_date_start</c> and <c>event_date_end</c> give the window.
    /// <c>time_precision</c> follows ACLED: <c>1</c> a day, <c>2</c> a window of up to seven days, <c>3</c> anything
    /// wider, including a window open at one end ("so far") and an unknown date.</para>
    /// <para><c>plover_contexts</c> are joined with <c>;</c>, and so are the targets of a row that is not dyadic.</para>
    /// </remarks>
    /// <param name="store">The store to read.</param>
    /// <param name="tracks">The tracks to export (<see cref="TracksAsync"/> for all).</param>
    /// <param name="output">Where to write; left open.</param>
    /// <param name="options">The day to export as of, and whether rows are dyadic.</param>
    /// <param name="cancellationToken">Cancels the reads.</param>
    /// <returns>What was coded, and what was not, by event type.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public static async Task<CodingSummary> WriteCameoCsvAsync(IEventStore store, IEnumerable<StreamKey> tracks, TextWriter output, CodedExportOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(tracks);
        ArgumentNullException.ThrowIfNull(output);
        options ??= new CodedExportOptions();
        var counter = new Counter();
        await output.WriteAsync(Row(CsvColumns)).ConfigureAwait(false);
        foreach (var track in tracks)
        {
            var text = new StringBuilder();
            foreach (var fact in await CodeAsync(store, track, options, counter, cancellationToken).ConfigureAwait(false))
            {
                IEnumerable<string> targets = options.Dyadic
                    ? fact.Targets.Count == 0 ? [string.Empty] : fact.Targets.Select(t => t.Side)
                    : [string.Join(';', fact.Targets.Select(t => t.Side))];
                foreach (var target in targets)
                {
                    text.Append(Row(CsvRow(fact, target)));
                }
            }

            await output.WriteAsync(text, cancellationToken).ConfigureAwait(false);
        }

        await output.FlushAsync(cancellationToken).ConfigureAwait(false);
        return counter.Summary();
    }

    /// <summary>ACLED's time precision of a window: 1 a day, 2 up to seven days, 3 anything wider or open.</summary>
    internal static int TimePrecision(WorldDate date) => (date.NotBefore, date.NotAfter) switch
    {
        ({ } start, { } end) when start == end => 1,
        ({ } start, { } end) when end.DayNumber - start.DayNumber < 7 => 2,
        _ => 3,
    };

    private static async Task<IReadOnlyList<CodedFact>> CodeAsync(IEventStore store, StreamKey track, CodedExportOptions options, Counter counter, CancellationToken cancellationToken)
    {
        var events = await store.ReadStreamAsync(track, cancellationToken: cancellationToken).ConfigureAwait(false);
        var state = new NegotiationStateProjection(options.AsOf).Project(track.StreamId, events);
        counter.Tracks++;
        var facts = EventCoding.Code(state, counter.NotCoded);
        counter.Coded += facts.Count;
        return facts;
    }

    private static void WriteRecord(Utf8JsonWriter writer, CodedFact fact)
    {
        writer.WriteStartObject();
        writer.WriteString("id", fact.Id);
        writer.WriteString("track", fact.Track);
        writer.WriteString("event_type", fact.EventType);
        writer.WriteStartObject("event_date");
        WriteDay(writer, "start", fact.EventDate.NotBefore);
        WriteDay(writer, "end", fact.EventDate.NotAfter);
        writer.WriteString("precision", EnumNames.Of(fact.EventDate.Precision));
        writer.WriteEndObject();
        WriteDay(writer, "record_date", fact.RecordDate);
        writer.WritePropertyName("source");
        WriteActor(writer, fact.Source);
        writer.WriteStartArray("targets");
        foreach (var target in fact.Targets)
        {
            WriteActor(writer, target);
        }

        writer.WriteEndArray();
        writer.WriteString("event", fact.Code.Event);
        writer.WriteString("mode", fact.Code.Mode);
        writer.WriteStartArray("contexts");
        foreach (var context in fact.Code.Contexts)
        {
            writer.WriteStringValue(context);
        }

        writer.WriteEndArray();
        writer.WriteString("cameo", fact.Code.Cameo);
        writer.WriteString("cameo_meaning", fact.Code.Meaning);
        writer.WriteString("codebook", fact.Code.Codebook);
        writer.WriteStartObject("citation");
        writer.WriteString("document_id", fact.DocumentId);
        writer.WriteString("quote", fact.Quote);
        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    private static void WriteActor(Utf8JsonWriter writer, CodedActor actor)
    {
        writer.WriteStartObject();
        if (actor.Code is not null)
        {
            writer.WriteString("actor", actor.Code);
            writer.WriteString("name", actor.Name);
        }

        if (actor.Country is not null)
        {
            writer.WriteString("country", actor.Country);
        }

        if (actor.Org is not null)
        {
            writer.WriteString("org", actor.Org);
        }

        writer.WriteEndObject();
    }

    private static void WriteDay(Utf8JsonWriter writer, string name, DateOnly? day)
    {
        if (day is { } known)
        {
            writer.WriteString(name, Day(known));
        }
        else
        {
            writer.WriteNull(name);
        }
    }

    private static string[] CsvRow(CodedFact fact, string target) =>
    [
        fact.Id, fact.Track, fact.EventType, fact.Code.Cameo, fact.Code.Event, fact.Code.Mode, string.Join(';', fact.Code.Contexts),
        Day(fact.EventDate.NotAfter ?? fact.EventDate.NotBefore), Day(fact.EventDate.NotBefore), Day(fact.EventDate.NotAfter),
        TimePrecision(fact.EventDate).ToString(CultureInfo.InvariantCulture), Day(fact.RecordDate),
        fact.Source.Code ?? string.Empty, fact.Source.Name ?? string.Empty, fact.Source.Country ?? string.Empty, fact.Source.Org ?? string.Empty,
        target, fact.DocumentId ?? string.Empty, fact.Quote ?? string.Empty,
    ];

    private static string Row(IEnumerable<string> fields) => string.Join(',', fields.Select(Field)) + "\r\n";

    // RFC 4180: a field with a comma, a quotation mark or a line break is quoted, its quotation marks doubled.
    // Nothing else is changed: a leading '=', '+', '-' or '@' is written as given.
    private static string Field(string value) =>
        value.AsSpan().IndexOfAny(",\"\r\n") < 0 ? value : $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";

    private static string Day(DateOnly? day) => day?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? string.Empty;

    private sealed class Counter
    {
        public int Tracks { get; set; }

        public int Coded { get; set; }

        public SortedDictionary<string, int> NotCoded { get; } = new(StringComparer.Ordinal);

        public CodingSummary Summary() => new() { Tracks = Tracks, Coded = Coded, NotCodedByEventType = new Dictionary<string, int>(NotCoded) };
    }
}
