namespace Negotiations;

/// <summary>What kind of actor someone or something is.</summary>
public enum ActorType
{
    /// <summary>A state as such ("Russia", "Kyiv", "the Kremlin" speaking for the state).</summary>
    State,

    /// <summary>A head of state (a president, a monarch).</summary>
    HeadOfState,

    /// <summary>A head of government (a prime minister).</summary>
    HeadOfGovernment,

    /// <summary>A minister.</summary>
    Minister,

    /// <summary>A negotiating delegation.</summary>
    Delegation,

    /// <summary>A negotiator or envoy.</summary>
    Negotiator,

    /// <summary>A spokesperson.</summary>
    Spokesperson,

    /// <summary>An international body or organisation (the UN, the ICRC, NATO).</summary>
    Body,

    /// <summary>Anyone else.</summary>
    Other,
}

/// <summary>
/// Someone who acts in a negotiation: a code, a name, what they act for and what kind of actor they are.
/// </summary>
/// <param name="Code">The actor's code, unique within a track (<c>zelenskyy</c>).</param>
/// <param name="Name">The name as the news gives it (<c>Volodymyr Zelenskyy</c>).</param>
/// <param name="Affiliation">What the actor acts for (<c>UKR</c>); participation rules compare this.</param>
/// <param name="Type">The kind of actor.</param>
public sealed record Actor(ActorCode Code, string Name, Affiliation Affiliation, ActorType Type);

/// <summary>The part a participant plays in a track.</summary>
public enum ParticipantRole
{
    /// <summary>A party to the negotiation.</summary>
    Party,

    /// <summary>A mediator between the parties.</summary>
    Mediator,

    /// <summary>The host of talks.</summary>
    Host,

    /// <summary>An observer.</summary>
    Observer,

    /// <summary>A third party that presses or guarantees from outside (sanctions, arms, deadlines).</summary>
    ThirdParty,
}

/// <summary>A participant of a track: an actor and its role.</summary>
/// <param name="Actor">The actor.</param>
/// <param name="Role">Its role.</param>
public sealed record Participant(Actor Actor, ParticipantRole Role);

/// <summary>Where talks take place: a country (ISO 3166-1 alpha-3) and, when known, a city.</summary>
/// <param name="Country">The country (<c>TUR</c>).</param>
/// <param name="City">The city (<c>Istanbul</c>), or null when the news does not say.</param>
public sealed record Venue(Affiliation Country, string? City = null);

/// <summary>
/// Where a fact comes from: the document, the exact words, who said them and the day they were reported.
/// </summary>
/// <param name="DocumentId">The source document's id (for example the seed article's file name or a URL).</param>
/// <param name="Quote">The exact words of the document the fact rests on.</param>
/// <param name="AttributedTo">Who said the words, when the document attributes them; null for the reporter's own narration.</param>
/// <param name="ReportedOn">The day the document reported it.</param>
public sealed record Source(string DocumentId, string Quote, ActorCode? AttributedTo, DateOnly ReportedOn);

/// <summary>
/// Well-known agenda item codes. Agenda items are plain lower-case strings, so tracks can use codes of their
/// own; these are the ones the library and its sample know.
/// </summary>
public static class AgendaItems
{
    /// <summary>A cease-fire and its terms.</summary>
    public const string Ceasefire = "ceasefire";

    /// <summary>Territory: control, annexation, withdrawal.</summary>
    public const string Territory = "territory";

    /// <summary>Membership of an alliance (NATO).</summary>
    public const string AllianceMembership = "alliance_membership";

    /// <summary>Prisoners of war and their exchange.</summary>
    public const string Prisoners = "prisoners";

    /// <summary>Humanitarian corridors.</summary>
    public const string HumanitarianCorridors = "humanitarian_corridors";

    /// <summary>A meeting of leaders.</summary>
    public const string LeadersMeeting = "leaders_meeting";

    /// <summary>Sanctions.</summary>
    public const string Sanctions = "sanctions";

    /// <summary>Security guarantees.</summary>
    public const string SecurityGuarantees = "security_guarantees";

    /// <summary>Arms supplies.</summary>
    public const string ArmsSupplies = "arms_supplies";

    /// <summary>A peace settlement as a whole.</summary>
    public const string PeaceSettlement = "peace_settlement";
}
