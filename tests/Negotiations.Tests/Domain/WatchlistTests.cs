using FluentAssertions;
using Negotiations.EventSourcing;
using Xunit;

namespace Negotiations.Tests.Domain;

public sealed class WatchlistTests
{
    private static Watchlist Project(params IEnumerable<RecordedEvent>[] streams)
    {
        var position = 0L;
        var all = streams.SelectMany(s => s).Select(e => e with { GlobalPosition = ++position });
        return new WatchlistProjection().Project(all).Should().ContainKey(Watchlist.AllTracks).WhoseValue;
    }

    private static IEnumerable<RecordedEvent> OnTrack(History history, string track) =>
        history.Events.Select(e => e with { Stream = StreamKey.Of(track) });

    [Fact]
    public void Given_an_ultimatum_and_a_scheduled_round_the_watchlist_shows_both_on_the_day_of_the_report()
    {
        var history = History.Of(Track.Ultimatum(), Track.ProposeRound(), Track.ScheduleRound(), Track.HoldRound());

        var watchlist = Project(history.Events);

        watchlist.OpenUltimatumsOn(Track.Day(7, 21)).Select(u => (u.Track, u.Id.Value, u.DeadlineOn(Track.Day(7, 21))))
            .Should().Equal((Track.Id.Value, "fifty-days", Track.FiftyDaysDeadline));
        watchlist.UpcomingRoundsOn(Track.Day(7, 21)).Select(r => r.Id.Value).Should().Equal("next-week");
        watchlist.UpcomingRoundsOn(Track.Day(7, 21)).Single().DateOn(Track.Day(7, 21)).Should().Be(Track.On(7, 23));
    }

    [Fact]
    public void A_round_is_no_longer_upcoming_once_its_day_has_passed_or_it_was_held_or_cancelled()
    {
        var scheduled = History.Of(Track.ProposeRound(), Track.ScheduleRound());
        var cancelled = History.Of(Track.ProposeRound(), Track.ScheduleRound(), Track.CancelRound());

        Project(scheduled.Events).UpcomingRoundsOn(Track.Day(7, 24)).Should().BeEmpty();
        Project(scheduled.Events).UpcomingRoundsOn(Track.Day(7, 23)).Should().ContainSingle();
        Project(cancelled.Events).UpcomingRoundsOn(Track.Day(7, 22)).Should().BeEmpty();
        Project(History.Of(Track.HoldRound()).Events).UpcomingRoundsOn(Track.Day(5, 1)).Should().BeEmpty("a round held on 16 May was never announced before it");
    }

    [Fact]
    public void A_round_proposed_for_next_week_is_upcoming_before_it_is_scheduled()
    {
        var watchlist = Project(History.Of(Track.ProposeRound()).Events);

        watchlist.UpcomingRoundsOn(Track.Day(7, 20)).Single().StatusOn(Track.Day(7, 20)).Should().Be(RoundStatus.Proposed);
        watchlist.UpcomingRoundsOn(Track.Day(7, 18)).Should().BeEmpty("the proposal was made on 19 July");
    }

    [Fact]
    public void An_ultimatum_stops_being_open_when_withdrawn_or_when_its_deadline_passes()
    {
        var withdrawn = Project(History.Of(Track.Ultimatum(), Track.Withdraw()).Events);
        var standing = Project(History.Of(Track.Ultimatum()).Events);

        withdrawn.OpenUltimatumsOn(Track.Day(7, 31)).Should().ContainSingle();
        withdrawn.OpenUltimatumsOn(Track.Day(8, 1)).Should().BeEmpty();
        standing.OpenUltimatumsOn(Track.Day(9, 8)).Should().ContainSingle("the deadline's last possible day still counts");
        standing.OpenUltimatumsOn(Track.Day(9, 9)).Should().BeEmpty();
        standing.OpenUltimatumsOn(Track.Day(7, 13)).Should().BeEmpty("it was issued in the week of 14 July");
    }

    [Fact]
    public void A_revised_deadline_is_in_force_from_the_revision_and_a_retracted_revision_restores_the_old_one()
    {
        var revised = History.Of(Track.Ultimatum(), Track.Revise());
        var retracted = History.Of(Track.Ultimatum(), Track.Revise(), Track.Retract("revise"));

        Project(revised.Events).OpenUltimatumsOn(Track.Day(8, 9)).Should().BeEmpty("the revised deadline was 8 August");
        Project(revised.Events).Ultimatums.Single().DeadlineOn(Track.Day(7, 28)).Should().Be(Track.FiftyDaysDeadline);
        Project(retracted.Events).OpenUltimatumsOn(Track.Day(8, 9)).Should().ContainSingle()
            .Which.DeadlineOn(Track.Day(8, 9)).Should().Be(Track.FiftyDaysDeadline);
    }

    [Fact]
    public void A_retracted_ultimatum_or_round_leaves_the_watchlist()
    {
        var history = History.Of(Track.Ultimatum(), Track.ProposeRound(), Track.Retract("ultimatum", "retract-ultimatum"), Track.Retract("propose-round", "retract-round"));

        var watchlist = Project(history.Events);

        watchlist.Ultimatums.Should().BeEmpty();
        watchlist.Rounds.Should().BeEmpty();
    }

    [Fact]
    public void Ultimatums_and_rounds_of_several_tracks_stand_side_by_side_under_their_tracks()
    {
        var history = History.Of(Track.Ultimatum(), Track.ProposeRound(), Track.ScheduleRound());

        var watchlist = Project(OnTrack(history, "russia-ukraine-2025"), OnTrack(history, "usa-russia-summit-2025"));

        watchlist.OpenUltimatumsOn(Track.Day(7, 21)).Select(u => u.Track).Should().BeEquivalentTo(["russia-ukraine-2025", "usa-russia-summit-2025"]);
        watchlist.UpcomingRoundsOn(Track.Day(7, 21)).Select(r => r.Track).Should().BeEquivalentTo(["russia-ukraine-2025", "usa-russia-summit-2025"]);
    }

    [Fact]
    public void The_watchlist_agrees_with_each_track_state_on_which_ultimatums_are_active()
    {
        var history = History.Of(Track.Ultimatum(), Track.Revise(), Track.Ultimatum("ten-days", "ultimatum-2"), Track.Withdraw("ten-days"));
        var watchlist = Project(history.Events);

        foreach (var day in new[] { Track.Day(7, 14), Track.Day(7, 30), Track.Day(8, 5), Track.Day(8, 9), Track.Day(9, 20) })
        {
            var state = history.State(day);
            watchlist.OpenUltimatumsOn(day).Select(u => u.Id).Should().BeEquivalentTo(
                state.Ultimatums.Where(u => u.StatusOn(day) == UltimatumStatus.Active).Select(u => u.Id), "on {0}", day);
        }
    }

    [Fact]
    public void Events_that_do_not_matter_to_the_watchlist_feed_no_view()
    {
        var projection = new WatchlistProjection();

        History.Of(Track.Statement()).Events.Select(projection.ViewIdsFor).Should().OnlyContain(ids => ids.Count == 0);
    }
}
