using System.Text.Json.Nodes;
using FluentAssertions;
using Negotiations.EventSourcing;
using Negotiations.Serialization;
using Xunit;

namespace Negotiations.Tests.Shared;

/// <summary>
/// Bad input never reaches a stream, on every store alike: each of <see cref="BadInputs.Cases"/> is refused by the
/// decider, the command service and the importer with the same code and member, and nothing is appended; good text
/// of every kind is stored exactly as given; a command id reused by another command is refused.
/// </summary>
public abstract class BadInputContract
{
    /// <summary>Makes a store that knows the negotiation events.</summary>
    protected abstract IEventStore CreateStore();

    private static NegotiationDecider Decider { get; } = new();

    public static TheoryData<string> CaseNames() => [.. BadInputs.Cases().Select(c => c.Name)];

    private static (string Name, NegotiationCommand Command, string Code, string Member) Case(string name) =>
        BadInputs.Cases().Single(c => c.Name == name);

    private static CommandService<NegotiationDecisionState, NegotiationCommand, INegotiationEvent> Service(IEventStore store) =>
        new(Decider, store, NegotiationCommandFingerprints.Instance);

    private static TrackId NewTrack() => new($"bad-{Guid.NewGuid():N}"[..28]);

    /// <summary>The case's command aimed at a new opened track, unless it is about the track id itself.</summary>
    private static NegotiationCommand Aimed(NegotiationCommand command, TrackId track) =>
        command.Track == BadInputs.Track ? command with { Track = track } : command;

    [Theory]
    [MemberData(nameof(CaseNames))]
    public async Task A_bad_command_is_refused_naming_its_member_and_appends_nothing(string name)
    {
        var (_, command, code, member) = Case(name);
        var store = CreateStore();
        var track = NewTrack();
        (await Service(store).HandleAsync(BadInputs.Opening(track))).Outcome.Should().Be(CommandOutcome.Accepted);

        var bad = Aimed(command, track);
        var result = await Service(store).HandleAsync(bad);
        var decided = Decider.Decide(Decider.State.Start(track.Value), bad);

        result.Outcome.Should().Be(CommandOutcome.Refused, name);
        result.Error!.Code.Should().Be(code, result.Error.Message);
        result.Error.Member.Should().Be(member);
        result.Error.Message.Length.Should().BeLessThan(1_000, "a message shows at most a few dozen characters of a value");
        decided.Error.Should().Be(result.Error, "the decider on its own refuses it the same way");
        (await store.ReadStreamAsync(StreamKey.Of(track.Value))).Should().ContainSingle("only the opening is stored");
    }

    [Theory]
    [MemberData(nameof(CaseNames))]
    public async Task The_importer_refuses_a_bad_command_the_same_way_and_writes_nothing_of_its_track(string name)
    {
        var (_, command, code, _) = Case(name);
        var store = CreateStore();
        var track = NewTrack();
        var importer = new CommandImporter<NegotiationDecisionState, NegotiationCommand, INegotiationEvent>(Decider, store, NegotiationCommandFingerprints.Instance);

        var result = await importer.ImportAsync([BadInputs.Opening(track), Aimed(command, track)]);

        result.Succeeded.Should().BeFalse();
        result.Streams.Should().Contain(s => s.Outcome == ImportOutcome.Refused && s.Error!.StartsWith(code + ":"));
        if (command.Track == BadInputs.Track)
        {
            (await store.ReadStreamAsync(StreamKey.Of(track.Value))).Should().BeEmpty("a refused command refuses its whole track");
        }
        else
        {
            // A command with no valid track is a refused run of its own; the track before it is imported.
            result.Streams.Should().Contain(s => s.Stream.StreamId == track.Value && s.Outcome == ImportOutcome.Imported);
        }
    }

    [Fact]
    public async Task Text_of_every_kind_the_rules_allow_is_stored_and_read_back_exactly()
    {
        string[] texts =
        [
            "Zelenskyy 🇺🇦 said \"no\" — 'twice'", // a flag (surrogate pairs), quotes, an em dash
            "e\u0301 vs \u00e9", // a combining accent and its precomposed twin: not normalised
            "\u202Eright-to-left override\u202C and \u200Bzero width", // format characters
            "line one\nline two\r\n\ttabbed", // line breaks and tabs in free text
            "\uFFFD replacement, \uFFFE noncharacter, \U0010FFFF last code point",
            new string('x', NegotiationLimits.TextLength), // the longest summary
        ];
        var store = CreateStore();
        var track = NewTrack();
        await Service(store).HandleAsync(BadInputs.Opening(track));
        for (var i = 0; i < texts.Length; i++)
        {
            var result = await Service(store).HandleAsync(BadInputs.Statement with { Track = track, CommandId = new CommandId($"text-{i}"), Summary = texts[i] });
            result.Outcome.Should().Be(CommandOutcome.Accepted, result.Error?.Message);
        }

        var stored = (await store.ReadStreamAsync(StreamKey.Of(track.Value))).Skip(1).Select(e => ((StatementMade)e.Data).Summary);
        stored.Should().Equal(texts);
    }

