using FluentAssertions;
using Xunit;

namespace Negotiations.Tests.Domain;

public sealed class WorldOrderTests
{
    private static readonly WorldDate[] Dates =
    [
        WorldDate.Unknown, WorldDate.On(2025, 5, 16), WorldDate.On(2025, 6, 2), WorldDate.WeekOf(new DateOnly(2025, 7, 14)),
        WorldDate.Until(new DateOnly(2025, 7, 21)), WorldDate.On(2025, 7, 21), new WorldDate(new DateOnly(2025, 7, 1), null, DatePrecision.Unknown),
    ];

    private sealed record Fact(WorldDate OccurredOn, long Sequence, string? CommandId = null) : IFact;

    [Fact]
    public void Facts_added_in_any_order_are_built_in_the_order_a_full_stable_sort_gives()
    {
        var random = new Random(20250721);
        for (var run = 0; run < 200; run++)
        {
            var facts = Enumerable.Range(1, random.Next(1, 30)).Select(i => new Fact(Dates[random.Next(Dates.Length)], i)).ToArray();

            var list = new FactList<Fact>(new RetractedCommands());
            IReadOnlyList<Fact> inserted = [];
            foreach (var fact in facts)
            {
                list.Add(fact);
                inserted = WorldOrder.Insert(inserted, fact);
            }

            var expected = facts.OrderBy(f => f.OccurredOn).ThenBy(f => f.Sequence).ToArray();
            list.Build().Should().Equal(expected, "run {0}", run);
            inserted.Should().Equal(expected, "run {0}", run);
        }
    }

    [Fact]
    public void A_retraction_leaves_out_every_fact_of_its_command_and_only_those()
    {
        var retracted = new RetractedCommands();
        var list = new FactList<Fact>(retracted);
        list.Add(new Fact(Dates[1], 1, "a"));
        list.Add(new Fact(Dates[2], 2, "b"));
        list.Add(new Fact(Dates[1], 3, "a"));

        retracted.Add("a");

        list.Build().Should().Equal(new Fact(Dates[2], 2, "b"));
        WorldOrder.Without([new Fact(Dates[1], 1, "a"), new Fact(Dates[2], 2, "b")], "a").Should().Equal(new Fact(Dates[2], 2, "b"));
    }
}
