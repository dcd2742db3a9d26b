using System.Globalization;
using System.Text;
using System.Text.Json;
using Negotiations.Serialization;

namespace Negotiations.Scripts;

/// <summary>
/// Reads a replay script: the commands that encode a news article, each resting on an exact quote of it. Every entry
/// is checked before any command is returned, so a bad script appends nothing.
/// </summary>
/// <remarks>
/// <para>A script is a JSON array of entries, in the order the commands are to be sent:</para>
/// <code>
/// [
///   {
///     "command": "RecordRoundHeld",
///     "note": "optional: how the entry reads the article",
///     "data": { "track": "russia-ukraine-2025", "commandId": "...", "round": "istanbul-2025-05-16", ..., "source": { ... } }
///   }
/// ]
/// </code>
/// <para><c>command</c> is one of <see cref="NegotiationJson.CommandTypes"/>; <c>data</c> is the command in the JSON
/// contract of <see cref="NegotiationJson"/>; the entry's id is its command id. Checks, each reported as a
/// <see cref="ScriptProblem"/>: the JSON is well formed; every entry names a known command and its data is valid (ids,
/// dates, enums, no missing or unknown property); every entry has a source whose quote occurs verbatim (ordinal,
/// byte for byte after UTF-8 decoding) in the article; all entries cite one document; nothing happens after it was
/// reported (<c>occurredOn.notBefore</c> is not after <c>source.reportedOn</c>); no command id is used twice.</para>
/// </remarks>
public static class ScriptReader
{
    /// <summary>
    /// The largest article or script <see cref="ReadFiles"/> reads: 10 MB (10,485,760 bytes). Only regular files are
    /// read: an empty file, a device or a FIFO (which report no length) is a problem, not a wait or an endless read.
    /// </summary>
    public const long MaxFileBytes = 10 * 1024 * 1024;

    private const string NoteProperty = "note";

    private static readonly string[] OtherEntryProperties = [NoteProperty];

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Reads an article and its replay script from files.</summary>
    /// <param name="articlePath">The article, UTF-8 text.</param>
    /// <param name="scriptPath">The replay script, UTF-8 JSON.</param>
    /// <returns>The checked script.</returns>
    /// <exception cref="ScriptException">A file cannot be read, or the script has problems; all are listed.</exception>
    public static ReplayScript ReadFiles(string articlePath, string scriptPath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(articlePath);
        ArgumentException.ThrowIfNullOrWhiteSpace(scriptPath);
        var article = ReadText(articlePath);
        var script = ReadText(scriptPath);
        return Read(article, script, Path.GetFileName(scriptPath));
    }

    /// <summary>Reads an article and its replay script from files, asynchronously.</summary>
    /// <param name="articlePath">The article, UTF-8 text.</param>
    /// <param name="scriptPath">The replay script, UTF-8 JSON.</param>
    /// <param name="cancellationToken">Cancels the reads.</param>
    /// <returns>The checked script.</returns>
    /// <exception cref="ScriptException">A file cannot be read, or the script has problems; all are listed.</exception>
    public static async Task<ReplayScript> ReadFilesAsync(string articlePath, string scriptPath, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(articlePath);
        ArgumentException.ThrowIfNullOrWhiteSpace(scriptPath);
        var article = await ReadTextAsync(articlePath, cancellationToken).ConfigureAwait(false);
        var script = await ReadTextAsync(scriptPath, cancellationToken).ConfigureAwait(false);
        return Read(article, script, Path.GetFileName(scriptPath));
    }

    /// <summary>Reads a replay script given as text, checking it against the article's text.</summary>
    /// <param name="article">The article's text.</param>
    /// <param name="script">The script's JSON.</param>
    /// <param name="scriptName">The name to report problems under, such as the script's file name.</param>
    /// <returns>The checked script.</returns>
    /// <exception cref="ScriptException">The script has problems; all are listed.</exception>
    public static ReplayScript Read(string article, string script, string scriptName)
    {
        try
        {
            return ReadChecked(article, script, scriptName);
        }
        catch (InvalidOperationException ex)
        {
            // System.Text.Json refuses an escaped lone surrogate ("\ud800") only when the string is read.
            throw new ScriptException(new ScriptProblem(scriptName, null, null, $"not valid text: {OneLine(ex.Message)}"));
        }
    }

