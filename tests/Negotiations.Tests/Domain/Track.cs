namespace Negotiations.Tests.Domain;

/// <summary>The actors, dates and commands of the tests: the Russia-Ukraine track of the seed article.</summary>
internal static class Track
{
    public const string DocumentId = "seeds/2025-07-21-russia-ukraine-talks-turkiye.txt";
    public const string OpeningCommand = "open";
    public const string Title = "Russia-Ukraine peace talks, 2025";

    public static readonly TrackId Id = new("russia-ukraine-2025");

    public static readonly Actor Ukraine = new(new ActorCode("ukraine"), "Ukraine", Affiliation.Ukraine, ActorType.State);
    public static readonly Actor Russia = new(new ActorCode("russia"), "Russia", Affiliation.Russia, ActorType.State);
    public static readonly Actor Turkiye = new(new ActorCode("turkiye"), "Türkiye", Affiliation.Turkiye, ActorType.State);
    public static readonly Actor UnitedStates = new(new ActorCode("united-states"), "United States", Affiliation.UnitedStates, ActorType.State);
    public static readonly Actor Zelenskyy = new(new ActorCode("zelenskyy"), "Volodymyr Zelenskyy", Affiliation.Ukraine, ActorType.HeadOfState);
    public static readonly Actor Umerov = new(new ActorCode("umerov"), "Rustem Umerov", Affiliation.Ukraine, ActorType.Minister);
    public static readonly Actor Peskov = new(new ActorCode("peskov"), "Dmitry Peskov", Affiliation.Russia, ActorType.Spokesperson);
    public static readonly Actor Medinsky = new(new ActorCode("medinsky"), "Vladimir Medinsky", Affiliation.Russia, ActorType.Negotiator);
    public static readonly Actor Trump = new(new ActorCode("trump"), "Donald Trump", Affiliation.UnitedStates, ActorType.HeadOfState);
    public static readonly Actor Macron = new(new ActorCode("macron"), "Emmanuel Macron", new Affiliation("FRA"), ActorType.HeadOfState);

    public static readonly IReadOnlyList<Participant> Participants =
    [
        new(Ukraine, ParticipantRole.Party),
        new(Russia, ParticipantRole.Party),
        new(Turkiye, ParticipantRole.Host),
        new(UnitedStates, ParticipantRole.ThirdParty),
    ];

    public static readonly NegotiationOpened Opened = new(Title, Participants, WorldDate.Unknown, null);

    public static readonly Venue Istanbul = new(Affiliation.Turkiye, "Istanbul");
    public static readonly Venue InTurkiye = new(Affiliation.Turkiye);

    public static WorldDate On(int month, int day) => WorldDate.On(2025, month, day);

    public static DateOnly Day(int month, int day) => new(2025, month, day);

    public static Source Quote(string quote, Actor? by = null) => new(DocumentId, quote, by?.Code, Day(7, 21));

    public static CommandId Cmd(string id) => new(id);

    public static OpenNegotiation Open(string id = OpeningCommand) => new(Id, Cmd(id), Title, Participants, WorldDate.Unknown);

    public static AddParticipant Join(Actor actor, ParticipantRole role = ParticipantRole.Party, string id = "join") =>
        new(Id, Cmd(id), new Participant(actor, role), On(7, 1));

    public static ProposeRound ProposeRound(string round = "next-week", string id = "propose-round") =>
        new(Id, Cmd(id), new RoundId(round), Zelenskyy, WorldDate.WeekOf(Day(7, 21)), [AgendaItems.LeadersMeeting], On(7, 19));

    public static ScheduleRound ScheduleRound(string round = "next-week", string id = "schedule-round") =>
        new(Id, Cmd(id), new RoundId(round), On(7, 23), InTurkiye, Zelenskyy, Umerov, On(7, 21), Quote("Umerov reported that the meeting is scheduled for Wednesday.", Zelenskyy));

    public static PostponeRound PostponeRound(string round = "next-week", string id = "postpone-round") =>
        new(Id, Cmd(id), new RoundId(round), On(7, 30), "delegations not ready", On(7, 22));

    public static CancelRound CancelRound(string round = "next-week", string id = "cancel-round") =>
        new(Id, Cmd(id), new RoundId(round), "called off", On(7, 22));

