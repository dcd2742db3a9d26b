using Negotiations;
using Negotiations.EventSourcing;

namespace NewsDesk;

/// <summary>
/// The desk's own view of a track: every ultimatum on it with who issued it, its deadline now and whether it still
/// stands. Retracted facts are dropped (a retracted issue drops the ultimatum; a retracted revision or withdrawal
/// drops that change).
/// </summary>
public sealed record UltimatumsPerIssuer
{
    /// <summary>The track.</summary>
    public string Track { get; init; } = string.Empty;

    /// <summary>The ultimatums, in the order they were issued.</summary>
    public IReadOnlyList<TrackedUltimatum> Ultimatums { get; init; } = [];

    /// <summary>How many ultimatums each issuer (actor code) has issued, withdrawn ones included.</summary>
    public IReadOnlyDictionary<string, int> IssuedBy() => CountBy(Ultimatums);

    /// <summary>How many of each issuer's ultimatums have not been withdrawn.</summary>
    public IReadOnlyDictionary<string, int> StandingBy() => CountBy(Ultimatums.Where(u => !u.IsWithdrawn));

    private static Dictionary<string, int> CountBy(IEnumerable<TrackedUltimatum> ultimatums) =>
        ultimatums.GroupBy(u => u.Issuer, StringComparer.Ordinal)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
}

/// <summary>One ultimatum as the desk follows it.</summary>
/// <param name="Id">The ultimatum's id.</param>
/// <param name="Issuer">The issuer's actor code.</param>
/// <param name="Side">What the issuer acts for.</param>
/// <param name="Target">Whom it is aimed at.</param>
/// <param name="IssuedDeadline">The deadline it was issued with.</param>
/// <param name="CommandId">The command that recorded the issue.</param>
/// <param name="Changes">Its revisions and withdrawal, in order.</param>
public sealed record TrackedUltimatum(string Id, string Issuer, string Side, string Target, WorldDate IssuedDeadline, string? CommandId, IReadOnlyList<UltimatumChange> Changes)
{
    /// <summary>The deadline after the latest revision.</summary>
    public WorldDate Deadline => Changes.LastOrDefault(c => c.Deadline is not null)?.Deadline ?? IssuedDeadline;

    /// <summary>How many times it was revised.</summary>
    public int Revisions => Changes.Count(c => c.Kind == UltimatumChangeKind.Revised);

    /// <summary>Whether it was withdrawn.</summary>
    public bool IsWithdrawn => Changes.Any(c => c.Kind == UltimatumChangeKind.Withdrawn);
}

/// <summary>What happened to an ultimatum after its issue.</summary>
public enum UltimatumChangeKind
{
    /// <summary>Its deadline or terms changed.</summary>
    Revised,

    /// <summary>It was withdrawn.</summary>
    Withdrawn,
}

/// <summary>A revision or withdrawal of an ultimatum.</summary>
/// <param name="Kind">Which.</param>
/// <param name="Deadline">The new deadline of a revision.</param>
/// <param name="CommandId">The command that recorded it.</param>
public sealed record UltimatumChange(UltimatumChangeKind Kind, WorldDate? Deadline, string? CommandId);

/// <summary>Builds <see cref="UltimatumsPerIssuer"/> from a track's events: in memory, or inline on PostgreSQL.</summary>
public sealed class UltimatumsPerIssuerProjection : StreamProjection<UltimatumsPerIssuer>
{
    /// <inheritdoc />
    public override UltimatumsPerIssuer Start(string streamId) => new() { Track = streamId };

    /// <inheritdoc />
    public override UltimatumsPerIssuer Evolve(UltimatumsPerIssuer view, RecordedEvent @event)
    {
        ArgumentNullException.ThrowIfNull(view);
        ArgumentNullException.ThrowIfNull(@event);
        var commandId = @event.Metadata.CommandId;
        return @event.Data switch
        {
            UltimatumIssued issued => view with
            {
                Ultimatums =
                [
                    .. view.Ultimatums,
                    new TrackedUltimatum(issued.Ultimatum.Value, issued.Issuer.Code.Value, issued.Issuer.Affiliation.Code, issued.Target.Code, issued.Deadline, commandId, []),
                ],
            },
            UltimatumRevised revised => Change(view, revised.Ultimatum, new UltimatumChange(UltimatumChangeKind.Revised, revised.Deadline, commandId)),
            UltimatumWithdrawn withdrawn => Change(view, withdrawn.Ultimatum, new UltimatumChange(UltimatumChangeKind.Withdrawn, null, commandId)),
            FactRetracted retracted => view with
            {
                Ultimatums =
                [
                    .. view.Ultimatums
                        .Where(u => u.CommandId != retracted.Retracted.Value)
                        .Select(u => u with { Changes = [.. u.Changes.Where(c => c.CommandId != retracted.Retracted.Value)] }),
                ],
            },
            _ => view,
        };
    }

    private static UltimatumsPerIssuer Change(UltimatumsPerIssuer view, UltimatumId ultimatum, UltimatumChange change) => view with
    {
        Ultimatums = [.. view.Ultimatums.Select(u => u.Id == ultimatum.Value ? u with { Changes = [.. u.Changes, change] } : u)],
    };
}
