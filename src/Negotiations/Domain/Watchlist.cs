using System.Text.Json.Serialization;
using Negotiations.EventSourcing;

namespace Negotiations;

/// <summary>
/// What to watch across every track: ultimatums still open and rounds still to come. A cross-stream view,
/// built by <see cref="WatchlistProjection"/> in memory, or by Marten's async daemon on PostgreSQL.
/// </summary>
/// <remarks>
/// The view keeps every ultimatum and round that has not been retracted, with its history; whether an ultimatum is
/// open or a round still to come depends on the day asked about (<see cref="OpenUltimatumsOn"/>,
/// <see cref="UpcomingRoundsOn"/>), so the stored view never goes stale as days pass.
/// </remarks>
public sealed record Watchlist
{
    /// <summary>The id of the one watchlist over all tracks.</summary>
    public const string AllTracks = "all-tracks";

    /// <summary>The view's id: <see cref="AllTracks"/>.</summary>
    public string Id { get; init; } = AllTracks;

    /// <summary>Every ultimatum recorded on any track and not retracted, in world order of issue.</summary>
    public IReadOnlyList<WatchedUltimatum> Ultimatums { get; init; } = [];

    /// <summary>Every round recorded on any track and not retracted, in world order of its latest date.</summary>
    public IReadOnlyList<WatchedRound> Rounds { get; init; } = [];

    /// <summary>The ultimatums active on a day: issued by then, not withdrawn by then, their deadline in force not passed.</summary>
    /// <param name="day">The day asked about.</param>
    /// <returns>The ultimatums, soonest deadline first.</returns>
    public IReadOnlyList<WatchedUltimatum> OpenUltimatumsOn(DateOnly day) =>
        Ultimatums
            .Where(u => u.IssuedOn.HasHappenedBy(day) && u.StatusOn(day) == UltimatumStatus.Active)
            .OrderBy(u => u.DeadlineOn(day))
            .ToArray();

    /// <summary>
    /// The rounds still to come on a day: proposed, scheduled or postponed (not held or cancelled) as of that day, and
    /// not surely in the past (their date or window ends on or after the day, or is not known).
    /// </summary>
    /// <param name="day">The day asked about.</param>
    /// <returns>The rounds, soonest first.</returns>
    public IReadOnlyList<WatchedRound> UpcomingRoundsOn(DateOnly day) =>
        Rounds
            .Select(r => (Round: r, Step: r.LatestStepOn(day)))
            .Where(x => x.Step is { Status: RoundStatus.Proposed or RoundStatus.Scheduled or RoundStatus.Postponed }
                && (x.Step.Date?.NotAfter is not { } last || last >= day))
            .OrderBy(x => x.Step!.Date ?? WorldDate.Unknown)
            .Select(x => x.Round)
            .ToArray();
}

/// <summary>An ultimatum on the watchlist.</summary>
/// <param name="Track">The track it was recorded on.</param>
/// <param name="Id">Its id within the track.</param>
/// <param name="Issuer">Who issued it.</param>
/// <param name="Target">Whom it is aimed at.</param>
/// <param name="Demand">The demand as issued.</param>
/// <param name="IssuedOn">When it was issued.</param>
/// <param name="Deadlines">The deadline as issued, then each revision's, in world order.</param>
/// <param name="WithdrawnOn">When it was withdrawn, if it was.</param>
/// <param name="CommandId">The command that issued it.</param>
/// <param name="WithdrawnBy">The command that withdrew it, if any.</param>
public sealed record WatchedUltimatum(
    string Track,
    UltimatumId Id,
    Actor Issuer,
    Affiliation Target,
    string Demand,
    WorldDate IssuedOn,
    IReadOnlyList<WatchedDeadline> Deadlines,
    WorldDate? WithdrawnOn,
    string? CommandId,
    string? WithdrawnBy)
{
    /// <summary>The deadline in force on a day: the latest set by then (the one as issued when none was).</summary>
    /// <param name="day">The day asked about.</param>
    /// <returns>The deadline.</returns>
    public WorldDate DeadlineOn(DateOnly day) =>
        (Deadlines.LastOrDefault(d => d.SetOn.HasHappenedBy(day)) ?? Deadlines[0]).Deadline;

    /// <summary>Where the ultimatum stands on a day, by the same rule as <see cref="UltimatumView.StatusOn"/>.</summary>
    /// <param name="day">The day asked about.</param>
    /// <returns>Withdrawn, lapsed or active.</returns>
    public UltimatumStatus StatusOn(DateOnly day) =>
        WithdrawnOn is { } withdrawn && withdrawn.HasHappenedBy(day) ? UltimatumStatus.Withdrawn
        : DeadlineOn(day).NotAfter is { } last && last < day ? UltimatumStatus.Lapsed
        : UltimatumStatus.Active;
}

