namespace Negotiations.EventSourcing;

/// <summary>
/// What a store keeps beside each event: which command wrote it, and how it relates to other work.
/// </summary>
/// <remarks>
/// Every event appended by one command carries the same metadata. The command id is what makes
/// repeated commands idempotent: the command service looks for it in the stream's own metadata, so
/// the check survives restarts in any store.
/// </remarks>
public sealed record EventMetadata
{
    /// <summary>An empty set of metadata.</summary>
    public static EventMetadata None { get; } = new();

    /// <summary>The id of the command whose decision produced the event.</summary>
    public string? CommandId { get; init; }

    /// <summary>Ties together all the work started by one request, across streams and services.</summary>
    public string? CorrelationId { get; init; }

    /// <summary>The id of the message or event that caused the command.</summary>
    public string? CausationId { get; init; }

    /// <summary>The tenant the event belongs to, for stores shared by several tenants.</summary>
    public string? Tenant { get; init; }
}
