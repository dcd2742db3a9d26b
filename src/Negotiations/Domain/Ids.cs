using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using Negotiations.Serialization;

namespace Negotiations;

/// <summary>
/// The id of a negotiation track, which is also its stream id: a lower-case slug such as
/// <c>russia-ukraine-2025</c> (letters a-z, digits, single hyphens between them; at most 100 characters).
/// </summary>
public readonly record struct TrackId : IStringId<TrackId>
{
    /// <summary>Creates a track id.</summary>
    /// <param name="value">A lower-case slug.</param>
    /// <exception cref="ArgumentException">The value is not a lower-case slug; the message names it and the rule.</exception>
    public TrackId(string value) => Value = Slug.Require(value, nameof(TrackId));

    /// <summary>The slug.</summary>
    public string Value { get; }

    /// <summary>Tries to read a track id.</summary>
    /// <param name="value">The candidate.</param>
    /// <param name="id">The id, when valid.</param>
    /// <returns>True when the value is a valid track id.</returns>
    public static bool TryParse([NotNullWhen(true)] string? value, out TrackId id)
    {
        var valid = Slug.IsValid(value);
        id = valid ? new TrackId(value!) : default;
        return valid;
    }

    /// <inheritdoc />
    public override string ToString() => Value;

    static TrackId IStringId<TrackId>.Create(string value) => new(value);
}

/// <summary>The caller's id of a round of talks within a track, a lower-case slug such as <c>istanbul-2025-07-23</c>.</summary>
public readonly record struct RoundId : IStringId<RoundId>
{
    /// <summary>Creates a round id.</summary>
    /// <param name="value">A lower-case slug.</param>
    /// <exception cref="ArgumentException">The value is not a lower-case slug.</exception>
    public RoundId(string value) => Value = Slug.Require(value, nameof(RoundId));

    /// <summary>The slug.</summary>
    public string Value { get; }

    /// <inheritdoc />
    public override string ToString() => Value;

    static RoundId IStringId<RoundId>.Create(string value) => new(value);
}

/// <summary>The caller's id of a proposal (a proposal, demand or offer) within a track, a lower-case slug.</summary>
public readonly record struct ProposalId : IStringId<ProposalId>
{
    /// <summary>Creates a proposal id.</summary>
    /// <param name="value">A lower-case slug.</param>
    /// <exception cref="ArgumentException">The value is not a lower-case slug.</exception>
    public ProposalId(string value) => Value = Slug.Require(value, nameof(ProposalId));

    /// <summary>The slug.</summary>
    public string Value { get; }

    /// <inheritdoc />
    public override string ToString() => Value;

    static ProposalId IStringId<ProposalId>.Create(string value) => new(value);
}

/// <summary>The caller's id of an exchange (of prisoners, bodies, civilians) within a track, a lower-case slug.</summary>
public readonly record struct ExchangeId : IStringId<ExchangeId>
{
    /// <summary>Creates an exchange id.</summary>
    /// <param name="value">A lower-case slug.</param>
    /// <exception cref="ArgumentException">The value is not a lower-case slug.</exception>
    public ExchangeId(string value) => Value = Slug.Require(value, nameof(ExchangeId));

    /// <summary>The slug.</summary>
    public string Value { get; }

    /// <inheritdoc />
    public override string ToString() => Value;

    static ExchangeId IStringId<ExchangeId>.Create(string value) => new(value);
}

/// <summary>The caller's id of an ultimatum within a track, a lower-case slug.</summary>
public readonly record struct UltimatumId : IStringId<UltimatumId>
{
    /// <summary>Creates an ultimatum id.</summary>
    /// <param name="value">A lower-case slug.</param>
    /// <exception cref="ArgumentException">The value is not a lower-case slug.</exception>
    public UltimatumId(string value) => Value = Slug.Require(value, nameof(UltimatumId));

    /// <summary>The slug.</summary>
    public string Value { get; }

    /// <inheritdoc />
    public override string ToString() => Value;

    static UltimatumId IStringId<UltimatumId>.Create(string value) => new(value);
}

