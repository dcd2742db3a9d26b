namespace Negotiations;

/// <summary>Where an ultimatum stands on a day.</summary>
public enum UltimatumStatus
{
    /// <summary>Issued, not withdrawn, its deadline not yet passed.</summary>
    Active,

    /// <summary>Its deadline has surely passed: the day asked about is after the deadline's last possible day.</summary>
    Lapsed,

    /// <summary>Withdrawn.</summary>
    Withdrawn,
}

/// <summary>
/// An ultimatum's schedule: the deadline it was issued with, each revision of it, and its withdrawal. The one owner of
/// the rules of deadlines and lapse, used by <see cref="NegotiationState"/>, the <see cref="Watchlist"/> and the
/// decider alike.
/// </summary>
/// <remarks>
/// Lapse is not recorded: it follows from the deadline in force and the day asked about (<see cref="StatusOn"/>), so
/// the schedule never goes stale as days pass.
/// </remarks>
public sealed record UltimatumSchedule
{
    /// <summary>When the ultimatum was issued.</summary>
    public required WorldDate IssuedOn { get; init; }

    /// <summary>The deadline it was issued with.</summary>
    public required WorldDate IssuedDeadline { get; init; }

    /// <summary>The revisions of the deadline, in world order.</summary>
    public IReadOnlyList<DeadlineRevision> Revisions { get; init; } = [];

    /// <summary>When it was withdrawn, if it was.</summary>
    public ScheduleWithdrawal? Withdrawal { get; init; }

    /// <summary>The deadline after every revision.</summary>
    public WorldDate Deadline => Revisions.Count > 0 ? Revisions[^1].Deadline : IssuedDeadline;

    /// <summary>True when it has been withdrawn.</summary>
    public bool IsWithdrawn => Withdrawal is not null;

    /// <summary>The deadline in force on a day: that of the latest revision that has surely happened by then, else the deadline as issued.</summary>
    /// <param name="day">The day asked about.</param>
    /// <returns>The deadline.</returns>
    public WorldDate DeadlineOn(DateOnly day)
    {
        for (var i = Revisions.Count - 1; i >= 0; i--)
        {
            if (Revisions[i].OccurredOn.HasHappenedBy(day))
            {
                return Revisions[i].Deadline;
            }
        }

        return IssuedDeadline;
    }

    /// <summary>Where the ultimatum stands on a day.</summary>
    /// <param name="day">The day asked about.</param>
    /// <returns>
    /// <see cref="UltimatumStatus.Withdrawn"/> when its withdrawal has surely happened by that day;
    /// <see cref="UltimatumStatus.Lapsed"/> when the deadline in force that day (<see cref="DeadlineOn"/>) has a
    /// last possible day before it (the deadline day itself still counts as active; a deadline with an open end
    /// never lapses); otherwise <see cref="UltimatumStatus.Active"/>, also for a day before the issue.
    /// </returns>
    public UltimatumStatus StatusOn(DateOnly day)
    {
        if (Withdrawal is { } withdrawal && withdrawal.OccurredOn.HasHappenedBy(day))
        {
            return UltimatumStatus.Withdrawn;
        }

        return DeadlineOn(day).NotAfter is { } last && last < day ? UltimatumStatus.Lapsed : UltimatumStatus.Active;
    }

    /// <summary>Whether the ultimatum is open on a day: issued by then and active.</summary>
    /// <param name="day">The day asked about.</param>
    /// <returns>True when open.</returns>
    public bool IsOpenOn(DateOnly day) => IssuedOn.HasHappenedBy(day) && StatusOn(day) == UltimatumStatus.Active;

    /// <summary>The schedule with one more revision, in world order.</summary>
    /// <param name="revision">The revision.</param>
    /// <returns>The new schedule.</returns>
    public UltimatumSchedule Revise(DeadlineRevision revision) => this with { Revisions = WorldOrder.Insert(Revisions, revision) };

    /// <summary>The schedule withdrawn, unless it is withdrawn already (the first withdrawal stands).</summary>
    /// <param name="withdrawal">The withdrawal.</param>
    /// <returns>The new schedule.</returns>
    public UltimatumSchedule Withdraw(ScheduleWithdrawal withdrawal) => Withdrawal is null ? this with { Withdrawal = withdrawal } : this;

    /// <summary>The schedule without the revisions and withdrawal a retracted command recorded.</summary>
    /// <param name="commandId">The retracted command.</param>
    /// <returns>The schedule that remains.</returns>
    public UltimatumSchedule Retract(string commandId) => this with
    {
        Revisions = WorldOrder.Without(Revisions, commandId),
        Withdrawal = Withdrawal is { } w && Retraction.IsBy(w, commandId) ? null : Withdrawal,
    };
}

/// <summary>A revised deadline and when it was set.</summary>
public sealed record DeadlineRevision : IFact
{
    /// <summary>The new deadline.</summary>
    public required WorldDate Deadline { get; init; }

    /// <summary>When it was set.</summary>
    public required WorldDate OccurredOn { get; init; }

    /// <summary>The stream version of the event.</summary>
    public long Sequence { get; init; }

    /// <summary>The command that recorded it.</summary>
    public string? CommandId { get; init; }
}

/// <summary>The withdrawal of an ultimatum.</summary>
public sealed record ScheduleWithdrawal : IFact
{
    /// <summary>When it was withdrawn.</summary>
    public required WorldDate OccurredOn { get; init; }

    /// <summary>The stream version of the event.</summary>
    public long Sequence { get; init; }

    /// <summary>The command that recorded it.</summary>
    public string? CommandId { get; init; }
}

/// <summary>Whether a proposal still awaits answers: the one rule of the views and the decider.</summary>
internal static class ProposalRules
{
    /// <summary>With addressees, open until every addressee's side has answered; with none, until the first answer.</summary>
    public static bool IsOpen(IReadOnlyList<Affiliation> addressedTo, IReadOnlyCollection<Affiliation> answeredBy) =>
        addressedTo.Count > 0 ? addressedTo.Any(side => !answeredBy.Contains(side)) : answeredBy.Count == 0;

    public static IReadOnlyList<Affiliation> AwaitingAnswerFrom(IReadOnlyList<Affiliation> addressedTo, IReadOnlyCollection<Affiliation> answeredBy) =>
        [.. addressedTo.Where(side => !answeredBy.Contains(side))];
}