/// <summary>A deadline of a watched ultimatum and when it was set.</summary>
/// <param name="Deadline">The deadline.</param>
/// <param name="SetOn">When it was set (the issue or a revision).</param>
/// <param name="CommandId">The command that set it.</param>
public sealed record WatchedDeadline(WorldDate Deadline, WorldDate SetOn, string? CommandId);

/// <summary>A round on the watchlist.</summary>
/// <param name="Track">The track it was recorded on.</param>
/// <param name="Id">Its id within the track.</param>
/// <param name="Steps">What happened to it (proposed, scheduled, postponed, cancelled, held), in world order.</param>
public sealed record WatchedRound(string Track, RoundId Id, IReadOnlyList<WatchedRoundStep> Steps)
{
    /// <summary>The round's latest step, as recorded.</summary>
    [JsonIgnore]
    public WatchedRoundStep Latest => Steps[^1];

    /// <summary>The latest step that has surely happened by a day, or null when none has.</summary>
    /// <param name="day">The day asked about.</param>
    /// <returns>The step.</returns>
    public WatchedRoundStep? LatestStepOn(DateOnly day) =>
        Steps.FirstOrDefault(s => s.Status == RoundStatus.Held && s.OccurredOn.HasHappenedBy(day))
        ?? Steps.LastOrDefault(s => s.OccurredOn.HasHappenedBy(day));
}

/// <summary>One step of a watched round.</summary>
/// <param name="Status">What happened.</param>
/// <param name="Date">The round's date or window after this step, if known.</param>
/// <param name="Venue">Its venue after this step, if known.</param>
/// <param name="OccurredOn">When the step happened.</param>
/// <param name="CommandId">The command that recorded it.</param>
/// <param name="Version">The stream version of the event, to order steps of one day.</param>
public sealed record WatchedRoundStep(RoundStatus Status, WorldDate? Date, Venue? Venue, WorldDate OccurredOn, string? CommandId, long Version);

/// <summary>
/// Builds the <see cref="Watchlist"/> from the events of all tracks, in global order: written once, run in memory
/// (<see cref="CrossStreamProjection{TView}.Project"/>) or on Marten.
/// </summary>
public sealed class WatchlistProjection : CrossStreamProjection<Watchlist>
{
    private static readonly IReadOnlyList<string> Feeds = [Watchlist.AllTracks];

    /// <inheritdoc />
    public override IReadOnlyList<string> ViewIdsFor(RecordedEvent @event)
    {
        ArgumentNullException.ThrowIfNull(@event);
        return @event.Data is UltimatumIssued or UltimatumRevised or UltimatumWithdrawn
            or RoundProposed or RoundScheduled or RoundPostponed or RoundCancelled or RoundHeld
            or FactRetracted
            ? Feeds
            : [];
    }

    /// <inheritdoc />
    public override Watchlist Start(string viewId) => new() { Id = viewId };