/// <summary>The code of an actor, a lower-case slug such as <c>zelenskyy</c> or <c>ukr-delegation</c>.</summary>
public readonly record struct ActorCode : IStringId<ActorCode>
{
    /// <summary>Creates an actor code.</summary>
    /// <param name="value">A lower-case slug.</param>
    /// <exception cref="ArgumentException">The value is not a lower-case slug.</exception>
    public ActorCode(string value) => Value = Slug.Require(value, nameof(ActorCode));

    /// <summary>The slug.</summary>
    public string Value { get; }

    /// <inheritdoc />
    public override string ToString() => Value;

    static ActorCode IStringId<ActorCode>.Create(string value) => new(value);
}

/// <summary>
/// The caller's id of a command, its idempotency key: any text of 1 to <see cref="NegotiationLimits.CommandIdLength"/>
/// (200) characters without white space, control characters or lone surrogates (a slug such as <c>seed-001</c>, a
/// path such as <c>2025-07-21/round-set</c>, or a GUID). A command whose id was already applied to a track appends
/// nothing.
/// </summary>
public readonly record struct CommandId : IStringId<CommandId>
{
    /// <summary>Creates a command id.</summary>
    /// <param name="value">1 to 200 characters, none of them white space, a control character or a lone surrogate.</param>
    /// <exception cref="ArgumentException">The value is empty, too long, or has such a character.</exception>
    public CommandId(string value)
    {
        if (string.IsNullOrEmpty(value) || value.Length > NegotiationLimits.CommandIdLength || value.Any(char.IsWhiteSpace) || EventSourcing.TextRules.Problem(value, lineBreaks: false) is not null)
        {
            throw new ArgumentException($"{EventSourcing.TextRules.Show(value)} is not a valid CommandId: it must be 1 to {NegotiationLimits.CommandIdLength} characters without white space, control characters or lone surrogates.", nameof(value));
        }

        Value = value;
    }

    /// <summary>The id.</summary>
    public string Value { get; }

    /// <inheritdoc />
    public override string ToString() => Value;

    static CommandId IStringId<CommandId>.Create(string value) => new(value);
}

