namespace Negotiations.Tests.Shared;

/// <summary>
/// Commands that are wrong on their own (missing members, undefined values, bad text, sizes past the limits, sources
/// reported before their facts), each with the code and member it must be refused with. Every case is sent to an
/// opened track (<see cref="Opening"/>), so it is the command, not the track, that is wrong.
/// </summary>
public static class BadInputs
{
    public static readonly TrackId Track = new("bad-input");

    public static readonly Actor Zelenskyy = new(new ActorCode("zelenskyy"), "Volodymyr Zelenskyy", Affiliation.Ukraine, ActorType.HeadOfState);
    public static readonly Actor Peskov = new(new ActorCode("peskov"), "Dmitry Peskov", Affiliation.Russia, ActorType.Spokesperson);
    public static readonly Actor Trump = new(new ActorCode("trump"), "Donald Trump", Affiliation.UnitedStates, ActorType.HeadOfState);

    public static readonly WorldDate Day = WorldDate.On(2025, 7, 21);
    public static readonly Source Quote = new("article-1", "the meeting is scheduled for Wednesday", null, new DateOnly(2025, 7, 21));

    /// <summary>A megabyte of text.</summary>
    public static readonly string Megabyte = new('a', 1 << 20);

    public static OpenNegotiation Opening(TrackId track) => new OpenNegotiation
    {
        Track = track,
        CommandId = new CommandId("open"),
        Title = "Russia-Ukraine talks",
        Participants = [new(Zelenskyy, ParticipantRole.Party), new(Peskov, ParticipantRole.Party), new(Trump, ParticipantRole.Mediator)],
        OccurredOn = WorldDate.Until(new DateOnly(2025, 7, 21)),
    };

    public static RecordStatement Statement => new RecordStatement
    {
        Track = Track,
        CommandId = new CommandId("statement"),
        By = Peskov,
        Kind = StatementKind.Assessment,
        Summary = "A lot of work lies ahead",
        Tone = Tone.Cautious,
        Agenda = ["peace_settlement"],
        OccurredOn = Day,
        Source = Quote,
    };

    public static ScheduleRound Schedule => new ScheduleRound
    {
        Track = Track,
        CommandId = new CommandId("schedule"),
        Round = new RoundId("istanbul"),
        Date = WorldDate.On(2025, 7, 23),
        Venue = new Venue(Affiliation.Turkiye, "Istanbul"),
        AnnouncedBy = Zelenskyy,
        ReportedBy = null,
        OccurredOn = Day,
        Source = Quote,
    };

    public static RecordRoundHeld Held => new RecordRoundHeld
    {
        Track = Track,
        CommandId = new CommandId("held"),
        Round = new RoundId("istanbul"),
        Venue = new Venue(Affiliation.Turkiye),
        Delegations = [new(Affiliation.Ukraine, Zelenskyy)],
        Topics = ["ceasefire"],
        Outcome = RoundOutcome.NoBreakthrough,
        Summary = null,
        OccurredOn = Day,
    };

    public static MakeProposal Demand => new MakeProposal
    {
        Track = Track,
        CommandId = new CommandId("demand"),
        Proposal = new ProposalId("four-regions"),
        Kind = ProposalKind.Demand,
        By = Peskov,
        AddressedTo = [Affiliation.Ukraine],
        Agenda = ["territory"],
        Terms = "Ukraine gives up four regions",
        OccurredOn = Day,
    };

    public static AgreeExchange Exchange => new AgreeExchange
    {
        Track = Track,
        CommandId = new CommandId("exchange"),
        Exchange = new ExchangeId("prisoners"),
        Kind = ExchangeKind.Prisoners,
        Between = [Affiliation.Ukraine, Affiliation.Russia],
        Counts = [new(Affiliation.Ukraine, 1200)],
        Terms = null,
        OccurredOn = Day,
    };

    public static RecordExchangeStage Stage => new RecordExchangeStage
    {
        Track = Track,
        CommandId = new CommandId("stage"),
        Exchange = new ExchangeId("prisoners"),
        Stage = 1,
        Counts = [new(Affiliation.Ukraine, 100)],
        OccurredOn = Day,
    };

    public static IssueUltimatum Ultimatum => new IssueUltimatum
    {
        Track = Track,
        CommandId = new CommandId("ultimatum"),
        Ultimatum = new UltimatumId("fifty-days"),
        Issuer = Trump,
        Target = Affiliation.Russia,
        Demand = "negotiate a deal",
        Deadline = WorldDate.On(2025, 9, 2),
        Consequence = "sanctions",
        OccurredOn = Day,
        Source = Quote,
    };

    public static ReviseUltimatum Revise => new ReviseUltimatum
    {
        Track = Track,
        CommandId = new CommandId("revise"),
        Ultimatum = new UltimatumId("fifty-days"),
        Deadline = WorldDate.On(2025, 9, 10),
        Demand = null,
        Consequence = null,
        OccurredOn = Day,
    };

