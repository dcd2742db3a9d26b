using Negotiations.EventSourcing;
using Negotiations.Serialization;

namespace Negotiations.Tests.Shared;

/// <summary>The order in which a synthetic track's news is reported.</summary>
public enum Reporting
{
    /// <summary>Day after day.</summary>
    InWorldOrder,

    /// <summary>Each day before the one reported before it.</summary>
    Reversed,
}

/// <summary>One command of a synthetic track, the event the decider decided for it, and the metadata it is stored with.</summary>
public sealed record DecidedCommand(NegotiationCommand Command, INegotiationEvent Event, EventMetadata Metadata);

/// <summary>
/// A negotiation track of any length, made of real commands, each decided by <see cref="NegotiationDecider"/> against
/// the state so far (a refused command throws), so every event is one the library would have appended.
/// </summary>
/// <remarks>
/// <para>The track opens with four participants (Ukraine and Russia as parties, Türkiye hosting, the United States as a
/// third party), then repeats a day of news, one day after another from 1 March 2022:</para>
/// <list type="number">
/// <item>Ukraine states its readiness for a cease-fire (<see cref="RecordStatement"/>);</item>
/// <item>Russia makes a demand of Ukraine (<see cref="MakeProposal"/>, a new proposal id each day);</item>
/// <item>Ukraine rejects it (<see cref="AnswerProposal"/>);</item>
/// <item>Russia warns (<see cref="RecordStatement"/>);</item>
/// <item>a round is held in Istanbul (<see cref="RecordRoundHeld"/>, a new round id each day).</item>
/// </list>
/// <para>The cycle is cut where the track reaches the asked number of events (one event per command, the opening
/// included), so the state holds statements, proposals with answers and rounds in the proportions of a busy track.</para>
/// <para>The events name no stream, so the same events can be appended to any number of streams.</para>
/// </remarks>
public sealed class SyntheticTrack
{
    public static readonly TrackId TemplateTrack = new("benchmark-track");

    private const string Document = "benchmark-wire";

    private const int DayLength = 5;

    private static readonly DateOnly FirstDay = new(2022, 3, 1);

    private static readonly Actor Ukraine = new(new ActorCode("ukraine"), "Ukraine", Affiliation.Ukraine, ActorType.State);
    private static readonly Actor Russia = new(new ActorCode("russia"), "Russia", Affiliation.Russia, ActorType.State);
    private static readonly Actor Turkiye = new(new ActorCode("turkiye"), "Türkiye", Affiliation.Turkiye, ActorType.State);
    private static readonly Actor UnitedStates = new(new ActorCode("united-states"), "United States", Affiliation.UnitedStates, ActorType.State);
    private static readonly Actor Umerov = new(new ActorCode("umerov"), "Rustem Umerov", Affiliation.Ukraine, ActorType.Negotiator);
    private static readonly Actor Medinsky = new(new ActorCode("medinsky"), "Vladimir Medinsky", Affiliation.Russia, ActorType.Negotiator);

    private SyntheticTrack(IReadOnlyList<DecidedCommand> decided, int days)
    {
        Decided = decided;
        Days = days;
    }

    /// <summary>The commands in order, each with its event and metadata.</summary>
    public IReadOnlyList<DecidedCommand> Decided { get; }

    /// <summary>The track's commands, sent to another track.</summary>
    /// <param name="track">The track.</param>
    public IEnumerable<NegotiationCommand> CommandsFor(TrackId track) => Decided.Select(d => d.Command with { Track = track });

    /// <summary>The number of events (one per command).</summary>
    public int EventCount => Decided.Count;

    /// <summary>The number of news days the track spans.</summary>
    public int Days { get; }

    /// <summary>The first day of news.</summary>
    public static DateOnly Start => FirstDay;

    /// <summary>The last day with news on the track.</summary>
    public DateOnly LastDay => FirstDay.AddDays(Math.Max(Days - 1, 0));