/// <summary>
/// What an actor acts for: an ISO 3166-1 alpha-3 code for a state (<c>UKR</c>, <c>RUS</c>, <c>USA</c>, <c>TUR</c>),
/// or the upper-case code of a body (<c>UN</c>, <c>EU</c>, <c>NATO</c>, <c>ICRC</c>): 2 to 10 upper-case letters or digits,
/// starting with a letter. Participation rules compare affiliations, so Zelenskyy and Umerov both act for <c>UKR</c>.
/// </summary>
public readonly partial record struct Affiliation : IStringId<Affiliation>
{
    /// <summary>Ukraine.</summary>
    public static readonly Affiliation Ukraine = new("UKR");

    /// <summary>The Russian Federation.</summary>
    public static readonly Affiliation Russia = new("RUS");

    /// <summary>The United States of America.</summary>
    public static readonly Affiliation UnitedStates = new("USA");

    /// <summary>Türkiye.</summary>
    public static readonly Affiliation Turkiye = new("TUR");

    /// <summary>Creates an affiliation.</summary>
    /// <param name="code">2 to 10 upper-case letters or digits, starting with a letter.</param>
    /// <exception cref="ArgumentException">The code does not have that form.</exception>
    public Affiliation(string code)
    {
        if (code is null || !Pattern().IsMatch(code))
        {
            throw new ArgumentException($"{EventSourcing.TextRules.Show(code)} is not a valid Affiliation: use an ISO 3166-1 alpha-3 code for a state (UKR) or 2 to 10 upper-case letters or digits for a body (NATO).", nameof(code));
        }

        Code = code;
    }

    /// <summary>The code.</summary>
    public string Code { get; }

    /// <inheritdoc />
    public override string ToString() => Code;

    string IStringId<Affiliation>.Value => Code;

    static Affiliation IStringId<Affiliation>.Create(string value) => new(value);

    [GeneratedRegex(@"\A[A-Z][A-Z0-9]{1,9}\z", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}

/// <summary>
/// The library's id types, each a value type wrapping one string: <see cref="TrackId"/>, <see cref="RoundId"/>,
/// <see cref="ProposalId"/>, <see cref="ExchangeId"/>, <see cref="UltimatumId"/>, <see cref="ActorCode"/>,
/// <see cref="CommandId"/> and <see cref="Affiliation"/>.
/// </summary>
public static class NegotiationIds
{
    /// <summary>One converter for each id type, in the order of <see cref="Types"/>.</summary>
    internal static readonly JsonConverter[] Converters =
    [
        new StringIdConverter<TrackId>(),
        new StringIdConverter<RoundId>(),
        new StringIdConverter<ProposalId>(),
        new StringIdConverter<ExchangeId>(),
        new StringIdConverter<UltimatumId>(),
        new StringIdConverter<ActorCode>(),
        new StringIdConverter<CommandId>(),
        new StringIdConverter<Affiliation>(),
    ];

    /// <summary>
    /// The id types. Each has one public property, the string (<c>Value</c>, or <see cref="Affiliation.Code"/>), and a
    /// public constructor taking that string and validating it; the JSON contract (<see cref="NegotiationJson"/>)
    /// writes each as a plain JSON string. That is the shape Marten calls a value type: <c>AddNegotiations</c> of
    /// Negotiations.Marten registers these, so Marten's LINQ compares id members with their strings.
    /// </summary>
    public static IReadOnlyList<Type> Types { get; } = [.. Converters.Select(c => c.Type!)];
}

/// <summary>
/// What every id type implements, so that one converter (<see cref="StringIdConverter{TId}"/>) reads and writes all
/// of them and one list (<see cref="NegotiationIds.Types"/>) registers them with a store.
/// </summary>
/// <remarks>
/// Why an interface on hand-written record structs, rather than Vogen or a source generator: Vogen's package puts
/// <c>Vogen.SharedTypes.dll</c> in lib/ (its attribute and the generated code refer to it), a runtime dependency of
/// every package that uses it, and it forbids the public constructors the ids have, making them through its own
/// factory methods; a generator of our own would be a build-time project larger than the structs it writes. Structs
/// cannot share a base class, so each id keeps what differs between them (its rule, its docs) and one line for
/// <see cref="Create"/>; reading, writing and store registration are written once, as the slug rule already was. The
/// interface is internal and <see cref="Create"/> is implemented explicitly (so is <see cref="Affiliation"/>'s
/// <see cref="Value"/>, its <see cref="Affiliation.Code"/>), so the public shape of the ids (a constructor, one
/// property, <see cref="object.ToString"/>) is unchanged: one public property and a constructor taking its string is
/// also the shape Marten's value-type registration needs.
/// </remarks>
/// <typeparam name="TSelf">The id type.</typeparam>
internal interface IStringId<TSelf>
    where TSelf : struct, IStringId<TSelf>
{
    /// <summary>The string; null in the default value of the struct, which no constructor makes.</summary>
    string Value { get; }

    /// <summary>Makes the id, validating the string as its constructor does.</summary>
    /// <param name="value">The string.</param>
    /// <returns>The id.</returns>
    /// <exception cref="ArgumentException">The string breaks the id's rule.</exception>
    static abstract TSelf Create(string value);
}

internal static partial class Slug
{
    public const int MaxLength = NegotiationLimits.IdLength;

    public static bool IsValid([NotNullWhen(true)] string? value) =>
        value is { Length: > 0 and <= MaxLength } && Pattern().IsMatch(value);

    public static string Require(string value, string kind) =>
        IsValid(value)
            ? value
            : throw new ArgumentException($"{EventSourcing.TextRules.Show(value)} is not a valid {kind}: use a lower-case slug of letters a-z and digits with single hyphens between them, at most {MaxLength} characters (for example 'russia-ukraine-2025').", nameof(value));

    // \A and \z, not ^ and $: $ matches before a final line break, so "russia-ukraine-2025\n" would pass.
    [GeneratedRegex(@"\A[a-z0-9]+(-[a-z0-9]+)*\z", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
