using System.Text.Json;
using FluentAssertions;
using Negotiations.Serialization;
using Xunit;

namespace Negotiations.Tests.Serialization;

/// <summary>
/// How an event may change without a new wire name: an optional member (nullable, default null) may be added, and
/// the strict readers (every one reads through <see cref="NegotiationJson.Options"/>) accept its absence in what was
/// stored before it existed; a new required member, like any other change, gets a new wire name and an upcaster.
/// </summary>
public sealed class EvolutionRuleTests
{
    // round_held as v1 stored it, and the same event after an optional member was added to it.
    private const string StoredBeforeTheMemberExisted = """{"round":"istanbul-2025-05-16","occurredOn":{"notBefore":"2025-05-16","notAfter":"2025-05-16","precision":"day"}}""";

    [Fact]
    public void An_optional_member_added_later_may_be_absent_from_what_was_stored_before()
    {
        var read = JsonSerializer.Deserialize<RoundHeldWithInterpreters>(StoredBeforeTheMemberExisted, NegotiationJson.Options)!;

        read.Round.Should().Be(new RoundId("istanbul-2025-05-16"));
        read.Interpreters.Should().BeNull();
        JsonSerializer.Serialize(read, NegotiationJson.Options).Should().Contain("\"interpreters\":null", "the new member is written from then on");
    }

    [Fact]
    public void A_required_member_added_later_is_refused_for_what_was_stored_before_so_it_needs_a_new_name()
    {
        var read = () => JsonSerializer.Deserialize<RoundHeldWithRequiredInterpreters>(StoredBeforeTheMemberExisted, NegotiationJson.Options);

        read.Should().Throw<JsonException>().WithMessage("*missing required properties*'interpreters'*");
    }

    [Fact]
    public void Todays_events_keep_every_member_required_so_a_member_left_out_of_stored_data_is_an_error()
    {
        var data = JsonSerializer.SerializeToElement(new RoundCancelled { Round = new RoundId("r"), Reason = null, OccurredOn = WorldDate.On(2025, 7, 22), Source = null }, NegotiationJson.Options);
        var withoutReason = JsonDocument.Parse(data.GetRawText().Replace("\"reason\":null,", "", StringComparison.Ordinal)).RootElement;

        var read = () => NegotiationJson.DeserializeEvent("round_cancelled.v1", withoutReason);

        read.Should().Throw<JsonException>().WithMessage("*missing required properties*'reason'*");
    }

    private sealed record RoundHeldWithInterpreters
    {
        public required RoundId Round { get; init; }

        public required WorldDate OccurredOn { get; init; }

        public IReadOnlyList<string>? Interpreters { get; init; }
    }

    private sealed record RoundHeldWithRequiredInterpreters
    {
        public required RoundId Round { get; init; }

        public required WorldDate OccurredOn { get; init; }

        public required IReadOnlyList<string>? Interpreters { get; init; }
    }
}
