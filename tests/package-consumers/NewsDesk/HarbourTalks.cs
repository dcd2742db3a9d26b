using Negotiations;

namespace NewsDesk;

/// <summary>
/// A short, fictional negotiation the desk records: Norvania and Sudmark talk about access to a harbour in Geneva.
/// Two rounds, three ultimatums (one of them a misreport the desk later retracts), a revision and a withdrawal.
/// </summary>
public static class HarbourTalks
{
    /// <summary>The track.</summary>
    public static readonly TrackId Track = new("harbour-talks-2026");

    /// <summary>Norvania.</summary>
    public static readonly Affiliation Norvania = new("NRV");

    /// <summary>Sudmark.</summary>
    public static readonly Affiliation Sudmark = new("SDM");

    /// <summary>Switzerland, the host.</summary>
    public static readonly Affiliation Switzerland = new("CHE");

    /// <summary>Norvania's foreign minister.</summary>
    public static readonly Actor Lind = new(new ActorCode("lind"), "Ana Lind", Norvania, ActorType.Minister);

    /// <summary>Norvania's spokesperson.</summary>
    public static readonly Actor Holm = new(new ActorCode("holm"), "Mira Holm", Norvania, ActorType.Spokesperson);

    /// <summary>Sudmark's prime minister.</summary>
    public static readonly Actor Varga = new(new ActorCode("varga"), "Teo Varga", Sudmark, ActorType.HeadOfGovernment);

    /// <summary>The ultimatum the minister issued and later shortened.</summary>
    public static readonly UltimatumId ReopenThePort = new("reopen-the-port");

    /// <summary>The ultimatum a report put in the spokesperson's mouth, retracted the next day.</summary>
    public static readonly UltimatumId RecallTheEnvoy = new("recall-the-envoy");

    /// <summary>Sudmark's counter-ultimatum, withdrawn after the second round.</summary>
    public static readonly UltimatumId LiftTheBlockade = new("lift-the-blockade");

    /// <summary>The first round.</summary>
    public static readonly RoundId FirstRound = new("geneva-1");

    /// <summary>The second round.</summary>
    public static readonly RoundId SecondRound = new("geneva-2");

    /// <summary>The commands, in the order the desk records them.</summary>
    public static IReadOnlyList<NegotiationCommand> Commands { get; } =
    [
        new OpenNegotiation(
            Track,
            Id("open"),
            "Harbour access talks",
            [
                new Participant(new Actor(new ActorCode("norvania"), "Norvania", Norvania, ActorType.State), ParticipantRole.Party),
                new Participant(new Actor(new ActorCode("sudmark"), "Sudmark", Sudmark, ActorType.State), ParticipantRole.Party),
                new Participant(new Actor(new ActorCode("switzerland"), "Switzerland", Switzerland, ActorType.State), ParticipantRole.Host),
            ],
            WorldDate.On(2026, 3, 2)),
        new RecordRoundHeld(
            Track,
            Id("round-1"),
            FirstRound,
            new Venue(Switzerland, "Geneva"),
            [new Delegation(Norvania, Lind), new Delegation(Sudmark)],
            [AgendaItems.Sanctions],
            RoundOutcome.NoBreakthrough,
            "No agreement on the harbour.",
            WorldDate.On(2026, 3, 2)),
        new IssueUltimatum(Track, Id("ultimatum-lind"), ReopenThePort, Lind, Sudmark, "reopen the port to Norvanian ships", WorldDate.On(2026, 4, 1), "sanctions on Sudmark's shipping", WorldDate.On(2026, 3, 5)),
        new IssueUltimatum(Track, Id("ultimatum-holm"), RecallTheEnvoy, Holm, Sudmark, "recall the envoy", WorldDate.On(2026, 3, 20), "the end of the talks", WorldDate.On(2026, 3, 6)),
        new RetractFact(Track, Id("correction-holm"), Id("ultimatum-holm"), "The spokesperson gave a warning, not an ultimatum.", WorldDate.On(2026, 3, 7)),
        new IssueUltimatum(Track, Id("ultimatum-varga"), LiftTheBlockade, Varga, Norvania, "lift the blockade of the strait", WorldDate.On(2026, 3, 31), "withdrawal from the talks", WorldDate.On(2026, 3, 10)),
        new ReviseUltimatum(Track, Id("revise-lind"), ReopenThePort, WorldDate.On(2026, 3, 20), null, null, WorldDate.On(2026, 3, 12)),
        new RecordRoundHeld(
            Track,
            Id("round-2"),
            SecondRound,
            new Venue(Switzerland, "Geneva"),
            [new Delegation(Norvania, Lind), new Delegation(Sudmark, Varga)],
            [AgendaItems.Sanctions],
            RoundOutcome.Progress,
            "The sides agreed to inspect the harbour together.",
            WorldDate.On(2026, 3, 16)),
        new WithdrawUltimatum(Track, Id("withdraw-varga"), LiftTheBlockade, "progress at the second round", WorldDate.On(2026, 3, 17)),
    ];

    private static CommandId Id(string name) => new($"newsdesk/{name}");
}