    [Fact]
    public async Task A_command_id_reused_by_each_other_command_type_is_refused_naming_both_types_only()
    {
        NegotiationCommand[] others =
        [
            BadInputs.Join, BadInputs.Schedule, BadInputs.Held, BadInputs.Demand, BadInputs.Exchange, BadInputs.Stage,
            BadInputs.Ultimatum, BadInputs.Revise, BadInputs.Statement,
            new ProposeRound
            {
                Track = BadInputs.Track,
                CommandId = new CommandId("x"),
                Round = new RoundId("later"),
                ProposedBy = BadInputs.Zelenskyy,
                Window = null,
                Agenda = [],
                OccurredOn = BadInputs.Day,
            },
            new PostponeRound
            {
                Track = BadInputs.Track,
                CommandId = new CommandId("x"),
                Round = new RoundId("istanbul"),
                NewDate = null,
                Reason = null,
                OccurredOn = BadInputs.Day,
            },
            new CancelRound { Track = BadInputs.Track, CommandId = new CommandId("x"), Round = new RoundId("istanbul"), Reason = null, OccurredOn = BadInputs.Day },
            new AnswerProposal
            {
                Track = BadInputs.Track,
                CommandId = new CommandId("x"),
                Proposal = new ProposalId("four-regions"),
                By = BadInputs.Zelenskyy,
                Answer = AnswerKind.Rejected,
                Conditions = null,
                CounteredBy = null,
                OccurredOn = BadInputs.Day,
            },
            new WithdrawUltimatum
            {
                Track = BadInputs.Track,
                CommandId = new CommandId("x"),
                Ultimatum = new UltimatumId("fifty-days"),
                Reason = null,
                OccurredOn = BadInputs.Day,
            },
            new RetractFact
            {
                Track = BadInputs.Track,
                CommandId = new CommandId("x"),
                Retracted = new CommandId("statement"),
                Reason = "wrong",
                OccurredOn = BadInputs.Day,
            },
            BadInputs.Opening(BadInputs.Track) with { Title = "Another title" },
        ];
        others.Select(c => c.GetType()).Distinct().Should().HaveCount(NegotiationJson.CommandTypes.Count, "every command type reuses the id once");
        var store = CreateStore();
        var track = NewTrack();
        var opening = BadInputs.Opening(track);
        await Service(store).HandleAsync(opening);

        foreach (var other in others)
        {
            var reused = await Service(store).HandleAsync(other with { Track = track, CommandId = opening.CommandId });

            reused.Outcome.Should().Be(CommandOutcome.Refused, other.GetType().Name);
            reused.Error!.Code.Should().Be(NegotiationErrors.CommandIdReused);
            reused.Error.Message.Should().Contain(nameof(OpenNegotiation)).And.Contain(other.GetType().Name)
                .And.NotContain(opening.Title).And.NotContain("zelenskyy", "the message names the command types and nothing of their content");
        }

        (await store.ReadStreamAsync(StreamKey.Of(track.Value))).Should().ContainSingle();
    }

    [Fact]
    public async Task The_same_command_with_its_members_in_another_order_is_a_repeat_not_a_reused_id()
    {
        var store = CreateStore();
        var track = NewTrack();
        await Service(store).HandleAsync(BadInputs.Opening(track));
        var statement = BadInputs.Statement with { Track = track };
        await Service(store).HandleAsync(statement);
        var json = JsonNode.Parse(NegotiationJson.SerializeCommand(statement))!.AsObject();
        var data = json["data"]!.AsObject();
        var reordered = new JsonObject(data.Reverse().Select(p => KeyValuePair.Create(p.Key, p.Value?.DeepClone())));
        var again = NegotiationJson.DeserializeCommand(new JsonObject { ["data"] = reordered, ["command"] = json["command"]!.DeepClone() }.ToJsonString());

        var repeat = await Service(store).HandleAsync(again);

        repeat.Outcome.Should().Be(CommandOutcome.AlreadyApplied);
        repeat.Events.Should().ContainSingle();
        (await store.ReadStreamAsync(StreamKey.Of(track.Value))).Should().HaveCount(2);
    }
}
