using System;
using System.Collections.Generic;
using System.Linq;

namespace Negotiations.SampleHost;

/// <summary>How many days are left until an ultimatum's deadline, from the day asked about to its earliest and latest day.</summary>
/// <param name="Min">Days to the deadline's earliest day (0 once it has begun); null when its start is open.</param>
/// <param name="Max">Days to the deadline's latest day; null when its end is open.</param>
internal sealed record DaysLeft(int? Min, int? Max)
{
    public static DaysLeft Until(WorldDate deadline, DateOnly asOf) => new(
        deadline.NotBefore is { } first ? Math.Max(0, first.DayNumber - asOf.DayNumber) : null,
        deadline.NotAfter is { } last ? last.DayNumber - asOf.DayNumber : null);

    public override string ToString() => (Min, Max) switch
    {
        ({ } min, { } max) when min == max => $"{max} {Days(max)} left",
        ({ } min, { } max) => $"{min}–{max} days left",
        ({ } min, null) => $"at least {min} {Days(min)} left",
        (null, { } max) => $"at most {max} {Days(max)} left",
        _ => "no deadline day given",
    };

    private static string Days(int n) => n == 1 ? "day" : "days";
}

/// <summary>An active ultimatum as of a day.</summary>
internal sealed record ActiveUltimatum(UltimatumView Ultimatum, WorldDate Deadline, DaysLeft DaysLeft);

/// <summary>What a reader asks first of a track as of a day: the rounds, what is pending, what changed since the last round.</summary>
internal sealed class NegotiationDigest
{
    public NegotiationDigest(NegotiationSnapshot snapshot, DateOnly asOf)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        State = snapshot.State;
        Timeline = snapshot.Timeline;
        AsOf = asOf;
        Held = [.. State.Rounds.Where(r => r.Status == RoundStatus.Held)];
        Upcoming = State.UpcomingRoundsOn(asOf);
        LastHeld = Held.Where(r => r.Date?.NotAfter is not null).MaxBy(r => r.Date!.NotAfter);
        ActiveUltimatums = [.. State.Ultimatums
            .Where(u => u.StatusOn(asOf) == UltimatumStatus.Active)
            .Select(u => new ActiveUltimatum(u, u.DeadlineOn(asOf), DaysLeft.Until(u.DeadlineOn(asOf), asOf)))];
        if (LastHeld?.Date?.NotAfter is { } heldOn)
        {
            SinceLastRound = [.. Timeline.Entries.Where(e => e.OccurredOn.NotBefore is { } first && first > heldOn)];
            MaybeSinceLastRound = [.. Timeline.Entries.Where(e => e.OccurredOn.NotBefore is not { } first || first <= heldOn).Where(e => e.OccurredOn.NotAfter is not { } last || last > heldOn)];
        }
    }

    public NegotiationState State { get; }

    public Timeline Timeline { get; }

    public DateOnly AsOf { get; }

    public IReadOnlyList<RoundView> Held { get; }

    /// <summary>The rounds still to come on the day, by the library's one rule of "upcoming".</summary>
    public IReadOnlyList<RoundView> Upcoming { get; }

    /// <summary>The latest round held by the day; null when none was.</summary>
    public RoundView? LastHeld { get; }

    /// <summary>The timeline's facts that surely happened after the last round's day (their earliest day is later).</summary>
    public IReadOnlyList<TimelineEntry> SinceLastRound { get; } = [];

    /// <summary>The facts whose window reaches past the last round's day but begins on or before it: they may be older.</summary>
    public IReadOnlyList<TimelineEntry> MaybeSinceLastRound { get; } = [];

    public IReadOnlyList<ActiveUltimatum> ActiveUltimatums { get; }

    /// <summary>The ultimatums no longer active on the day: lapsed or withdrawn.</summary>
    public IReadOnlyList<UltimatumView> InactiveUltimatums => [.. State.Ultimatums.Where(u => u.StatusOn(AsOf) != UltimatumStatus.Active)];

    /// <summary>An affiliation by the name of the state that acts for it in the track ("Türkiye"), else its code.</summary>
    public string NameOf(Affiliation side) =>
        State.Participants.FirstOrDefault(p => p.Actor.Affiliation == side && p.Actor.Type == ActorType.State)?.Actor.Name ?? side.Code;

    /// <summary>A venue in words: "Istanbul, Türkiye".</summary>
    public string Place(Venue? venue) => venue is null ? "venue not given" : venue.City is null ? NameOf(venue.Country) : $"{venue.City}, {NameOf(venue.Country)}";

    /// <summary>The round in words: "the round in Istanbul on Mon 2 June 2025".</summary>
    public string Describe(RoundView round) =>
        $"{Place(round.Venue)}, {(round.Date is { } date ? HumanDates.Window(date) : "date not given")}";

    /// <summary>The line on what changed since the previous round.</summary>
    public string ChangeLine()
    {
        if (LastHeld is null)
        {
            return "No round has been held yet; every fact below is new.";
        }

        var since = $"Since the previous round ({Describe(LastHeld)})";
        return SinceLastRound.Count switch
        {
            0 => $"{since}: nothing recorded has surely happened.",
            1 => $"{since}: 1 new fact.",
            var n => $"{since}: {n} new facts.",
        };
    }
}
