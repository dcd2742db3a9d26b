using CsCheck;
using FluentAssertions;
using Negotiations.EventSourcing;
using Negotiations.Serialization;
using Negotiations.Tests.Shared;
using Xunit;

namespace Negotiations.Tests.EventSourcing;

/// <summary>
/// The properties of <see cref="CommandSequenceProperties"/> over 10,000 generated sequences of up to 30 commands in
/// memory. A failure prints CsCheck's seed; set <c>CsCheck_Seed</c> to it to replay the failing sequence.
/// </summary>
public sealed class CommandSequencePropertyTests
{
    private static readonly TrackId Track = new("generated-talks");

    [Fact]
    public async Task Any_sequence_of_commands_keeps_every_property_in_memory()
    {
        var sequences = 0;
        var accepted = 0L;
        await CommandSequenceProperties.SampleAsync(
            CommandSequences.Sequence(Track, 30),
            async commands =>
            {
                var kept = await CommandSequenceProperties.RunAsync(new InMemoryEventStore(NegotiationEvents.Catalog), Track, commands);
                Interlocked.Increment(ref sequences);
                Interlocked.Add(ref accepted, kept.Accepted);
            },
            iterations: 10_000,
            threads: 2);

        sequences.Should().BeGreaterThanOrEqualTo(10_000);
        accepted.Should().BeGreaterThan(3 * 10_000L, "most sequences get past their opening: the generator reaches the rules");
    }

    [Fact]
    public async Task The_generator_mixes_accepted_refused_and_reused_commands()
    {
        // A property over sequences that are all refused would prove little: count what the generator reaches.
        var codes = new Dictionary<string, int>();
        foreach (var commands in CommandSequences.Sequence(Track, 30).Array[200].Single())
        {
            var service = new CommandService<NegotiationDecisionState, NegotiationCommand, INegotiationEvent>(
                new NegotiationDecider(), new InMemoryEventStore(NegotiationEvents.Catalog), NegotiationCommandFingerprints.Instance);
            foreach (var command in commands)
            {
                var result = await service.HandleAsync(command);
                var code = result.Error?.Code ?? result.Outcome.ToString();
                codes[code] = codes.GetValueOrDefault(code) + 1;
            }
        }

        codes.GetValueOrDefault(nameof(CommandOutcome.Accepted)).Should().BeGreaterThan(500);
        codes.Should().ContainKey(nameof(CommandOutcome.AlreadyApplied)).And.ContainKey(NegotiationErrors.CommandIdReused);
        codes.Keys.Where(c => c.StartsWith("input.", StringComparison.Ordinal)).Should().NotBeEmpty("some commands break a member");
        codes.Keys.Count(c => c.Contains('.', StringComparison.Ordinal) && !c.StartsWith("input.", StringComparison.Ordinal)).Should().BeGreaterThan(10, "the track's rules are reached, not only the input rules");
    }
}
