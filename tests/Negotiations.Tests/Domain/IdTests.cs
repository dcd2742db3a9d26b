using FluentAssertions;
using Xunit;

namespace Negotiations.Tests.Domain;

public sealed class IdTests
{
    [Theory]
    [InlineData("russia-ukraine-2025")]
    [InlineData("usa-russia-summit")]
    [InlineData("a")]
    [InlineData("2025")]
    public void A_lower_case_slug_is_a_valid_track_id(string value)
    {
        new TrackId(value).Value.Should().Be(value);
        TrackId.TryParse(value, out var parsed).Should().BeTrue();
        parsed.ToString().Should().Be(value);
    }

    [Fact]
    public void A_track_id_of_one_hundred_characters_is_valid()
    {
        var value = new string('a', 100);

        new TrackId(value).Value.Should().Be(value);
    }

    [Theory]
    [InlineData("Russia-Ukraine-2025")]
    [InlineData("russia--ukraine")]
    [InlineData("-russia-ukraine")]
    [InlineData("russia-ukraine-")]
    [InlineData("russia_ukraine")]
    [InlineData("russia ukraine")]
    [InlineData("türkiye-2025")]
    [InlineData("")]
    public void Anything_else_is_refused_with_a_message_naming_the_value_and_the_rule(string value)
    {
        var create = () => new TrackId(value);

        create.Should().Throw<ArgumentException>().WithMessage($"'{value}' is not a valid TrackId: use a lower-case slug*");
        TrackId.TryParse(value, out _).Should().BeFalse();
    }

    [Fact]
    public void A_track_id_longer_than_one_hundred_characters_is_refused()
    {
        var create = () => new TrackId(new string('a', 101));

        create.Should().Throw<ArgumentException>().WithMessage("*at most 100 characters*");
    }

    [Fact]
    public void Null_is_not_a_track_id()
    {
        TrackId.TryParse(null, out _).Should().BeFalse();
    }

    [Fact]
    public void Ids_of_things_inside_a_track_are_slugs_too_and_name_their_kind()
    {
        new RoundId("istanbul-2025-07-23").Value.Should().Be("istanbul-2025-07-23");
        ((Action)(() => _ = new RoundId("Istanbul"))).Should().Throw<ArgumentException>().WithMessage("'Istanbul' is not a valid RoundId*");
        ((Action)(() => _ = new ProposalId("four regions"))).Should().Throw<ArgumentException>().WithMessage("*ProposalId*");
        ((Action)(() => _ = new ExchangeId("x_1"))).Should().Throw<ArgumentException>().WithMessage("*ExchangeId*");
        ((Action)(() => _ = new UltimatumId("50-Days"))).Should().Throw<ArgumentException>().WithMessage("*UltimatumId*");
        ((Action)(() => _ = new ActorCode("Zelenskyy"))).Should().Throw<ArgumentException>().WithMessage("*ActorCode*");
    }

    [Theory]
    [InlineData("seed-001")]
    [InlineData("3f2504e0-4f89-11d3-9a0c-0305e82c3301")]
    [InlineData("Seed_001:a")]
    public void A_command_id_is_any_text_without_white_space(string value)
    {
        new CommandId(value).Value.Should().Be(value);
    }

    [Theory]
    [InlineData("")]
    [InlineData("seed 001")]
    [InlineData("seed\t001")]
    public void A_command_id_that_is_empty_or_has_white_space_is_refused(string value)
    {
        var create = () => new CommandId(value);

        create.Should().Throw<ArgumentException>().WithMessage($"'{value.Replace("\t", "\\u0009", StringComparison.Ordinal)}' is not a valid CommandId*");
    }

    [Fact]
    public void A_command_id_longer_than_two_hundred_characters_is_refused()
    {
        new CommandId(new string('c', 200)).Value.Should().HaveLength(200);
        var create = () => new CommandId(new string('c', 201));

        create.Should().Throw<ArgumentException>().WithMessage("*1 to 200 characters*");
    }

    [Theory]
    [InlineData("UKR")]
    [InlineData("NATO")]
    [InlineData("EU")]
    [InlineData("G7")]
    public void An_affiliation_is_an_upper_case_code(string code)
    {
        new Affiliation(code).Code.Should().Be(code);
    }

    [Theory]
    [InlineData("ukr")]
    [InlineData("U")]
    [InlineData("7G")]
    [InlineData("ABCDEFGHIJK")]
    [InlineData("U-KR")]
    public void An_affiliation_that_is_not_an_upper_case_code_is_refused_by_value(string code)
    {
        var create = () => new Affiliation(code);

        create.Should().Throw<ArgumentException>().WithMessage($"'{code}' is not a valid Affiliation*");
    }

    [Fact]
    public void Every_public_struct_wrapping_one_string_is_a_listed_id_type_in_the_shape_marten_registers()
    {
        var wrappers = typeof(TrackId).Assembly.GetExportedTypes()
            .Where(t => t.IsValueType && !t.IsEnum && t.GetProperties() is [{ PropertyType: var p }] && p == typeof(string))
            .ToList();

        NegotiationIds.Types.Should().BeEquivalentTo(wrappers);
        NegotiationIds.Types.Should().HaveCount(8).And.OnlyHaveUniqueItems();
        foreach (var type in NegotiationIds.Types)
        {
            type.GetProperties().Should().ContainSingle($"Marten reads {type.Name} through its only public property");
            type.GetConstructor([typeof(string)]).Should().NotBeNull($"Marten makes {type.Name} from its string");
            type.GetInterfaces().Should().Contain(typeof(IStringId<>).MakeGenericType(type));
        }
    }

