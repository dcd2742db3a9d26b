using System.Text.Json;
using CsCheck;
using Negotiations.EventSourcing;
using Negotiations.Serialization;

namespace Negotiations.Tests.Shared;

/// <summary>
/// Generators of command sequences for the property tests: mostly well-formed commands over a small world (a few
/// actors, rounds, proposals, exchanges and ultimatums, two months of days, command ids that repeat), so that the
/// rules meet each other often, with some broken members (missing, undefined, bad text, past the limits) mixed in.
/// </summary>
public static class CommandSequences
{
    private static readonly Actor[] Actors =
    [
        new(new ActorCode("zelenskyy"), "Volodymyr Zelenskyy", Affiliation.Ukraine, ActorType.HeadOfState),
        new(new ActorCode("umerov"), "Rustem Umerov", Affiliation.Ukraine, ActorType.Minister),
        new(new ActorCode("peskov"), "Dmitry Peskov", Affiliation.Russia, ActorType.Spokesperson),
        new(new ActorCode("trump"), "Donald Trump", Affiliation.UnitedStates, ActorType.HeadOfState),
        new(new ActorCode("erdogan"), "Recep Tayyip Erdoğan", Affiliation.Turkiye, ActorType.HeadOfState),
        new(new ActorCode("macron"), "Emmanuel Macron", new Affiliation("FRA"), ActorType.HeadOfState),
        new(new ActorCode("peskov"), "Dmitry Peskov", Affiliation.Ukraine, ActorType.Spokesperson), // a known code with another affiliation
    ];

    private static readonly Affiliation[] Sides = [Affiliation.Ukraine, Affiliation.Russia, Affiliation.UnitedStates, Affiliation.Turkiye, new("FRA")];

    private static readonly string[] Agenda = [AgendaItems.Ceasefire, AgendaItems.Prisoners, AgendaItems.Territory, "water_supply"];

    private static readonly DateOnly First = new(2025, 6, 1);

    private static readonly Gen<Actor> Actor = Gen.OneOf(Actors);

    private static readonly Gen<Affiliation> Side = Gen.OneOf(Sides);

    private static readonly Gen<DateOnly> Day = Gen.Int[0, 59].Select(d => First.AddDays(d));

    private static readonly Gen<WorldDate> When = Gen.Frequency(
        (6, Day.Select(WorldDate.On)),
        (2, Day.Select(WorldDate.WeekOf)),
        (1, Day.Select(WorldDate.Until)),
        (1, Gen.Const(WorldDate.Unknown)));

    private static readonly Gen<Source?> Cited = Gen.Frequency(
        (3, Gen.Const((Source?)null)),
        (2, Gen.Select(Day, Gen.Bool, (day, attributed) => (Source?)new Source("article-1", "as reported", attributed ? new ActorCode("zelenskyy") : null, day.AddDays(30)))));

    private static readonly Gen<string> Text = Gen.Frequency(
        (8, Gen.OneOf("talks went on", "no progress", "a deal is near", "Ukraine says \"no\" 🇺🇦", "line\nbreak")),
        (1, Gen.OneOf("", " ", "nul\0", "lone\uD800", new string('x', NegotiationLimits.TextLength + 1))));

    private static readonly Gen<IReadOnlyList<string>> Topics = Gen.OneOf(Agenda).Array[0, 3].Select(a => (IReadOnlyList<string>)a.Distinct().ToArray());

    private static readonly Gen<IReadOnlyList<SideCount>> Counts = Gen.Select(Side, Gen.Frequency((9, Gen.Int[1, 500]), (1, Gen.OneOf(0, -1, int.MaxValue))), (s, n) => new SideCount(s, n)).Array[0, 2].Select(a => (IReadOnlyList<SideCount>)a);

    private static readonly Gen<RoundId> Round = Gen.Int[1, 3].Select(i => new RoundId($"round-{i}"));

    private static readonly Gen<ProposalId> Proposal = Gen.Int[1, 3].Select(i => new ProposalId($"proposal-{i}"));

    private static readonly Gen<ExchangeId> Exchange = Gen.Int[1, 2].Select(i => new ExchangeId($"exchange-{i}"));

