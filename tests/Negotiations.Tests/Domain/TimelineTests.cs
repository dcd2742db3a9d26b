using FluentAssertions;
using Xunit;
using static Negotiations.Tests.Domain.Track;

namespace Negotiations.Tests.Domain;

public sealed class TimelineTests
{
    [Fact]
    public void Every_fact_is_in_world_order_and_a_fact_reported_late_lands_in_place()
    {
        var timeline = History.Of(Statement(), ScheduleRound(), HoldRound("istanbul-2025-06-02", 6, 2, "hold-june"), HoldRound("istanbul-2025-05-16", 5, 16, "hold-may"), ProposeRound())
            .Timeline();

        timeline.Id.Should().Be("russia-ukraine-2025");
        timeline.Version.Should().Be(6);
        timeline.Entries.Select(e => e.CommandId).Should().Equal("open", "hold-may", "hold-june", "propose-round", "statement", "schedule-round");
        timeline.Entries.Select(e => e.Sequence).Should().Equal(1, 5, 4, 6, 2, 3);
    }

    [Fact]
    public void Each_entry_cites_its_date_event_actors_source_and_command()
    {
        var entry = History.Of(ScheduleRound()).Timeline().Entries[^1];

        entry.OccurredOn.Should().Be(On(7, 21));
        entry.EventType.Should().Be("round_scheduled.v1");
        entry.Description.Should().Be("Volodymyr Zelenskyy (UKR) announced round next-week for 2025-07-23 in TUR, on the report of Rustem Umerov (UKR)");
        entry.Actors.Should().Equal(Zelenskyy, Umerov);
        entry.Source.Should().Be(new Source(DocumentId, "Umerov reported that the meeting is scheduled for Wednesday.", Zelenskyy.Code, Day(7, 21)));
        entry.CommandId.Should().Be("schedule-round");
        entry.Sequence.Should().Be(2);
    }

    [Fact]
    public void Every_kind_of_fact_has_a_one_line_description()
    {
        var counts = (IReadOnlyList<SideCount>)[new SideCount(Affiliation.Ukraine, 390), new SideCount(Affiliation.Russia, 390)];
        var timeline = History.Of(
                Join(Umerov, ParticipantRole.Party),
                ProposeRound(), ScheduleRound(), PostponeRound(), CancelRound(), HoldRound(),
                Demand(), Answer(),
                AgreeExchange(counts: [new SideCount(Affiliation.Ukraine, 1000)]), Stage(1, counts),
                Ultimatum(), Revise(), Withdraw(), Statement(), Retract("cancel-round"))
            .Timeline();

        var byType = timeline.Entries.ToDictionary(e => e.EventType, e => e.Description);
        byType.Keys.Should().BeEquivalentTo(NegotiationEvents.Catalog.Types.Select(t => NegotiationEvents.Catalog.NameOf(t)).Where(n => n != "round_cancelled.v1"));
        byType.Values.Should().OnlyContain(d => d.Length > 0 && !d.Contains('\n') && !d.Contains("Negotiations."));
        byType["negotiation_opened.v1"].Should().Be("Negotiation \"Russia-Ukraine peace talks, 2025\" opened with Ukraine (UKR) as party, Russia (RUS) as party, Türkiye (TUR) as host, United States (USA) as third party");
        byType["participant_joined.v1"].Should().Be("Rustem Umerov (UKR) joined as party");
        byType["round_proposed.v1"].Should().Be("Volodymyr Zelenskyy (UKR) proposed round next-week for 2025-07-21..2025-07-27 (week) on leaders_meeting");
        byType["round_postponed.v1"].Should().Be("Round next-week was postponed to 2025-07-30: delegations not ready");
        byType["round_held.v1"].Should().Be("Round istanbul-2025-05-16 was held in Istanbul, TUR between UKR (headed by Rustem Umerov) and RUS (headed by Vladimir Medinsky): no breakthrough on ceasefire, prisoners, humanitarian_corridors; The two sides exchanged ideas on what a peace deal could look like");
        byType["proposal_made.v1"].Should().Be("Russia (RUS) made a demand four-regions to UKR: Ukraine gives up four regions, on top of Crimea");
        byType["proposal_answered.v1"].Should().Be("Ukraine (UKR) rejected the demand four-regions");
        byType["exchange_agreed.v1"].Should().Be("UKR and RUS agreed exchange prisoners-2025 of prisoners (UKR 1000): prisoner exchanges");
        byType["exchange_carried_out.v1"].Should().Be("Stage 1 of exchange prisoners-2025 was carried out (UKR 390, RUS 390)");
        byType["ultimatum_issued.v1"].Should().Be("Donald Trump (USA) gave RUS until 2025-09-02..2025-09-08 (week) (ultimatum fifty-days): negotiate a deal, or heavy sanctions");
        byType["ultimatum_revised.v1"].Should().Be("Ultimatum fifty-days was revised: deadline 2025-08-08");
        byType["ultimatum_withdrawn.v1"].Should().Be("Ultimatum fifty-days was withdrawn: a deal was reached");
        byType["statement_made.v1"].Should().Be("Dmitry Peskov (RUS) (assessment, cautious): A lot of diplomatic work lies ahead");
        byType["fact_retracted.v1"].Should().Be("The facts of command cancel-round were retracted: the report was corrected");
    }

