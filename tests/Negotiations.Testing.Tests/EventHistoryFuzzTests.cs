using Negotiations.EventSourcing;
using FluentAssertions;
using Negotiations.Tests;
using Negotiations.Tests.Shared.Fuzzing;
using Xunit;

namespace Negotiations.Testing.Tests;

/// <summary>
/// 10,000 mutated histories, seeded (<see cref="JsonFuzzer"/>): <see cref="EventHistory.Parse"/> accepts each or
/// throws <see cref="EventHistoryException"/>, never another exception. A failure prints the seed and the input's
/// number to replay it.
/// </summary>
public sealed class EventHistoryFuzzTests
{
    [Fact]
    public void The_history_reader_throws_only_its_history_exception()
    {
        var history = File.ReadAllText(Path.Combine(RepositoryPaths.Root, "tests", "Negotiations.Testing.Tests", "histories", "russia-ukraine-2025.history.json"));
        EventHistory.Parse(history).Should().NotBeNull();

        var (accepted, refused) = JsonFuzzer.Run(nameof(EventHistory), [history], 10_000, json => EventHistory.Parse(json, "fuzzed.history.json"), typeof(EventHistoryException));

        (accepted + refused).Should().Be(10_000);
        refused.Should().BeGreaterThan(5_000, "most mutations break the history");
    }

    [Theory]
    [InlineData("escaped")]
    [InlineData("raw")]
    public void A_lone_surrogate_in_a_history_is_a_history_exception(string how)
    {
        var json = "{\"format\":\"negotiations.history.v1\",\"events\":[{\"streamId\":\"t" + (how == "raw" ? "\uD800" : "\\ud800") + "\",\"version\":1,\"type\":\"fact_retracted.v1\",\"data\":{}}]}";

        FluentActions.Invoking(() => EventHistory.Parse(json, "bad.history.json")).Should().Throw<EventHistoryException>().WithMessage("bad.history.json*");
    }
}
