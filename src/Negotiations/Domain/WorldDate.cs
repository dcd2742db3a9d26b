using System.Globalization;

namespace Negotiations;

/// <summary>How precisely the news pins down a date.</summary>
public enum DatePrecision
{
    /// <summary>Nothing is known about the date beyond the window's open ends.</summary>
    Unknown,

    /// <summary>A single day.</summary>
    Day,

    /// <summary>A week ("last week", "next week").</summary>
    Week,

    /// <summary>A month ("in June").</summary>
    Month,

    /// <summary>A year ("in 2014").</summary>
    Year,
}

/// <summary>
/// When something happened in the world, as precisely as the news says it: a window
/// <see cref="NotBefore"/>..<see cref="NotAfter"/> (both days included, either end may be open) with a
/// precision label. "On Wednesday (July 23)" is one day; "last week", said on Monday 21 July 2025, is
/// 14-20 July with week precision; "so far" has an open start and ends on the day it was said.
/// </summary>
/// <remarks>
/// <para><b>As of a date.</b> A fact counts as of a day once it has surely happened by then:
/// <see cref="HasHappenedBy"/> is true when <see cref="NotAfter"/> is on or before that day. A window with an
/// open end counts once its <see cref="NotBefore"/> is on or before that day; a window open at both ends
/// (a fact of unknown date) always counts.</para>
/// <para><b>World order.</b> Facts are ordered by the day they had surely happened by (<see cref="NotAfter"/>,
/// or <see cref="NotBefore"/> when the end is open), then by their earliest day; facts of unknown date come first.</para>
/// <para><b>Comparing windows.</b> Rules refuse only what the windows make certain: <see cref="IsSurelyBefore"/>
/// is true when this window ends before the other begins.</para>
/// </remarks>
public sealed record WorldDate : IComparable<WorldDate>
{
    /// <summary>A date about which nothing is known.</summary>
    public static WorldDate Unknown { get; } = new(null, null, DatePrecision.Unknown);

    /// <summary>Creates a window.</summary>
    /// <param name="notBefore">The first day it may have happened, or null when open.</param>
    /// <param name="notAfter">The last day it may have happened, or null when open.</param>
    /// <param name="precision">How precisely the source pins it down.</param>
    /// <exception cref="ArgumentException">
    /// The window ends before it begins, or does not match its precision: a day is one day, a week seven days, a month
    /// a calendar month from its first to its last day, a year 1 January to 31 December; an unknown precision takes
    /// any window, open ends included.
    /// </exception>
    public WorldDate(DateOnly? notBefore, DateOnly? notAfter, DatePrecision precision)
    {
        if (notBefore is { } start && notAfter is { } end && end < start)
        {
            throw new ArgumentException($"The window {Format(notBefore, notAfter)} ends before it begins.", nameof(notAfter));
        }

        if (precision == DatePrecision.Day && (notBefore is null || notBefore != notAfter))
        {
            throw new ArgumentException($"A date of day precision needs one day, not {Format(notBefore, notAfter)}.", nameof(precision));
        }

        if (precision == DatePrecision.Week && !(notBefore is { } weekStart && notAfter is { } weekEnd && weekEnd.DayNumber - weekStart.DayNumber == 6))
        {
            throw new ArgumentException($"A date of week precision needs seven days, not {Format(notBefore, notAfter)}.", nameof(precision));
        }

        if (precision == DatePrecision.Month && !(notBefore is { Day: 1 } monthStart && notAfter is { } monthEnd
            && monthEnd.Year == monthStart.Year && monthEnd.Month == monthStart.Month && monthEnd.Day == DateTime.DaysInMonth(monthEnd.Year, monthEnd.Month)))
        {
            throw new ArgumentException($"A date of month precision needs a calendar month, from its first to its last day, not {Format(notBefore, notAfter)}.", nameof(precision));
        }

        if (precision == DatePrecision.Year && !(notBefore is { Month: 1, Day: 1 } yearStart && notAfter is { Month: 12, Day: 31 } yearEnd && yearEnd.Year == yearStart.Year))
        {
            throw new ArgumentException($"A date of year precision needs a calendar year, 1 January to 31 December, not {Format(notBefore, notAfter)}.", nameof(precision));
        }

        if (!Enum.IsDefined(precision))
        {
            throw new ArgumentOutOfRangeException(nameof(precision), precision, "Unknown date precision.");
        }

        NotBefore = notBefore;
        NotAfter = notAfter;
        Precision = precision;
    }

    /// <summary>The first day it may have happened; null when open.</summary>
    public DateOnly? NotBefore { get; }

