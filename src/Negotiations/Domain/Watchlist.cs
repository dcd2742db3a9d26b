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

    /// <summary>The ultimatums open on a day: issued by then and active (the rule of <see cref="UltimatumSchedule.IsOpenOn"/>).</summary>
    /// <param name="day">The day asked about.</param>
    /// <returns>The ultimatums, soonest deadline first.</returns>
    public IReadOnlyList<WatchedUltimatum> OpenUltimatumsOn(DateOnly day) =>
        [.. Ultimatums.Where(u => u.Schedule.IsOpenOn(day)).OrderBy(u => u.Schedule.DeadlineOn(day))];

    /// <summary>The rounds still to come on a day (the rule of <see cref="RoundView.IsUpcomingOn"/>).</summary>
    /// <param name="day">The day asked about.</param>
    /// <returns>The rounds, soonest first.</returns>
    public IReadOnlyList<WatchedRound> UpcomingRoundsOn(DateOnly day) =>
        [.. Rounds.Where(r => RoundLifecycle.IsUpcomingOn(r.Steps, day)).OrderBy(r => r.DateOn(day) ?? WorldDate.Unknown)];
}

/// <summary>An ultimatum on the watchlist.</summary>
public sealed record WatchedUltimatum
{
    /// <summary>The track it was recorded on.</summary>
    public required string Track { get; init; }

    /// <summary>Its id within the track.</summary>
    public required UltimatumId Id { get; init; }

    /// <summary>Who issued it.</summary>
    public required Actor Issuer { get; init; }

    /// <summary>Whom it is aimed at.</summary>
    public required Affiliation Target { get; init; }

    /// <summary>The demand as issued.</summary>
    public required string Demand { get; init; }

    /// <summary>Its schedule: the deadline as issued, its revisions and its withdrawal.</summary>
    public required UltimatumSchedule Schedule { get; init; }

    /// <summary>The command that issued it.</summary>
    public string? CommandId { get; init; }

    /// <summary>Where the ultimatum stands on a day (see <see cref="UltimatumSchedule.StatusOn"/>).</summary>
    /// <param name="day">The day asked about.</param>
    /// <returns>Withdrawn, lapsed or active.</returns>
    public UltimatumStatus StatusOn(DateOnly day) => Schedule.StatusOn(day);

    /// <summary>The deadline in force on a day (see <see cref="UltimatumSchedule.DeadlineOn"/>).</summary>
    /// <param name="day">The day asked about.</param>
    /// <returns>The deadline.</returns>
    public WorldDate DeadlineOn(DateOnly day) => Schedule.DeadlineOn(day);
}

/// <summary>A round on the watchlist.</summary>
public sealed record WatchedRound
{
    /// <summary>The track it was recorded on.</summary>
    public required string Track { get; init; }

    /// <summary>Its id within the track.</summary>
    public required RoundId Id { get; init; }

    /// <summary>What happened to it (proposed, scheduled, postponed, cancelled, held), in world order.</summary>
    public required IReadOnlyList<WatchedRoundStep> Steps { get; init; }

    /// <summary>Where the round stands, by the round lifecycle (see <see cref="RoundView.Status"/>).</summary>
    public RoundStatus Status => RoundLifecycle.Status(Steps);

    /// <summary>The round's date, by the round lifecycle (see <see cref="RoundView.Date"/>).</summary>
    public WorldDate? Date => RoundLifecycle.Date(Steps);

    /// <summary>The venue of the latest step that gives one.</summary>
    public Venue? Venue => Steps.LastOrDefault(s => s.Venue is not null)?.Venue;

    /// <summary>Where the round stands on a day, from the steps that had surely happened by then; null when none had.</summary>
    /// <param name="day">The day asked about.</param>
    /// <returns>The status, or null.</returns>
    public RoundStatus? StatusOn(DateOnly day) => RoundLifecycle.AsOf(Steps, day) is { Count: > 0 } known ? RoundLifecycle.Status(known) : null;

    /// <summary>The round's date as known on a day.</summary>
    /// <param name="day">The day asked about.</param>
    /// <returns>The date, or null.</returns>
    public WorldDate? DateOn(DateOnly day) => RoundLifecycle.Date(RoundLifecycle.AsOf(Steps, day));
}

/// <summary>One step of a watched round.</summary>
public sealed record WatchedRoundStep : IRoundFact
{
    /// <summary>What happened.</summary>
    public required RoundStatus Status { get; init; }

