using System.Security.Cryptography;
using System.Text.Json;
using FluentAssertions;
using Negotiations.Scripts;
using Negotiations.Serialization;
using Xunit;

namespace Negotiations.Tests.Scripts;

public sealed class SeedScriptTests
{
    // SHA-256 of ../shared/seeds/000_7a6c88377ead68cf.txt, of which the seed article is a byte-for-byte copy.
    private const string ArticleSha256 = "096957279f8dfa92827f0470809795658d8afc806d7124a75e9377c688ef9cbf";

    private static readonly ReplayScript Seed = ScriptReader.ReadFiles(RepositoryPaths.Seed.Article, RepositoryPaths.Seed.Script);

    private static readonly JsonElement Metadata = JsonDocument.Parse(File.ReadAllText(RepositoryPaths.Seed.Metadata)).RootElement;

    [Fact]
    public void The_seed_article_is_the_shared_seed_byte_for_byte()
    {
        Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(RepositoryPaths.Seed.Article))).Should().Be(ArticleSha256);
        Metadata.GetProperty("articleSha256").GetString().Should().Be(ArticleSha256);
    }

    [Fact]
    public void The_metadata_names_the_article_its_script_and_the_publication_day()
    {
        Metadata.GetProperty("documentId").GetString().Should().Be(RepositoryPaths.Seed.Name);
        Metadata.GetProperty("article").GetString().Should().Be(Path.GetFileName(RepositoryPaths.Seed.Article));
        Metadata.GetProperty("script").GetString().Should().Be(Path.GetFileName(RepositoryPaths.Seed.Script));
        Metadata.GetProperty("publishedOn").GetString().Should().Be("2025-07-21");
        Metadata.GetProperty("outlet").ValueKind.Should().Be(JsonValueKind.Null);
        Metadata.GetProperty("track").GetString().Should().Be("russia-ukraine-2025");
    }

    [Fact]
    public void The_seed_script_reads_and_every_quote_occurs_verbatim_in_the_article()
    {
        var article = File.ReadAllText(RepositoryPaths.Seed.Article);

        Seed.Entries.Should().HaveCount(17);
        Seed.Entries.Should().OnlyContain(e => article.Contains(e.Source.Quote, StringComparison.Ordinal));
        Seed.Entries.Should().OnlyContain(e => e.Source.DocumentId == RepositoryPaths.Seed.Name && e.Source.ReportedOn == new DateOnly(2025, 7, 21));
        Seed.Commands.Should().OnlyContain(c => c.Track == new TrackId("russia-ukraine-2025"));
        Seed.Entries.Should().OnlyContain(e => e.Id.StartsWith("zelenskyy-2025-07-21/", StringComparison.Ordinal) && !string.IsNullOrWhiteSpace(e.Note));
    }

    [Fact]
    public void The_seed_script_encodes_the_article_in_an_order_the_rules_can_follow()
    {
        Seed.Entries.Select(e => e.Id["zelenskyy-2025-07-21/".Length..]).Should().Equal(
            "open-track",
            "round-held-2025-05-16",
            "round-held-2025-06-02",
            "prisoner-exchanges-agreed",
            "russia-demands-four-regions",
            "kremlin-demands-no-nato",
            "ukraine-rejects-four-regions",
            "ukraine-rejects-no-nato",
            "ukraine-doubts-ceasefire",
            "trump-50-days",
            "trump-renews-arms-supplies",
            "russia-ready-for-talks",
            "kyiv-proposes-round",
            "zelenskyy-proposes-leaders-meeting",
            "round-set-2025-07-23",
            "exchange-in-preparation",
            "peskov-work-ahead");
    }

    [Fact]
    public void The_track_opens_with_the_two_parties_the_host_and_the_pressing_third_party()
    {
        var open = Seed.Commands[0].Should().BeOfType<OpenNegotiation>().Subject;

        open.Participants.Select(p => (p.Actor.Affiliation.Code, p.Role)).Should().Equal(
            ("UKR", ParticipantRole.Party), ("RUS", ParticipantRole.Party), ("TUR", ParticipantRole.Host), ("USA", ParticipantRole.ThirdParty));
    }

    [Fact]
    public void The_rounds_held_are_those_of_16_may_and_2_june_in_istanbul()
    {
        var held = Seed.Commands.OfType<RecordRoundHeld>().ToArray();

        held.Select(r => r.OccurredOn).Should().Equal(WorldDate.On(2025, 5, 16), WorldDate.On(2025, 6, 2));
        held.Should().OnlyContain(r => r.Venue == new Venue(Affiliation.Turkiye, "Istanbul") && r.Outcome == RoundOutcome.NoBreakthrough);
        held.Should().OnlyContain(r => r.Topics.SequenceEqual(new[] { AgendaItems.Ceasefire, AgendaItems.Prisoners, AgendaItems.HumanitarianCorridors }));
        held.Should().OnlyContain(r => r.Summary!.Contains("exchanged ideas on what a peace deal could look like", StringComparison.Ordinal));
    }

    [Fact]
    public void Relative_dates_resolve_against_the_day_the_words_were_said()
    {
        var ultimatum = Seed.Commands.OfType<IssueUltimatum>().Single();
        var proposed = Seed.Commands.OfType<ProposeRound>().Single();
        var exchange = Seed.Commands.OfType<AgreeExchange>().Single();

        ultimatum.OccurredOn.Should().Be(WorldDate.WeekOf(new DateOnly(2025, 7, 14)));
        ultimatum.Deadline.Should().Be(WorldDate.Between(new DateOnly(2025, 9, 2), new DateOnly(2025, 9, 8), DatePrecision.Week));
        proposed.OccurredOn.Should().Be(WorldDate.On(2025, 7, 19));
        proposed.Window.Should().Be(WorldDate.WeekOf(new DateOnly(2025, 7, 21)));
        exchange.OccurredOn.Should().Be(WorldDate.Until(new DateOnly(2025, 7, 21)));
    }

    [Fact]
    public void The_round_set_for_23_july_is_the_round_kyiv_proposed_announced_by_zelenskyy_on_umerovs_report()
    {
        var proposed = Seed.Commands.OfType<ProposeRound>().Single();
        var scheduled = Seed.Commands.OfType<ScheduleRound>().Single();

        scheduled.Round.Should().Be(proposed.Round);
        scheduled.Date.Should().Be(WorldDate.On(2025, 7, 23));
        scheduled.Venue.Should().Be(new Venue(Affiliation.Turkiye));
        scheduled.AnnouncedBy.Code.Should().Be(new ActorCode("zelenskyy"));
        scheduled.ReportedBy!.Code.Should().Be(new ActorCode("umerov"));
        scheduled.OccurredOn.Should().Be(WorldDate.On(2025, 7, 21));
    }

    [Fact]
    public void Russias_two_demands_are_put_to_ukraine_and_each_is_rejected()
    {
        var demands = Seed.Commands.OfType<MakeProposal>().Where(p => p.Kind == ProposalKind.Demand).ToArray();
        var answers = Seed.Commands.OfType<AnswerProposal>().ToArray();

        demands.Select(d => d.Agenda.Single()).Should().Equal(AgendaItems.Territory, AgendaItems.AllianceMembership);
        demands.Should().OnlyContain(d => d.By.Affiliation == Affiliation.Russia && d.AddressedTo.SequenceEqual(new[] { Affiliation.Ukraine }));
        answers.Select(a => a.Proposal).Should().Equal(demands.Select(d => d.Proposal));
        answers.Should().OnlyContain(a => a.Answer == AnswerKind.Rejected && a.By.Affiliation == Affiliation.Ukraine);
    }

    [Fact]
    public void Every_seed_command_survives_the_json_contract()
    {
        foreach (var command in Seed.Commands)
        {
            NegotiationJson.DeserializeCommand(NegotiationJson.SerializeCommand(command))
                .Should().BeEquivalentTo(command, o => o.ComparingRecordsByMembers().RespectingRuntimeTypes());
        }
    }
}
