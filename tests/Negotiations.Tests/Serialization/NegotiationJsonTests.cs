using System.Text.Json;
using FluentAssertions;
using Negotiations.Serialization;
using Xunit;

namespace Negotiations.Tests.Serialization;

public sealed class NegotiationJsonTests
{
    private const string RoundHeldData = """
        {"round":"istanbul-2025-05-16","venue":{"country":"TUR","city":"Istanbul"},"delegations":[{"side":"UKR","head":null}],
         "topics":["ceasefire"],"outcome":"no_breakthrough","summary":null,
         "occurredOn":{"notBefore":"2025-05-16","notAfter":"2025-05-16","precision":"day"},"source":null}
        """;

    [Fact]
    public void The_options_are_read_only()
    {
        NegotiationJson.Options.IsReadOnly.Should().BeTrue();

        var change = () => NegotiationJson.Options.WriteIndented = true;

        change.Should().Throw<InvalidOperationException>();
    }

    [Fact]
    public void A_copy_of_the_options_keeps_the_contract_and_can_be_indented()
    {
        var indented = new JsonSerializerOptions(NegotiationJson.Options) { WriteIndented = true };

        JsonSerializer.Serialize(new RoundId("istanbul-2025-05-16"), indented).Should().Be("\"istanbul-2025-05-16\"");
        JsonSerializer.Serialize(WorldDate.On(2025, 5, 16), indented).Should().Contain("\n  \"notBefore\": \"2025-05-16\"");
    }

    [Fact]
    public void Configure_applies_the_contract_to_options_owned_by_someone_else()
    {
        var theirs = NegotiationJson.Configure(new JsonSerializerOptions { WriteIndented = true });
        var sample = SampleEvents.ByType[typeof(RoundHeld)];

        JsonSerializer.Serialize(sample, sample.GetType(), theirs)
            .Should().Be(JsonSerializer.Serialize(sample, sample.GetType(), new JsonSerializerOptions(NegotiationJson.Options) { WriteIndented = true }));
    }

    [Fact]
    public void Ids_are_plain_json_strings()
    {
        var ids = new object[]
        {
            new TrackId("russia-ukraine-2025"), new RoundId("istanbul-2025-05-16"), new ProposalId("russia-four-regions"),
            new ExchangeId("prisoner-exchanges-2025"), new UltimatumId("trump-50-days"), new ActorCode("zelenskyy"),
            new CommandId("zelenskyy-2025-07-21/open-track"), Affiliation.Ukraine,
        };

        ids.Select(id => JsonSerializer.Serialize(id, id.GetType(), NegotiationJson.Options)).Should().Equal(
            "\"russia-ukraine-2025\"", "\"istanbul-2025-05-16\"", "\"russia-four-regions\"", "\"prisoner-exchanges-2025\"",
            "\"trump-50-days\"", "\"zelenskyy\"", "\"zelenskyy-2025-07-21/open-track\"", "\"UKR\"");
        ids.Should().AllSatisfy(id => JsonSerializer.Deserialize(JsonSerializer.Serialize(id, id.GetType(), NegotiationJson.Options), id.GetType(), NegotiationJson.Options).Should().Be(id));
    }

    [Theory]
    [InlineData(typeof(TrackId), "\"Russia Ukraine\"", "'Russia Ukraine' is not a valid TrackId*")]
    [InlineData(typeof(RoundId), "\"istanbul--2025\"", "'istanbul--2025' is not a valid RoundId*")]
    [InlineData(typeof(ProposalId), "\"\"", "'' is not a valid ProposalId*")]
    [InlineData(typeof(ExchangeId), "\"Prisoners\"", "'Prisoners' is not a valid ExchangeId*")]
    [InlineData(typeof(UltimatumId), "\"50_days\"", "'50_days' is not a valid UltimatumId*")]
    [InlineData(typeof(ActorCode), "\"Zelenskyy\"", "'Zelenskyy' is not a valid ActorCode*")]
    [InlineData(typeof(CommandId), "\"open track\"", "'open track' is not a valid CommandId*")]
    [InlineData(typeof(Affiliation), "\"ukr\"", "'ukr' is not a valid Affiliation*")]
    [InlineData(typeof(RoundId), "42", "RoundId must be a JSON string, not a number.")]
    public void A_bad_id_is_refused_naming_the_value(Type idType, string json, string message)
    {
        var read = () => JsonSerializer.Deserialize(json, idType, NegotiationJson.Options);

        read.Should().Throw<JsonException>().WithMessage(message).Which.Message.Should().NotContain("(Parameter");
    }

