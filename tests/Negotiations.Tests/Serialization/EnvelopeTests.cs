using System.Text;
using System.Text.Json;
using FluentAssertions;
using Negotiations.EventSourcing;
using Negotiations.Scripts;
using Negotiations.Serialization;
using Xunit;

namespace Negotiations.Tests.Serialization;

/// <summary>
/// The one envelope of the wire (<see cref="Envelope{TMessage}"/>): <c>{"type","data"}</c> for events,
/// <c>{"command","data"}</c> for commands, read and written alike for envelopes, histories and replay scripts. Every
/// problem it finds is pinned here, in the contract's words and in the words of each reader that uses it.
/// </summary>
public sealed class EnvelopeTests
{
    private const string RetractionData = """{"retracted":"zelenskyy-2025-07-21/round-set-2025-07-23","reason":"The outlet corrected the venue.","occurredOn":{"notBefore":null,"notAfter":null,"precision":"unknown"},"source":null}""";

    private const string CancellationData = """{"track":"russia-ukraine-2025","commandId":"c-2","round":"turkiye-2025-07-23","reason":null,"occurredOn":{"notBefore":"2025-07-22","notAfter":"2025-07-22","precision":"day"}}""";

    private static Envelope<INegotiationEvent> Events => NegotiationJson.Events;

    private static Envelope<NegotiationCommand> Commands => NegotiationJson.Commands;

    [Fact]
    public void An_event_envelope_reads_to_the_event_its_wire_name_names()
    {
        var retraction = Events.Read(Parse($$"""{"type":"fact_retracted.v1","data":{{RetractionData}}}"""));

        retraction.Should().BeOfType<FactRetracted>().Which.Reason.Should().Be("The outlet corrected the venue.");
    }

    [Fact]
    public void A_command_envelope_reads_to_the_command_its_wire_name_names()
    {
        var cancellation = Commands.Read(Parse($$"""{"command":"CancelRound","data":{{CancellationData}}}"""));

        cancellation.Should().BeOfType<CancelRound>().Which.Round.Should().Be(new RoundId("turkiye-2025-07-23"));
    }

    [Fact]
    public void The_data_may_come_before_the_wire_name()
    {
        var retraction = Events.Read(Parse($$"""{"data":{{RetractionData}},"type":"fact_retracted.v1"}"""));

        retraction.Should().BeOfType<FactRetracted>();
    }

    [Fact]
    public void Members_a_reader_names_are_allowed_once_each_and_left_to_it()
    {
        var entry = Parse($$"""{"streamId":"t","type":"fact_retracted.v1","version":1,"data":{{RetractionData}}}""");

        Events.TryReadMembers(entry, ["streamId", "version"], out var members, out var problem).Should().BeTrue();
        problem.Should().BeNull();
        members.Name.Should().Be("fact_retracted.v1");
        Events.TryResolve(members, out var retraction, out _).Should().BeTrue();
        retraction.Should().BeOfType<FactRetracted>();

        ProblemOf(Events, """{"streamId":"t","type":"fact_retracted.v1","streamId":"u","data":{}}""", "streamId")
            .Should().Be(new EnvelopeProblem(EnvelopeFault.Repeated) { Member = "streamId" });
        ProblemOf(Events, """{"streamId":"t","type":"fact_retracted.v1","data":{}}""")
            .Should().Be(new EnvelopeProblem(EnvelopeFault.NotAMember) { Member = "streamId" });
    }

    [Fact]
    public void The_first_problem_in_member_order_is_the_one_reported()
    {
        ProblemOf(Events, """{"version":1,"type":7,"data":{}}""").Fault.Should().Be(EnvelopeFault.NotAMember);
        ProblemOf(Events, """{"type":7,"version":1,"data":{}}""").Fault.Should().Be(EnvelopeFault.NameNotAString);
    }

