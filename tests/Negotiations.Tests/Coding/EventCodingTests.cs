using System.Text.RegularExpressions;
using FluentAssertions;
using Negotiations.Coding;
using Negotiations.Tests.Domain;
using Xunit;
using static Negotiations.Tests.Domain.Track;

namespace Negotiations.Tests.Coding;

/// <summary>
/// The mapping to CAMEO and PLOVER, held to the PLOVER project's own table (reference/CAMEO2PLOVER-2021.txt, CC BY-SA
/// 4.0, kept here for the test and not shipped) and to the starting points researchers expect.
/// </summary>
public sealed partial class EventCodingTests
{
    private static readonly Lazy<ILookup<string, (string Event, string Mode, string[] Contexts, string Meaning)>> Table = new(ReadTable);

    [Fact]
    public void The_reference_table_is_read_with_its_quirks()
    {
        Table.Value["08"].Select(r => r.Event).Should().BeEquivalentTo(["CONCEDE", "RETREAT"], "08 heads two families in the table");
        Table.Value["1322"].Single().Mode.Should().Be("ban", "trailing spaces inside a field are not part of it");
        Table.Value["1121"].Single().Contexts.Should().Equal("crime", "corruption");
        var third = Table.Value["044"].Single();
        (third.Event, third.Mode, third.Contexts.Length, third.Meaning).Should().Be(("CONSULT", "third-party", 0, "Meet at a 'third' location"));
        Table.Value.Where(g => g.Key.StartsWith("01", StringComparison.Ordinal) || g.Key.StartsWith("02", StringComparison.Ordinal)).Should().BeEmpty("the table has no 01x or 02x codes");
    }

    [Fact]
    public void Every_code_the_mapping_emits_is_in_the_table_with_its_event_type_mode_and_contexts()
    {
        CameoCodes.All.Should().NotBeEmpty();
        foreach (var code in CameoCodes.All)
        {
            Table.Value.Contains(code.Cameo).Should().BeTrue("{0} is a code of the table", code.Cameo);
            Table.Value[code.Cameo].Should().Contain(
                row => row.Event == code.Event && row.Mode == code.Mode && row.Contexts.SequenceEqual(code.Contexts) && row.Meaning == code.Meaning,
                "{0} is {1} ({2}; {3}) '{4}' as the table has it", code.Cameo, code.Event, code.Mode, string.Join(";", code.Contexts), code.Meaning);
            code.Codebook.Should().Be("PLOVER Draft 0.8, 2021-09-17");
        }
    }

    [Fact]
    public void Every_event_type_of_the_catalog_has_a_rule_and_nothing_else_has()
    {
        EventCoding.Rules.Keys.Should().BeEquivalentTo(NegotiationEvents.Catalog.Types.Select(NegotiationEvents.Catalog.NameOf),
            "a new event type needs a line in the mapping, even if it is 'not coded'");
    }

    [Fact]
    public void Every_fact_of_a_track_with_every_kind_of_fact_is_coded_from_the_table_or_counted_as_not_coded()
    {
        var notCoded = new Dictionary<string, int>();
        var history = History.Of(
            Join(Umerov), ProposeRound(), ScheduleRound(), PostponeRound(), HoldRound(), Demand(), Answer(),
            AgreeExchange(counts: [new SideCount(Affiliation.Ukraine, 100)]), Stage(1, [new SideCount(Affiliation.Ukraine, 50)]),
            Ultimatum(), Revise(), Withdraw(), Statement());

        var facts = EventCoding.Code(history.State(), notCoded);

        facts.Select(f => f.Code).Should().OnlyContain(code => CameoCodes.All.Contains(code));
        facts.Select(f => f.EventType).Should().BeEquivalentTo(
            ["round_proposed.v1", "round_scheduled.v1", "round_held.v1", "proposal_made.v1", "proposal_answered.v1", "exchange_agreed.v1",
             "exchange_carried_out.v1", "ultimatum_issued.v1", "ultimatum_revised.v1"]);
        notCoded.Should().BeEquivalentTo(new Dictionary<string, int>
        {
            ["negotiation_opened.v1"] = 1, ["participant_joined.v1"] = 1, ["round_postponed.v1"] = 1, ["ultimatum_withdrawn.v1"] = 1,
            ["statement_made.v1"] = 1,
        }, "an assessment is plain commentary, which PLOVER does not code");
        facts.Select(f => f.Sequence).Should().BeInAscendingOrder();
    }