    /// <summary>The date this step gives the round, if any.</summary>
    public WorldDate? Date { get; init; }

    /// <summary>The venue this step gives the round, if any.</summary>
    public Venue? Venue { get; init; }

    /// <summary>When the step happened.</summary>
    public required WorldDate OccurredOn { get; init; }

    /// <summary>The command that recorded it.</summary>
    public string? CommandId { get; init; }

    /// <summary>The stream version of the event, to order steps of one day.</summary>
    public long Sequence { get; init; }
}

/// <summary>
/// Builds the <see cref="Watchlist"/> from the events of all tracks, in global order: written once, run in memory
/// (<see cref="CrossStreamProjection{TView}.Project"/>) or on Marten.
/// </summary>
public sealed class WatchlistProjection : CrossStreamProjection<Watchlist>
{
    private static readonly IReadOnlyList<string> Feeds = [Watchlist.AllTracks];

    private static readonly ProjectedEventTypes Types = new(
        [typeof(UltimatumIssued), typeof(UltimatumRevised), typeof(UltimatumWithdrawn), typeof(RoundProposed), typeof(RoundScheduled), typeof(RoundPostponed), typeof(RoundCancelled), typeof(RoundHeld), typeof(FactRetracted)],
        [typeof(NegotiationOpened), typeof(ParticipantJoined), typeof(ProposalMade), typeof(ProposalAnswered), typeof(ExchangeAgreed), typeof(ExchangeCarriedOut), typeof(StatementMade)]);

    /// <inheritdoc />
    public override int SchemaVersion => 2;

    /// <inheritdoc />
    public override ProjectedEventTypes EventTypes => Types;

    /// <inheritdoc />
    public override IReadOnlyList<string> ViewIdsFor(RecordedEvent @event)
    {
        ArgumentNullException.ThrowIfNull(@event);
        var type = @event.Data.GetType();
        return Types.Handles(type) ? Feeds
            : Types.Declares(type) ? []
            : throw new UndeclaredEventTypeException(typeof(WatchlistProjection), type);
    }

    /// <inheritdoc />
    public override Watchlist Start(string viewId) => new() { Id = viewId };

    /// <inheritdoc />
    public override Watchlist Evolve(Watchlist view, RecordedEvent @event)
    {
        ArgumentNullException.ThrowIfNull(@event);
        return Fold(view, [@event]);
    }