    /// <summary>A day in the middle of the track: as of it, about half of the facts have happened.</summary>
    public DateOnly MiddleDay => FirstDay.AddDays(Math.Max(Days - 1, 0) / 2);

    /// <summary>Builds a track of exactly <paramref name="eventCount"/> events.</summary>
    /// <param name="eventCount">At least 1 (the opening).</param>
    /// <param name="reported">
    /// The order the news comes in: <see cref="Reporting.InWorldOrder"/> (each day after the one before) or
    /// <see cref="Reporting.Reversed"/> (each day before the one before: a history read back from the latest report,
    /// every fact landing before all the facts recorded so far).
    /// </param>
    public static SyntheticTrack Create(int eventCount, Reporting reported = Reporting.InWorldOrder)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(eventCount, 1);
        var decider = new NegotiationDecider();
        var stream = StreamKey.Of(TemplateTrack.Value);
        var state = decider.State.Start(TemplateTrack.Value);
        var decided = new List<DecidedCommand>(eventCount);
        foreach (var command in Commands(TemplateTrack, reported))
        {
            if (decided.Count == eventCount)
            {
                break;
            }

            var decision = decider.Decide(state, command);
            if (decision.Error is { } error)
            {
                throw new InvalidOperationException($"The synthetic track is invalid: {command.GetType().Name} '{command.CommandId}' was refused: {error.Code}: {error.Message}");
            }

            if (decision.Events.Count != 1)
            {
                throw new InvalidOperationException($"{command.GetType().Name} '{command.CommandId}' decided {decision.Events.Count} events; the synthetic track expects one per command.");
            }

            var metadata = new EventMetadata
            {
                CommandId = command.CommandId.Value,
                CommandType = NegotiationCommandFingerprints.Instance.NameOf(command),
                CommandFingerprint = NegotiationCommandFingerprints.Instance.FingerprintOf(command),
            };
            state = StreamWrites.FoldCommitted(decider.State, state, StreamWrites.Committed(stream, decided.Count, [decision.Events[0]], metadata, null));
            decided.Add(new DecidedCommand(command, decision.Events[0], metadata));
        }