    private static readonly Gen<UltimatumId> Ultimatum = Gen.Int[1, 2].Select(i => new UltimatumId($"ultimatum-{i}"));

    /// <summary>Command ids from a small pool, so that repeats and reused ids come up.</summary>
    private static readonly Gen<CommandId> Id = Gen.Int[1, 40].Select(i => new CommandId($"c{i}"));

    /// <summary>One command on a track, of any type; a few in twenty break a member.</summary>
    public static Gen<NegotiationCommand> Command(TrackId track) => Gen.Frequency(
        (20, Valid(track)),
        (1, Valid(track).Select(Broken)));

    /// <summary>A track's opening followed by up to <paramref name="length"/> commands.</summary>
    /// <remarks>Some commands come again later in the sequence, as a client's retry would send them.</remarks>
    public static Gen<NegotiationCommand[]> Sequence(TrackId track, int length) =>
        Gen.Select(Command(track).Array[0, length], Gen.Int[0, length].Array[0, 3], (commands, again) =>
            (NegotiationCommand[])[Opening(track), .. commands, .. again.Where(i => i < commands.Length).Select(i => commands[i])]);

    public static OpenNegotiation Opening(TrackId track) => new OpenNegotiation
    {
        Track = track,
        CommandId = new CommandId("open"),
        Title = "Generated talks",
        Participants = [new(Actors[0], ParticipantRole.Party), new(Actors[2], ParticipantRole.Party), new(Actors[4], ParticipantRole.Host)],
        OccurredOn = WorldDate.Until(First),
    };

