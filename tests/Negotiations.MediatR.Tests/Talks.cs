namespace Negotiations.MediatR.Tests;

/// <summary>A short negotiation, in commands, for the adapter's tests.</summary>
internal static class Talks
{
    public static readonly Actor Zelenskyy = new(new ActorCode("zelenskyy"), "Volodymyr Zelenskyy", Affiliation.Ukraine, ActorType.HeadOfState);
    public static readonly Actor Peskov = new(new ActorCode("peskov"), "Dmitry Peskov", Affiliation.Russia, ActorType.Spokesperson);
    public static readonly Actor Trump = new(new ActorCode("trump"), "Donald Trump", Affiliation.UnitedStates, ActorType.HeadOfState);
    public static readonly Actor Erdogan = new(new ActorCode("erdogan"), "Recep Tayyip Erdogan", Affiliation.Turkiye, ActorType.HeadOfState);

    public static OpenNegotiation Open(TrackId track) => new OpenNegotiation
    {
        Track = track,
        CommandId = new CommandId($"{track}-open"),
        Title = "Russia-Ukraine peace talks, 2025",
        Participants = [new Participant(Zelenskyy, ParticipantRole.Party), new Participant(Peskov, ParticipantRole.Party), new Participant(Trump, ParticipantRole.ThirdParty)],
        OccurredOn = WorldDate.On(2025, 5, 16),
    };

    public static AddParticipant TurkiyeHosts(TrackId track) => new AddParticipant
    {
        Track = track,
        CommandId = new CommandId($"{track}-turkiye-hosts"),
        Participant = new Participant(Erdogan, ParticipantRole.Host),
        OccurredOn = WorldDate.On(2025, 5, 16),
    };

    public static IssueUltimatum FiftyDays(TrackId track) => new IssueUltimatum
    {
        Track = track,
        CommandId = new CommandId($"{track}-us-ultimatum"),
        Ultimatum = new UltimatumId("fifty-days"),
        Issuer = Trump,
        Target = Affiliation.Russia,
        Demand = "Negotiate a deal to end the war",
        Deadline = WorldDate.On(2025, 9, 2),
        Consequence = "Heavy sanctions",
        OccurredOn = WorldDate.On(2025, 7, 14),
    };

    public static RecordStatement WorkAhead(TrackId track) => new RecordStatement
    {
        Track = track,
        CommandId = new CommandId($"{track}-peskov-work-ahead"),
        By = Peskov,
        Kind = StatementKind.Assessment,
        Summary = "A lot of diplomatic work lies ahead",
        Tone = Tone.Cautious,
        Agenda = [AgendaItems.PeaceSettlement],
        OccurredOn = WorldDate.On(2025, 7, 21),
    };

    /// <summary>Refused on any track: the track has to be opened first.</summary>
    public static RecordStatement OnAnUnopenedTrack(TrackId track) => WorkAhead(track) with { CommandId = new CommandId($"{track}-too-early") };
}
