namespace Negotiations.Tests.Serialization;

/// <summary>
/// One sample of every event type, with every field filled (every optional value present, every list non-empty),
/// so its golden file pins the whole shape. The samples pin JSON; they are not meant as decisions the rules allow
/// (an answer here has both conditions and a counter-proposal, every quote an attribution). The dates take the
/// forms a window can have: one day, a week, a month, a year, an open start, two open ends.
/// </summary>
internal static class SampleEvents
{
    private const string Document = "2025-07-21-zelenskyy-announces-istanbul-round";

    private static readonly Actor Ukraine = new(new ActorCode("ukraine"), "Ukraine", Affiliation.Ukraine, ActorType.State);
    private static readonly Actor Russia = new(new ActorCode("russia"), "Russia", Affiliation.Russia, ActorType.State);
    private static readonly Actor Kyiv = new(new ActorCode("kyiv"), "Kyiv", Affiliation.Ukraine, ActorType.State);
    private static readonly Actor Zelenskyy = new(new ActorCode("zelenskyy"), "Volodymyr Zelenskyy", Affiliation.Ukraine, ActorType.HeadOfState);
    private static readonly Actor Umerov = new(new ActorCode("umerov"), "Rustem Umerov", Affiliation.Ukraine, ActorType.Minister);
    private static readonly Actor Medinsky = new(new ActorCode("medinsky"), "Vladimir Medinsky", Affiliation.Russia, ActorType.Negotiator);
    private static readonly Actor Peskov = new(new ActorCode("peskov"), "Dmitry Peskov", Affiliation.Russia, ActorType.Spokesperson);
    private static readonly Actor Trump = new(new ActorCode("trump"), "Donald Trump", Affiliation.UnitedStates, ActorType.HeadOfState);
    private static readonly Actor Turkiye = new(new ActorCode("turkiye"), "Türkiye", Affiliation.Turkiye, ActorType.State);
    private static readonly Actor Icrc = new(new ActorCode("icrc"), "International Committee of the Red Cross", new Affiliation("ICRC"), ActorType.Body);

    private static readonly RoundId July23 = new("turkiye-2025-07-23");
    private static readonly ProposalId FourRegions = new("russia-four-regions");
    private static readonly ExchangeId Prisoners = new("prisoner-exchanges-2025");
    private static readonly UltimatumId FiftyDays = new("trump-50-days");

