using FluentAssertions;
using Xunit;
using static Negotiations.Tests.Domain.Track;

namespace Negotiations.Tests.Domain;

public sealed class WorldDateTests
{
    [Fact]
    public void A_day_is_a_window_of_one_day()
    {
        var wednesday = WorldDate.On(2025, 7, 23);

        wednesday.NotBefore.Should().Be(Day(7, 23));
        wednesday.NotAfter.Should().Be(Day(7, 23));
        wednesday.Precision.Should().Be(DatePrecision.Day);
        wednesday.ToString().Should().Be("2025-07-23");
    }

    [Fact]
    public void Last_week_said_on_Monday_21_July_2025_is_14_to_20_July()
    {
        var lastWeek = WorldDate.WeekOf(Day(7, 21).AddDays(-7));

        lastWeek.Should().Be(new WorldDate(Day(7, 14), Day(7, 20), DatePrecision.Week));
        lastWeek.ToString().Should().Be("2025-07-14..2025-07-20 (week)");
    }

    [Fact]
    public void Next_week_said_on_Saturday_19_July_2025_is_21_to_27_July()
    {
        var saturday = Day(7, 19);
        var nextMonday = saturday.AddDays(((int)DayOfWeek.Monday - (int)saturday.DayOfWeek + 7) % 7);

        WorldDate.WeekOf(nextMonday).Should().Be(new WorldDate(Day(7, 21), Day(7, 27), DatePrecision.Week));
    }

    [Fact]
    public void So_far_has_an_open_start_and_ends_on_the_day_it_was_said()
    {
        var soFar = WorldDate.Until(Day(7, 21));

        soFar.NotBefore.Should().BeNull();
        soFar.NotAfter.Should().Be(Day(7, 21));
        soFar.ToString().Should().Be("..2025-07-21");
    }

    [Fact]
    public void Months_and_years_span_their_calendar_days()
    {
        WorldDate.Month(2025, 2).Should().Be(new WorldDate(new DateOnly(2025, 2, 1), new DateOnly(2025, 2, 28), DatePrecision.Month));
        WorldDate.Year(2014).ToString().Should().Be("2014-01-01..2014-12-31 (year)");
        WorldDate.Unknown.ToString().Should().Be("unknown");
    }

    [Fact]
    public void A_window_that_ends_before_it_begins_is_refused_naming_both_ends()
    {
        var create = () => new WorldDate(Day(7, 20), Day(7, 14), DatePrecision.Week);

        create.Should().Throw<ArgumentException>().WithMessage("*2025-07-20..2025-07-14*");
    }

    [Fact]
    public void A_day_precision_over_more_than_one_day_is_refused()
    {
        var create = () => new WorldDate(Day(7, 14), Day(7, 15), DatePrecision.Day);

        create.Should().Throw<ArgumentException>().WithMessage("*day precision*");
    }

    [Theory]
    [InlineData(7, 14, 7, 14, DatePrecision.Week)]
    [InlineData(7, 14, 7, 19, DatePrecision.Week)]
    [InlineData(7, 14, 7, 21, DatePrecision.Week)]
    [InlineData(7, 1, 7, 30, DatePrecision.Month)]
    [InlineData(7, 2, 7, 31, DatePrecision.Month)]
    [InlineData(7, 1, 8, 31, DatePrecision.Month)]
    [InlineData(1, 1, 12, 30, DatePrecision.Year)]
    [InlineData(7, 21, 7, 21, DatePrecision.Year)]
    public void A_window_that_does_not_match_its_precision_is_refused(int fromMonth, int fromDay, int toMonth, int toDay, DatePrecision precision)
    {
        var create = () => new WorldDate(Day(fromMonth, fromDay), Day(toMonth, toDay), precision);

        create.Should().Throw<ArgumentException>().WithMessage($"*{precision.ToString().ToLowerInvariant()} precision*");
    }