    [Fact]
    public void A_round_held_in_a_third_country_is_044_and_one_held_at_home_046()
    {
        var inTurkiye = Coded(HoldRound()).Single();
        var inKyiv = Coded(HoldRound() with { Venue = new Venue(Affiliation.Ukraine, "Kyiv") }).Single();

        inTurkiye.Code.Should().Match<EventCode>(c => c.Cameo == "044" && c.Event == "CONSULT" && c.Mode == "third-party");
        inKyiv.Code.Should().Match<EventCode>(c => c.Cameo == "046" && c.Event == "CONSULT" && c.Contexts.SequenceEqual(new[] { "diplomatic" }));
        inTurkiye.Source.Country.Should().Be("UKR");
        inTurkiye.Targets.Select(t => t.Country).Should().Equal("RUS");
    }

    [Fact]
    public void A_round_scheduled_is_036_an_intent_to_meet()
    {
        Coded(ScheduleRound()).Single().Code.Cameo.Should().Be("036");
    }

    [Theory]
    [InlineData(AgendaItems.LeadersMeeting, "106", "meet")]
    [InlineData(AgendaItems.PeaceSettlement, "107", "meet")]
    [InlineData(AgendaItems.Prisoners, "1053", "yield")]
    [InlineData(AgendaItems.Ceasefire, "1056", "yield")]
    [InlineData(AgendaItems.AllianceMembership, "1042", "change")]
    [InlineData(AgendaItems.SecurityGuarantees, "1034", "assist")]
    [InlineData("fisheries", "100", "")]
    public void A_demand_is_a_request_coded_by_its_first_agenda_item_with_a_code(string agenda, string cameo, string mode)
    {
        var demand = Coded(Demand() with { Agenda = ["fisheries", agenda] }).Single();

        demand.Code.Should().Match<EventCode>(c => c.Cameo == cameo && c.Event == "REQUEST" && c.Mode == mode);
        demand.Source.Should().BeEquivalentTo(new CodedActor { Code = "russia", Name = "Russia", Country = "RUS" });
        demand.Targets.Select(t => t.Country).Should().Equal("UKR");
    }

    [Theory]
    [InlineData(ProposalKind.Proposal, AgendaItems.LeadersMeeting, "036")]
    [InlineData(ProposalKind.Offer, AgendaItems.Prisoners, "0353")]
    [InlineData(ProposalKind.Proposal, AgendaItems.Ceasefire, "0356")]
    [InlineData(ProposalKind.Offer, "fisheries", "030")]
    public void A_proposal_or_an_offer_is_an_intent_to_cooperate(ProposalKind kind, string agenda, string cameo)
    {
        Coded(Demand() with { Kind = kind, Agenda = [agenda] }).Single().Code.Should().Match<EventCode>(c => c.Cameo == cameo && c.Event == "AGREE");
    }

