using CsCheck;
using FluentAssertions;
using Negotiations.EventSourcing;
using Negotiations.Serialization;

namespace Negotiations.Tests.Shared;

/// <summary>
/// What must hold for any sequence of commands, valid or not, on any store: the decider never throws; folding the
/// stored events at once equals folding them one by one; the state as of the latest day equals the current state;
/// every accepted command sent again appends nothing; the track's rules hold in what was stored (no stage of an
/// exchange that was not agreed, no answer to a closed proposal, no revision of a withdrawn ultimatum). What one store
/// kept is returned, for comparing the stores with each other.
/// </summary>
public static class CommandSequenceProperties
{
    private static readonly NegotiationDecider Decider = new();

    /// <summary>What a store kept of a sequence, as JSON in the library's contract.</summary>
    /// <param name="Events">The stored events: wire name and data, in order.</param>
    /// <param name="DecisionState">The decision state folded from them.</param>
    /// <param name="State">The <see cref="NegotiationState"/> read back from the store.</param>
    /// <param name="Accepted">How many commands appended events.</param>
    public sealed record Kept(IReadOnlyList<string> Events, string DecisionState, string State, int Accepted);

    /// <summary>
    /// Runs <see cref="CsCheck"/> over generated sequences; a failure names its seed (CsCheck's own message, and the
    /// <c>CsCheck_Seed</c> environment variable replays it).
    /// </summary>
    public static Task SampleAsync(Gen<NegotiationCommand[]> sequences, Func<NegotiationCommand[], Task> property, long iterations, int threads) =>
        sequences.SampleAsync(
            property,
            iter: iterations,
            threads: threads,
            print: commands => string.Join(Environment.NewLine, commands.Select(c => c.ToString())));

    /// <summary>Sends <paramref name="commands"/> to <paramref name="track"/> on <paramref name="store"/> and checks every property on it.</summary>
    public static async Task<Kept> RunAsync(IEventStore store, TrackId track, IReadOnlyList<NegotiationCommand> commands, IStoredViews? views = null)
    {
        var service = new CommandService<NegotiationDecisionState, NegotiationCommand, INegotiationEvent>(Decider, store, NegotiationCommandFingerprints.Instance);
        var stream = StreamKey.Of(track.Value);
        var accepted = new List<NegotiationCommand>();
        var state = Decider.State.Start(track.Value);
        foreach (var command in commands)
        {
            // The decider on its own, on the state so far: it refuses or decides, it never throws.
            var decision = Decider.Decide(state, command);
            var result = await service.HandleAsync(command);
            if (result.Outcome == CommandOutcome.Accepted)
            {
                decision.IsRefused.Should().BeFalse("the service accepted {0}, so the decider on the same state does not refuse it", command);
                if (decision.RequiredCommand is { } required)
                {
                    accepted.Should().Contain(c => c.CommandId.Value == required, "{0} was accepted on condition that {1} was applied", command, required);
                }

                accepted.Add(command);
                state = Decider.State.Fold(state, await store.ReadStreamAsync(stream, state.Version + 1));
            }
            else if (result.Outcome == CommandOutcome.Refused && result.Error!.Code is not NegotiationErrors.CommandIdReused)
            {
                decision.Error.Should().Be(result.Error, "the decider and the service refuse {0} alike", command);
            }
        }

        var events = await store.ReadStreamAsync(stream);
        state.Version.Should().Be(events.Count);

        foreach (var command in accepted)
        {
            var again = await service.HandleAsync(command);
            again.Outcome.Should().Be(CommandOutcome.AlreadyApplied, "{0} was accepted once", command);
        }

        (await store.ReadStreamAsync(stream)).Should().HaveCount(events.Count, "commands sent again append nothing");

        // One fold at once, one event at a time: the same decision state and the same read model.
        var oneByOne = events.Aggregate(Decider.State.Start(track.Value), Decider.State.Evolve);
        var decisionJson = CommandSequences.Json(Decider.State.Project(track.Value, events));
        CommandSequences.Json(oneByOne).Should().Be(decisionJson);
        CommandSequences.Json(state).Should().Be(decisionJson, "the state kept command by command is the state folded from the stored events");

        var projection = new NegotiationStateProjection();
        var current = projection.Project(track.Value, events);
        var currentJson = CommandSequences.Json(current);
        CommandSequences.Json(events.Aggregate(projection.Start(track.Value), projection.Evolve)).Should().Be(currentJson);

        var latest = new NegotiationStateProjection(CommandSequences.LatestDay(events)).Project(track.Value, events);
        CommandSequences.Json(latest with { AsOf = null }).Should().Be(currentJson, "as of the latest day every fact counts");

        var read = await Readers.Over(store, views).GetStateAsync(track);
        if (events.Count == 0)
        {
            read.Should().BeNull();
        }
        else
        {
            CommandSequences.Json(read).Should().Be(currentJson, "the reader gives the state folded from the stored events");
        }

        CheckRules(track, events);

        return new Kept(
            [.. events.Select(e => $"{e.EventType} {CommandSequences.Json((INegotiationEvent)e.Data)}")],
            decisionJson,
            currentJson,
            accepted.Count);
    }

    /// <summary>The rules, checked on the stored events against the state before each of them.</summary>
    private static void CheckRules(TrackId track, IReadOnlyList<RecordedEvent> events)
    {
        var before = Decider.State.Start(track.Value);
        foreach (var recorded in events)
        {
            switch (recorded.Data)
            {
                case ExchangeCarriedOut stage:
                    var exchange = before.Exchanges.GetValueOrDefault(stage.Exchange.Value);
                    exchange.Should().NotBeNull("stage {0} of exchange {1} needs its agreement", stage.Stage, stage.Exchange);
                    exchange!.Stages.Should().NotContain(s => s.Stage == stage.Stage);
                    foreach (var count in stage.Counts)
                    {
                        (exchange.CarriedOutBy(count.Side) + count.Count).Should().BeLessThanOrEqualTo(exchange.AgreedFor(count.Side) ?? long.MaxValue);
                    }

                    break;
                case ProposalAnswered answer:
                    var proposal = before.Proposals.GetValueOrDefault(answer.Proposal.Value);
                    proposal.Should().NotBeNull("an answer needs its proposal");
                    proposal!.IsOpen.Should().BeTrue("proposal {0} is answered only while open", answer.Proposal);
                    break;
                case UltimatumRevised revision:
                    var ultimatum = before.Ultimatums.GetValueOrDefault(revision.Ultimatum.Value);
                    ultimatum.Should().NotBeNull("a revision needs its ultimatum");
                    if (ultimatum!.Schedule.Withdrawal is { } withdrawal)
                    {
                        revision.OccurredOn.IsSurelyBefore(withdrawal.OccurredOn).Should().BeTrue("a withdrawn ultimatum is revised only before its withdrawal");
                    }

                    break;
            }

            before = Decider.State.Evolve(before, recorded);
        }
    }
}
