using System.Globalization;
using System.Security;
using System.Text;

namespace Negotiations.Charts;

/// <summary>How <see cref="TimelineChart"/> draws.</summary>
public sealed record TimelineChartOptions
{
    /// <summary>The title above the chart; null for the tracks' titles.</summary>
    public string? Title { get; init; }

    /// <summary>Horizontal pixels per day, at most: a long span is drawn denser so the chart stays within <see cref="MaxWidth"/>.</summary>
    public double PixelsPerDay { get; init; } = 14;

    /// <summary>The widest the chart may be, in pixels (at least 600).</summary>
    public int MaxWidth { get; init; } = 20_000;
}

/// <summary>
/// Draws the course of one or more tracks on a time axis, as a self-contained SVG an app can serve: rounds proposed,
/// scheduled and held, proposals and their answers, exchanges and their stages, ultimatums with their deadlines and
/// revisions, and statements.
/// </summary>
/// <remarks>
/// <para><b>Safe to embed.</b> The SVG has no script, no event attributes, no <c>foreignObject</c>, no links and no
/// fonts of its own; every text is XML-escaped.</para>
/// <para><b>Readable without colour.</b> Each kind of fact has its own shape and each relation its own dash
/// pattern, explained in the legend.</para>
/// <para><b>Dates as the news gives them.</b> A fact known to a day is a mark on that day; a fact known to a
/// window (a week, a month, "so far") is a bar over the window with the mark at its end, the day it had surely
/// happened by; a window open at its start is drawn from the axis' start with a dashed bar. Facts of unknown date
/// stand in the "date unknown" column left of the axis.</para>
/// <para><b>One mark per fact</b> (the participants named at the opening belong to its mark), each an SVG group of
/// class <c>mark</c> with the fact's sequence and its full description as a tooltip.</para>
/// <para><b>Labels are thinned, never overlapped.</b> Within a lane, a mark's label is drawn only when it starts
/// right of the end of the last label drawn there (labels are estimated at 6.2 px per character and cut at 32
/// characters); a mark without its label keeps its tooltip.</para>
/// </remarks>
public static class TimelineChart
{
    private const int Left = 190;
    private const int Right = 40;
    private const int Undated = 70;
    private const int LaneHeight = 34;
    private const int TrackGap = 40;
    private const int Top = 70;
    private const int LegendHeight = 120;
    private const double CharWidth = 6.2;
    private const int LabelLength = 32;

    private static readonly string[] Lanes = ["Track", "Rounds", "Proposals", "Exchanges", "Ultimatums", "Statements"];

    /// <summary>Draws the tracks, one band each, on one time axis.</summary>
    /// <param name="tracks">The tracks' states (as of a day, or with every fact).</param>
    /// <param name="options">Title and scale; null for the defaults.</param>
    /// <returns>The SVG document.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="tracks"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="tracks"/> is empty, or an option is out of range.</exception>
    public static string RenderSvg(IReadOnlyList<NegotiationState> tracks, TimelineChartOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(tracks);
        if (tracks.Count == 0)
        {
            throw new ArgumentException("A chart needs at least one track.", nameof(tracks));
        }

        options ??= new TimelineChartOptions();
        if (options.MaxWidth < 600)
        {
            throw new ArgumentException($"MaxWidth is {options.MaxWidth}; a chart is at least 600 pixels wide.", nameof(options));
        }

        if (!(options.PixelsPerDay > 0))
        {
            throw new ArgumentException($"PixelsPerDay is {options.PixelsPerDay}; it must be positive.", nameof(options));
        }

        var marks = tracks.Select(ChartMarks.Of).ToList();
        var days = marks.SelectMany(m => m).SelectMany(m => new[] { m.When.NotBefore, m.When.NotAfter, m.Until?.NotAfter }).OfType<DateOnly>().ToList();
        var first = days.Count == 0 ? DateOnly.FromDayNumber(0) : days.Min().AddDays(-2);
        var last = days.Count == 0 ? first.AddDays(7) : days.Max().AddDays(2);
        var span = Math.Max(1, last.DayNumber - first.DayNumber);
        var perDay = Math.Min(options.PixelsPerDay, (double)(options.MaxWidth - Left - Undated - Right) / span);
        var width = (int)Math.Ceiling(Left + Undated + (span * perDay) + Right);
        var bandHeight = (Lanes.Length * LaneHeight) + TrackGap;
        var height = Top + (tracks.Count * bandHeight) + LegendHeight;
        var axis = new Axis(first, perDay, Left + Undated);

        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"""<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" viewBox="0 0 {width} {height}" font-family="sans-serif" font-size="11">""").Append('\n');
        var title = options.Title ?? string.Join(" / ", tracks.Select(t => t.Title ?? t.Id));
        svg.Append(CultureInfo.InvariantCulture, $"""<title>{Xml(title)}</title>""").Append('\n');
        svg.Append(CultureInfo.InvariantCulture, $"""<rect x="0" y="0" width="{width}" height="{height}" fill="#ffffff"/>""").Append('\n');
        svg.Append(CultureInfo.InvariantCulture, $"""<text x="16" y="26" font-size="16" font-weight="bold">{Xml(title)}</text>""").Append('\n');
        DrawAxis(svg, axis, first, last, Top - 14, height - LegendHeight);