    [Fact]
    public void Answers_read_as_what_they_did()
    {
        var counter = Demand("ceasefire-first", "counter") with { Kind = ProposalKind.Offer, By = Ukraine, AddressedTo = [Affiliation.Russia], Terms = "a cease-fire first" };
        var timeline = History.Of(Demand(), counter, Answer(answer: AnswerKind.Countered) with { CounteredBy = new ProposalId("ceasefire-first") }).Timeline();

        timeline.Entries.Select(e => e.Description).Should().Contain([
            "Ukraine (UKR) made an offer ceasefire-first to RUS: a cease-fire first",
            "Ukraine (UKR) countered the demand four-regions with ceasefire-first",
        ]);
    }

    [Fact]
    public void An_answer_names_the_kind_of_what_it_answers_when_the_proposal_came_in_an_earlier_fold()
    {
        var projection = new TimelineProjection();
        var history = History.Of(Demand(), Answer());
        var recorded = history.Events;

        var first = projection.Fold(projection.Start(Id.Value), [.. recorded.Take(recorded.Count - 1)]);
        var timeline = projection.Evolve(first, recorded[^1]);

        first.ProposalKinds.Should().Equal(new Dictionary<string, ProposalKind> { ["four-regions"] = ProposalKind.Demand });
        timeline.Entries[^1].Description.Should().Be("Ukraine (UKR) rejected the demand four-regions");
    }

    [Fact]
    public void The_facts_of_a_retracted_command_are_dropped_and_the_retraction_is_cited()
    {
        var timeline = History.Of(Statement(Peskov, "peskov"), Retract("peskov")).Timeline();

        timeline.Entries.Select(e => e.EventType).Should().Equal("negotiation_opened.v1", "fact_retracted.v1");
        timeline.Entries[^1].CommandId.Should().Be("retract");
    }

    [Fact]
    public void As_of_a_day_only_the_facts_that_have_surely_happened_are_listed()
    {
        var history = History.Of(HoldRound(), ProposeRound(), Ultimatum(), ScheduleRound());

        history.Timeline(Day(7, 19)).Entries.Select(e => e.CommandId).Should().Equal("open", "hold-round", "propose-round");
        history.Timeline(Day(7, 20)).Entries.Select(e => e.CommandId).Should().Equal("open", "hold-round", "propose-round", "ultimatum");
        history.Timeline(Day(7, 20)).AsOf.Should().Be(Day(7, 20));
    }

    [Fact]
    public void As_of_a_day_before_a_correction_the_retracted_fact_is_gone_and_the_correction_not_yet_listed()
    {
        var timeline = History.Of(Statement(Peskov, "peskov"), Retract("peskov")).Timeline(Day(7, 21));

        timeline.Entries.Select(e => e.EventType).Should().Equal("negotiation_opened.v1");
    }
}