    [Theory]
    [InlineData("[]", nameof(EnvelopeFault.NotAnObject), "An event envelope must be a JSON object, not an array.")]
    [InlineData("\"fact_retracted.v1\"", nameof(EnvelopeFault.NotAnObject), "An event envelope must be a JSON object, not a string.")]
    [InlineData("""{"type":7,"data":{}}""", nameof(EnvelopeFault.NameNotAString), "An event envelope's 'type' must be a string, not a number.")]
    [InlineData("""{"type":null,"data":{}}""", nameof(EnvelopeFault.NameNotAString), "An event envelope's 'type' must be a string, not null.")]
    [InlineData("""{"type":"fact_retracted.v1","data":{},"version":2}""", nameof(EnvelopeFault.NotAMember), "An event envelope has exactly 'type' and 'data'; 'version' is not allowed here (or is repeated).")]
    [InlineData("""{"type":"fact_retracted.v1","type":"fact_retracted.v1","data":{}}""", nameof(EnvelopeFault.Repeated), "An event envelope has exactly 'type' and 'data'; 'type' is not allowed here (or is repeated).")]
    [InlineData("""{"type":"fact_retracted.v1","data":{},"data":{}}""", nameof(EnvelopeFault.Repeated), "An event envelope has exactly 'type' and 'data'; 'data' is not allowed here (or is repeated).")]
    [InlineData("""{"data":{}}""", nameof(EnvelopeFault.MissingName), "An event envelope needs 'type'.")]
    [InlineData("""{"type":"round_moved.v1","data":{}}""", nameof(EnvelopeFault.UnknownName), "'round_moved.v1' is not a known event type; known: exchange_agreed.v1, exchange_carried_out.v1, *, ultimatum_withdrawn.v1.")]
    [InlineData("""{"type":"round_moved.v1"}""", nameof(EnvelopeFault.UnknownName), "'round_moved.v1' is not a known event type; known: *")]
    [InlineData("""{"type":"fact_retracted.v1"}""", nameof(EnvelopeFault.MissingData), "An event envelope needs 'data'.")]
    [InlineData("""{"type":"fact_retracted.v1","data":[]}""", nameof(EnvelopeFault.DataNotAnObject), "The data of a 'fact_retracted.v1' event must be a JSON object, not an array.")]
    [InlineData("""{"type":"fact_retracted.v1","data":{}}""", nameof(EnvelopeFault.InvalidData), "JSON deserialization for type 'Negotiations.FactRetracted' was missing required properties*")]
    public void Each_problem_of_an_event_envelope_is_named_in_the_words_of_the_contract(string json, string fault, string message)
    {
        var problem = ProblemOf(Events, json);

        problem.Fault.ToString().Should().Be(fault);
        Events.Describe(problem).Should().Match(message);
        FluentActions.Invoking(() => NegotiationJson.DeserializeEvent(json)).Should().Throw<JsonException>().WithMessage(message);
    }

    [Theory]
    [InlineData("42", nameof(EnvelopeFault.NotAnObject), "A command envelope must be a JSON object, not a number.")]
    [InlineData("""{"command":true,"data":{}}""", nameof(EnvelopeFault.NameNotAString), "A command envelope's 'command' must be a string, not a boolean.")]
    [InlineData("""{"command":"CancelRound","note":"n","data":{}}""", nameof(EnvelopeFault.NotAMember), "A command envelope has exactly 'command' and 'data'; 'note' is not allowed here (or is repeated).")]
    [InlineData("""{"command":"CancelRound","command":"CancelRound","data":{}}""", nameof(EnvelopeFault.Repeated), "A command envelope has exactly 'command' and 'data'; 'command' is not allowed here (or is repeated).")]
    [InlineData("""{"data":{}}""", nameof(EnvelopeFault.MissingName), "A command envelope needs 'command'.")]
    [InlineData("""{"command":"CallOffRound","data":{}}""", nameof(EnvelopeFault.UnknownName), "'CallOffRound' is not a known command; known: AddParticipant, AgreeExchange, *, WithdrawUltimatum.")]
    [InlineData("""{"command":"CancelRound"}""", nameof(EnvelopeFault.MissingData), "A command envelope needs 'data'.")]
    [InlineData("""{"command":"CancelRound","data":null}""", nameof(EnvelopeFault.DataNotAnObject), "The data of a 'CancelRound' command must be a JSON object, not null.")]
    [InlineData("""{"command":"CancelRound","data":{}}""", nameof(EnvelopeFault.InvalidData), "JSON deserialization for type 'Negotiations.CancelRound' was missing required properties*")]
    public void Each_problem_of_a_command_envelope_is_named_in_the_words_of_the_contract(string json, string fault, string message)
    {
        var problem = ProblemOf(Commands, json);

        problem.Fault.ToString().Should().Be(fault);
        Commands.Describe(problem).Should().Match(message);
        FluentActions.Invoking(() => NegotiationJson.DeserializeCommand(json)).Should().Throw<JsonException>().WithMessage(message);
    }