        for (var t = 0; t < tracks.Count; t++)
        {
            var y0 = Top + (t * bandHeight);
            svg.Append(CultureInfo.InvariantCulture, $"""<text x="16" y="{y0 + 12}" font-weight="bold">{Xml(Cut(tracks[t].Title ?? tracks[t].Id, 28))}</text>""").Append('\n');
            for (var lane = 0; lane < Lanes.Length; lane++)
            {
                var y = y0 + (lane * LaneHeight) + 22;
                svg.Append(CultureInfo.InvariantCulture, $"""<text x="24" y="{y + 4}" fill="#444444">{Lanes[lane]}</text>""").Append('\n');
                svg.Append(CultureInfo.InvariantCulture, $"""<line x1="{Left}" y1="{y}" x2="{width - Right}" y2="{y}" stroke="#dddddd"/>""").Append('\n');
            }

            var labelEnds = new double[Lanes.Length];
            Array.Fill(labelEnds, double.MinValue);
            foreach (var mark in marks[t])
            {
                DrawMark(svg, axis, mark, y0 + (mark.Lane * LaneHeight) + 22, labelEnds);
            }
        }

        DrawLegend(svg, height - LegendHeight + 24);
        svg.Append("</svg>\n");
        return svg.ToString();
    }

    private static void DrawAxis(StringBuilder svg, Axis axis, DateOnly first, DateOnly last, int y, int bottom)
    {
        svg.Append(CultureInfo.InvariantCulture, $"""<text x="{Left + 4}" y="{y}" fill="#444444">date unknown</text>""").Append('\n');
        // A tick every day, week or month, whichever leaves at least 60 pixels between ticks.
        var step = axis.PerDay >= 60 ? 1 : axis.PerDay * 7 >= 60 ? 7 : 0;
        var ticks = new List<DateOnly>();
        if (step > 0)
        {
            for (var day = first; day <= last; day = day.AddDays(step))
            {
                ticks.Add(day);
            }
        }
        else
        {
            var months = Math.Max(1, (int)Math.Ceiling(60 / (axis.PerDay * 30)));
            for (var day = new DateOnly(first.Year, first.Month, 1).AddMonths(1); day <= last; day = day.AddMonths(months))
            {
                ticks.Add(day);
            }
        }

        // No tick over the "date unknown" column's label.
        foreach (var tick in ticks.Where(t => axis.X(t) >= axis.Start + 30))
        {
            var x = axis.X(tick);
            svg.Append(CultureInfo.InvariantCulture, $"""<line x1="{x:0.#}" y1="{y + 4}" x2="{x:0.#}" y2="{bottom}" stroke="#eeeeee"/>""");
            svg.Append(CultureInfo.InvariantCulture, $"""<text x="{x:0.#}" y="{y}" text-anchor="middle" fill="#444444">{tick.ToString(step == 0 ? "MMM yyyy" : "d MMM", CultureInfo.InvariantCulture)}</text>""").Append('\n');
        }
    }

    private static void DrawMark(StringBuilder svg, Axis axis, ChartMark mark, int y, double[] labelEnds)
    {
        svg.Append(CultureInfo.InvariantCulture, $"""<g class="mark {mark.Kind}" data-sequence="{mark.Sequence}"><title>{Xml(mark.Description)}</title>""");
        double x;
        if (mark.When.NotBefore is null && mark.When.NotAfter is null)
        {
            x = Left + (Undated / 2.0);
        }
        else
        {
            var end = mark.When.NotAfter ?? mark.When.NotBefore!.Value;
            x = axis.X(end);
            if (mark.When.NotBefore is null)
            {
                // Open at its start ("so far"): a dashed bar from the axis' start.
                svg.Append(CultureInfo.InvariantCulture, $"""<line x1="{axis.Start:0.#}" y1="{y}" x2="{x:0.#}" y2="{y}" stroke="#777777" stroke-width="3" stroke-dasharray="2 3"/>""");
            }
            else if (mark.When.NotAfter is { } windowEnd && windowEnd != mark.When.NotBefore)
            {
                var start = axis.X(mark.When.NotBefore.Value);
                svg.Append(CultureInfo.InvariantCulture, $"""<rect x="{start:0.#}" y="{y - 4}" width="{Math.Max(1, axis.X(windowEnd) - start):0.#}" height="8" fill="#999999" fill-opacity="0.35" stroke="#777777" stroke-width="0.5"/>""");
            }
        }

        if (mark.Until is { } until && (until.NotAfter ?? until.NotBefore) is { } deadline)
        {
            // A deadline: a dashed line from the ultimatum to its deadline, ending in a bar.
            var to = axis.X(deadline);
            svg.Append(CultureInfo.InvariantCulture, $"""<line x1="{x:0.#}" y1="{y}" x2="{to:0.#}" y2="{y}" stroke="#000000" stroke-dasharray="6 3"/>""");
            svg.Append(CultureInfo.InvariantCulture, $"""<line x1="{to:0.#}" y1="{y - 8}" x2="{to:0.#}" y2="{y + 8}" stroke="#000000" stroke-width="2"/>""");
        }

        svg.Append(Shape(mark.Shape, x, y));
        var label = Cut(mark.Label, LabelLength);
        var labelX = x + 8;
        if (labelX > labelEnds[mark.Lane] + 6)
        {
            svg.Append(CultureInfo.InvariantCulture, $"""<text x="{labelX:0.#}" y="{y - 8}">{Xml(label)}</text>""");
            labelEnds[mark.Lane] = labelX + (label.Length * CharWidth);
        }

        svg.Append("</g>\n");
    }

    private static string Shape(MarkShape shape, double x, double y) => shape switch
    {
        MarkShape.FilledCircle => Svg($"""<circle cx="{x:0.#}" cy="{y:0.#}" r="6" fill="#1f4e79" stroke="#000000"/>"""),
        MarkShape.HollowCircle => Svg($"""<circle cx="{x:0.#}" cy="{y:0.#}" r="6" fill="#ffffff" stroke="#1f4e79" stroke-width="2"/>"""),
        MarkShape.DashedCircle => Svg($"""<circle cx="{x:0.#}" cy="{y:0.#}" r="6" fill="#ffffff" stroke="#1f4e79" stroke-width="1.5" stroke-dasharray="2 2"/>"""),
        MarkShape.Cross => Svg($"""<path d="M{x - 5:0.#},{y - 5:0.#} L{x + 5:0.#},{y + 5:0.#} M{x - 5:0.#},{y + 5:0.#} L{x + 5:0.#},{y - 5:0.#}" stroke="#a00000" stroke-width="2.5"/>"""),
        MarkShape.TriangleUp => Svg($"""<path d="M{x:0.#},{y - 7:0.#} L{x + 7:0.#},{y + 5:0.#} L{x - 7:0.#},{y + 5:0.#} Z" fill="#7f6000" stroke="#000000"/>"""),
        MarkShape.TriangleDown => Svg($"""<path d="M{x:0.#},{y + 7:0.#} L{x + 7:0.#},{y - 5:0.#} L{x - 7:0.#},{y - 5:0.#} Z" fill="#ffffff" stroke="#7f6000" stroke-width="2"/>"""),
        MarkShape.Square => Svg($"""<rect x="{x - 6:0.#}" y="{y - 6:0.#}" width="12" height="12" fill="#385723" stroke="#000000"/>"""),
        MarkShape.HalfSquare => Svg($"""<rect x="{x - 6:0.#}" y="{y - 6:0.#}" width="12" height="12" fill="#ffffff" stroke="#385723" stroke-width="2"/><rect x="{x - 6:0.#}" y="{y:0.#}" width="12" height="6" fill="#385723"/>"""),
        MarkShape.Bar => Svg($"""<rect x="{x - 2:0.#}" y="{y - 8:0.#}" width="4" height="16" fill="#385723"/>"""),
        MarkShape.Diamond => Svg($"""<path d="M{x:0.#},{y - 7:0.#} L{x + 7:0.#},{y:0.#} L{x:0.#},{y + 7:0.#} L{x - 7:0.#},{y:0.#} Z" fill="#000000"/>"""),
        MarkShape.HollowDiamond => Svg($"""<path d="M{x:0.#},{y - 7:0.#} L{x + 7:0.#},{y:0.#} L{x:0.#},{y + 7:0.#} L{x - 7:0.#},{y:0.#} Z" fill="#ffffff" stroke="#000000" stroke-width="2"/>"""),
        MarkShape.Arrow => Svg($"""<path d="M{x - 6:0.#},{y:0.#} L{x + 6:0.#},{y:0.#} M{x + 2:0.#},{y - 4:0.#} L{x + 6:0.#},{y:0.#} L{x + 2:0.#},{y + 4:0.#}" stroke="#1f4e79" stroke-width="2" fill="none"/>"""),
        MarkShape.Star => Svg($"""<path d="M{x:0.#},{y - 7:0.#} L{x + 2:0.#},{y - 2:0.#} L{x + 7:0.#},{y - 2:0.#} L{x + 3:0.#},{y + 1:0.#} L{x + 5:0.#},{y + 7:0.#} L{x:0.#},{y + 3:0.#} L{x - 5:0.#},{y + 7:0.#} L{x - 3:0.#},{y + 1:0.#} L{x - 7:0.#},{y - 2:0.#} L{x - 2:0.#},{y - 2:0.#} Z" fill="#444444"/>"""),
        _ => Svg($"""<circle cx="{x:0.#}" cy="{y:0.#}" r="3" fill="#444444"/>"""),
    };

    private static void DrawLegend(StringBuilder svg, int y)
    {
        (MarkShape Shape, string Text)[] items =
        [
            (MarkShape.Star, "track opened, party joined"), (MarkShape.DashedCircle, "round proposed"), (MarkShape.HollowCircle, "round scheduled"),
            (MarkShape.Arrow, "round postponed"), (MarkShape.FilledCircle, "round held"), (MarkShape.Cross, "called off, rejected, withdrawn"),
            (MarkShape.TriangleUp, "proposal, demand, offer"), (MarkShape.TriangleDown, "countered"), (MarkShape.Square, "accepted, exchange agreed"),
            (MarkShape.HalfSquare, "accepted with conditions"), (MarkShape.Bar, "exchange stage carried out"), (MarkShape.Diamond, "ultimatum issued"),
            (MarkShape.HollowDiamond, "ultimatum revised"), (MarkShape.Dot, "statement"),
        ];
        svg.Append(CultureInfo.InvariantCulture, $"""<g class="legend"><text x="16" y="{y - 6}" font-weight="bold">Legend</text>""");
        for (var i = 0; i < items.Length; i++)
        {
            var x = 30 + ((i % 5) * 210);
            var row = y + 14 + ((i / 5) * 22);
            svg.Append(Shape(items[i].Shape, x, row));
            svg.Append(CultureInfo.InvariantCulture, $"""<text x="{x + 12}" y="{row + 4}">{Xml(items[i].Text)}</text>""");
        }

        var lineRow = y + 14 + (3 * 22);
        svg.Append(CultureInfo.InvariantCulture, $"""<rect x="24" y="{lineRow - 4}" width="24" height="8" fill="#999999" fill-opacity="0.35" stroke="#777777" stroke-width="0.5"/><text x="54" y="{lineRow + 4}">date known to a window</text>""");
        svg.Append(CultureInfo.InvariantCulture, $"""<line x1="240" y1="{lineRow}" x2="264" y2="{lineRow}" stroke="#777777" stroke-width="3" stroke-dasharray="2 3"/><text x="270" y="{lineRow + 4}">window open at its start (so far)</text>""");
        svg.Append(CultureInfo.InvariantCulture, $"""<line x1="450" y1="{lineRow}" x2="474" y2="{lineRow}" stroke="#000000" stroke-dasharray="6 3"/><line x1="474" y1="{lineRow - 8}" x2="474" y2="{lineRow + 8}" stroke="#000000" stroke-width="2"/><text x="480" y="{lineRow + 4}">until the ultimatum's deadline</text>""");
        svg.Append("</g>\n");
    }

    private static string Svg(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static string Cut(string text, int length) => text.Length <= length ? text : string.Concat(text.AsSpan(0, length - 1), "…");

    // Escapes the five XML specials; control characters other than tab and line breaks are not valid XML 1.0 and
    // are dropped, so any text of a track gives a well-formed document.
    private static string Xml(string text)
    {
        var clean = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (c >= ' ' || c is '\t' or '\n' or '\r')
            {
                clean.Append(c);
            }
        }

        return SecurityElement.Escape(clean.ToString());
    }

    private readonly record struct Axis(DateOnly First, double PerDay, double Start)
    {
        // A day's mark stands in the middle of its day.
        public double X(DateOnly day) => Start + ((day.DayNumber - First.DayNumber + 0.5) * PerDay);
    }
}
