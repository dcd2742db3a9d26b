using FluentAssertions;
using Xunit;

namespace Negotiations.Tests.Domain;

public sealed class WorldOrderTests
{
    private sealed record Fact(WorldDate When, int Sequence);

    [Fact]
    public void Adding_facts_one_by_one_gives_the_order_a_full_stable_sort_gives_whatever_order_they_were_reported_in()
    {
        var random = new Random(20250721);
        WorldDate[] dates =
        [
            WorldDate.Unknown, WorldDate.On(2025, 5, 16), WorldDate.On(2025, 6, 2), WorldDate.WeekOf(new DateOnly(2025, 7, 14)),
            WorldDate.Until(new DateOnly(2025, 7, 21)), WorldDate.On(2025, 7, 21), new WorldDate(new DateOnly(2025, 7, 1), null, DatePrecision.Unknown),
        ];

        for (var run = 0; run < 200; run++)
        {
            var facts = Enumerable.Range(1, random.Next(1, 30)).Select(i => new Fact(dates[random.Next(dates.Length)], i)).ToArray();

            IReadOnlyList<Fact> added = [];
            foreach (var fact in facts)
            {
                added = WorldOrder.Add(added, fact, f => f.When, f => f.Sequence);
            }

            added.Should().Equal(facts.OrderBy(f => f.When).ThenBy(f => f.Sequence), "run {0}", run);
        }
    }
}
