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

        create.Should().Throw<ArgumentException>().WithMessage($"'{value}' is not a valid CommandId*");
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
    public void Affiliations_compare_by_code()
    {
        new Affiliation("UKR").Should().Be(Affiliation.Ukraine);
        Affiliation.Russia.Should().NotBe(Affiliation.Ukraine);
    }
}
