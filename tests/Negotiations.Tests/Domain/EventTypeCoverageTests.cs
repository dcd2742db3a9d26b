using System.Text.Json;
using FluentAssertions;
using Negotiations.EventSourcing;
using Negotiations.Serialization;
using Negotiations.Tests.Serialization;
using Xunit;

namespace Negotiations.Tests.Domain;

/// <summary>
/// Every projection of the library and the decision state declare the event types they handle and those they ignore:
/// together, exactly the catalog, so a new event type cannot be silently ignored; and each type a projection claims
/// to handle changes its view.
/// </summary>
public sealed class EventTypeCoverageTests
{
    // The sample FactRetracted retracts this command, so the retraction has something to withdraw.
    private const string RetractedCommand = "zelenskyy-2025-07-21/round-set-2025-07-23";

    public static TheoryData<string> Projections => [.. Folds.Keys];

    private static readonly Dictionary<string, (ProjectedEventTypes Types, Func<IReadOnlyList<RecordedEvent>, object> Fold)> Folds = new()
    {
        ["decision state"] = (new NegotiationDecider().State.EventTypes!, events => new NegotiationDecider().State.Project("track", events)),
        [nameof(NegotiationStateProjection)] = (new NegotiationStateProjection().EventTypes, events => new NegotiationStateProjection().Project("track", events)),
        [nameof(TimelineProjection)] = (new TimelineProjection().EventTypes, events => new TimelineProjection().Project("track", events)),
        [nameof(WatchlistProjection)] = (new WatchlistProjection().EventTypes, events => new WatchlistProjection().Project(events).GetValueOrDefault(Watchlist.AllTracks) ?? new Watchlist()),
    };

    [Theory]
    [MemberData(nameof(Projections))]
    public void What_a_projection_handles_and_ignores_is_exactly_the_catalog(string projection)
    {
        var types = Folds[projection].Types;

        types.All.Should().BeEquivalentTo(NegotiationEvents.Catalog.Types);
        types.All.Should().OnlyHaveUniqueItems();
    }

    [Theory]
    [MemberData(nameof(Projections))]
    public void Each_event_type_a_projection_handles_changes_its_view(string projection)
    {
        var (types, fold) = Folds[projection];
        var samples = Recorded();
        for (var i = 0; i < samples.Count; i++)
        {
            var type = samples[i].Data.GetType();
            if (!types.Handles(type))
            {
                continue;
            }

            var before = Json(fold([.. samples.Take(i)]));
            var after = Json(fold([.. samples.Take(i + 1)]));

            after.Should().NotBe(before, "{0} handles {1}, so folding its golden sample changes the view", projection, type.Name);
        }
    }

    [Fact]
    public void Every_catalog_type_has_a_golden_sample_so_the_coverage_tests_see_it()
    {
        SampleEvents.ByType.Keys.Should().BeEquivalentTo(NegotiationEvents.Catalog.Types);
    }

    private static List<RecordedEvent> Recorded() =>
    [
        .. SampleEvents.All.Select((e, i) => new RecordedEvent(
            StreamKey.Of("track"),
            i + 1,
            i + 1,
            NegotiationEvents.Catalog.NameOf(e.GetType()),
            e,
            new EventMetadata { CommandId = e is RoundScheduled ? RetractedCommand : $"sample-{i + 1}" },
            DateTimeOffset.UnixEpoch)),
    ];

    private static string Json(object view) => JsonSerializer.Serialize(view, view.GetType(), NegotiationJson.Options);
}