    private static Gen<NegotiationCommand> Valid(TrackId track) => Gen.OneOf<NegotiationCommand>(
        Gen.Select(Id, Actor, Gen.Enum<ParticipantRole>(), When, (id, a, role, on) => (NegotiationCommand)new AddParticipant { Track = track, CommandId = id, Participant = new Participant(a, role), OccurredOn = on }),
        Gen.Select(Id, Round, Actor, When, Topics, (id, r, by, on, agenda) => (NegotiationCommand)new ProposeRound { Track = track, CommandId = id, Round = r, ProposedBy = by, Window = null, Agenda = agenda, OccurredOn = on }),
        Gen.Select(Id, Round, When, Actor, When, Cited, (id, r, date, by, on, source) => (NegotiationCommand)new ScheduleRound
        {
            Track = track,
            CommandId = id,
            Round = r,
            Date = date,
            Venue = new Venue(Affiliation.Turkiye, "Istanbul"),
            AnnouncedBy = by,
            ReportedBy = null,
            OccurredOn = on,
            Source = source,
        }),
        Gen.Select(Id, Round, When, (id, r, on) => (NegotiationCommand)new PostponeRound { Track = track, CommandId = id, Round = r, NewDate = null, Reason = "not ready", OccurredOn = on }),
        Gen.Select(Id, Round, When, (id, r, on) => (NegotiationCommand)new CancelRound { Track = track, CommandId = id, Round = r, Reason = null, OccurredOn = on }),
        Gen.Select(Id, Round, Side, Side, Gen.Enum<RoundOutcome>(), When, (id, r, a, b, outcome, on) => (NegotiationCommand)new RecordRoundHeld
        {
            Track = track,
            CommandId = id,
            Round = r,
            Venue = new Venue(Affiliation.Turkiye),
            Delegations = [new(a), new(b)],
            Topics = [],
            Outcome = outcome,
            Summary = null,
            OccurredOn = on,
        }),
        Gen.Select(Id, Proposal, Gen.Enum<ProposalKind>(), Actor, Side.Array[0, 2], Text, When, (id, p, kind, by, to, terms, on) => (NegotiationCommand)new MakeProposal { Track = track, CommandId = id, Proposal = p, Kind = kind, By = by, AddressedTo = to, Agenda = [], Terms = terms, OccurredOn = on }),
        Gen.Select(Id, Proposal, Actor, Gen.Enum<AnswerKind>(), Proposal, When, (id, p, by, answer, counter, on) => (NegotiationCommand)new AnswerProposal
        {
            Track = track,
            CommandId = id,
            Proposal = p,
            By = by,
            Answer = answer,
            Conditions = answer == AnswerKind.AcceptedWithConditions ? "if the front holds" : null,
            CounteredBy = answer == AnswerKind.Countered ? counter : null,
            OccurredOn = on,
        }),
        Gen.Select(Id, Exchange, Gen.Enum<ExchangeKind>(), Side, Side, Counts, When, (id, x, kind, a, b, counts, on) => (NegotiationCommand)new AgreeExchange { Track = track, CommandId = id, Exchange = x, Kind = kind, Between = [a, b], Counts = counts, Terms = null, OccurredOn = on }),
        Gen.Select(Id, Exchange, Gen.Int[0, 4], Counts, When, (id, x, stage, counts, on) => (NegotiationCommand)new RecordExchangeStage { Track = track, CommandId = id, Exchange = x, Stage = stage, Counts = counts, OccurredOn = on }),
        Gen.Select(Id, Ultimatum, Actor, Side, When, When, (id, u, by, target, deadline, on) => (NegotiationCommand)new IssueUltimatum
        {
            Track = track,
            CommandId = id,
            Ultimatum = u,
            Issuer = by,
            Target = target,
            Demand = "negotiate",
            Deadline = deadline,
            Consequence = "sanctions",
            OccurredOn = on,
        }),
        Gen.Select(Id, Ultimatum, When, When, (id, u, deadline, on) => (NegotiationCommand)new ReviseUltimatum { Track = track, CommandId = id, Ultimatum = u, Deadline = deadline, Demand = null, Consequence = null, OccurredOn = on }),
        Gen.Select(Id, Ultimatum, When, (id, u, on) => (NegotiationCommand)new WithdrawUltimatum { Track = track, CommandId = id, Ultimatum = u, Reason = null, OccurredOn = on }),
        Gen.Select(Id, Actor, Gen.Enum<StatementKind>(), Text, Topics, When, Cited, (id, by, kind, summary, agenda, on, source) => (NegotiationCommand)new RecordStatement
        {
            Track = track,
            CommandId = id,
            By = by,
            Kind = kind,
            Summary = summary,
            Tone = null,
            Agenda = agenda,
            OccurredOn = on,
            Source = source,
        }),
        Gen.Select(Id, Id, When, (id, retracted, on) => (NegotiationCommand)new RetractFact { Track = track, CommandId = id, Retracted = retracted, Reason = "corrected", OccurredOn = on }));

    /// <summary>Breaks one member of a command: a missing reference, an undefined value, a default id or bad text.</summary>
    private static NegotiationCommand Broken(NegotiationCommand command) => command switch
    {
        RecordStatement s => (s.CommandId.Value.Length % 4) switch
        {
            0 => s with { By = null! },
            1 => s with { Kind = (StatementKind)42 },
            2 => s with { Summary = "bad\u0007" },
            _ => s with { By = s.By with { Code = default } },
        },
        ScheduleRound r => r with { Date = null! },
        AddParticipant p => p with { Participant = p.Participant with { Role = (ParticipantRole)9 } },
        MakeProposal m => m with { AddressedTo = [default] },
        AgreeExchange x => x with { Counts = [null!] },
        IssueUltimatum u => u with { Deadline = null! },
        ReviseUltimatum u => u with { OccurredOn = null! },
        RecordRoundHeld h => h with { Delegations = [null!] },
        _ => command with { CommandId = default },
    };

    /// <summary>A value as JSON in the library's contract, for comparing states field by field.</summary>
    public static string Json<T>(T value) => JsonSerializer.Serialize(value, NegotiationJson.Options);

    /// <summary>The last day any fact of these events may have happened on: a day as of which every fact counts.</summary>
    public static DateOnly LatestDay(IEnumerable<RecordedEvent> events) =>
        events.Select(e => ((INegotiationEvent)e.Data).OccurredOn)
            .Select(on => on?.NotAfter ?? on?.NotBefore ?? First)
            .DefaultIfEmpty(First)
            .Max();
}