    [Theory]
    [InlineData(AgendaItems.LeadersMeeting, AnswerKind.Rejected, "125")]
    [InlineData(AgendaItems.PeaceSettlement, AnswerKind.Rejected, "127")]
    [InlineData(AgendaItems.Territory, AnswerKind.Rejected, "124")]
    [InlineData("fisheries", AnswerKind.Rejected, "120")]
    [InlineData(AgendaItems.LeadersMeeting, AnswerKind.Accepted, "036")]
    [InlineData(AgendaItems.Prisoners, AnswerKind.AcceptedWithConditions, "0353")]
    public void An_answer_is_coded_by_what_it_answers(string agenda, AnswerKind answer, string cameo)
    {
        var answered = Answer(answer: answer) with { Conditions = answer == AnswerKind.AcceptedWithConditions ? "after the round" : null };

        var coded = Coded(Demand() with { Agenda = [agenda] }, answered).Single(f => f.EventType == "proposal_answered.v1");

        coded.Code.Cameo.Should().Be(cameo);
        coded.Targets.Should().ContainSingle("an answer is directed at whoever made the proposal").Which.Country.Should().Be("RUS");
    }

    [Fact]
    public void A_countered_answer_is_not_coded_but_its_counter_proposal_is()
    {
        var notCoded = new Dictionary<string, int>();
        var counter = Demand("ceasefire-first", "counter") with { Kind = ProposalKind.Proposal, By = Ukraine, AddressedTo = [Affiliation.Russia], Agenda = [AgendaItems.Ceasefire] };

        var facts = EventCoding.Code(History.Of(Demand(), counter, Answer(answer: AnswerKind.Countered) with { CounteredBy = new ProposalId("ceasefire-first") }).State(), notCoded);

        facts.Select(f => f.Code.Cameo).Should().Equal("105", "0356");
        notCoded.Should().ContainKey("proposal_answered.v1").WhoseValue.Should().Be(1);
    }

    [Fact]
    public void An_exchange_agreed_is_0353_and_each_stage_carried_out_0841()
    {
        var facts = Coded(AgreeExchange(), Stage(1, [new SideCount(Affiliation.Ukraine, 10)]), Stage(2, [new SideCount(Affiliation.Russia, 10)]));

        facts.Select(f => (f.Code.Cameo, f.Code.Event, f.Code.Mode)).Should().Equal(("0353", "AGREE", ""), ("0841", "RETREAT", "release"), ("0841", "RETREAT", "release"));
    }

    [Theory]
    [InlineData("heavy sanctions", "1312", "restrict")]
    [InlineData("tariffs of 100%", "1312", "restrict")]
    [InlineData("a naval blockade", "1381", "restrict")]
    [InlineData("a military attack", "138", "violence")]
    [InlineData("the end of the talks", "139", "relations")]
    [InlineData("halt the talks", "134", "relations")]
    [InlineData("consequences", "139", "relations")]
    [InlineData("a warning", "139", "relations")]
    public void An_ultimatum_is_139_unless_the_consequence_it_names_has_a_more_specific_code(string consequence, string cameo, string mode)
    {
        var ultimatum = Coded(Ultimatum() with { Consequence = consequence }).Single();

        ultimatum.Code.Should().Match<EventCode>(c => c.Cameo == cameo && c.Event == "THREATEN" && c.Mode == mode);
        ultimatum.Targets.Select(t => t.Country).Should().Equal("RUS");
    }

    [Fact]
    public void A_revision_is_coded_by_its_own_consequence_or_else_by_the_ultimatums()
    {
        var facts = Coded(Ultimatum(), Revise(), Revise(id: "revise-2") with { Consequence = "a military attack" });

        facts.Select(f => f.Code.Cameo).Should().Equal("1312", "1312", "138");
    }

    [Theory]
    [InlineData(StatementKind.Readiness, null, "036")]
    [InlineData(StatementKind.Commitment, null, "030")]
    [InlineData(StatementKind.Doubt, null, "110")]
    [InlineData(StatementKind.Doubt, Tone.Hostile, "111")]
    [InlineData(StatementKind.Warning, null, "130")]
    [InlineData(StatementKind.Pressure, null, "130")]
    [InlineData(StatementKind.Assessment, null, null)]
    [InlineData(StatementKind.Other, null, null)]
    public void A_statement_is_coded_by_its_kind_and_tone(StatementKind kind, Tone? tone, string? cameo)
    {
        var facts = Coded(Statement() with { Kind = kind, Tone = tone, Agenda = [] });

        facts.Select(f => f.Code.Cameo).Should().Equal(cameo is null ? [] : [cameo]);
        facts.Where(f => f.Targets.Count > 0).Should().BeEmpty("a statement names no one it is directed at");
    }