    private static ReplayScript ReadChecked(string article, string script, string scriptName)
    {
        ArgumentNullException.ThrowIfNull(article);
        ArgumentNullException.ThrowIfNull(script);
        ArgumentException.ThrowIfNullOrWhiteSpace(scriptName);

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(script);
        }
        catch (JsonException ex)
        {
            throw new ScriptException(new ScriptProblem(scriptName, null, null, $"malformed JSON: {OneLine(ex.Message)}"));
        }
        catch (ArgumentException ex) when (ex.InnerException is System.Text.EncoderFallbackException fallback)
        {
            throw new ScriptException(new ScriptProblem(scriptName, null, null, $"not valid text: {OneLine(fallback.Message)}"));
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Array)
            {
                throw new ScriptException(new ScriptProblem(scriptName, null, null, $"a script is a JSON array of entries, not {NegotiationJson.Describe(document.RootElement.ValueKind)}"));
            }

            if (document.RootElement.GetArrayLength() == 0)
            {
                throw new ScriptException(new ScriptProblem(scriptName, null, null, "the script has no entries"));
            }

            var problems = new List<ScriptProblem>();
            var entries = new List<ScriptEntry>();
            var firstUse = new Dictionary<string, int>(StringComparer.Ordinal);
            string? documentId = null;
            var index = 0;
            foreach (var element in document.RootElement.EnumerateArray())
            {
                index++;
                var entryProblems = new List<string>();
                var entry = ReadEntry(element, index, article, entryProblems);
                var id = entry?.Id ?? IdOf(element);
                if (entry is not null)
                {
                    var source = entry.Source;
                    documentId ??= source.DocumentId;
                    if (!string.Equals(source.DocumentId, documentId, StringComparison.Ordinal))
                    {
                        entryProblems.Add($"source.documentId '{source.DocumentId}' is not the document of the script's first entry ('{documentId}'); a script encodes one article");
                    }

                    if (!firstUse.TryAdd(entry.Id, index))
                    {
                        entryProblems.Add($"command id '{entry.Id}' is already used by entry {firstUse[entry.Id]}");
                    }
                }

                problems.AddRange(entryProblems.Select(p => new ScriptProblem(scriptName, index, id, p)));
                if (entry is not null && entryProblems.Count == 0)
                {
                    entries.Add(entry);
                }
            }

