using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Negotiations.SampleHost;

/// <summary>The report for readers: the header, what changed since the previous round, the state, the timeline.</summary>
internal sealed class ConsoleReport
{
    private readonly IAnsiConsole _console;

    public ConsoleReport(TextWriter stdout, SampleEnvironment environment)
    {
        var width = environment.OutputIsTerminal ? (int?)null : RedirectedWidth(environment);
        _console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(stdout),
            Ansi = environment.OutputIsTerminal ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = environment.OutputIsTerminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });
        if (width is { } fixedWidth)
        {
            _console.Profile.Width = fixedWidth;
        }

        // Box characters and names like "Türkiye" are UTF-8 whether stdout is a terminal, a pipe or a file.
        _console.Profile.Capabilities.Unicode = true;
        _console.Profile.Encoding = Encoding.UTF8;
    }

    public void Render(ArticleInputs inputs, DateOnly asOf, ReplayReport replay, string store, IReadOnlyList<NegotiationSnapshot> snapshots)
    {
        RenderHeader(inputs, asOf, replay, store, snapshots);
        foreach (var snapshot in snapshots)
        {
            var digest = new NegotiationDigest(snapshot, asOf);
            _console.WriteLine();
            _console.Write(new Rule($"[bold]{Esc(snapshot.State.Title ?? snapshot.State.Id)}[/] [grey]· track {Esc(snapshot.State.Id)}[/]").LeftJustified());
            RenderParticipants(digest);
            RenderChanges(digest);
            RenderRounds(digest);
            RenderProposals(digest);
            RenderExchanges(digest);
            RenderUltimatums(digest);
            RenderStatements(digest);
            RenderTimeline(digest);
        }
    }

    private void RenderHeader(ArticleInputs inputs, DateOnly asOf, ReplayReport replay, string store, IReadOnlyList<NegotiationSnapshot> snapshots)
    {
        var lines = new List<IRenderable>
        {
            new Markup($"[bold]{Esc(inputs.Title ?? Path.GetFileName(inputs.ArticlePath))}[/]"
                + (inputs.TitleSupplied ? " [grey](the article prints no title; this one is the encoder's)[/]" : string.Empty)),
            new Markup(inputs.PublishedOn is { } published
                ? $"Published {Esc(HumanDates.Day(published))} · {Esc(inputs.ArticleName)}"
                : $"Publication day not given · {Esc(inputs.ArticleName)}"),
            new Markup($"[grey]Replay:[/] {Esc(replay.Describe(store))}"),
            new Markup($"[grey]Checked:[/] every quote of {Esc(inputs.ScriptName)} found in the article"),
            new Markup($"[grey]Shown:[/] the state as of [bold]{Esc(HumanDates.Day(asOf))}[/], read from {Esc(snapshots.Count > 0 ? snapshots[0].ReadFrom : store)}"),
        };
        _console.Write(new Panel(new Rows(lines)).Header(" Negotiations · sample host ").RoundedBorder().Expand());
    }

    private void RenderParticipants(NegotiationDigest digest)
    {
        var byRole = digest.State.Participants
            .GroupBy(p => p.Role)
            .Select(g => $"{Role(g.Key, g.Count())}: {string.Join(", ", g.Select(p => $"{p.Actor.Name} ({p.Actor.Affiliation})"))}");
        _console.MarkupLine($"[grey]{Esc(string.Join(" · ", byRole))}[/]");
    }

    private void RenderChanges(NegotiationDigest digest)
    {
        var rows = new List<IRenderable> { new Markup($"[bold]{Esc(digest.ChangeLine())}[/]") };
        if (digest.SinceLastRound.Count > 0)
        {
            var grid = new Grid();
            grid.AddColumn(new GridColumn().NoWrap().Padding(1, 0, 1, 0));
            grid.AddColumn(new GridColumn().NoWrap());
            grid.AddColumn(new GridColumn());
            foreach (var entry in digest.SinceLastRound)
            {
                grid.AddRow(new Text("•"), new Markup($"[aqua]{Esc(HumanDates.Window(entry.OccurredOn))}[/]"), new Text(entry.Description));
            }

            rows.Add(grid);
        }

        if (digest.MaybeSinceLastRound.Count > 0)
        {
            var n = digest.MaybeSinceLastRound.Count;
            rows.Add(new Markup($"[grey]{n} more {(n == 1 ? "fact is" : "facts are")} dated only loosely (\"by\" a later day) and may be older: see the timeline.[/]"));
        }

        _console.WriteLine();
        _console.Write(new Panel(new Rows(rows)).Header(" What changed since the previous round ").RoundedBorder().Expand());
    }

    private void RenderRounds(NegotiationDigest digest)
    {
        Section($"Rounds: {Count(digest.Held.Count)} held, {Count(digest.Upcoming.Count)} to come");
        if (digest.State.Rounds.Count == 0)
        {
            None("No round recorded.");
            return;
        }

        var table = NewTable("Round", "When and where", "Details");
        foreach (var round in digest.State.Rounds)
        {
            var when = Esc(round.Date is { } date ? HumanDates.Window(date) : "date not given");
            if (digest.Upcoming.Contains(round) && round.Date?.NotBefore is { } first && first >= digest.AsOf)
            {
                when += $" [grey]({Esc(HumanDates.Relative(digest.AsOf, first))})[/]";
            }

            table.AddRow(
                new Markup($"{Status(round.Status)}\n[grey]{Esc(round.Id.Value)}[/]"),
                new Markup($"[bold]{when}[/]\n{Esc(digest.Place(round.Venue))}"),
                new Markup(Esc(RoundDetails(round, digest))));
        }

        _console.Write(table);
    }

    private void RenderProposals(NegotiationDigest digest)
    {
        Section("Proposals and demands");
        if (digest.State.Proposals.Count == 0)
        {
            None("No proposal recorded.");
            return;
        }

        var table = NewTable("Proposal", "Terms", "Answer");
        foreach (var proposal in digest.State.Proposals)
        {
            var to = proposal.AddressedTo.Count == 0 ? "anyone" : string.Join(", ", proposal.AddressedTo.Select(digest.NameOf));
            var answers = proposal.Answers.Select(a => $"{AnswerMarkup(a.Answer)} by {Esc(a.By.Name)}\n[grey]{Esc(HumanDates.Window(a.OccurredOn))}[/]"
                + (a.Conditions is null ? string.Empty : $"\n{Esc(a.Conditions)}")
                + (a.CounteredBy is { } counter ? $"\nwith {Esc(counter.Value)}" : string.Empty));
            var answer = proposal.Answers.Count == 0
                ? "[yellow]open[/]: no answer yet"
                : string.Join("\n", answers) + (proposal.IsOpen ? $"\n[yellow]awaiting[/] {Esc(string.Join(", ", proposal.AwaitingAnswerFrom.Select(digest.NameOf)))}" : string.Empty);
            table.AddRow(
                new Markup($"[bold]{Esc(Capital(proposal.Kind.ToString()))}:[/] {Esc(proposal.By.Name)} → {Esc(to)}\n[grey]{Esc(proposal.Id.Value)}\n{Esc(HumanDates.Window(proposal.OccurredOn))}[/]"),
                new Markup(Esc(proposal.Terms) + (proposal.Agenda.Count == 0 ? string.Empty : $"\n[grey]on {Esc(Agenda(proposal.Agenda))}[/]")),
                new Markup(answer));
        }

        _console.Write(table);
    }

    private void RenderExchanges(NegotiationDigest digest)
    {
        Section("Agreements and exchanges");
        if (digest.State.Exchanges.Count == 0)
        {
            None("No agreement recorded.");
            return;
        }

        var table = NewTable("Agreement", "Between", "Terms", "Stages");
        foreach (var exchange in digest.State.Exchanges)
        {
            var agreed = exchange.Counts.Count == 0 ? "counts not given" : Counts(exchange.Counts, digest);
            var stages = exchange.Stages.Count == 0
                ? "no stage recorded yet"
                : string.Join("\n", exchange.Stages.Select(s => $"stage {s.Stage}, {HumanDates.Window(s.OccurredOn)}: {Counts(s.Counts, digest)}"));
            table.AddRow(
                new Markup($"[bold]{Esc(Capital(exchange.Kind.ToString()))} exchange[/]\n[grey]{Esc(exchange.Id.Value)}[/]"),
                new Markup(Esc(string.Join(" ⇄ ", exchange.Between.Select(digest.NameOf)))),
                new Markup($"{Esc(exchange.Terms ?? "terms not given")}\n[grey]agreed {Esc(HumanDates.Window(exchange.OccurredOn))}; {Esc(agreed)}[/]"),
                new Markup(Esc(stages)));
        }

        _console.Write(table);
    }

    private void RenderUltimatums(NegotiationDigest digest)
    {
        Section($"Active ultimatums as of {HumanDates.Day(digest.AsOf)}");
        if (digest.ActiveUltimatums.Count == 0)
        {
            None("No active ultimatum.");
        }
        else
        {
            var table = NewTable("Ultimatum", "Demand, or else", "Issued", "Deadline", "Days left");
            foreach (var active in digest.ActiveUltimatums)
            {
                var u = active.Ultimatum;
                table.AddRow(
                    new Markup($"[bold]{Esc(u.Issuer.Name)} → {Esc(digest.NameOf(u.Target))}[/]\n[grey]{Esc(u.Id.Value)}[/]"),
                    new Markup($"{Esc(Capital(u.Demand))}, or {Esc(u.Consequence)}"),
                    new Markup(Esc(HumanDates.Window(u.IssuedOn))),
                    new Markup(Esc(HumanDates.Window(active.Deadline)) + (u.Revisions.Count > 0 ? $"\n[grey]revised {u.Revisions.Count}×[/]" : string.Empty)),
                    new Markup($"[bold yellow]{Esc(active.DaysLeft.ToString())}[/]"));
            }

            _console.Write(table);
        }

        foreach (var inactive in digest.InactiveUltimatums)
        {
            var status = inactive.StatusOn(digest.AsOf) == UltimatumStatus.Withdrawn ? "withdrawn" : $"lapsed (deadline {HumanDates.Window(inactive.DeadlineOn(digest.AsOf))})";
            None($"{inactive.Issuer.Name} → {digest.NameOf(inactive.Target)} ({inactive.Id.Value}): {status}.");
        }
    }

    private void RenderStatements(NegotiationDigest digest)
    {
        Section("Latest statements");
        if (digest.State.LatestStatements.Count == 0)
        {
            None("No statement recorded.");
            return;
        }

        var table = NewTable("Who", "When", "Kind", "Said");
        foreach (var statement in digest.State.LatestStatements)
        {
            var kind = statement.Kind.ToString().ToLowerInvariant() + (statement.Tone is { } tone ? $", {tone.ToString().ToLowerInvariant()}" : string.Empty);
            table.AddRow(
                new Markup($"{Esc(statement.By.Name)} [grey]({Esc(statement.By.Affiliation.Code)})[/]"),
                new Markup(Esc(HumanDates.Window(statement.OccurredOn))),
                new Markup(Esc(kind)),
                new Markup(Esc(statement.Summary)));
        }

        _console.Write(table);
    }

    private void RenderTimeline(NegotiationDigest digest)
    {
        Section($"Timeline, in world order ({digest.Timeline.Entries.Count} facts as of {HumanDates.Day(digest.AsOf)})");
        var table = NewTable("When", "What happened, and the words it rests on");
        table.Columns[0].Width(24);
        var since = digest.SinceLastRound.ToHashSet();
        foreach (var entry in digest.Timeline.Entries)
        {
            var what = new StringBuilder();
            what.Append(since.Contains(entry) ? "[bold aqua]new[/] " : string.Empty).Append(Esc(entry.Description));
            if (entry.Source is { } source)
            {
                what.Append(CultureInfo.InvariantCulture, $"\n[grey italic]“{Esc(source.Quote)}”[/]");
                what.Append(CultureInfo.InvariantCulture, $"\n[grey]{(source.AttributedTo is { } who ? $"— {Esc(who.Value)}, " : string.Empty)}reported {Esc(HumanDates.Day(source.ReportedOn))}[/]");
            }

            table.AddRow(new Markup(Esc(HumanDates.Window(entry.OccurredOn))), new Markup(what.ToString()));
        }

        _console.Write(table);
    }

    private void Section(string title)
    {
        _console.WriteLine();
        _console.MarkupLine($"[bold underline]{Esc(title)}[/]");
    }

    private void None(string text) => _console.MarkupLine($"[grey]{Esc(text)}[/]");

    private static Table NewTable(params string[] columns)
    {
        var table = new Table().RoundedBorder().BorderColor(Color.Grey).Expand();
        foreach (var column in columns)
        {
            table.AddColumn(new TableColumn($"[bold]{Esc(column)}[/]"));
        }

        table.ShowRowSeparators();
        return table;
    }

    private static string RoundDetails(RoundView round, NegotiationDigest digest)
    {
        var parts = new List<string>();
        if (round.Status == RoundStatus.Held)
        {
            parts.Add(round.Outcome switch
            {
                RoundOutcome.NoBreakthrough => "no breakthrough",
                null or RoundOutcome.Unknown => "outcome not reported",
                var outcome => outcome.Value.ToString().ToLowerInvariant(),
            });
            if (round.Delegations.Count > 0)
            {
                parts.Add("delegations: " + string.Join(", ", round.Delegations.Select(d => d.Head is null ? digest.NameOf(d.Side) : $"{digest.NameOf(d.Side)} (headed by {d.Head.Name})")));
            }
        }

        if (round.Topics.Count > 0)
        {
            parts.Add((round.Status == RoundStatus.Held ? "on " : "agenda: ") + Agenda(round.Topics));
        }

        if (round.AnnouncedBy is { } announcer)
        {
            parts.Add($"announced by {announcer.Name}" + (round.ReportedBy is { } reporter ? $", on the report of {reporter.Name}" : string.Empty));
        }

        var proposed = round.Steps.FirstOrDefault(s => s.Status == RoundStatus.Proposed);
        if (proposed?.By is { } proposer)
        {
            parts.Add($"proposed by {proposer.Name} on {HumanDates.Window(proposed.OccurredOn)}" + (proposed.Date is { } window ? $" for {HumanDates.Window(window)}" : string.Empty));
        }

        if (round.Reason is { } reason)
        {
            parts.Add(reason);
        }

        if (round.Summary is { } summary)
        {
            parts.Add(summary);
        }

        return string.Join("; ", parts);
    }

    private static string Status(RoundStatus status) => status switch
    {
        RoundStatus.Held => "[green]held[/]",
        RoundStatus.Scheduled => "[yellow]scheduled[/]",
        RoundStatus.Proposed => "[blue]proposed[/]",
        RoundStatus.Postponed => "[darkorange]postponed[/]",
        RoundStatus.Cancelled => "[red]cancelled[/]",
        _ => Esc(status.ToString().ToLowerInvariant()),
    };

    private static string AnswerMarkup(AnswerKind answer) => answer switch
    {
        AnswerKind.Accepted => "[green]Accepted[/]",
        AnswerKind.Rejected => "[red]Rejected[/]",
        AnswerKind.AcceptedWithConditions => "[yellow]Accepted with conditions[/]",
        AnswerKind.Countered => "[yellow]Countered[/]",
        _ => Esc(answer.ToString()),
    };

    private static string Role(ParticipantRole role, int count) => (role, count) switch
    {
        (ParticipantRole.Party, 1) => "Party",
        (ParticipantRole.Party, _) => "Parties",
        (ParticipantRole.ThirdParty, 1) => "Third party",
        (ParticipantRole.ThirdParty, _) => "Third parties",
        (_, 1) => Capital(role.ToString().ToLowerInvariant()),
        _ => Capital(role.ToString().ToLowerInvariant()) + "s",
    };

    private static string Counts(IReadOnlyList<SideCount> counts, NegotiationDigest digest) =>
        string.Join(", ", counts.Select(c => string.Create(CultureInfo.InvariantCulture, $"{digest.NameOf(c.Side)} {c.Count}")));

    private static string Agenda(IReadOnlyList<string> agenda) => string.Join(", ", agenda.Select(a => a.Replace('_', ' ')));

    private static string Count(int n) => n == 0 ? "none" : n.ToString(CultureInfo.InvariantCulture);

    private static string Capital(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    private static string Esc(string text) => Markup.Escape(text);

    private static int RedirectedWidth(SampleEnvironment environment) =>
        int.TryParse(environment.GetVariable("COLUMNS"), NumberStyles.None, CultureInfo.InvariantCulture, out var columns) && columns >= 40
            ? columns
            : environment.RedirectedWidth;
}