        // After the opening, five commands a day.
        return new SyntheticTrack(decided, (eventCount - 1 + DayLength - 1) / DayLength);
    }

    /// <summary>
    /// A statement on the day after the track's last news, under a command id the track has not used: the command a
    /// newsroom sends most, accepted on this track.
    /// </summary>
    /// <param name="track">The track to send it to (any stream holding this track's events).</param>
    /// <param name="commandId">A command id new on the track.</param>
    public NegotiationCommand NextStatement(TrackId track, string commandId)
    {
        var day = LastDay.AddDays(1);
        return new RecordStatement
        {
            Track = track,
            CommandId = new CommandId(commandId),
            By = Ukraine,
            Kind = StatementKind.Assessment,
            Summary = "Ukraine says the talks made no progress.",
            Tone = Tone.Sceptical,
            Agenda = [AgendaItems.Ceasefire],
            OccurredOn = WorldDate.On(day),
            Source = Cite("said the talks made no progress", Ukraine, day),
        };
    }

    /// <summary>The last command of the track, sent again to <paramref name="track"/>: an idempotent repeat.</summary>
    /// <param name="track">The track to send it to.</param>
    public NegotiationCommand RepeatOfLast(TrackId track) => Decided[^1].Command with { Track = track };

    /// <summary>Appends the track's events to a stream of a store, one append per command, as the command service would.</summary>
    /// <param name="store">The store.</param>
    /// <param name="streamId">A stream that does not exist yet.</param>
    public async Task AppendToAsync(IEventStore store, string streamId)
    {
        ArgumentNullException.ThrowIfNull(store);
        var version = 0L;
        foreach (var d in Decided)
        {
            version = (await store.AppendAsync(StreamKey.Of(streamId), version, [d.Event], d.Metadata).ConfigureAwait(false)).Version;
        }
    }

    /// <summary>The endless sequence of commands: the opening, then one day of news after another.</summary>
    private static IEnumerable<NegotiationCommand> Commands(TrackId track, Reporting reported)
    {
        yield return new OpenNegotiation
        {
            Track = track,
            CommandId = new CommandId("open"),
            Title = "Russia-Ukraine peace talks (synthetic)",
            Participants = [
                new Participant(Ukraine, ParticipantRole.Party),
                new Participant(Russia, ParticipantRole.Party),
                new Participant(Turkiye, ParticipantRole.Host),
                new Participant(UnitedStates, ParticipantRole.ThirdParty),
            ],
            OccurredOn = WorldDate.Until(FirstDay),
            Source = Cite("Both sides have met in Istanbul", null, FirstDay),
        };

        for (var day = 0; ; day++)
        {
            var date = reported == Reporting.InWorldOrder ? FirstDay.AddDays(day) : FirstDay.AddDays(100_000 - day);
            var on = WorldDate.On(date);
            var prefix = $"day-{day:D5}";
            var proposal = new ProposalId($"demand-{day:D5}");

            yield return new RecordStatement
            {
                Track = track,
                CommandId = new CommandId($"{prefix}/ukraine-ready"),
                By = Ukraine,
                Kind = StatementKind.Readiness,
                Summary = "Ukraine is ready for an immediate and full cease-fire.",
                Tone = Tone.Conciliatory,
                Agenda = [AgendaItems.Ceasefire],
                OccurredOn = on,
                Source = Cite("ready for an immediate and full cease-fire", Ukraine, date),
            };

            yield return new MakeProposal
            {
                Track = track,
                CommandId = new CommandId($"{prefix}/russia-demands"),
                Proposal = proposal,
                Kind = ProposalKind.Demand,
                By = Russia,
                AddressedTo = [Affiliation.Ukraine],
                Agenda = [AgendaItems.Territory, AgendaItems.AllianceMembership],
                Terms = "Ukraine withdraws from four regions and renounces NATO membership.",
                OccurredOn = on,
                Source = Cite("demanded that Ukraine withdraw from four regions", Russia, date),
            };

            yield return new AnswerProposal
            {
                Track = track,
                CommandId = new CommandId($"{prefix}/ukraine-rejects"),
                Proposal = proposal,
                By = Ukraine,
                Answer = AnswerKind.Rejected,
                Conditions = null,
                CounteredBy = null,
                OccurredOn = on,
                Source = Cite("rejected the demands as an ultimatum", Ukraine, date),
            };

            yield return new RecordStatement
            {
                Track = track,
                CommandId = new CommandId($"{prefix}/russia-warns"),
                By = Russia,
                Kind = StatementKind.Warning,
                Summary = "Russia warns that its terms will harden.",
                Tone = Tone.Hostile,
                Agenda = [AgendaItems.Territory],
                OccurredOn = on,
                Source = Cite("its terms would only get tougher", Russia, date),
            };

            yield return new RecordRoundHeld
            {
                Track = track,
                CommandId = new CommandId($"{prefix}/round-held"),
                Round = new RoundId($"istanbul-{day:D5}"),
                Venue = new Venue(Affiliation.Turkiye, "Istanbul"),
                Delegations = [new Delegation(Affiliation.Ukraine, Umerov), new Delegation(Affiliation.Russia, Medinsky)],
                Topics = [AgendaItems.Prisoners, AgendaItems.Ceasefire],
                Outcome = RoundOutcome.NoBreakthrough,
                Summary = "The delegations agreed to keep talking.",
                OccurredOn = on,
                Source = Cite("met in Istanbul for a round that lasted about an hour", null, date),
            };
        }
    }

    private static Source Cite(string quote, Actor? by, DateOnly reportedOn) => new(Document, quote, by?.Code, reportedOn);
}