            return problems.Count > 0
                ? throw new ScriptException(problems)
                : new ReplayScript(scriptName, article, entries);
        }
    }

    private static ScriptEntry? ReadEntry(JsonElement element, int index, string article, List<string> problems)
    {
        if (!NegotiationJson.Commands.TryReadMembers(element, OtherEntryProperties, out var members, out var shape))
        {
            problems.Add(Problem(shape));
            return null;
        }

        string? note = null;
        if (element.TryGetProperty(NoteProperty, out var noteElement))
        {
            if (noteElement.ValueKind is not (JsonValueKind.String or JsonValueKind.Null))
            {
                problems.Add($"'note' must be a string, not {NegotiationJson.Describe(noteElement.ValueKind)}");
                return null;
            }

            note = noteElement.GetString();
        }

        if (!NegotiationJson.Commands.TryResolve(members, out var command, out var problem))
        {
            problems.Add(Problem(problem));
            return null;
        }

        var name = members.Name!;
        var payload = members.Data!.Value;
        if (Field<Source>(payload, "source") is not { } source)
        {
            problems.Add("missing 'data.source': every entry rests on a quote of the article");
            return null;
        }

        if (string.IsNullOrWhiteSpace(source.Quote))
        {
            problems.Add("'data.source.quote' is empty: quote the words the entry rests on");
        }
        else if (!article.Contains(source.Quote, StringComparison.Ordinal))
        {
            problems.Add($"quote not found in the article: \"{OneLine(source.Quote)}\"");
        }

        if (Field<WorldDate>(payload, "occurredOn") is { NotBefore: { } start } occurredOn && start > source.ReportedOn)
        {
            problems.Add($"'data.occurredOn' ({occurredOn}) begins after 'data.source.reportedOn' ({source.ReportedOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}): a fact is reported after it happens");
        }

        return problems.Count == 0 ? new ScriptEntry(index, name, command, source, note) : null;
    }

    /// <summary>
    /// Writes an entry as a script holds it, compact: <c>{"command":"RecordRoundHeld","note":"...","data":{...}}</c>, the
    /// note left out when there is none. A script that people wrote is indented by hand; compact, it is these bytes.
    /// </summary>
    internal static void WriteEntry(Utf8JsonWriter writer, ScriptEntry entry) =>
        NegotiationJson.Commands.Write(writer, entry.CommandName, entry.Command, between: entry.Note is { } note ? w => w.WriteString(NoteProperty, note) : null);

    /// <summary>Words an entry's envelope problem in the terms of a script.</summary>
    private static string Problem(EnvelopeProblem problem) => problem.Fault switch
    {
        EnvelopeFault.NotAnObject => $"an entry is a JSON object with 'command', 'data' and optionally 'note', not {NegotiationJson.Describe(problem.Kind)}",
        EnvelopeFault.NameNotAString => $"'command' must be a string naming the command, not {NegotiationJson.Describe(problem.Kind)}",
        EnvelopeFault.Repeated => $"'{problem.Member}' appears twice",
        EnvelopeFault.NotAMember => $"'{problem.Member}' is not a property of an entry; an entry has 'command', 'data' and optionally 'note'",
        EnvelopeFault.MissingName => "missing 'command': name the command, such as \"RecordRoundHeld\"",
        EnvelopeFault.UnknownName => $"unknown command '{problem.Name}'; known commands: {NegotiationJson.Commands.KnownNames}",
        EnvelopeFault.MissingData => $"missing 'data': the fields of the {problem.Name} command",
        EnvelopeFault.DataNotAnObject => $"'data' must be a JSON object with the fields of the {problem.Name} command, not {NegotiationJson.Describe(problem.Kind)}",
        _ => $"invalid {problem.Name} data{At(problem.Error!.Path)}: {Clean(problem.Error.Message)}",
    };

    // Every command of the contract has "occurredOn" and "source"; reading them from the checked JSON needs no
    // table of command types.
    private static T? Field<T>(JsonElement data, string name)
        where T : class =>
        data.TryGetProperty(name, out var value) ? value.Deserialize<T>(NegotiationJson.Options) : null;

    private static string? IdOf(JsonElement entry) =>
        entry.ValueKind == JsonValueKind.Object
        && entry.TryGetProperty(NegotiationJson.DataProperty, out var data)
        && data.ValueKind == JsonValueKind.Object
        && data.TryGetProperty("commandId", out var id)
        && id.ValueKind == JsonValueKind.String
        && id.GetString() is { Length: > 0 } text
            ? OneLine(text)
            : null;

    private static string ReadText(string path)
    {
        try
        {
            using var stream = OpenChecked(path);
            var bytes = new byte[stream.Length];
            stream.ReadExactly(bytes);
            return StrictUtf8.GetString(bytes);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or DecoderFallbackException)
        {
            throw Unreadable(path, ex);
        }
    }

    private static async Task<string> ReadTextAsync(string path, CancellationToken cancellationToken)
    {
        try
        {
            var stream = OpenChecked(path);
            await using var _ = stream.ConfigureAwait(false);
            var bytes = new byte[stream.Length];
            await stream.ReadExactlyAsync(bytes, cancellationToken).ConfigureAwait(false);
            return StrictUtf8.GetString(bytes);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or DecoderFallbackException)
        {
            throw Unreadable(path, ex);
        }
    }

    /// <summary>
    /// Opens a regular file of 1 byte to <see cref="MaxFileBytes"/>, judged by its length before it is opened: devices,
    /// FIFOs and sockets report none, and opening a FIFO would wait for a writer.
    /// </summary>
    private static FileStream OpenChecked(string path)
    {
        var file = new FileInfo(path);
        if (!file.Exists)
        {
            throw new FileNotFoundException(Directory.Exists(path) ? "it is a folder, not a file" : "no such file", path);
        }

        if (file.Length == 0)
        {
            throw new IOException("the file is empty or not a regular file (a device, a FIFO or a socket)");
        }

        if (file.Length > MaxFileBytes)
        {
            throw new IOException($"the file has {file.Length:N0} bytes, more than the {MaxFileBytes:N0} (10 MB) an article or a script may have");
        }

        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
        if (stream.Length != file.Length)
        {
            stream.Dispose();
            throw new IOException("the file changed while it was opened");
        }

        return stream;
    }

    private static ScriptException Unreadable(string path, Exception ex) =>
        new(new ScriptProblem(Path.GetFileName(path), null, null, ex is DecoderFallbackException
            ? "the file is not valid UTF-8 text"
            : $"cannot read the file: {OneLine(ex.Message)}"));

    private static string At(string? path) =>
        path is null or "$" ? string.Empty : $" at data{path[1..]}";

    // System.Text.Json appends " Path: $.x | LineNumber: 0 | BytePositionInLine: 12." to its own messages; the path is
    // reported separately and the line numbers are those of the entry's data, not of the file, so they would mislead.
    private static string Clean(string message)
    {
        var cut = message.IndexOf(" Path: ", StringComparison.Ordinal);
        return OneLine(cut >= 0 ? message[..cut] : message);
    }

    private static string OneLine(string text) =>
        string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