    public static RecordRoundHeld HoldRound(string round = "istanbul-2025-05-16", int month = 5, int day = 16, string id = "hold-round") =>
        new(Id, Cmd(id), new RoundId(round), Istanbul, [new Delegation(Affiliation.Ukraine, Umerov), new Delegation(Affiliation.Russia, Medinsky)],
            [AgendaItems.Ceasefire, AgendaItems.Prisoners, AgendaItems.HumanitarianCorridors], RoundOutcome.NoBreakthrough,
            "The two sides exchanged ideas on what a peace deal could look like", On(month, day));

    public static MakeProposal Demand(string proposal = "four-regions", string id = "demand") =>
        new(Id, Cmd(id), new ProposalId(proposal), ProposalKind.Demand, Russia, [Affiliation.Ukraine], [AgendaItems.Territory],
            "Ukraine gives up four regions, on top of Crimea", WorldDate.Until(Day(7, 21)), Quote("Russia has demanded Ukraine give up four regions, on top of Crimea"));

    public static AnswerProposal Answer(string proposal = "four-regions", Actor? by = null, AnswerKind answer = AnswerKind.Rejected, string id = "answer") =>
        new(Id, Cmd(id), new ProposalId(proposal), by ?? Ukraine, answer, null, null, WorldDate.Until(Day(7, 21)));

    public static AgreeExchange AgreeExchange(string exchange = "prisoners-2025", IReadOnlyList<SideCount>? counts = null, string id = "agree-exchange") =>
        new(Id, Cmd(id), new ExchangeId(exchange), ExchangeKind.Prisoners, [Affiliation.Ukraine, Affiliation.Russia], counts ?? [], "prisoner exchanges", WorldDate.Until(Day(7, 21)));

    public static RecordExchangeStage Stage(int stage, IReadOnlyList<SideCount> counts, string exchange = "prisoners-2025", string? id = null) =>
        new(Id, Cmd(id ?? $"stage-{stage}"), new ExchangeId(exchange), stage, counts, On(5, 23 + stage));

    public static IssueUltimatum Ultimatum(string ultimatum = "fifty-days", string id = "ultimatum") =>
        new(Id, Cmd(id), new UltimatumId(ultimatum), Trump, Affiliation.Russia, "negotiate a deal", FiftyDaysDeadline, "heavy sanctions", LastWeek,
            Quote("Trump last week gave Russia 50 days to negotiate a deal or face heavy sanctions"));

    public static ReviseUltimatum Revise(string ultimatum = "fifty-days", string id = "revise") =>
        new(Id, Cmd(id), new UltimatumId(ultimatum), WorldDate.On(2025, 8, 8), null, null, On(7, 29));

    public static WithdrawUltimatum Withdraw(string ultimatum = "fifty-days", string id = "withdraw") =>
        new(Id, Cmd(id), new UltimatumId(ultimatum), "a deal was reached", On(8, 1));

    public static RecordStatement Statement(Actor? by = null, string id = "statement") =>
        new(Id, Cmd(id), by ?? Peskov, StatementKind.Assessment, "A lot of diplomatic work lies ahead", Tone.Cautious, [AgendaItems.PeaceSettlement], On(7, 21),
            Quote("A lot of diplomatic work lies ahead", by ?? Peskov));

    public static RetractFact Retract(string retracted, string id = "retract") =>
        new(Id, Cmd(id), Cmd(retracted), "the report was corrected", On(7, 22));

    /// <summary>"Last week", said on Monday 21 July 2025.</summary>
    public static WorldDate LastWeek => WorldDate.WeekOf(Day(7, 14));

    /// <summary>50 days after "last week": 2-8 September 2025.</summary>
    public static WorldDate FiftyDaysDeadline => WorldDate.Between(Day(7, 14).AddDays(50), Day(7, 20).AddDays(50), DatePrecision.Week);

    /// <summary>The event a command records, decided on a state where it is accepted.</summary>
    public static INegotiationEvent EventOf(NegotiationCommand command, NegotiationDecisionState state)
    {
        var decision = new NegotiationDecider().Decide(state, command);
        return decision.Error is null ? decision.Events.Single() : throw new InvalidOperationException($"{decision.Error.Code}: {decision.Error.Message}");
    }
}
