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
        new OpenNegotiation
        {
            Track = Track,
            CommandId = Id("open"),
            Title = "Harbour access talks",
            Participants = [
                new Participant(new Actor(new ActorCode("norvania"), "Norvania", Norvania, ActorType.State), ParticipantRole.Party),
                new Participant(new Actor(new ActorCode("sudmark"), "Sudmark", Sudmark, ActorType.State), ParticipantRole.Party),
                new Participant(new Actor(new ActorCode("switzerland"), "Switzerland", Switzerland, ActorType.State), ParticipantRole.Host),
            ],
            OccurredOn = WorldDate.On(2026, 3, 2),
        },
        new RecordRoundHeld
        {
            Track = Track,
            CommandId = Id("round-1"),
            Round = FirstRound,
            Venue = new Venue(Switzerland, "Geneva"),
            Delegations = [new Delegation(Norvania, Lind), new Delegation(Sudmark)],
            Topics = [AgendaItems.Sanctions],
            Outcome = RoundOutcome.NoBreakthrough,
            Summary = "No agreement on the harbour.",
            OccurredOn = WorldDate.On(2026, 3, 2),
        },
        new IssueUltimatum
        {
            Track = Track,
            CommandId = Id("ultimatum-lind"),
            Ultimatum = ReopenThePort,
            Issuer = Lind,
            Target = Sudmark,
            Demand = "reopen the port to Norvanian ships",
            Deadline = WorldDate.On(2026, 4, 1),
            Consequence = "sanctions on Sudmark's shipping",
            OccurredOn = WorldDate.On(2026, 3, 5),
        },
        new IssueUltimatum
        {
            Track = Track,
            CommandId = Id("ultimatum-holm"),
            Ultimatum = RecallTheEnvoy,
            Issuer = Holm,
            Target = Sudmark,
            Demand = "recall the envoy",
            Deadline = WorldDate.On(2026, 3, 20),
            Consequence = "the end of the talks",
            OccurredOn = WorldDate.On(2026, 3, 6),
        },
        new RetractFact
        {
            Track = Track,
            CommandId = Id("correction-holm"),
            Retracted = Id("ultimatum-holm"),
            Reason = "The spokesperson gave a warning, not an ultimatum.",
            OccurredOn = WorldDate.On(2026, 3, 7),
        },
        new IssueUltimatum
        {
            Track = Track,
            CommandId = Id("ultimatum-varga"),
            Ultimatum = LiftTheBlockade,
            Issuer = Varga,
            Target = Norvania,
            Demand = "lift the blockade of the strait",
            Deadline = WorldDate.On(2026, 3, 31),
            Consequence = "withdrawal from the talks",
            OccurredOn = WorldDate.On(2026, 3, 10),
        },
        new ReviseUltimatum
        {
            Track = Track,
            CommandId = Id("revise-lind"),
            Ultimatum = ReopenThePort,
            Deadline = WorldDate.On(2026, 3, 20),
            Demand = null,
            Consequence = null,
            OccurredOn = WorldDate.On(2026, 3, 12),
        },
        new RecordRoundHeld
        {
            Track = Track,
            CommandId = Id("round-2"),
            Round = SecondRound,
            Venue = new Venue(Switzerland, "Geneva"),
            Delegations = [new Delegation(Norvania, Lind), new Delegation(Sudmark, Varga)],
            Topics = [AgendaItems.Sanctions],
            Outcome = RoundOutcome.Progress,
            Summary = "The sides agreed to inspect the harbour together.",
            OccurredOn = WorldDate.On(2026, 3, 16),
        },
        new WithdrawUltimatum
        {
            Track = Track,
            CommandId = Id("withdraw-varga"),
            Ultimatum = LiftTheBlockade,
            Reason = "progress at the second round",
            OccurredOn = WorldDate.On(2026, 3, 17),
        },
    ];

    private static CommandId Id(string name) => new($"newsdesk/{name}");
}