    [Fact]
    public void A_bad_id_inside_an_event_is_refused_with_its_path()
    {
        var data = JsonDocument.Parse(RoundHeldData.Replace("\"istanbul-2025-05-16\"", "\"Istanbul 2025\"", StringComparison.Ordinal)).RootElement;

        var read = () => NegotiationJson.DeserializeEvent("round_held.v1", data);

        var error = read.Should().Throw<JsonException>().Which;
        error.Message.Should().StartWith("'Istanbul 2025' is not a valid RoundId");
        error.Path.Should().Be("$.round");
    }

    [Fact]
    public void An_unknown_wire_name_is_refused_naming_it_and_the_known_ones()
    {
        var read = () => NegotiationJson.DeserializeEvent("round_hold.v1", JsonDocument.Parse(RoundHeldData).RootElement);

        read.Should().Throw<JsonException>().WithMessage("'round_hold.v1' is not a known event type; known: *round_held.v1*");
    }

    [Theory]
    [InlineData("""{"type":"round_held.v1"}""", "An event envelope needs 'data'.")]
    [InlineData("""{"data":{}}""", "An event envelope needs 'type'.")]
    [InlineData("""{"type":"round_held.v1","data":{},"version":2}""", "*'version' is not allowed here*")]
    [InlineData("""{"type":"round_held.v1","data":[]}""", "The data of a 'round_held.v1' event must be a JSON object, not an array.")]
    [InlineData("""[]""", "An event envelope must be a JSON object, not an array.")]
    public void A_malformed_envelope_is_refused_saying_what_is_wrong(string json, string message)
    {
        var read = () => NegotiationJson.DeserializeEvent(json);

        read.Should().Throw<JsonException>().WithMessage(message);
    }

    [Fact]
    public void Enums_are_snake_case_strings_and_numbers_are_refused()
    {
        JsonSerializer.Serialize(ActorType.HeadOfState, NegotiationJson.Options).Should().Be("\"head_of_state\"");
        JsonSerializer.Serialize(AnswerKind.AcceptedWithConditions, NegotiationJson.Options).Should().Be("\"accepted_with_conditions\"");
        JsonSerializer.Serialize(ParticipantRole.ThirdParty, NegotiationJson.Options).Should().Be("\"third_party\"");
        JsonSerializer.Serialize<Tone?>(null, NegotiationJson.Options).Should().Be("null");
        JsonSerializer.Deserialize<RoundOutcome>("\"no_breakthrough\"", NegotiationJson.Options).Should().Be(RoundOutcome.NoBreakthrough);

        var number = () => JsonSerializer.Deserialize<RoundOutcome>("1", NegotiationJson.Options);
        var pascal = () => JsonSerializer.Deserialize<RoundOutcome>("\"NoBreakthrough\"", NegotiationJson.Options);

        number.Should().Throw<JsonException>().WithMessage("RoundOutcome must be a JSON string (unknown, no_breakthrough, progress, agreement, breakdown), not a number.");
        pascal.Should().Throw<JsonException>().WithMessage("'NoBreakthrough' is not a valid RoundOutcome; use one of unknown, no_breakthrough, progress, agreement, breakdown.");
    }

