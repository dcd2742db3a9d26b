using System.Text.Json;
using FluentAssertions;
using Negotiations.Serialization;
using Xunit;
using static Negotiations.Tests.Domain.Track;

namespace Negotiations.Tests.Serialization;

/// <summary>The command fingerprint is part of the storage format: stored records compare against it.</summary>
public sealed class FingerprintTests
{
    private static readonly NegotiationCommandFingerprints Fingerprints = NegotiationCommandFingerprints.Instance;

    [Fact]
    public void The_fingerprint_of_a_command_is_pinned()
    {
        // SHA-256 of the command's canonical wire JSON without "commandId", prefixed with its version. A change here
        // makes every stored record disagree with its command: it needs a new version prefix, not a new value.
        // The digest was checked outside .NET: printf '%s' "$json" | sha256sum.
        NegotiationCommandFingerprints.CanonicalJson(ScheduleRound()).Should().Be(
            """{"track":"russia-ukraine-2025","round":"next-week","date":{"notBefore":"2025-07-23","notAfter":"2025-07-23","precision":"day"},"venue":{"country":"TUR","city":null},"announcedBy":{"code":"zelenskyy","name":"Volodymyr Zelenskyy","affiliation":"UKR","type":"head_of_state"},"reportedBy":{"code":"umerov","name":"Rustem Umerov","affiliation":"UKR","type":"minister"},"occurredOn":{"notBefore":"2025-07-21","notAfter":"2025-07-21","precision":"day"},"source":{"documentId":"seeds/2025-07-21-russia-ukraine-talks-turkiye.txt","quote":"Umerov reported that the meeting is scheduled for Wednesday.","attributedTo":"zelenskyy","reportedOn":"2025-07-21"}}""");
        Fingerprints.FingerprintOf(ScheduleRound()).Should().Be("v1:8cc7f7a38fcbda4ab4d06a82930a973796ad50fa7506d9909275d5183f1ab500");
    }

    [Fact]
    public void The_fingerprint_leaves_out_the_command_id_and_nothing_else()
    {
        var command = ScheduleRound();

        Fingerprints.FingerprintOf(command with { CommandId = Cmd("another-id") }).Should().Be(Fingerprints.FingerprintOf(command));
        Fingerprints.FingerprintOf(command with { Date = On(7, 24) }).Should().NotBe(Fingerprints.FingerprintOf(command));
        Fingerprints.FingerprintOf(command with { Track = new TrackId("another-track") }).Should().NotBe(Fingerprints.FingerprintOf(command));
    }

    [Fact]
    public void A_command_read_from_JSON_with_its_members_in_another_order_has_the_same_fingerprint()
    {
        var command = ScheduleRound();
        var json = JsonDocument.Parse(NegotiationJson.SerializeCommand(command)).RootElement.GetProperty("data");
        var reversed = "{" + string.Join(",", json.EnumerateObject().Reverse().Select(p => $"{JsonSerializer.Serialize(p.Name)}:{p.Value.GetRawText()}")) + "}";

        var read = NegotiationJson.DeserializeCommand(nameof(ScheduleRound), JsonDocument.Parse(reversed).RootElement);

        Fingerprints.FingerprintOf(read).Should().Be(Fingerprints.FingerprintOf(command));
    }

    [Fact]
    public void The_name_of_a_command_is_its_name_in_the_contract()
    {
        Fingerprints.NameOf(ScheduleRound()).Should().Be(nameof(ScheduleRound));
    }
}