    /// <inheritdoc />
    public override Watchlist Evolve(Watchlist view, RecordedEvent @event)
    {
        ArgumentNullException.ThrowIfNull(view);
        ArgumentNullException.ThrowIfNull(@event);
        var track = @event.StreamId;
        var command = @event.Metadata.CommandId;
        return @event.Data switch
        {
            UltimatumIssued e when FindUltimatum(view, track, e.Ultimatum) is null => view with
            {
                Ultimatums = [.. view.Ultimatums.Append(new WatchedUltimatum(track, e.Ultimatum, e.Issuer, e.Target, e.Demand, e.OccurredOn, [new WatchedDeadline(e.Deadline, e.OccurredOn, command)], null, command, null)).OrderBy(u => u.IssuedOn)],
            },
            UltimatumRevised e => WithUltimatum(view, track, e.Ultimatum, u => u with
            {
                Deadlines = [u.Deadlines[0], .. u.Deadlines.Skip(1).Append(new WatchedDeadline(e.Deadline, e.OccurredOn, command)).OrderBy(d => d.SetOn)],
            }),
            UltimatumWithdrawn e => WithUltimatum(view, track, e.Ultimatum, u => u with { WithdrawnOn = e.OccurredOn, WithdrawnBy = command }),
            RoundProposed e => WithStep(view, track, e.Round, new WatchedRoundStep(RoundStatus.Proposed, e.Window, null, e.OccurredOn, command, @event.Version)),
            RoundScheduled e => WithStep(view, track, e.Round, new WatchedRoundStep(RoundStatus.Scheduled, e.Date, e.Venue, e.OccurredOn, command, @event.Version)),
            RoundPostponed e => WithStep(view, track, e.Round, new WatchedRoundStep(RoundStatus.Postponed, e.NewDate, null, e.OccurredOn, command, @event.Version)),
            RoundCancelled e => WithStep(view, track, e.Round, new WatchedRoundStep(RoundStatus.Cancelled, null, null, e.OccurredOn, command, @event.Version)),
            RoundHeld e => WithStep(view, track, e.Round, new WatchedRoundStep(RoundStatus.Held, e.OccurredOn, e.Venue, e.OccurredOn, command, @event.Version)),
            FactRetracted e => Retract(view, track, e.Retracted.Value),
            _ => view,
        };
    }

    private static WatchedUltimatum? FindUltimatum(Watchlist view, string track, UltimatumId id) =>
        view.Ultimatums.FirstOrDefault(u => u.Track == track && u.Id == id);

    private static Watchlist WithUltimatum(Watchlist view, string track, UltimatumId id, Func<WatchedUltimatum, WatchedUltimatum> change) =>
        view with { Ultimatums = [.. view.Ultimatums.Select(u => u.Track == track && u.Id == id ? change(u) : u)] };

    private static Watchlist WithStep(Watchlist view, string track, RoundId id, WatchedRoundStep step)
    {
        var existing = view.Rounds.FirstOrDefault(r => r.Track == track && r.Id == id);
        var round = existing is null
            ? new WatchedRound(track, id, [step])
            : existing with { Steps = [.. existing.Steps.Append(step).OrderBy(s => s.OccurredOn).ThenBy(s => s.Version)] };
        return view with { Rounds = Sorted(view.Rounds.Where(r => r != existing).Append(round)) };
    }

    private static Watchlist Retract(Watchlist view, string track, string command)
    {
        var ultimatums = view.Ultimatums
            .Where(u => !(u.Track == track && u.CommandId == command))
            .Select(u => u.Track != track ? u : u with
            {
                Deadlines = [u.Deadlines[0], .. u.Deadlines.Skip(1).Where(d => d.CommandId != command)],
                WithdrawnOn = u.WithdrawnBy == command ? null : u.WithdrawnOn,
                WithdrawnBy = u.WithdrawnBy == command ? null : u.WithdrawnBy,
            });
        var rounds = view.Rounds
            .Select(r => r.Track != track ? r : r with { Steps = [.. r.Steps.Where(s => s.CommandId != command)] })
            .Where(r => r.Steps.Count > 0);
        return view with { Ultimatums = [.. ultimatums], Rounds = Sorted(rounds) };
    }

    private static WatchedRound[] Sorted(IEnumerable<WatchedRound> rounds) =>
        [.. rounds.OrderBy(r => r.Latest.Date ?? r.Latest.OccurredOn).ThenBy(r => r.Track, StringComparer.Ordinal).ThenBy(r => r.Id.Value, StringComparer.Ordinal)];
}
