namespace Negotiations.Coding;

/// <summary>
/// How one fact of a track is coded in the event-data standards researchers use: a CAMEO code and a PLOVER event
/// type with its mode and contexts, stamped with the codebook they follow.
/// </summary>
/// <remarks>
/// The PLOVER side follows the PLOVER project's own CAMEO-to-PLOVER table (<see cref="EventCoding.Codebook"/>), so a
/// code and its PLOVER reading always agree: <c>036</c> is <c>AGREE</c> with the context <c>diplomatic</c>, as the
/// table has it.
/// </remarks>
public sealed record EventCode
{
    /// <summary>The CAMEO code, as a string: leading zeros matter (<c>036</c>, <c>0841</c>).</summary>
    public required string Cameo { get; init; }

    /// <summary>The PLOVER event type (<c>AGREE</c>, <c>CONSULT</c>, <c>REQUEST</c>, <c>REJECT</c>, ...).</summary>
    public required string Event { get; init; }

    /// <summary>The PLOVER mode (<c>third-party</c>, <c>release</c>, <c>meet</c>, ...); empty when the table gives none.</summary>
    public string Mode { get; init; } = string.Empty;

    /// <summary>The PLOVER contexts (<c>diplomatic</c>, <c>military</c>, ...); empty when the table gives none.</summary>
    public IReadOnlyList<string> Contexts { get; init; } = [];

    /// <summary>The codebook the code follows: <see cref="EventCoding.Codebook"/>.</summary>
    public string Codebook { get; init; } = EventCoding.Codebook;

    /// <summary>What the CAMEO code means, in the codebook's words ("Express intent to meet or negotiate").</summary>
    public required string Meaning { get; init; }
}

/// <summary>Who a coded fact is from or directed at: an actor of the track, a state, or a body.</summary>
public sealed record CodedActor
{
    /// <summary>The actor's code in the track, when the fact names an actor (<c>zelenskyy</c>); null for a whole side.</summary>
    public string? Code { get; init; }

    /// <summary>The actor's name as the news gives it; null for a whole side.</summary>
    public string? Name { get; init; }

    /// <summary>The state it acts for, as an ISO 3166-1 alpha-3 code (<c>UKR</c>); null for a body.</summary>
    public string? Country { get; init; }

    /// <summary>The body it acts for when that is not a state (<c>UN</c>, <c>EU</c>, <c>NATO</c>, <c>ICRC</c>); null for a state.</summary>
    public string? Org { get; init; }

    /// <summary>The country code, or else the body's: what a dyadic row names.</summary>
    public string Side => Country ?? Org ?? string.Empty;
}

/// <summary>One fact of a track, coded: one record of the PLOVER export, one row of the CAMEO CSV.</summary>
public sealed record CodedFact
{
    /// <summary>A stable id: the track and the fact's sequence in it (<c>russia-ukraine-2025:7</c>).</summary>
    public required string Id { get; init; }

    /// <summary>The track.</summary>
    public required string Track { get; init; }

    /// <summary>The wire name of the event that recorded the fact (<c>round_held.v1</c>).</summary>
    public required string EventType { get; init; }

    /// <summary>The fact's position in its track (its event's version).</summary>
    public required long Sequence { get; init; }

    /// <summary>When it happened in the world: a window with its precision.</summary>
    public required WorldDate EventDate { get; init; }

    /// <summary>The day the source reported it; null for a fact without a source.</summary>
    public DateOnly? RecordDate { get; init; }

    /// <summary>Who acted.</summary>
    public required CodedActor Source { get; init; }

    /// <summary>Whom it was directed at; empty when the fact names no one (a statement to the press).</summary>
    public IReadOnlyList<CodedActor> Targets { get; init; } = [];

    /// <summary>The codes.</summary>
    public required EventCode Code { get; init; }

    /// <summary>The source document's id; null for a fact without a source.</summary>
    public string? DocumentId { get; init; }

    /// <summary>The exact words of the document the fact rests on; null for a fact without a source.</summary>
    public string? Quote { get; init; }
}

/// <summary>What an export coded and what it left out.</summary>
public sealed record CodingSummary
{
    /// <summary>How many tracks were read.</summary>
    public int Tracks { get; init; }

    /// <summary>How many facts were coded (one record each).</summary>
    public int Coded { get; init; }

    /// <summary>How many facts have no code in the standards (see <see cref="EventCoding.Rules"/>), by event type.</summary>
    public IReadOnlyDictionary<string, int> NotCodedByEventType { get; init; } = new Dictionary<string, int>();

    /// <summary>How many facts have no code in the standards.</summary>
    public int NotCoded => NotCodedByEventType.Values.Sum();
}