    /// <summary>The last day it may have happened; null when open.</summary>
    public DateOnly? NotAfter { get; }

    /// <summary>How precisely the source pins it down.</summary>
    public DatePrecision Precision { get; }

    /// <summary>One day.</summary>
    /// <param name="day">The day.</param>
    /// <returns>The window.</returns>
    public static WorldDate On(DateOnly day) => new(day, day, DatePrecision.Day);

    /// <summary>One day.</summary>
    /// <param name="year">The year.</param>
    /// <param name="month">The month, 1-12.</param>
    /// <param name="day">The day of the month.</param>
    /// <returns>The window.</returns>
    public static WorldDate On(int year, int month, int day) => On(new DateOnly(year, month, day));

    /// <summary>The seven days from a first day ("next week" said on Saturday 19 July 2025 is <c>WeekOf(2025-07-21)</c>).</summary>
    /// <param name="firstDay">The first day of the week.</param>
    /// <returns>The window.</returns>
    public static WorldDate WeekOf(DateOnly firstDay) => new(firstDay, firstDay.AddDays(6), DatePrecision.Week);

    /// <summary>A calendar month.</summary>
    /// <param name="year">The year.</param>
    /// <param name="month">The month, 1-12.</param>
    /// <returns>The window.</returns>
    public static WorldDate Month(int year, int month)
    {
        var first = new DateOnly(year, month, 1);
        return new(first, new DateOnly(year, month, DateTime.DaysInMonth(year, month)), DatePrecision.Month);
    }

    /// <summary>A calendar year.</summary>
    /// <param name="year">The year.</param>
    /// <returns>The window.</returns>
    public static WorldDate Year(int year) => new(new DateOnly(year, 1, 1), new DateOnly(year, 12, 31), DatePrecision.Year);

    /// <summary>Some time up to a day, start unknown ("so far", said on that day).</summary>
    /// <param name="lastDay">The last day it may have happened.</param>
    /// <returns>The window.</returns>
    public static WorldDate Until(DateOnly lastDay) => new(null, lastDay, DatePrecision.Unknown);

    /// <summary>A window between two days.</summary>
    /// <param name="notBefore">The first day.</param>
    /// <param name="notAfter">The last day.</param>
    /// <param name="precision">How precisely the source pins it down.</param>
    /// <returns>The window.</returns>
    public static WorldDate Between(DateOnly notBefore, DateOnly notAfter, DatePrecision precision) => new(notBefore, notAfter, precision);

    /// <summary>True when the fact has surely happened by a day (see the remarks on the type).</summary>
    /// <param name="day">The day asked about.</param>
    /// <returns>Whether the fact counts as of that day.</returns>
    public bool HasHappenedBy(DateOnly day) => (NotAfter ?? NotBefore) is not { } known || known <= day;

    /// <summary>True when this window ends before the other begins, so this is surely earlier.</summary>
    /// <param name="other">The other window.</param>
    /// <returns>False when either end needed is open.</returns>
    public bool IsSurelyBefore(WorldDate other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return NotAfter is { } end && other.NotBefore is { } start && end < start;
    }

    /// <summary>True when this window begins after the other ends, so this is surely later.</summary>
    /// <param name="other">The other window.</param>
    /// <returns>False when either end needed is open.</returns>
    public bool IsSurelyAfter(WorldDate other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return other.IsSurelyBefore(this);
    }

    /// <summary>Orders windows in world order (see the remarks on the type).</summary>
    /// <param name="other">The other window.</param>
    /// <returns>Less than zero when this comes first.</returns>
    public int CompareTo(WorldDate? other)
    {
        if (other is null)
        {
            return 1;
        }

        var byEnd = Nullable.Compare(NotAfter ?? NotBefore, other.NotAfter ?? other.NotBefore);
        return byEnd != 0 ? byEnd : Nullable.Compare(NotBefore, other.NotBefore);
    }

    /// <summary>The window as text: <c>2025-07-23</c>, <c>2025-07-14..2025-07-20 (week)</c>, <c>..2025-07-21</c>, <c>unknown</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => Precision == DatePrecision.Day
        ? NotBefore!.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
        : NotBefore is null && NotAfter is null
            ? "unknown"
            : $"{Format(NotBefore, NotAfter)}{(Precision == DatePrecision.Unknown ? string.Empty : $" ({Precision.ToString().ToLowerInvariant()})")}";

    private static string Format(DateOnly? notBefore, DateOnly? notAfter) =>
        $"{notBefore?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}..{notAfter?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}";
}
