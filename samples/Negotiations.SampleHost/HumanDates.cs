using System;
using System.Globalization;

namespace Negotiations.SampleHost;

/// <summary>Dates as a reader says them: "Wed 23 July 2025", "14–20 July 2025 (week)", "by Mon 21 July 2025".</summary>
internal static class HumanDates
{
    private static readonly CultureInfo English = CultureInfo.InvariantCulture;

    public static string Day(DateOnly day) => day.ToString("ddd d MMMM yyyy", English);

    public static string Window(WorldDate date)
    {
        ArgumentNullException.ThrowIfNull(date);
        return (date.NotBefore, date.NotAfter, date.Precision) switch
        {
            ({ } day, _, DatePrecision.Day) => Day(day),
            ({ } first, { } last, DatePrecision.Month) when first.Day == 1 && first.Month == last.Month => first.ToString("MMMM yyyy", English),
            ({ } first, { } last, DatePrecision.Year) when first.DayOfYear == 1 && first.Year == last.Year => first.ToString("yyyy", English),
            ({ } first, { } last, var precision) => $"{Range(first, last)}{Label(precision)}",
            (null, { } last, _) => $"by {Day(last)}",
            ({ } first, null, _) => $"from {Day(first)}",
            _ => "date unknown",
        };
    }

    /// <summary>The days from one day to another, as "in 2 days", "today", "3 days ago".</summary>
    public static string Relative(DateOnly from, DateOnly to)
    {
        var days = to.DayNumber - from.DayNumber;
        return days switch
        {
            0 => "today",
            1 => "tomorrow",
            -1 => "yesterday",
            > 0 => $"in {days} days",
            _ => $"{-days} days ago",
        };
    }

    private static string Range(DateOnly first, DateOnly last) =>
        first == last ? Day(first)
        : first.Year != last.Year ? $"{first.ToString("d MMMM yyyy", English)} – {last.ToString("d MMMM yyyy", English)}"
        : first.Month != last.Month ? $"{first.ToString("d MMMM", English)} – {last.ToString("d MMMM yyyy", English)}"
        : $"{first.Day}–{last.ToString("d MMMM yyyy", English)}";

    private static string Label(DatePrecision precision) => precision switch
    {
        DatePrecision.Week => " (week)",
        DatePrecision.Month => " (month)",
        DatePrecision.Year => " (year)",
        _ => string.Empty,
    };
}