    [Theory]
    [InlineData("\"2025-7-21\"")]
    [InlineData("\"2025-07-32\"")]
    [InlineData("\"21/07/2025\"")]
    [InlineData("\"2025-07-21T00:00:00\"")]
    public void A_day_is_yyyy_mm_dd_and_nothing_else(string json)
    {
        var read = () => JsonSerializer.Deserialize<DateOnly>(json, NegotiationJson.Options);

        read.Should().Throw<JsonException>().Which.Message.Should().Be($"'{json.Trim('"')}' is not a date of the form yyyy-MM-dd.");
    }

    [Fact]
    public void A_world_date_is_an_object_with_both_ends_and_its_precision_open_ends_null()
    {
        JsonSerializer.Serialize(WorldDate.WeekOf(new DateOnly(2025, 7, 14)), NegotiationJson.Options)
            .Should().Be("""{"notBefore":"2025-07-14","notAfter":"2025-07-20","precision":"week"}""");
        JsonSerializer.Serialize(WorldDate.Until(new DateOnly(2025, 7, 21)), NegotiationJson.Options)
            .Should().Be("""{"notBefore":null,"notAfter":"2025-07-21","precision":"unknown"}""");
        JsonSerializer.Deserialize<WorldDate>("""{"precision":"unknown","notAfter":"2025-07-21","notBefore":null}""", NegotiationJson.Options)
            .Should().Be(WorldDate.Until(new DateOnly(2025, 7, 21)));
    }

    [Theory]
    [InlineData("""{"notBefore":"2025-07-20","notAfter":"2025-07-14","precision":"week"}""", "The window 2025-07-20..2025-07-14 ends before it begins.")]
    [InlineData("""{"notBefore":"2025-07-14","notAfter":"2025-07-20","precision":"day"}""", "A date of day precision needs one day, not 2025-07-14..2025-07-20.")]
    [InlineData("""{"notBefore":"2025-07-14","notAfter":"2025-07-20"}""", "*'precision' is missing.")]
    [InlineData("""{"notAfter":"2025-07-20","precision":"week"}""", "*'notBefore' is missing.")]
    [InlineData("""{"notBefore":"2025-07-14","notAfter":"2025-07-20","precision":"fortnight"}""", "'fortnight' is not a valid DatePrecision; use one of unknown, day, week, month, year.")]
    [InlineData("""{"notBefore":"2025-07-14","notAfter":"2025-07-20","precision":"week","note":"x"}""", "A WorldDate has no property 'note'*")]
    [InlineData("""{"notBefore":"2025-07-14","notAfter":"2025-02-30","precision":"week"}""", "A WorldDate's 'notAfter': '2025-02-30' is not a date of the form yyyy-MM-dd.")]
    [InlineData("\"2025-07-21\"", "A WorldDate must be a JSON object*not a string.")]
    public void A_bad_world_date_is_refused_saying_what_is_wrong(string json, string message)
    {
        var read = () => JsonSerializer.Deserialize<WorldDate>(json, NegotiationJson.Options);

        read.Should().Throw<JsonException>().WithMessage(message);
    }

    [Fact]
    public void Nulls_are_written_explicitly()
    {
        var postponed = new RoundPostponed { Round = new RoundId("turkiye-2025-07-23"), NewDate = null, Reason = null, OccurredOn = WorldDate.On(2025, 7, 22), Source = null };

        JsonSerializer.Serialize(postponed, NegotiationJson.Options).Should().Be(
            """{"round":"turkiye-2025-07-23","newDate":null,"reason":null,"occurredOn":{"notBefore":"2025-07-22","notAfter":"2025-07-22","precision":"day"},"source":null}""");
    }

    [Fact]
    public void Event_data_must_have_every_property_and_no_other()
    {
        var missing = () => NegotiationJson.DeserializeEvent("round_held.v1", JsonDocument.Parse(RoundHeldData.Replace(",\"source\":null", "", StringComparison.Ordinal)).RootElement);
        var unknown = () => NegotiationJson.DeserializeEvent("round_held.v1", JsonDocument.Parse(RoundHeldData.Replace("\"summary\":null", "\"summary\":null,\"sumary\":\"x\"", StringComparison.Ordinal)).RootElement);
        var nullList = () => NegotiationJson.DeserializeEvent("round_held.v1", JsonDocument.Parse(RoundHeldData.Replace("""["ceasefire"]""", "null", StringComparison.Ordinal)).RootElement);

        missing.Should().Throw<JsonException>().WithMessage("*missing required properties*'source'*");
        unknown.Should().Throw<JsonException>().WithMessage("*'sumary'*");
        nullList.Should().Throw<JsonException>().WithMessage("*'Topics'*null*");
    }

    [Fact]
    public void Text_keeps_its_curly_quotes_and_accents_unescaped()
    {
        var source = new Source("doc", "“Today,” it’s Türkiye \"now\"", null, new DateOnly(2025, 7, 21));

        JsonSerializer.Serialize(source, NegotiationJson.Options)
            .Should().Be("""{"documentId":"doc","quote":"“Today,” it’s Türkiye \"now\"","attributedTo":null,"reportedOn":"2025-07-21"}""");
    }

    [Fact]
    public void An_uninitialised_id_cannot_be_written()
    {
        var write = () => JsonSerializer.Serialize(default(RoundId), NegotiationJson.Options);

        write.Should().Throw<JsonException>().WithMessage("An uninitialised RoundId*");
    }

    [Fact]
    public void The_command_table_names_every_command_type_by_its_type_name()
    {
        var commandTypes = typeof(NegotiationCommand).Assembly.GetTypes()
            .Where(t => t.IsSubclassOf(typeof(NegotiationCommand)) && !t.IsAbstract);

        NegotiationJson.CommandTypes.Values.Should().BeEquivalentTo(commandTypes);
        NegotiationJson.CommandTypes.Should().AllSatisfy(pair => pair.Key.Should().Be(pair.Value.Name));
    }

    [Fact]
    public void A_command_is_written_with_its_track_and_id_first_and_reads_back_equal()
    {
        var command = new AnswerProposal
        {
            Track = new TrackId("russia-ukraine-2025"),
            CommandId = new CommandId("c-1"),
            Proposal = new ProposalId("russia-four-regions"),
            By = new Actor(new ActorCode("ukraine"), "Ukraine", Affiliation.Ukraine, ActorType.State),
            Answer = AnswerKind.Rejected,
            Conditions = null,
            CounteredBy = null,
            OccurredOn = WorldDate.Until(new DateOnly(2025, 7, 21)),
        };

        var json = NegotiationJson.SerializeCommand(command);

        json.Should().StartWith("""{"command":"AnswerProposal","data":{"track":"russia-ukraine-2025","commandId":"c-1","proposal":"russia-four-regions",""");
        NegotiationJson.DeserializeCommand(json).Should().BeEquivalentTo(command, o => o.ComparingRecordsByMembers().RespectingRuntimeTypes());
    }

    [Fact]
    public void A_command_may_leave_out_its_source_but_nothing_without_a_default()
    {
        const string Data = """
            {"track":"russia-ukraine-2025","commandId":"c-2","round":"turkiye-2025-07-23","reason":null,
             "occurredOn":{"notBefore":"2025-07-22","notAfter":"2025-07-22","precision":"day"}}
            """;

        var cancel = NegotiationJson.DeserializeCommand("CancelRound", JsonDocument.Parse(Data).RootElement);
        var missing = () => NegotiationJson.DeserializeCommand("CancelRound", JsonDocument.Parse(Data.Replace("\"reason\":null,", "", StringComparison.Ordinal)).RootElement);
        var unknown = () => NegotiationJson.DeserializeCommand("CallOffRound", JsonDocument.Parse(Data).RootElement);

        cancel.Should().BeOfType<CancelRound>().Which.Source.Should().BeNull();
        missing.Should().Throw<JsonException>().WithMessage("*missing required properties*'reason'*");
        unknown.Should().Throw<JsonException>().WithMessage("'CallOffRound' is not a known command; known: AddParticipant, AgreeExchange, *");
    }

    [Fact]
    public void The_command_name_of_a_type_outside_the_table_is_refused()
    {
        var name = () => NegotiationJson.CommandNameOf(typeof(string));

        name.Should().Throw<ArgumentException>().WithMessage("'System.String' is not a negotiation command type*");
    }
}
