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

    public static readonly NegotiationOpened Opened = new NegotiationOpened { Title = Title, Participants = Participants, OccurredOn = WorldDate.Unknown, Source = null };

    public static readonly Venue Istanbul = new(Affiliation.Turkiye, "Istanbul");
    public static readonly Venue InTurkiye = new(Affiliation.Turkiye);

    public static WorldDate On(int month, int day) => WorldDate.On(2025, month, day);

    public static DateOnly Day(int month, int day) => new(2025, month, day);

    public static Source Quote(string quote, Actor? by = null) => new(DocumentId, quote, by?.Code, Day(7, 21));

    public static CommandId Cmd(string id) => new(id);

    public static OpenNegotiation Open(string id = OpeningCommand) => new OpenNegotiation { Track = Id, CommandId = Cmd(id), Title = Title, Participants = Participants, OccurredOn = WorldDate.Unknown };

    public static AddParticipant Join(Actor actor, ParticipantRole role = ParticipantRole.Party, string id = "join") =>
        new AddParticipant { Track = Id, CommandId = Cmd(id), Participant = new Participant(actor, role), OccurredOn = On(7, 1) };

    public static ProposeRound ProposeRound(string round = "next-week", string id = "propose-round") =>
        new ProposeRound
        {
            Track = Id,
            CommandId = Cmd(id),
            Round = new RoundId(round),
            ProposedBy = Zelenskyy,
            Window = WorldDate.WeekOf(Day(7, 21)),
            Agenda = [AgendaItems.LeadersMeeting],
            OccurredOn = On(7, 19),
        };

    public static ScheduleRound ScheduleRound(string round = "next-week", string id = "schedule-round") =>
        new ScheduleRound
        {
            Track = Id,
            CommandId = Cmd(id),
            Round = new RoundId(round),
            Date = On(7, 23),
            Venue = InTurkiye,
            AnnouncedBy = Zelenskyy,
            ReportedBy = Umerov,
            OccurredOn = On(7, 21),
            Source = Quote("Umerov reported that the meeting is scheduled for Wednesday.", Zelenskyy),
        };

    public static PostponeRound PostponeRound(string round = "next-week", string id = "postpone-round") =>
        new PostponeRound
        {
            Track = Id,
            CommandId = Cmd(id),
            Round = new RoundId(round),
            NewDate = On(7, 30),
            Reason = "delegations not ready",
            OccurredOn = On(7, 22),
        };

    public static CancelRound CancelRound(string round = "next-week", string id = "cancel-round") =>
        new CancelRound { Track = Id, CommandId = Cmd(id), Round = new RoundId(round), Reason = "called off", OccurredOn = On(7, 22) };

    public static RecordRoundHeld HoldRound(string round = "istanbul-2025-05-16", int month = 5, int day = 16, string id = "hold-round") =>
        new RecordRoundHeld
        {
            Track = Id,
            CommandId = Cmd(id),
            Round = new RoundId(round),
            Venue = Istanbul,
            Delegations = [new Delegation(Affiliation.Ukraine, Umerov), new Delegation(Affiliation.Russia, Medinsky)],
            Topics = [AgendaItems.Ceasefire, AgendaItems.Prisoners, AgendaItems.HumanitarianCorridors],
            Outcome = RoundOutcome.NoBreakthrough,
            Summary = "The two sides exchanged ideas on what a peace deal could look like",
            OccurredOn = On(month, day),
        };

    public static MakeProposal Demand(string proposal = "four-regions", string id = "demand") =>
        new MakeProposal
        {
            Track = Id,
            CommandId = Cmd(id),
            Proposal = new ProposalId(proposal),
            Kind = ProposalKind.Demand,
            By = Russia,
            AddressedTo = [Affiliation.Ukraine],
            Agenda = [AgendaItems.Territory],
            Terms = "Ukraine gives up four regions, on top of Crimea",
            OccurredOn = WorldDate.Until(Day(7, 21)),
            Source = Quote("Russia has demanded Ukraine give up four regions, on top of Crimea"),
        };

    public static AnswerProposal Answer(string proposal = "four-regions", Actor? by = null, AnswerKind answer = AnswerKind.Rejected, string id = "answer") =>
        new AnswerProposal
        {
            Track = Id,
            CommandId = Cmd(id),
            Proposal = new ProposalId(proposal),
            By = by ?? Ukraine,
            Answer = answer,
            Conditions = null,
            CounteredBy = null,
            OccurredOn = WorldDate.Until(Day(7, 21)),
        };

    public static AgreeExchange AgreeExchange(string exchange = "prisoners-2025", IReadOnlyList<SideCount>? counts = null, string id = "agree-exchange") =>
        new AgreeExchange
        {
            Track = Id,
            CommandId = Cmd(id),
            Exchange = new ExchangeId(exchange),
            Kind = ExchangeKind.Prisoners,
            Between = [Affiliation.Ukraine, Affiliation.Russia],
            Counts = counts ?? [],
            Terms = "prisoner exchanges",
            OccurredOn = WorldDate.Until(Day(7, 21)),
        };

    public static RecordExchangeStage Stage(int stage, IReadOnlyList<SideCount> counts, string exchange = "prisoners-2025", string? id = null) =>
        new RecordExchangeStage
        {
            Track = Id,
            CommandId = Cmd(id ?? $"stage-{stage}"),
            Exchange = new ExchangeId(exchange),
            Stage = stage,
            Counts = counts,
            OccurredOn = On(5, 23 + stage),
        };

    public static IssueUltimatum Ultimatum(string ultimatum = "fifty-days", string id = "ultimatum") =>
        new IssueUltimatum
        {
            Track = Id,
            CommandId = Cmd(id),
            Ultimatum = new UltimatumId(ultimatum),
            Issuer = Trump,
            Target = Affiliation.Russia,
            Demand = "negotiate a deal",
            Deadline = FiftyDaysDeadline,
            Consequence = "heavy sanctions",
            OccurredOn = LastWeek,
            Source = Quote("Trump last week gave Russia 50 days to negotiate a deal or face heavy sanctions"),
        };

    public static ReviseUltimatum Revise(string ultimatum = "fifty-days", string id = "revise") =>
        new ReviseUltimatum
        {
            Track = Id,
            CommandId = Cmd(id),
            Ultimatum = new UltimatumId(ultimatum),
            Deadline = WorldDate.On(2025, 8, 8),
            Demand = null,
            Consequence = null,
            OccurredOn = On(7, 29),
        };

    public static WithdrawUltimatum Withdraw(string ultimatum = "fifty-days", string id = "withdraw") =>
        new WithdrawUltimatum { Track = Id, CommandId = Cmd(id), Ultimatum = new UltimatumId(ultimatum), Reason = "a deal was reached", OccurredOn = On(8, 1) };

    public static RecordStatement Statement(Actor? by = null, string id = "statement") =>
        new RecordStatement
        {
            Track = Id,
            CommandId = Cmd(id),
            By = by ?? Peskov,
            Kind = StatementKind.Assessment,
            Summary = "A lot of diplomatic work lies ahead",
            Tone = Tone.Cautious,
            Agenda = [AgendaItems.PeaceSettlement],
            OccurredOn = On(7, 21),
            Source = Quote("A lot of diplomatic work lies ahead", by ?? Peskov),
        };

    public static RetractFact Retract(string retracted, string id = "retract") =>
        new RetractFact { Track = Id, CommandId = Cmd(id), Retracted = Cmd(retracted), Reason = "the report was corrected", OccurredOn = On(7, 22) };

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
