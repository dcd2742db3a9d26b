namespace Negotiations.MediatR.Tests;

/// <summary>A short negotiation, in commands, for the adapter's tests.</summary>
internal static class Talks
{
    public static readonly Actor Zelenskyy = new(new ActorCode("zelenskyy"), "Volodymyr Zelenskyy", Affiliation.Ukraine, ActorType.HeadOfState);
    public static readonly Actor Peskov = new(new ActorCode("peskov"), "Dmitry Peskov", Affiliation.Russia, ActorType.Spokesperson);
    public static readonly Actor Trump = new(new ActorCode("trump"), "Donald Trump", Affiliation.UnitedStates, ActorType.HeadOfState);
    public static readonly Actor Erdogan = new(new ActorCode("erdogan"), "Recep Tayyip Erdogan", Affiliation.Turkiye, ActorType.HeadOfState);

    public static OpenNegotiation Open(TrackId track) => new(
        track,
        new CommandId($"{track}-open"),
        "Russia-Ukraine peace talks, 2025",
        [new Participant(Zelenskyy, ParticipantRole.Party), new Participant(Peskov, ParticipantRole.Party), new Participant(Trump, ParticipantRole.ThirdParty)],
        WorldDate.On(2025, 5, 16));

    public static AddParticipant TurkiyeHosts(TrackId track) => new(
        track,
        new CommandId($"{track}-turkiye-hosts"),
        new Participant(Erdogan, ParticipantRole.Host),
        WorldDate.On(2025, 5, 16));

    public static IssueUltimatum FiftyDays(TrackId track) => new(
        track,
        new CommandId($"{track}-us-ultimatum"),
        new UltimatumId("fifty-days"),
        Trump,
        Affiliation.Russia,
        "Negotiate a deal to end the war",
        WorldDate.On(2025, 9, 2),
        "Heavy sanctions",
        WorldDate.On(2025, 7, 14));

    public static RecordStatement WorkAhead(TrackId track) => new(
        track,
        new CommandId($"{track}-peskov-work-ahead"),
        Peskov,
        StatementKind.Assessment,
        "A lot of diplomatic work lies ahead",
        Tone.Cautious,
        [AgendaItems.PeaceSettlement],
        WorldDate.On(2025, 7, 21));

    /// <summary>Refused on any track: the track has to be opened first.</summary>
    public static RecordStatement OnAnUnopenedTrack(TrackId track) => WorkAhead(track) with { CommandId = new CommandId($"{track}-too-early") };
}