    [Fact]
    public void Invalid_data_is_reported_with_its_own_message_and_its_path_within_the_data()
    {
        var json = $$"""{"type":"fact_retracted.v1","data":{{RetractionData.Replace("\"zelenskyy-2025-07-21/round-set-2025-07-23\"", "\"has space\"", StringComparison.Ordinal)}}}""";

        var problem = ProblemOf(Events, json);
        var read = () => NegotiationJson.DeserializeEvent(json);

        problem.Fault.Should().Be(EnvelopeFault.InvalidData);
        var error = problem.Error!;
        error.Path.Should().Be("$.retracted");
        Events.Describe(problem).Should().Be(error.Message).And.StartWith("'has space' is not a valid CommandId");
        read.Should().Throw<JsonException>().Which.Path.Should().Be("$.retracted");
    }

    [Fact]
    public void A_wire_name_that_is_not_text_is_refused_by_every_reader_as_its_own_error()
    {
        const string Escaped = "\\ud800";
        const string Raw = "x\uD800";

        FluentActions.Invoking(() => NegotiationJson.DeserializeEvent("{\"type\":\"" + Escaped + "\",\"data\":{}}"))
            .Should().Throw<JsonException>().WithMessage("The JSON holds text that is not valid: *");
        FluentActions.Invoking(() => NegotiationJson.DeserializeCommand("{\"command\":\"" + Raw + "\",\"data\":{}}"))
            .Should().Throw<JsonException>().WithMessage("The JSON is not valid text: *");
        FluentActions.Invoking(() => ScriptReader.Read("The article.", "[{\"command\":\"" + Escaped + "\",\"data\":{}}]", "bad.script.json"))
            .Should().Throw<ScriptException>().WithMessage("bad.script.json: not valid text: *");
        FluentActions.Invoking(() => EventHistory.Parse("{\"format\":\"negotiations.history.v1\",\"events\":[{\"streamId\":\"t\",\"version\":1,\"type\":\"" + Escaped + "\",\"data\":{}}]}", "h.json"))
            .Should().Throw<EventHistoryException>().WithMessage("h.json: not valid text: *");
    }

    [Fact]
    public void Data_read_under_a_wire_name_checks_the_name_before_the_data()
    {
        var unknown = () => Events.ReadData("round_moved.v1", Parse("[]"));
        var notAnObject = () => Commands.ReadData("CancelRound", Parse("[]"));

        unknown.Should().Throw<JsonException>().WithMessage("'round_moved.v1' is not a known event type; known: *");
        notAnObject.Should().Throw<JsonException>().WithMessage("The data of a 'CancelRound' command must be a JSON object, not an array.");
    }

    [Fact]
    public void The_registry_is_the_wire_names_the_message_types_declare()
    {
        Events.Types.Keys.Should().BeEquivalentTo(NegotiationEvents.Catalog.Types.Select(NegotiationEvents.Catalog.NameOf));
        Events.Types.Should().AllSatisfy(pair => NegotiationEvents.Catalog.NameOf(pair.Value).Should().Be(pair.Key));
        Commands.Types.Should().BeEquivalentTo(NegotiationJson.CommandTypes);
        Commands.KnownNames.Should().Be(string.Join(", ", NegotiationJson.CommandTypes.Keys.Order(StringComparer.Ordinal)));
        Commands.TryGetName(typeof(CancelRound), out var name).Should().BeTrue();
        name.Should().Be("CancelRound");
        Commands.TryGetName(typeof(string), out _).Should().BeFalse();
    }

