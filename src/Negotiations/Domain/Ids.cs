using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;

namespace Negotiations;

/// <summary>
/// The id of a negotiation track, which is also its stream id: a lower-case slug such as
/// <c>russia-ukraine-2025</c> (letters a-z, digits, single hyphens between them; at most 100 characters).
/// </summary>
public readonly record struct TrackId
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
}

/// <summary>The caller's id of a round of talks within a track, a lower-case slug such as <c>istanbul-2025-07-23</c>.</summary>
public readonly record struct RoundId
{
    /// <summary>Creates a round id.</summary>
    /// <param name="value">A lower-case slug.</param>
    /// <exception cref="ArgumentException">The value is not a lower-case slug.</exception>
    public RoundId(string value) => Value = Slug.Require(value, nameof(RoundId));

    /// <summary>The slug.</summary>
    public string Value { get; }

    /// <inheritdoc />
    public override string ToString() => Value;
}

/// <summary>The caller's id of a proposal (a proposal, demand or offer) within a track, a lower-case slug.</summary>
public readonly record struct ProposalId
{
    /// <summary>Creates a proposal id.</summary>
    /// <param name="value">A lower-case slug.</param>
    /// <exception cref="ArgumentException">The value is not a lower-case slug.</exception>
    public ProposalId(string value) => Value = Slug.Require(value, nameof(ProposalId));

    /// <summary>The slug.</summary>
    public string Value { get; }

    /// <inheritdoc />
    public override string ToString() => Value;
}

/// <summary>The caller's id of an exchange (of prisoners, bodies, civilians) within a track, a lower-case slug.</summary>
public readonly record struct ExchangeId
{
    /// <summary>Creates an exchange id.</summary>
    /// <param name="value">A lower-case slug.</param>
    /// <exception cref="ArgumentException">The value is not a lower-case slug.</exception>
    public ExchangeId(string value) => Value = Slug.Require(value, nameof(ExchangeId));

    /// <summary>The slug.</summary>
    public string Value { get; }

    /// <inheritdoc />
    public override string ToString() => Value;
}

/// <summary>The caller's id of an ultimatum within a track, a lower-case slug.</summary>
public readonly record struct UltimatumId
{
    /// <summary>Creates an ultimatum id.</summary>
    /// <param name="value">A lower-case slug.</param>
    /// <exception cref="ArgumentException">The value is not a lower-case slug.</exception>
    public UltimatumId(string value) => Value = Slug.Require(value, nameof(UltimatumId));

    /// <summary>The slug.</summary>
    public string Value { get; }

    /// <inheritdoc />
    public override string ToString() => Value;
}

/// <summary>The code of an actor, a lower-case slug such as <c>zelenskyy</c> or <c>ukr-delegation</c>.</summary>
public readonly record struct ActorCode
{
    /// <summary>Creates an actor code.</summary>
    /// <param name="value">A lower-case slug.</param>
    /// <exception cref="ArgumentException">The value is not a lower-case slug.</exception>
    public ActorCode(string value) => Value = Slug.Require(value, nameof(ActorCode));

    /// <summary>The slug.</summary>
    public string Value { get; }

    /// <inheritdoc />
    public override string ToString() => Value;
}

/// <summary>
/// The caller's id of a command, its idempotency key: any text of 1 to <see cref="NegotiationLimits.CommandIdLength"/>
/// (200) characters without white space, control characters or lone surrogates (a slug such as <c>seed-001</c>, a
/// path such as <c>2025-07-21/round-set</c>, or a GUID). A command whose id was already applied to a track appends
/// nothing.
/// </summary>
public readonly record struct CommandId
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
}

/// <summary>
/// What an actor acts for: an ISO 3166-1 alpha-3 code for a state (<c>UKR</c>, <c>RUS</c>, <c>USA</c>, <c>TUR</c>),
/// or the upper-case code of a body (<c>UN</c>, <c>EU</c>, <c>NATO</c>, <c>ICRC</c>): 2 to 10 upper-case letters or digits,
/// starting with a letter. Participation rules compare affiliations, so Zelenskyy and Umerov both act for <c>UKR</c>.
/// </summary>
public readonly partial record struct Affiliation
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

    [GeneratedRegex(@"\A[A-Z][A-Z0-9]{1,9}\z", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
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
