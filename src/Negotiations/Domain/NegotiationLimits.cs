namespace Negotiations;

/// <summary>
/// The limits of what a negotiation command may hold. The command rules (<see cref="NegotiationDecider.Validate"/>)
/// refuse a command past any of them with one of the <c>input.*</c> codes of <see cref="NegotiationErrors"/>, before
/// any rule of the negotiation and before anything is read or written, so every store keeps exactly the same
/// commands.
/// </summary>
/// <remarks>
/// <para><b>Text.</b> Every string a command holds is UTF-16 as .NET writes it: no NUL character, no lone surrogate
/// (half of a pair, which PostgreSQL cannot store and JSON cannot carry), and no control character. Free text
/// (summaries, terms, demands, consequences, reasons, conditions, quotes) may hold line breaks and tabs
/// (<c>\n</c>, <c>\r</c>, <c>\t</c>); names and ids may not. Lengths count UTF-16 code units
/// (<see cref="string.Length"/>).</para>
/// <para><b>Ids and codes</b> (<see cref="TrackId"/>, <see cref="RoundId"/>, <see cref="ProposalId"/>,
/// <see cref="ExchangeId"/>, <see cref="UltimatumId"/>, <see cref="ActorCode"/>, <see cref="CommandId"/>, agenda item
/// codes) are checked by their constructors: a value past these rules cannot be built, and a default value (built
/// without a constructor) is refused as missing.</para>
/// </remarks>
public static class NegotiationLimits
{
    /// <summary>The longest id or code: 100 characters (track, round, proposal, exchange and ultimatum ids, actor codes, agenda codes).</summary>
    public const int IdLength = 100;

    /// <summary>The longest <see cref="CommandId"/>: 200 characters, room for a path or a GUID with a prefix.</summary>
    public const int CommandIdLength = 200;

    /// <summary>The longest name: 200 characters (a track's title, an actor's name, a city, a source's document id).</summary>
    public const int NameLength = 200;

    /// <summary>The longest quote of a <see cref="Source"/>: 2,000 characters.</summary>
    public const int QuoteLength = 2_000;

    /// <summary>The longest free text: 10,000 characters (summaries, terms, demands, consequences, reasons, conditions).</summary>
    public const int TextLength = 10_000;

    /// <summary>The most items of one list in a command: 100 (participants, delegations, addressees, sides, counts, agenda items, topics).</summary>
    public const int ListLength = 100;

    /// <summary>The largest count of one side in an exchange or one of its stages: 1,000,000.</summary>
    public const int ExchangeCount = 1_000_000;

    /// <summary>The highest stage number of an exchange: 1,000.</summary>
    public const int ExchangeStage = 1_000;
}