    public static AddParticipant Join => new AddParticipant
    {
        Track = Track,
        CommandId = new CommandId("join"),
        Participant = new Participant(Zelenskyy with { Code = new ActorCode("umerov"), Name = "Rustem Umerov" }, ParticipantRole.Party),
        OccurredOn = Day,
    };

    /// <summary>Each case: a name for the test output, the command, the code and member it is refused with.</summary>
    public static IEnumerable<(string Name, NegotiationCommand Command, string Code, string Member)> Cases()
    {
        const string Required = NegotiationErrors.InputRequired;
        // Missing members: null references, default ids and affiliations.
        yield return ("statement by null", Statement with { By = null! }, Required, "By");
        yield return ("statement with a null actor name", Statement with { By = Peskov with { Name = null! } }, Required, "By.Name");
        yield return ("statement by a default actor code", Statement with { By = Peskov with { Code = default } }, Required, "By.Code");
        yield return ("statement by a default affiliation", Statement with { By = Peskov with { Affiliation = default } }, Required, "By.Affiliation");
        yield return ("statement on a default track", Statement with { Track = default }, Required, "Track");
        yield return ("statement with a default command id", Statement with { CommandId = default }, Required, "CommandId");
        yield return ("statement with a null summary", Statement with { Summary = null! }, NegotiationErrors.StatementSummaryEmpty, "Summary");
        yield return ("statement with a null occurred-on", Statement with { OccurredOn = null! }, Required, "OccurredOn");
        yield return ("statement with a null quote", Statement with { Source = Quote with { Quote = null! } }, Required, "Source.Quote");
        yield return ("statement with a null document id", Statement with { Source = Quote with { DocumentId = null! } }, Required, "Source.DocumentId");
        yield return ("statement with a null agenda code", Statement with { Agenda = [null!] }, Required, "Agenda[0]");
        yield return ("participant null", Join with { Participant = null! }, Required, "Participant");
        yield return ("participant with a null actor", Join with { Participant = new Participant(null!, ParticipantRole.Party) }, Required, "Participant.Actor");
        yield return ("round with a null date", Schedule with { Date = null! }, Required, "Date");
        yield return ("round with a null venue", Schedule with { Venue = null! }, Required, "Venue");
        yield return ("round at a default country", Schedule with { Venue = new Venue(default) }, Required, "Venue.Country");
        yield return ("round announced by null", Schedule with { AnnouncedBy = null! }, Required, "AnnouncedBy");
        yield return ("round held with a null delegation", Held with { Delegations = [null!] }, Required, "Delegations[0]");
        yield return ("round held with a default delegation side", Held with { Delegations = [new Delegation(default)] }, Required, "Delegations[0].Side");
        yield return ("proposal to a default affiliation", Demand with { AddressedTo = [default] }, Required, "AddressedTo[0]");
        yield return ("proposal with null terms", Demand with { Terms = null! }, NegotiationErrors.ProposalTermsEmpty, "Terms");
        yield return ("exchange with a null count", Exchange with { Counts = [null!] }, Required, "Counts[0]");
        yield return ("exchange stage with a null count", Stage with { Counts = [null!] }, Required, "Counts[0]");
        yield return ("ultimatum with a null deadline", Ultimatum with { Deadline = null! }, Required, "Deadline");
        yield return ("ultimatum with a null occurred-on", Ultimatum with { OccurredOn = null! }, Required, "OccurredOn");
        yield return ("ultimatum by null", Ultimatum with { Issuer = null! }, Required, "Issuer");
        yield return ("ultimatum at a default target", Ultimatum with { Target = default }, Required, "Target");
        yield return ("revision with a null deadline", Revise with { Deadline = null! }, Required, "Deadline");
        yield return ("revision with a null occurred-on", Revise with { OccurredOn = null! }, Required, "OccurredOn");
        yield return ("retraction of a default command id", new RetractFact { Track = Track, CommandId = new CommandId("retract"), Retracted = default, Reason = "wrong", OccurredOn = Day }, Required, "Retracted");

        // Values their enum does not define.
        const string Undefined = NegotiationErrors.InputUndefinedValue;
        yield return ("statement of kind 99", Statement with { Kind = (StatementKind)99 }, Undefined, "Kind");
        yield return ("statement of tone 99", Statement with { Tone = (Tone)99 }, Undefined, "Tone");
        yield return ("actor of type 99", Statement with { By = Peskov with { Type = (ActorType)99 } }, Undefined, "By.Type");
        yield return ("participant of role 99", Join with { Participant = new Participant(Zelenskyy, (ParticipantRole)99) }, Undefined, "Participant.Role");
        yield return ("round with outcome 99", Held with { Outcome = (RoundOutcome)99 }, Undefined, "Outcome");
        yield return ("proposal of kind 99", Demand with { Kind = (ProposalKind)99 }, Undefined, "Kind");
        yield return ("answer 99", new AnswerProposal
        {
            Track = Track,
            CommandId = new CommandId("answer"),
            Proposal = new ProposalId("four-regions"),
            By = Zelenskyy,
            Answer = (AnswerKind)99,
            Conditions = null,
            CounteredBy = null,
            OccurredOn = Day,
        }, Undefined, "Answer");
        yield return ("exchange of kind 99", Exchange with { Kind = (ExchangeKind)99 }, Undefined, "Kind");

        // Text no store may hold, or too much of it.
        const string BadText = NegotiationErrors.InputInvalidText;
        yield return ("summary with NUL", Statement with { Summary = "a\0b" }, BadText, "Summary");
        yield return ("summary with a lone high surrogate", Statement with { Summary = "x\uD800y" }, BadText, "Summary");
        yield return ("summary with a lone low surrogate", Statement with { Summary = "x\uDC00" }, BadText, "Summary");
        yield return ("summary with a bell", Statement with { Summary = "ring\a" }, BadText, "Summary");
        yield return ("actor name with a line break", Statement with { By = Peskov with { Name = "Dmitry\nPeskov" } }, BadText, "By.Name");
        yield return ("title with NUL", Opening(Track) with { Title = "talks\0" }, BadText, "Title");
        yield return ("city with a tab", Schedule with { Venue = new Venue(Affiliation.Turkiye, "Istan\tbul") }, BadText, "Venue.City");
        yield return ("quote with NUL", Statement with { Source = Quote with { Quote = "said\0" } }, BadText, "Source.Quote");
        yield return ("reason with an escape character", new CancelRound { Track = Track, CommandId = new CommandId("cancel"), Round = new RoundId("istanbul"), Reason = "\u001b[31m", OccurredOn = Day }, BadText, "Reason");
        const string TooLong = NegotiationErrors.InputTooLong;
        yield return ("summary of a megabyte", Statement with { Summary = Megabyte }, TooLong, "Summary");
        yield return ("summary of 10,001 characters", Statement with { Summary = new string('s', NegotiationLimits.TextLength + 1) }, TooLong, "Summary");
        yield return ("actor name of 201 characters", Statement with { By = Peskov with { Name = new string('n', NegotiationLimits.NameLength + 1) } }, TooLong, "By.Name");
        yield return ("quote of 2,001 characters", Statement with { Source = Quote with { Quote = new string('q', NegotiationLimits.QuoteLength + 1) } }, TooLong, "Source.Quote");
        yield return ("title of a megabyte", Opening(Track) with { Title = Megabyte }, TooLong, "Title");
        yield return ("blank title", Opening(Track) with { Title = " \n " }, NegotiationErrors.TrackTitleEmpty, "Title");
        yield return ("blank actor name", Statement with { By = Peskov with { Name = "  " } }, Required, "By.Name");
        yield return ("agenda code of 101 characters", Statement with { Agenda = [new string('a', NegotiationLimits.IdLength + 1)] }, NegotiationErrors.AgendaInvalidCode, "Agenda[0]");
        yield return ("agenda code with a trailing line break", Statement with { Agenda = ["ceasefire\n"] }, NegotiationErrors.AgendaInvalidCode, "Agenda[0]");
        yield return ("agenda code with a trailing CR LF", Statement with { Agenda = ["ceasefire\r\n"] }, NegotiationErrors.AgendaInvalidCode, "Agenda[0]");
        yield return ("agenda code of a megabyte", Statement with { Agenda = [Megabyte] }, NegotiationErrors.AgendaInvalidCode, "Agenda[0]");

        // Sizes and counts.
        yield return ("101 agenda items", Statement with { Agenda = [.. Enumerable.Repeat("ceasefire", NegotiationLimits.ListLength + 1)] }, NegotiationErrors.InputTooMany, "Agenda");
        yield return ("exchange count of int.MaxValue", Exchange with { Counts = [new(Affiliation.Ukraine, int.MaxValue)] }, NegotiationErrors.InputOutOfRange, "Counts[0].Count");
        yield return ("exchange stage count past the limit", Stage with { Counts = [new(Affiliation.Ukraine, NegotiationLimits.ExchangeCount + 1)] }, NegotiationErrors.InputOutOfRange, "Counts[0].Count");
        yield return ("exchange stage number past the limit", Stage with { Stage = NegotiationLimits.ExchangeStage + 1 }, NegotiationErrors.InputOutOfRange, "Stage");

        // A source reported before its fact could have happened.
        yield return ("quote reported before the statement", Statement with { Source = Quote with { ReportedOn = new DateOnly(2025, 7, 20) } }, NegotiationErrors.SourceBeforeFact, "Source.ReportedOn");
        yield return ("quote reported before an ultimatum's week", Ultimatum with { OccurredOn = WorldDate.WeekOf(new DateOnly(2025, 7, 22)) }, NegotiationErrors.SourceBeforeFact, "Source.ReportedOn");
    }
}
