using System.Globalization;
using System.Text;
using System.Xml.Linq;
using FluentAssertions;
using Negotiations.Charts;
using Negotiations.Tests.Domain;
using Xunit;
using static Negotiations.Tests.Domain.Track;

namespace Negotiations.Tests.Coding;

/// <summary>The chart: well-formed, inert, one mark per fact, bounded in size, labels thinned rather than overlapped.</summary>
public sealed class TimelineChartTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    [Fact]
    public void A_track_with_every_kind_of_fact_has_one_mark_per_fact_and_a_legend()
    {
        var state = History.Of(
            Join(Umerov), ProposeRound(), ScheduleRound(), PostponeRound(), HoldRound(), Demand(), Answer(),
            AgreeExchange(counts: [new SideCount(Affiliation.Ukraine, 100)]), Stage(1, [new SideCount(Affiliation.Ukraine, 50)]),
            Ultimatum(), Revise(), Withdraw(), Statement()).State();

        var svg = XDocument.Parse(TimelineChart.RenderSvg([state]));

        var marks = Marks(svg);
        marks.Select(m => (string?)m.Attribute("data-sequence")).Should().OnlyHaveUniqueItems();
        marks.Should().HaveCount(Facts(state));
        marks.Select(m => m.Attribute("class")!.Value).Should().Contain([
            "mark opened", "mark joined", "mark round-proposed", "mark round-scheduled", "mark round-postponed", "mark round-held", "mark demand",
            "mark answer-rejected", "mark exchange-agreed", "mark exchange-stage", "mark ultimatum-issued", "mark ultimatum-revised",
            "mark ultimatum-withdrawn", "mark statement"]);
        svg.Descendants(Svg + "g").Should().Contain(g => (string?)g.Attribute("class") == "legend");
        marks.Single(m => m.Attribute("class")!.Value == "mark ultimatum-issued").Elements(Svg + "line")
            .Should().Contain(l => (string?)l.Attribute("stroke-dasharray") == "6 3", "the deadline is a dashed line");
        marks.Single(m => m.Attribute("class")!.Value == "mark demand").Elements(Svg + "line")
            .Should().Contain(l => (string?)l.Attribute("stroke-dasharray") == "2 3", "'so far' is a window open at its start");
        marks.Single(m => m.Attribute("class")!.Value == "mark ultimatum-issued").Elements(Svg + "rect")
            .Should().ContainSingle("'last week' is drawn as a window");
    }

    [Fact]
    public void Text_that_looks_like_markup_stays_text_and_nothing_active_is_in_the_chart()
    {
        const string Hostile = "</text><script>alert(1)</script>& onload=\"x\" <foreignObject href=\"http://evil\">";
        var state = History.Of(Demand() with { Terms = Hostile, Source = Quote(Hostile) }, Statement() with { Summary = Hostile }).State();
        var titled = History.Of(Demand() with { Terms = Hostile }).State();

        var text = TimelineChart.RenderSvg([state, titled], new TimelineChartOptions { Title = Hostile });
        var svg = XDocument.Parse(text);

        var names = svg.Descendants().Select(e => e.Name.LocalName).Distinct().ToList();
        names.Should().NotContain(["script", "foreignObject", "a", "image", "use", "style", "iframe", "object", "embed"]);
        svg.Descendants().Attributes().Should().NotContain(a => a.Name.LocalName.StartsWith("on", StringComparison.OrdinalIgnoreCase), "no event handlers");
        svg.Descendants().Attributes().Should().NotContain(a => a.Name.LocalName == "href", "no links, inside or out");
        text.Should().NotContain("@font-face").And.NotContain("<script").And.NotContain("url(");
        svg.Descendants(Svg + "title").Select(t => t.Value).Should().Contain(t => t.Contains("</text><script>alert(1)</script>&", StringComparison.Ordinal),
            "the words are kept, as text");
    }

    [Fact]
    public void A_thousand_events_stay_under_a_megabyte_and_20000_pixels_and_no_two_labels_in_a_lane_overlap()
    {
        var commands = Enumerable.Range(0, 999).Select(i => (NegotiationCommand)(Statement(id: $"s{i}") with
        {
            Kind = (StatementKind)(i % 6),
            Summary = $"statement {i} with a summary that is long enough to need thinning",
            OccurredOn = WorldDate.On(new DateOnly(2021, 6, 1).AddDays(i * 3 % 1500)),
            Source = Quote($"statement {i}, quoted"),
        })).ToArray();
        var state = History.Of(commands).State();

        var text = TimelineChart.RenderSvg([state]);
        var svg = XDocument.Parse(text);

        Encoding.UTF8.GetByteCount(text).Should().BeLessThan(1_000_000);
        double.Parse(svg.Root!.Attribute("width")!.Value, CultureInfo.InvariantCulture).Should().BeLessThanOrEqualTo(20_000);
        Marks(svg).Should().HaveCount(1000);
        var labels = Marks(svg).Select(m => m.Element(Svg + "text")).OfType<XElement>()
            .Select(t => (X: double.Parse(t.Attribute("x")!.Value, CultureInfo.InvariantCulture), Y: t.Attribute("y")!.Value, t.Value.Length))
            .ToList();
        labels.Should().NotBeEmpty().And.HaveCountLessThan(1000, "labels are thinned");
        foreach (var lane in labels.GroupBy(l => l.Y))
        {
            var ordered = lane.OrderBy(l => l.X).ToList();
            for (var i = 1; i < ordered.Count; i++)
            {
                ordered[i].X.Should().BeGreaterThan(ordered[i - 1].X + (ordered[i - 1].Length * 6.2), "a label starts after the previous one in its lane ends");
            }
        }
    }

    [Fact]
    public void Bad_arguments_are_refused_with_the_rule()
    {
        var state = History.Of().State();

        FluentActions.Invoking(() => TimelineChart.RenderSvg([])).Should().Throw<ArgumentException>().WithMessage("A chart needs at least one track.*");
        FluentActions.Invoking(() => TimelineChart.RenderSvg([state], new TimelineChartOptions { MaxWidth = 100 })).Should().Throw<ArgumentException>().WithMessage("MaxWidth is 100*");
        FluentActions.Invoking(() => TimelineChart.RenderSvg([state], new TimelineChartOptions { PixelsPerDay = double.NaN })).Should().Throw<ArgumentException>().WithMessage("PixelsPerDay is NaN*");
    }

    private static List<XElement> Marks(XDocument svg) =>
        [.. svg.Descendants(Svg + "g").Where(g => ((string?)g.Attribute("class"))?.StartsWith("mark ", StringComparison.Ordinal) == true)];

    // Every fact of the state; the participants named at the opening belong to its mark.
    private static int Facts(NegotiationState state) =>
        (state.Opening is null ? 0 : 1)
        + state.Participants.Count(p => p.Sequence != state.Opening?.Sequence)
        + state.Rounds.Sum(r => r.Steps.Count)
        + state.Proposals.Sum(p => 1 + p.Answers.Count)
        + state.Exchanges.Sum(e => 1 + e.Stages.Count)
        + state.Ultimatums.Sum(u => 1 + u.Revisions.Count + (u.Withdrawal is null ? 0 : 1))
        + state.Statements.Count;
}