    public static IReadOnlyList<INegotiationEvent> All { get; } =
    [
        new NegotiationOpened(
            "Russia-Ukraine peace talks, 2025",
            [new Participant(Ukraine, ParticipantRole.Party), new Participant(Russia, ParticipantRole.Party), new Participant(Turkiye, ParticipantRole.Host), new Participant(Trump, ParticipantRole.ThirdParty)],
            WorldDate.Until(new DateOnly(2025, 5, 16)),
            Quote("Both sides met in Istanbul on May 16 and June 2 amid US pressure to agree a cease-fire.", Zelenskyy.Code)),
        new ParticipantJoined(
            new Participant(Icrc, ParticipantRole.Mediator),
            WorldDate.Month(2025, 6),
            Quote("The Red Cross has joined the talks as a mediator of “humanitarian” issues.", Peskov.Code)),
        new RoundProposed(
            July23,
            Kyiv,
            WorldDate.WeekOf(new DateOnly(2025, 7, 21)),
            [AgendaItems.Prisoners, AgendaItems.LeadersMeeting],
            WorldDate.On(2025, 7, 19),
            Quote("On July 19, the Ukrainian president said Kyiv proposed a new round of peace talks with Russia for \"next week,\"", Zelenskyy.Code)),
        new RoundScheduled(
            July23,
            WorldDate.On(2025, 7, 23),
            new Venue(Affiliation.Turkiye, "Istanbul"),
            Zelenskyy,
            Umerov,
            WorldDate.On(2025, 7, 21),
            Quote("“Umerov reported that the meeting is scheduled for Wednesday.", Zelenskyy.Code)),
        new RoundPostponed(
            July23,
            WorldDate.On(2025, 7, 24),
            "The delegations asked for one more day.",
            WorldDate.On(2025, 7, 22),
            Quote("The meeting moves to Thursday.", Umerov.Code)),
        new RoundCancelled(
            July23,
            "Called off after the air strikes.",
            WorldDate.Between(new DateOnly(2025, 7, 22), new DateOnly(2025, 7, 23), DatePrecision.Unknown),
            Quote("The meeting will not take place.", Peskov.Code)),
        new RoundHeld(
            new RoundId("istanbul-2025-06-02"),
            new Venue(Affiliation.Turkiye, "Istanbul"),
            [new Delegation(Affiliation.Ukraine, Umerov), new Delegation(Affiliation.Russia, Medinsky)],
            [AgendaItems.Ceasefire, AgendaItems.Prisoners, AgendaItems.HumanitarianCorridors],
            RoundOutcome.NoBreakthrough,
            "The two sides exchanged ideas on what a peace deal could look like; no breakthrough was made.",
            WorldDate.On(2025, 6, 2),
            Quote("Both sides met in Istanbul on May 16 and June 2", Umerov.Code)),
        new ProposalMade(
            FourRegions,
            ProposalKind.Demand,
            Russia,
            [Affiliation.Ukraine],
            [AgendaItems.Territory],
            "Ukraine gives up four regions, on top of Crimea, which Russia annexed in 2014.",
            WorldDate.Until(new DateOnly(2025, 7, 21)),
            Quote("Russia has demanded Ukraine give up four regions, on top of Crimea, which it annexed in 2014.", Russia.Code)),
        new ProposalAnswered(
            FourRegions,
            Ukraine,
            AnswerKind.Countered,
            "Only along the current line of contact.",
            new ProposalId("ukraine-ceasefire-first"),
            WorldDate.Until(new DateOnly(2025, 7, 21)),
            Quote("Ukraine, on the other hand, has rejected the demands", Ukraine.Code)),
        new ExchangeAgreed(
            Prisoners,
            ExchangeKind.Prisoners,
            [Affiliation.Ukraine, Affiliation.Russia],
            [new SideCount(Affiliation.Ukraine, 1200), new SideCount(Affiliation.Russia, 1200)],
            "All-for-all exchange of severely wounded and young prisoners.",
            WorldDate.On(2025, 6, 2),
            Quote("Ukrainian and Russian negotiators have so far only agreed to hold prisoner exchanges.", Umerov.Code)),
        new ExchangeCarriedOut(
            Prisoners,
            1,
            [new SideCount(Affiliation.Ukraine, 307), new SideCount(Affiliation.Russia, 307)],
            WorldDate.On(2025, 6, 9),
            Quote("The first stage of the exchange took place.", Umerov.Code)),
        new UltimatumIssued(
            FiftyDays,
            Trump,
            Affiliation.Russia,
            "Negotiate a deal within 50 days.",
            WorldDate.Between(new DateOnly(2025, 9, 2), new DateOnly(2025, 9, 8), DatePrecision.Week),
            "Heavy sanctions.",
            WorldDate.WeekOf(new DateOnly(2025, 7, 14)),
            Quote("After Trump last week gave Russia 50 days to negotiate a deal or face heavy sanctions", Trump.Code)),
        new UltimatumRevised(
            FiftyDays,
            WorldDate.On(2025, 8, 8),
            "Make a deal within 10 days.",
            "Secondary tariffs on buyers of Russian oil.",
            WorldDate.On(2025, 7, 29),
            Quote("“50 days” becomes “10 or 12 days”.", Trump.Code)),
        new UltimatumWithdrawn(
            FiftyDays,
            "Talks resumed.",
            WorldDate.Year(2025),
            Quote("The deadline no longer applies.", Trump.Code)),
        new StatementMade(
            Peskov,
            StatementKind.Assessment,
            "A lot of diplomatic work lies ahead.",
            Tone.Cautious,
            [AgendaItems.PeaceSettlement],
            WorldDate.On(2025, 7, 21),
            Quote("\"A lot of diplomatic work lies ahead,\" Kremlin spokesman Dmitry Peskov told reporters earlier on Monday", Peskov.Code)),
        new FactRetracted(
            new CommandId("zelenskyy-2025-07-21/round-set-2025-07-23"),
            "The outlet corrected the venue.",
            WorldDate.Unknown,
            Quote("An earlier version of this article misstated the venue.", new ActorCode("editors"))),
    ];

    public static IReadOnlyDictionary<Type, INegotiationEvent> ByType { get; } = All.ToDictionary(e => e.GetType());

    private static Source Quote(string quote, ActorCode? attributedTo) => new(Document, quote, attributedTo, new DateOnly(2025, 7, 21));
}