    [Theory]
    [InlineData(DatePrecision.Week)]
    [InlineData(DatePrecision.Month)]
    [InlineData(DatePrecision.Year)]
    public void A_week_month_or_year_needs_both_ends(DatePrecision precision)
    {
        var create = () => new WorldDate(null, Day(7, 21), precision);

        create.Should().Throw<ArgumentException>();
    }

    [Fact]
    public void The_last_month_and_year_a_date_can_hold_are_windows_like_any_other()
    {
        WorldDate.Month(9999, 12).Should().Be(new WorldDate(new DateOnly(9999, 12, 1), DateOnly.MaxValue, DatePrecision.Month));
        WorldDate.Year(9999).NotAfter.Should().Be(DateOnly.MaxValue);
        WorldDate.Month(2024, 2).NotAfter.Should().Be(new DateOnly(2024, 2, 29));
    }

    [Fact]
    public void A_fact_has_happened_by_a_day_once_its_last_possible_day_has_come()
    {
        var lastWeek = WorldDate.WeekOf(Day(7, 14));

        lastWeek.HasHappenedBy(Day(7, 19)).Should().BeFalse();
        lastWeek.HasHappenedBy(Day(7, 20)).Should().BeTrue();
        lastWeek.HasHappenedBy(Day(7, 21)).Should().BeTrue();
    }

    [Fact]
    public void A_window_open_at_the_end_has_happened_once_its_start_has_come_and_an_unknown_date_always_has()
    {
        var since = new WorldDate(Day(7, 1), null, DatePrecision.Unknown);

        since.HasHappenedBy(Day(6, 30)).Should().BeFalse();
        since.HasHappenedBy(Day(7, 1)).Should().BeTrue();
        WorldDate.Unknown.HasHappenedBy(new DateOnly(1900, 1, 1)).Should().BeTrue();
        WorldDate.Until(Day(7, 21)).HasHappenedBy(Day(7, 20)).Should().BeFalse();
    }

    [Fact]
    public void A_window_is_surely_before_another_only_when_it_ends_before_the_other_begins()
    {
        var lastWeek = WorldDate.WeekOf(Day(7, 14));

        lastWeek.IsSurelyBefore(On(7, 21)).Should().BeTrue();
        On(7, 21).IsSurelyAfter(lastWeek).Should().BeTrue();
        lastWeek.IsSurelyBefore(On(7, 20)).Should().BeFalse("they overlap on 20 July");
        On(7, 20).IsSurelyBefore(On(7, 20)).Should().BeFalse();
        WorldDate.Until(Day(7, 1)).IsSurelyBefore(On(7, 2)).Should().BeTrue();
        On(7, 1).IsSurelyBefore(WorldDate.Until(Day(7, 21))).Should().BeFalse("the other window's start is open");
        WorldDate.Unknown.IsSurelyBefore(On(7, 1)).Should().BeFalse();
    }

    [Fact]
    public void World_order_puts_unknown_dates_first_then_orders_by_the_last_possible_day_then_the_first()
    {
        var dates = new[]
        {
            On(7, 23),
            WorldDate.WeekOf(Day(7, 14)),
            WorldDate.Unknown,
            On(7, 20),
            WorldDate.Until(Day(7, 20)),
            On(5, 16),
            new WorldDate(Day(6, 1), null, DatePrecision.Unknown),
        };

        dates.Order().Should().Equal(
            WorldDate.Unknown,
            On(5, 16),
            new WorldDate(Day(6, 1), null, DatePrecision.Unknown),
            WorldDate.Until(Day(7, 20)),
            WorldDate.WeekOf(Day(7, 14)),
            On(7, 20),
            On(7, 23));
    }

    [Fact]
    public void Equal_windows_compare_equal_and_any_window_comes_after_null()
    {
        On(7, 23).CompareTo(WorldDate.On(2025, 7, 23)).Should().Be(0);
        On(7, 23).Should().Be(WorldDate.On(2025, 7, 23));
        On(7, 23).CompareTo(null).Should().BePositive();
    }
}
