namespace Negotiations.EventSourcing;

/// <summary>
/// What a store keeps beside each event: which command wrote it, and how it relates to other work.
/// </summary>
/// <remarks>
/// Every event appended by one command carries the same metadata. <see cref="CommandId"/>,
/// <see cref="CommandType"/> and <see cref="CommandFingerprint"/> together describe the command, so a store can
/// rebuild its command records (see <see cref="CommandRecord"/>) from its events alone. Each value, where given, is
/// 1 to <see cref="ValueLength"/> characters with no control character, NUL or lone surrogate; stores refuse an
/// append whose metadata breaks that (<see cref="StoreArguments.ValidateMetadata"/>).
/// </remarks>
public sealed record EventMetadata
{
    /// <summary>The longest value of a metadata member: 200 characters.</summary>
    public const int ValueLength = 200;

    /// <summary>An empty set of metadata.</summary>
    public static EventMetadata None { get; } = new();

    /// <summary>The id of the command whose decision produced the event.</summary>
    public string? CommandId { get; init; }

    /// <summary>The name of that command's type (<c>RecordStatement</c>); null for events not written by a command.</summary>
    public string? CommandType { get; init; }

    /// <summary>
    /// The fingerprint of that command (see <see cref="CommandRecord.Fingerprint"/>). An append whose metadata has a
    /// command id and a fingerprint records the command, once per stream.
    /// </summary>
    public string? CommandFingerprint { get; init; }

    /// <summary>Ties together all the work started by one request, across streams and services.</summary>
    public string? CorrelationId { get; init; }

    /// <summary>The id of the message or event that caused the command.</summary>
    public string? CausationId { get; init; }

    /// <summary>True when the metadata describes a command to record: it has a command id and a fingerprint.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public bool RecordsCommand => CommandId is not null && CommandFingerprint is not null;
}