    [Fact]
    public void Pressure_on_sanctions_and_on_arms_supplies_takes_their_codes()
    {
        Coded(Statement() with { Kind = StatementKind.Pressure, Agenda = [AgendaItems.Sanctions] }).Single().Code.Cameo.Should().Be("1312");
        Coded(Statement() with { Kind = StatementKind.Pressure, Agenda = [AgendaItems.ArmsSupplies] }).Single().Code.Cameo.Should().Be("072");
    }

    [Fact]
    public void A_retracted_fact_is_left_out_and_so_is_a_fact_not_surely_happened_by_the_day()
    {
        var history = History.Of(Ultimatum(), Demand(), Retract("demand"), Revise());

        EventCoding.Code(history.State()).Select(f => f.EventType).Should().Equal("ultimatum_issued.v1", "ultimatum_revised.v1");
        EventCoding.Code(History.Of(Ultimatum(), Revise()).State(Day(7, 21))).Select(f => f.EventType).Should().Equal(["ultimatum_issued.v1"], "the revision came on 29 July");
    }

    [Fact]
    public void A_body_is_an_org_and_a_state_a_country_checked_against_the_iso_list()
    {
        var un = new Actor(new ActorCode("guterres"), "António Guterres", new Affiliation("UN"), ActorType.Body);
        var facts = Coded(Join(un, ParticipantRole.Mediator), Statement(un) with { Kind = StatementKind.Readiness });

        facts.Single().Source.Should().BeEquivalentTo(new CodedActor { Code = "guterres", Name = "António Guterres", Org = "UN" });
        Countries.Count.Should().Be(249);
        Countries.IsCountry("UKR").Should().BeTrue();
        Countries.IsCountry("NATO").Should().BeFalse();
        Countries.IsCountry("EU").Should().BeFalse();
    }

    [Fact]
    public void A_fact_id_names_its_track_and_sequence_and_the_citation_its_document_and_quote()
    {
        var demand = Coded(Demand()).Single();

        demand.Id.Should().Be($"{Id.Value}:{demand.Sequence}");
        demand.DocumentId.Should().Be(DocumentId);
        demand.Quote.Should().Be("Russia has demanded Ukraine give up four regions, on top of Crimea");
        demand.RecordDate.Should().Be(Day(7, 21));
    }

    private static IReadOnlyList<CodedFact> Coded(params NegotiationCommand[] commands) => EventCoding.Code(History.Of(commands).State());

    // "CODE: EVENT, mode, contexts # meaning"; contexts are separated by ';'; a code may appear more than once.
    private static ILookup<string, (string Event, string Mode, string[] Contexts, string Meaning)> ReadTable()
    {
        var path = Path.Combine(RepositoryPaths.TestProject, "Coding", "reference", "CAMEO2PLOVER-2021.txt");
        var rows = new List<(string Code, (string, string, string[], string) Row)>();
        foreach (var line in File.ReadLines(path))
        {
            var match = TableRow().Match(line);
            if (!match.Success)
            {
                continue;
            }

            var fields = match.Groups["fields"].Value.Split(',');
            string Field(int i) => i < fields.Length ? fields[i].Trim() : string.Empty;
            var contexts = Field(2).Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            rows.Add((match.Groups["code"].Value, (Field(0), Field(1), contexts, match.Groups["meaning"].Value.Trim())));
        }

        rows.Should().HaveCountGreaterThan(200, "the table has some 250 rows");
        return rows.ToLookup(r => r.Code, r => r.Row);
    }

    [GeneratedRegex(@"^(?<code>\d{2,4}):\s*(?<fields>[^#]*?)\s*(#(?<meaning>.*))?$")]
    private static partial Regex TableRow();
}