    [Fact]
    public void An_id_type_made_through_its_interface_is_validated_as_by_its_constructor()
    {
        Create<TrackId>("russia-ukraine-2025").Value.Should().Be("russia-ukraine-2025");
        Create<Affiliation>("UKR").Should().Be(Affiliation.Ukraine);
        ((Action)(() => Create<RoundId>("Istanbul"))).Should().Throw<ArgumentException>().WithMessage("'Istanbul' is not a valid RoundId*");
        ((Action)(() => Create<CommandId>("a b"))).Should().Throw<ArgumentException>().WithMessage("'a b' is not a valid CommandId*");

        static TId Create<TId>(string value)
            where TId : struct, IStringId<TId> => TId.Create(value);
    }

    [Fact]
    public void Affiliations_compare_by_code()
    {
        new Affiliation("UKR").Should().Be(Affiliation.Ukraine);
        Affiliation.Russia.Should().NotBe(Affiliation.Ukraine);
    }
}

/// <summary>
/// Every id type, the tenant id and the stream id refuse a value with a trailing line break (which <c>$</c> in a
/// pattern lets through) and a megabyte, and say so in a message of bounded length.
/// </summary>
public sealed class IdTextRuleTests
{
    private static readonly string Megabyte = new('a', 1 << 20);

    public static TheoryData<string, string> Values() => new()
    {
        { "TrackId", "x\n" }, { "TrackId", "x\r\n" }, { "TrackId", Megabyte },
        { "RoundId", "x\n" }, { "RoundId", "x\r\n" }, { "RoundId", Megabyte },
        { "ProposalId", "x\n" }, { "ProposalId", "x\r\n" }, { "ProposalId", Megabyte },
        { "ExchangeId", "x\n" }, { "ExchangeId", "x\r\n" }, { "ExchangeId", Megabyte },
        { "UltimatumId", "x\n" }, { "UltimatumId", "x\r\n" }, { "UltimatumId", Megabyte },
        { "ActorCode", "x\n" }, { "ActorCode", "x\r\n" }, { "ActorCode", Megabyte },
        { "CommandId", "x\n" }, { "CommandId", "x\r\n" }, { "CommandId", Megabyte }, { "CommandId", "x\0" }, { "CommandId", "x\uD800" },
        { "Affiliation", "UKR\n" }, { "Affiliation", "UKR\r\n" }, { "Affiliation", Megabyte },
    };

    // Not enumerated at discovery: xunit would carry the lone surrogate through UTF-8 and the test would see U+FFFD.
    [Theory(DisableDiscoveryEnumeration = true)]
    [MemberData(nameof(Values))]
    public void An_id_with_a_trailing_line_break_or_a_megabyte_cannot_be_made(string type, string value)
    {
        Action make = type switch
        {
            "TrackId" => () => _ = new TrackId(value),
            "RoundId" => () => _ = new RoundId(value),
            "ProposalId" => () => _ = new ProposalId(value),
            "ExchangeId" => () => _ = new ExchangeId(value),
            "UltimatumId" => () => _ = new UltimatumId(value),
            "ActorCode" => () => _ = new ActorCode(value),
            "CommandId" => () => _ = new CommandId(value),
            "Affiliation" => () => _ = new Affiliation(value),
            _ => throw new ArgumentOutOfRangeException(nameof(type)),
        };

        make.Should().Throw<ArgumentException>().Which.Message.Length.Should().BeLessThan(400);
        if (type == "TrackId")
        {
            TrackId.TryParse(value, out _).Should().BeFalse();
        }
    }

    [Theory]
    [InlineData("tenant-a\n")]
    [InlineData("tenant-a\r\n")]
    [InlineData("-tenant")]
    [InlineData("tenant a")]
    [InlineData("65-characters-aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")]
    public void A_tenant_id_with_a_line_break_a_bad_character_or_more_than_64_characters_is_refused_by_every_store(string tenant)
    {
        var validate = () => Negotiations.EventSourcing.StoreArguments.ValidateStream(new Negotiations.EventSourcing.StreamKey(tenant, "a-stream"));

        validate.Should().Throw<ArgumentException>().WithMessage("*tenant*");
    }

    [Fact]
    public void A_tenant_id_of_a_megabyte_is_refused_in_a_short_message()
    {
        var validate = () => Negotiations.EventSourcing.StoreArguments.ValidateStream(new Negotiations.EventSourcing.StreamKey(Megabyte, "a-stream"));

        validate.Should().Throw<ArgumentException>().Which.Message.Length.Should().BeLessThan(400);
    }

    // Member data, not attributes: an attribute's string is stored as UTF-8, where a lone surrogate becomes U+FFFD.
    public static TheoryData<string> BadStreamIds() => new() { "stream\n", "stream\r\n", "nul\0", "lone\uDC00" };

    [Theory(DisableDiscoveryEnumeration = true)]
    [MemberData(nameof(BadStreamIds))]
    public void A_stream_id_with_a_control_character_or_a_lone_surrogate_is_refused_by_every_store(string streamId)
    {
        var validate = () => Negotiations.EventSourcing.StoreArguments.ValidateStream(Negotiations.EventSourcing.StreamKey.Of(streamId));

        validate.Should().Throw<ArgumentException>().WithMessage("*stream id*");
    }

    [Fact]
    public void A_stream_id_of_a_megabyte_is_refused_before_it_reaches_a_database()
    {
        var validate = () => Negotiations.EventSourcing.StoreArguments.ValidateStream(Negotiations.EventSourcing.StreamKey.Of(Megabyte));

        var message = validate.Should().Throw<ArgumentException>().Which.Message;
        message.Should().Contain("1,048,576 characters");
        message.Length.Should().BeLessThan(400);
    }
}