    [Fact]
    public void A_message_type_without_a_wire_name_is_refused_when_the_envelope_is_made()
    {
        var make = () => new Envelope<Probe>("command", "command", "command", [typeof(UnnamedProbe)]);

        make.Should().Throw<InvalidOperationException>()
            .WithMessage($"Command type '{typeof(UnnamedProbe).FullName}' has no [WireName]; every command needs a stable wire name.");
    }

    [Fact]
    public void Two_message_types_under_one_wire_name_are_refused_when_the_envelope_is_made()
    {
        var make = () => new Envelope<Probe>("type", "event", "event type", [typeof(ProbeRecorded), typeof(ProbeRecordedAgain)]);

        make.Should().Throw<InvalidOperationException>()
            .WithMessage($"Event types '{typeof(ProbeRecorded).FullName}' and '{typeof(ProbeRecordedAgain).FullName}' share the wire name 'probe_recorded.v1'.");
    }

    [Fact]
    public void A_type_that_is_not_a_message_is_refused_when_the_envelope_is_made()
    {
        var make = () => new Envelope<Probe>("type", "event", "event type", [typeof(string)]);

        make.Should().Throw<ArgumentException>().WithMessage("'System.String' is not a concrete Probe.*");
    }

    [Fact]
    public void An_envelope_is_written_compact_with_the_wire_name_first_and_reads_back_equal()
    {
        var retraction = Events.ReadData("fact_retracted.v1", Parse(RetractionData));

        var json = Events.Write("fact_retracted.v1", retraction);

        json.Should().Be($$"""{"type":"fact_retracted.v1","data":{{RetractionData}}}""");
        Events.Read(Parse(json)).Should().Be(retraction);
    }

    [Fact]
    public void A_readers_own_members_are_written_before_the_wire_name_and_between_it_and_the_data()
    {
        var retraction = Events.ReadData("fact_retracted.v1", Parse(RetractionData));
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            Events.Write(writer, "fact_retracted.v1", retraction, before: w => w.WriteString("streamId", "t"), between: w => w.WriteNumber("version", 1));
        }

