namespace Negotiations;

/// <summary>Where a round stands.</summary>
public enum RoundStatus
{
    /// <summary>Someone proposed it.</summary>
    Proposed,

    /// <summary>It was set for a date and venue.</summary>
    Scheduled,

    /// <summary>It was moved.</summary>
    Postponed,

    /// <summary>It was called off.</summary>
    Cancelled,

    /// <summary>It took place.</summary>
    Held,
}

/// <summary>A fact about a round, as the round lifecycle reads it.</summary>
internal interface IRoundFact : IFact
{
    /// <summary>What the fact did to the round.</summary>
    RoundStatus Status { get; }

    /// <summary>The date the fact gives the round (the proposed window, the scheduled date, the new date, the day it was held); null when it gives none.</summary>
    WorldDate? Date { get; }
}

/// <summary>
/// The round lifecycle, the one rule of every view and of the decider. The facts of a round are kept in world order;
/// a round that was held stands held, whatever was reported after; otherwise it stands as its latest fact left it.
/// </summary>
internal static class RoundLifecycle
{
    public static RoundStatus Status<T>(IReadOnlyList<T> steps)
        where T : class, IRoundFact =>
        Held(steps) is not null ? RoundStatus.Held : steps.Count > 0 ? steps[^1].Status : RoundStatus.Proposed;

    public static T? Held<T>(IReadOnlyList<T> steps)
        where T : class, IRoundFact
    {
        for (var i = steps.Count - 1; i >= 0; i--)
        {
            if (steps[i].Status == RoundStatus.Held)
            {
                return steps[i];
            }
        }

        return null;
    }

    public static T? Latest<T>(IReadOnlyList<T> steps, RoundStatus status)
        where T : class, IRoundFact
    {
        for (var i = steps.Count - 1; i >= 0; i--)
        {
            if (steps[i].Status == status)
            {
                return steps[i];
            }
        }

        return null;
    }

    public static T? First<T>(IReadOnlyList<T> steps, RoundStatus status)
        where T : class, IRoundFact
    {
        for (var i = 0; i < steps.Count; i++)
        {
            if (steps[i].Status == status)
            {
                return steps[i];
            }
        }

        return null;
    }

    /// <summary>
    /// When the round takes or took place, as far as known: the day it was held, else the latest date the facts give
    /// it; null when none gives one, or when the latest fact postponed it without a new date (its old date no longer
    /// holds).
    /// </summary>
    public static WorldDate? Date<T>(IReadOnlyList<T> steps)
        where T : class, IRoundFact
    {
        if (Held(steps) is { } held)
        {
            return held.Date;
        }

        if (steps.Count > 0 && steps[^1] is { Status: RoundStatus.Postponed, Date: null })
        {
            return null;
        }

        for (var i = steps.Count - 1; i >= 0; i--)
        {
            if (steps[i].Date is { } date)
            {
                return date;
            }
        }

        return null;
    }

    /// <summary>The facts of the round that have surely happened by a day, in world order.</summary>
    public static IReadOnlyList<T> AsOf<T>(IReadOnlyList<T> steps, DateOnly day)
        where T : class, IRoundFact =>
        steps.All(s => s.OccurredOn.HasHappenedBy(day)) ? steps : [.. steps.Where(s => s.OccurredOn.HasHappenedBy(day))];

    /// <summary>
    /// Whether the round is still to come on a day: as of that day it stands proposed, scheduled or postponed (not held
    /// or cancelled), and its date is not surely in the past (it ends on or after the day, or is not known).
    /// </summary>
    public static bool IsUpcomingOn<T>(IReadOnlyList<T> steps, DateOnly day)
        where T : class, IRoundFact
    {
        var known = AsOf(steps, day);
        return known.Count > 0
            && Status(known) is RoundStatus.Proposed or RoundStatus.Scheduled or RoundStatus.Postponed
            && (Date(known)?.NotAfter is not { } last || last >= day);
    }

    /// <summary>Orders rounds by their date, or when they have none by their first fact; ties by that fact's record order.</summary>
    public static int CompareRounds<T>(IReadOnlyList<T> x, IReadOnlyList<T> y)
        where T : class, IRoundFact
    {
        var byDate = (Date(x) ?? x[0].OccurredOn).CompareTo(Date(y) ?? y[0].OccurredOn);
        return byDate != 0 ? byDate : x.Min(s => s.Sequence).CompareTo(y.Min(s => s.Sequence));
    }
}
