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
        new NegotiationOpened
        {
            Title = "Russia-Ukraine peace talks, 2025",
            Participants = [new Participant(Ukraine, ParticipantRole.Party), new Participant(Russia, ParticipantRole.Party), new Participant(Turkiye, ParticipantRole.Host), new Participant(Trump, ParticipantRole.ThirdParty)],
            OccurredOn = WorldDate.Until(new DateOnly(2025, 5, 16)),
            Source = Quote("Both sides met in Istanbul on May 16 and June 2 amid US pressure to agree a cease-fire.", Zelenskyy.Code),
        },
        new ParticipantJoined
        {
            Participant = new Participant(Icrc, ParticipantRole.Mediator),
            OccurredOn = WorldDate.Month(2025, 6),
            Source = Quote("The Red Cross has joined the talks as a mediator of “humanitarian” issues.", Peskov.Code),
        },
        new RoundProposed
        {
            Round = July23,
            ProposedBy = Kyiv,
            Window = WorldDate.WeekOf(new DateOnly(2025, 7, 21)),
            Agenda = [AgendaItems.Prisoners, AgendaItems.LeadersMeeting],
            OccurredOn = WorldDate.On(2025, 7, 19),
            Source = Quote("On July 19, the Ukrainian president said Kyiv proposed a new round of peace talks with Russia for \"next week,\"", Zelenskyy.Code),
        },
        new RoundScheduled
        {
            Round = July23,
            Date = WorldDate.On(2025, 7, 23),
            Venue = new Venue(Affiliation.Turkiye, "Istanbul"),
            AnnouncedBy = Zelenskyy,
            ReportedBy = Umerov,
            OccurredOn = WorldDate.On(2025, 7, 21),
            Source = Quote("“Umerov reported that the meeting is scheduled for Wednesday.", Zelenskyy.Code),
        },
        new RoundPostponed
        {
            Round = July23,
            NewDate = WorldDate.On(2025, 7, 24),
            Reason = "The delegations asked for one more day.",
            OccurredOn = WorldDate.On(2025, 7, 22),
            Source = Quote("The meeting moves to Thursday.", Umerov.Code),
        },
        new RoundCancelled
        {
            Round = July23,
            Reason = "Called off after the air strikes.",
            OccurredOn = WorldDate.Between(new DateOnly(2025, 7, 22), new DateOnly(2025, 7, 23), DatePrecision.Unknown),
            Source = Quote("The meeting will not take place.", Peskov.Code),
        },
        new RoundHeld
        {
            Round = new RoundId("istanbul-2025-06-02"),
            Venue = new Venue(Affiliation.Turkiye, "Istanbul"),
            Delegations = [new Delegation(Affiliation.Ukraine, Umerov), new Delegation(Affiliation.Russia, Medinsky)],
            Topics = [AgendaItems.Ceasefire, AgendaItems.Prisoners, AgendaItems.HumanitarianCorridors],
            Outcome = RoundOutcome.NoBreakthrough,
            Summary = "The two sides exchanged ideas on what a peace deal could look like; no breakthrough was made.",
            OccurredOn = WorldDate.On(2025, 6, 2),
            Source = Quote("Both sides met in Istanbul on May 16 and June 2", Umerov.Code),
        },
        new ProposalMade
        {
            Proposal = FourRegions,
            Kind = ProposalKind.Demand,
            By = Russia,
            AddressedTo = [Affiliation.Ukraine],
            Agenda = [AgendaItems.Territory],
            Terms = "Ukraine gives up four regions, on top of Crimea, which Russia annexed in 2014.",
            OccurredOn = WorldDate.Until(new DateOnly(2025, 7, 21)),
            Source = Quote("Russia has demanded Ukraine give up four regions, on top of Crimea, which it annexed in 2014.", Russia.Code),
        },
        new ProposalAnswered
        {
            Proposal = FourRegions,
            By = Ukraine,
            Answer = AnswerKind.Countered,
            Conditions = "Only along the current line of contact.",
            CounteredBy = new ProposalId("ukraine-ceasefire-first"),
            OccurredOn = WorldDate.Until(new DateOnly(2025, 7, 21)),
            Source = Quote("Ukraine, on the other hand, has rejected the demands", Ukraine.Code),
        },
        new ExchangeAgreed
        {
            Exchange = Prisoners,
            Kind = ExchangeKind.Prisoners,
            Between = [Affiliation.Ukraine, Affiliation.Russia],
            Counts = [new SideCount(Affiliation.Ukraine, 1200), new SideCount(Affiliation.Russia, 1200)],
            Terms = "All-for-all exchange of severely wounded and young prisoners.",
            OccurredOn = WorldDate.On(2025, 6, 2),
            Source = Quote("Ukrainian and Russian negotiators have so far only agreed to hold prisoner exchanges.", Umerov.Code),
        },
        new ExchangeCarriedOut
        {
            Exchange = Prisoners,
            Stage = 1,
            Counts = [new SideCount(Affiliation.Ukraine, 307), new SideCount(Affiliation.Russia, 307)],
            OccurredOn = WorldDate.On(2025, 6, 9),
            Source = Quote("The first stage of the exchange took place.", Umerov.Code),
        },
        new UltimatumIssued
        {
            Ultimatum = FiftyDays,
            Issuer = Trump,
            Target = Affiliation.Russia,
            Demand = "Negotiate a deal within 50 days.",
            Deadline = WorldDate.Between(new DateOnly(2025, 9, 2), new DateOnly(2025, 9, 8), DatePrecision.Week),
            Consequence = "Heavy sanctions.",
            OccurredOn = WorldDate.WeekOf(new DateOnly(2025, 7, 14)),
            Source = Quote("After Trump last week gave Russia 50 days to negotiate a deal or face heavy sanctions", Trump.Code),
        },
        new UltimatumRevised
        {
            Ultimatum = FiftyDays,
            Deadline = WorldDate.On(2025, 8, 8),
            Demand = "Make a deal within 10 days.",
            Consequence = "Secondary tariffs on buyers of Russian oil.",
            OccurredOn = WorldDate.On(2025, 7, 29),
            Source = Quote("“50 days” becomes “10 or 12 days”.", Trump.Code),
        },
        new UltimatumWithdrawn
        {
            Ultimatum = FiftyDays,
            Reason = "Talks resumed.",
            OccurredOn = WorldDate.Year(2025),
            Source = Quote("The deadline no longer applies.", Trump.Code),
        },
        new StatementMade
        {
            By = Peskov,
            Kind = StatementKind.Assessment,
            Summary = "A lot of diplomatic work lies ahead.",
            Tone = Tone.Cautious,
            Agenda = [AgendaItems.PeaceSettlement],
            OccurredOn = WorldDate.On(2025, 7, 21),
            Source = Quote("\"A lot of diplomatic work lies ahead,\" Kremlin spokesman Dmitry Peskov told reporters earlier on Monday", Peskov.Code),
        },
        new FactRetracted
        {
            Retracted = new CommandId("zelenskyy-2025-07-21/round-set-2025-07-23"),
            Reason = "The outlet corrected the venue.",
            OccurredOn = WorldDate.Unknown,
            Source = Quote("An earlier version of this article misstated the venue.", new ActorCode("editors")),
        },
    ];

    public static IReadOnlyDictionary<Type, INegotiationEvent> ByType { get; } = All.ToDictionary(e => e.GetType());

    private static Source Quote(string quote, ActorCode? attributedTo) => new(Document, quote, attributedTo, new DateOnly(2025, 7, 21));
}