        Encoding.UTF8.GetString(buffer.ToArray()).Should().Be($$"""{"streamId":"t","type":"fact_retracted.v1","version":1,"data":{{RetractionData}}}""");
    }

    [Theory]
    [InlineData("[42]", "bad.script.json: entry 1: an entry is a JSON object with 'command', 'data' and optionally 'note', not a number")]
    [InlineData("""[{"command":7,"data":{}}]""", "bad.script.json: entry 1: 'command' must be a string naming the command, not a number")]
    [InlineData("""[{"command":"RecordStatement","comand":"x","data":{}}]""", "bad.script.json: entry 1: 'comand' is not a property of an entry; an entry has 'command', 'data' and optionally 'note'")]
    [InlineData("""[{"command":"RecordStatement","command":"RecordStatement","data":{}}]""", "bad.script.json: entry 1: 'command' appears twice")]
    [InlineData("""[{"command":"RecordStatement","note":null,"note":"again","data":{}}]""", "bad.script.json: entry 1: 'note' appears twice")]
    [InlineData("""[{"command":"RecordStatement","data":{},"data":{}}]""", "bad.script.json: entry 1: 'data' appears twice")]
    [InlineData("""[{"command":"RecordStatement","note":5,"data":{}}]""", "bad.script.json: entry 1: 'note' must be a string, not a number")]
    [InlineData("""[{"data":{"commandId":"e-1"}}]""", "bad.script.json: entry 1 (e-1): missing 'command': name the command, such as \"RecordRoundHeld\"")]
    [InlineData("""[{"command":"MakeDemand","data":{}}]""", "bad.script.json: entry 1: unknown command 'MakeDemand'; known commands: AddParticipant, AgreeExchange, *, WithdrawUltimatum")]
    [InlineData("""[{"command":"RecordStatement"}]""", "bad.script.json: entry 1: missing 'data': the fields of the RecordStatement command")]
    [InlineData("""[{"command":"RecordStatement","data":"x"}]""", "bad.script.json: entry 1: 'data' must be a JSON object with the fields of the RecordStatement command, not a string")]
    [InlineData("""[{"command":"CancelRound","data":{"commandId":"e-1"}}]""", "bad.script.json: entry 1 (e-1): invalid CancelRound data: JSON deserialization for type 'Negotiations.CancelRound' was missing required properties*")]
    [InlineData("""[{"command":"CancelRound","data":{"track":"Not A Track"}}]""", "bad.script.json: entry 1: invalid CancelRound data at data.track: 'Not A Track' is not a valid TrackId*")]
    public void Each_problem_of_a_script_entry_is_named_in_the_words_of_scripts(string script, string message)
    {
        var read = () => ScriptReader.Read("The article.", script, "bad.script.json");

        read.Should().Throw<ScriptException>().WithMessage(message);
    }

    [Theory]
    [InlineData("""[5]""", "h.json: entry 1: an entry must be a JSON object")]
    [InlineData("""[{"streamId":"t","version":1,"type":7,"data":{}}]""", "h.json: entry 1: \"type\" is missing or empty")]
    [InlineData("""[{"streamId":"t","version":1,"type":" ","data":{}}]""", "h.json: entry 1: \"type\" is missing or empty")]
    [InlineData("""[{"streamId":"t","version":1,"data":{}}]""", "h.json: entry 1: \"type\" is missing or empty")]
    [InlineData("""[{"streamId":"t","version":1,"metdata":{},"type":"fact_retracted.v1","data":{}}]""", "h.json: entry 1: \"metdata\" is not a property of an entry; an entry has streamId, version, globalPosition, type, recordedAt, metadata, data")]
    [InlineData("""[{"streamId":"t","version":1,"type":"fact_retracted.v1","version":1,"data":{}}]""", "h.json: entry 1: \"version\" appears twice in the entry")]
    [InlineData("""[{"streamId":"t","version":1,"type":"fact_retracted.v1","data":{},"data":{}}]""", "h.json: entry 1: \"data\" appears twice in the entry")]
    [InlineData("""[{"streamId":"t","version":1,"type":"round_moved.v1","data":{}}]""", "h.json: entry 1: round_moved.v1: 'round_moved.v1' is not a known event type; known: exchange_agreed.v1, *, ultimatum_withdrawn.v1.")]
    [InlineData("""[{"streamId":"t","version":1,"type":"fact_retracted.v1"}]""", "h.json: entry 1: \"data\" is missing or not an object")]
    [InlineData("""[{"streamId":"t","version":1,"type":"fact_retracted.v1","data":[]}]""", "h.json: entry 1: \"data\" is missing or not an object")]
    [InlineData("""[{"streamId":"t","version":1,"type":"fact_retracted.v1","data":{}}]""", "h.json: entry 1: fact_retracted.v1: JSON deserialization for type 'Negotiations.FactRetracted' was missing required properties*")]
    public void Each_problem_of_a_history_entry_is_named_in_the_words_of_histories(string events, string message)
    {
        var parse = () => EventHistory.Parse($$"""{"format":"negotiations.history.v1","events":{{events}}}""", "h.json");

        parse.Should().Throw<EventHistoryException>().WithMessage(message);
    }

    private static JsonElement Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }

    private static EnvelopeProblem ProblemOf<TMessage>(Envelope<TMessage> envelope, string json, params string[] others)
        where TMessage : class
    {
        if (!envelope.TryReadMembers(Parse(json), others, out var members, out var problem))
        {
            return problem;
        }

        envelope.TryResolve(members, out _, out problem).Should().BeFalse($"{json} has a problem");
        return problem!;
    }

    public abstract class Probe;

    public sealed class UnnamedProbe : Probe;

    [WireName("probe_recorded.v1")]
    public sealed class ProbeRecorded : Probe;

    [WireName("probe_recorded.v1")]
    public sealed class ProbeRecordedAgain : Probe;
}