    /// <inheritdoc />
    public override Watchlist Fold(Watchlist view, IReadOnlyList<RecordedEvent> events)
    {
        ArgumentNullException.ThrowIfNull(view);
        ArgumentNullException.ThrowIfNull(events);
        var ultimatums = new Dictionary<(string, string), WatchedUltimatum>();
        var order = new List<(string, string)>();
        foreach (var u in view.Ultimatums)
        {
            ultimatums.Add((u.Track, u.Id.Value), u);
            order.Add((u.Track, u.Id.Value));
        }

        var rounds = new Dictionary<(string, string), List<WatchedRoundStep>>();
        var tracks = new Dictionary<(string, string), RoundId>();
        foreach (var r in view.Rounds)
        {
            rounds.Add((r.Track, r.Id.Value), [.. r.Steps]);
            tracks.Add((r.Track, r.Id.Value), r.Id);
        }

        foreach (var @event in events)
        {
            var track = @event.StreamId;
            var command = @event.Metadata.CommandId;
            var sequence = @event.Version;
            switch (@event.Data)
            {
                case UltimatumIssued e when !ultimatums.ContainsKey((track, e.Ultimatum.Value)):
                    ultimatums.Add((track, e.Ultimatum.Value), new WatchedUltimatum
                    {
                        Track = track, Id = e.Ultimatum, Issuer = e.Issuer, Target = e.Target, Demand = e.Demand,
                        Schedule = new UltimatumSchedule { IssuedOn = e.OccurredOn, IssuedDeadline = e.Deadline }, CommandId = command,
                    });
                    order.Add((track, e.Ultimatum.Value));
                    break;
                case UltimatumIssued:
                    break;
                case UltimatumRevised e when ultimatums.TryGetValue((track, e.Ultimatum.Value), out var u):
                    ultimatums[(track, e.Ultimatum.Value)] = u with { Schedule = u.Schedule.Revise(new DeadlineRevision { Deadline = e.Deadline, OccurredOn = e.OccurredOn, Sequence = sequence, CommandId = command }) };
                    break;
                case UltimatumRevised:
                    break;
                case UltimatumWithdrawn e when ultimatums.TryGetValue((track, e.Ultimatum.Value), out var u):
                    ultimatums[(track, e.Ultimatum.Value)] = u with { Schedule = u.Schedule.Withdraw(new ScheduleWithdrawal { OccurredOn = e.OccurredOn, Sequence = sequence, CommandId = command }) };
                    break;
                case UltimatumWithdrawn:
                    break;
                case RoundProposed e:
                    Step(track, e.Round, new WatchedRoundStep { Status = RoundStatus.Proposed, Date = e.Window, OccurredOn = e.OccurredOn, CommandId = command, Sequence = sequence });
                    break;
                case RoundScheduled e:
                    Step(track, e.Round, new WatchedRoundStep { Status = RoundStatus.Scheduled, Date = e.Date, Venue = e.Venue, OccurredOn = e.OccurredOn, CommandId = command, Sequence = sequence });
                    break;
                case RoundPostponed e:
                    Step(track, e.Round, new WatchedRoundStep { Status = RoundStatus.Postponed, Date = e.NewDate, OccurredOn = e.OccurredOn, CommandId = command, Sequence = sequence });
                    break;
                case RoundCancelled e:
                    Step(track, e.Round, new WatchedRoundStep { Status = RoundStatus.Cancelled, OccurredOn = e.OccurredOn, CommandId = command, Sequence = sequence });
                    break;
                case RoundHeld e:
                    Step(track, e.Round, new WatchedRoundStep { Status = RoundStatus.Held, Date = e.OccurredOn, Venue = e.Venue, OccurredOn = e.OccurredOn, CommandId = command, Sequence = sequence });
                    break;
                case FactRetracted e:
                    Retract(track, e.Retracted.Value);
                    break;
                case var other when Types.Declares(other.GetType()):
                    break;
                default:
                    throw new UndeclaredEventTypeException(typeof(WatchlistProjection), @event.Data.GetType());
            }
        }

        var watched = rounds
            .Where(r => r.Value.Count > 0)
            .Select(r => new WatchedRound { Track = r.Key.Item1, Id = tracks[r.Key], Steps = Sorted(r.Value) })
            .ToArray();
        Array.Sort(watched, CompareRounds);
        var standing = order.Where(ultimatums.ContainsKey).Select(key => ultimatums[key]).ToArray();
        return view with
        {
            Ultimatums = [.. standing.OrderBy(u => u.Schedule.IssuedOn)],
            Rounds = watched,
        };

        void Step(string track, RoundId id, WatchedRoundStep step)
        {
            if (!rounds.TryGetValue((track, id.Value), out var steps))
            {
                rounds.Add((track, id.Value), steps = []);
                tracks.Add((track, id.Value), id);
            }

            steps.Add(step);
        }

        void Retract(string track, string command)
        {
            foreach (var key in order)
            {
                if (key.Item1 != track || !ultimatums.TryGetValue(key, out var u))
                {
                    continue;
                }

                if (string.Equals(u.CommandId, command, StringComparison.Ordinal))
                {
                    ultimatums.Remove(key);
                }
                else
                {
                    ultimatums[key] = u with { Schedule = u.Schedule.Retract(command) };
                }
            }

            foreach (var (key, steps) in rounds)
            {
                if (key.Item1 == track)
                {
                    steps.RemoveAll(s => string.Equals(s.CommandId, command, StringComparison.Ordinal));
                }
            }
        }
    }

    private static WatchedRoundStep[] Sorted(List<WatchedRoundStep> steps)
    {
        var sorted = steps.ToArray();
        Array.Sort(sorted, WorldOrder.Compare);
        return sorted;
    }

    private static int CompareRounds(WatchedRound x, WatchedRound y)
    {
        var byDate = ((x.Steps[^1].Date ?? x.Steps[^1].OccurredOn)).CompareTo(y.Steps[^1].Date ?? y.Steps[^1].OccurredOn);
        if (byDate != 0)
        {
            return byDate;
        }

        var byTrack = string.CompareOrdinal(x.Track, y.Track);
        return byTrack != 0 ? byTrack : string.CompareOrdinal(x.Id.Value, y.Id.Value);
    }
}
