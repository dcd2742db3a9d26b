using FluentAssertions;
using Microsoft.Extensions.DependencyInjection;
using Negotiations.EventSourcing;
using Negotiations.Tests.Shared;
using Xunit;
using static Negotiations.Tests.Domain.Track;

namespace Negotiations.Tests.Domain;

public sealed class NegotiationServicesTests : IDisposable
{
    private readonly ServiceProvider _provider;

    public NegotiationServicesTests()
    {
        var services = new ServiceCollection();
        services.AddNegotiations().UseInMemoryStore();
        _provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    private INegotiationCommands Commands => _provider.GetRequiredService<INegotiationCommands>();

    private IEventStore Store => _provider.GetRequiredService<IEventStore>();

    public void Dispose() => _provider.Dispose();

    [Fact]
    public void AddNegotiations_registers_the_negotiation_model_once()
    {
        _provider.GetRequiredService<EventCatalog>().Should().BeSameAs(NegotiationEvents.Catalog);
        _provider.GetRequiredService<IDecider<NegotiationDecisionState, NegotiationCommand, INegotiationEvent>>().Should().BeOfType<NegotiationDecider>();
        Commands.Tenant.Should().Be(StreamKey.DefaultTenant, "no tenant source was set");
        _provider.GetRequiredService<INegotiationReader>().Tenant.Should().Be(StreamKey.DefaultTenant);
    }

    [Fact]
    public void An_event_catalog_registered_before_AddNegotiations_is_kept()
    {
        var services = new ServiceCollection();
        services.AddSingleton(Tally.Catalog);
        services.AddNegotiations().UseInMemoryStore();
        using var provider = services.BuildServiceProvider();

        provider.GetRequiredService<EventCatalog>().Should().BeSameAs(Tally.Catalog);
    }

    [Fact]
    public async Task An_OpenNegotiation_command_is_handled_end_to_end_through_the_in_memory_store()
    {
        var result = await Commands.SendAsync(Open(), new CommandContext(CorrelationId: "newsroom-1"));

        result.Outcome.Should().Be(CommandOutcome.Accepted);
        result.StreamId.Should().Be("russia-ukraine-2025");
        result.Events.Should().ContainSingle().Which.EventType.Should().Be("negotiation_opened.v1");
        var stored = await Store.ReadStreamAsync(StreamKey.Of("russia-ukraine-2025"));
        stored.Should().ContainSingle().Which.Metadata.Should().BeEquivalentTo(new { CommandId = "open", CommandType = "OpenNegotiation", CorrelationId = "newsroom-1" });
        stored[0].Metadata.CommandFingerprint.Should().StartWith("v1:");

        var state = await _provider.GetRequiredService<INegotiationReader>().GetStateAsync(Id);
        state!.Id.Should().Be("russia-ukraine-2025");
        state.Participants.Select(p => p.Actor.Affiliation).Should().Equal(Affiliation.Ukraine, Affiliation.Russia, Affiliation.Turkiye, Affiliation.UnitedStates);
    }

    [Fact]
    public async Task A_refused_command_appends_nothing_and_returns_the_rule()
    {
        var result = await Commands.SendAsync(Statement());

        result.Outcome.Should().Be(CommandOutcome.Refused);
        result.Error!.Code.Should().Be(NegotiationErrors.TrackNotOpened);
        (await Store.ReadStreamAsync(StreamKey.Of("russia-ukraine-2025"))).Should().BeEmpty();
    }

    [Fact]
    public async Task The_reader_gives_the_state_and_timeline_as_of_a_day_and_nothing_for_a_track_without_events()
    {
        foreach (var command in new NegotiationCommand[] { Open(), HoldRound(), ProposeRound(), ScheduleRound() })
        {
            (await Commands.SendAsync(command)).Outcome.Should().Be(CommandOutcome.Accepted);
        }

        var reader = _provider.GetRequiredService<INegotiationReader>();

        var may20 = await reader.GetStateAsync(Id, Day(5, 20));
        may20!.Rounds.Should().ContainSingle().Which.Status.Should().Be(RoundStatus.Held);
        may20.AsOf.Should().Be(Day(5, 20));
        (await reader.GetStateAsync(Id))!.Rounds.Should().HaveCount(2);
        (await reader.GetTimelineAsync(Id, Day(7, 20)))!.Entries.Select(e => e.CommandId).Should().Equal("open", "hold-round", "propose-round");
        (await reader.GetStateAsync(new TrackId("usa-russia-summit"))).Should().BeNull();
        (await reader.GetTimelineAsync(new TrackId("usa-russia-summit"))).Should().BeNull();
    }

    [Fact]
    public async Task Any_command_repeated_with_its_command_id_appends_nothing_and_returns_the_earlier_outcome()
    {
        var script = new NegotiationCommand[]
        {
            Open(), Join(Umerov), HoldRound(), ProposeRound(), ScheduleRound(), PostponeRound(), CancelRound(),
            Demand(), Answer(), AgreeExchange(counts: [new SideCount(Affiliation.Ukraine, 1000)]), Stage(1, [new SideCount(Affiliation.Ukraine, 390)]),
            Ultimatum(), Revise(), Withdraw(), Statement(), Retract("cancel-round"),
        };
        var first = new Dictionary<string, CommandResult>();

        for (var i = 0; i < script.Length; i++)
        {
            var result = await Commands.SendAsync(script[i]);
            result.Outcome.Should().Be(CommandOutcome.Accepted, "{0} is a new command: {1}", script[i].CommandId, result.Error?.Message);
            first[script[i].CommandId.Value] = result;
            var length = (await Store.ReadStreamAsync(StreamKey.Of(Id.Value))).Count;

            foreach (var earlier in script.Take(i + 1).Reverse())
            {
                var repeat = await Commands.SendAsync(earlier);

                repeat.Outcome.Should().Be(CommandOutcome.AlreadyApplied, "{0} was applied already", earlier.CommandId);
                repeat.Events.Should().BeEquivalentTo(first[earlier.CommandId.Value].Events);
                repeat.StreamVersion.Should().Be(length);
                (await Store.ReadStreamAsync(StreamKey.Of(Id.Value))).Should().HaveCount(length, "repeating {0} appends nothing", earlier.CommandId);
            }
        }

        (await Store.ReadStreamAsync(StreamKey.Of(Id.Value))).Select(e => e.Metadata.CommandId).Should().Equal(script.Select(c => c.CommandId.Value));
    }

    [Fact]
    public async Task A_command_id_reused_with_other_content_is_refused_and_appends_nothing()
    {
        await Commands.SendAsync(Open());
        await Commands.SendAsync(Statement(Peskov, "peskov"));

        var reused = await Commands.SendAsync(Statement(Zelenskyy, "peskov"));

        reused.Outcome.Should().Be(CommandOutcome.Refused);
        reused.Error!.Code.Should().Be(NegotiationErrors.CommandIdReused);
        (await Store.ReadStreamAsync(StreamKey.Of(Id.Value))).Should().HaveCount(2);
    }

    [Fact]
    public async Task A_command_id_reused_by_another_command_type_is_refused_naming_both_types_and_nothing_else()
    {
        await Commands.SendAsync(Open());

        var reused = await Commands.SendAsync(Statement(Peskov, OpeningCommand));

        reused.Outcome.Should().Be(CommandOutcome.Refused);
        reused.Error!.Code.Should().Be(NegotiationErrors.CommandIdReused);
        reused.Error.Message.Should().Contain(nameof(OpenNegotiation)).And.Contain(nameof(RecordStatement)).And.NotContain(Title);
        reused.Events.Should().BeEmpty();
    }

    [Fact]
    public async Task A_retraction_of_a_command_only_the_store_records_know_is_decided_on_those_records()
    {
        await Commands.SendAsync(Open());
        await Commands.SendAsync(Statement(Peskov, "peskov"));

        (await Commands.SendAsync(Retract("never-sent"))).Error!.Code.Should().Be(NegotiationErrors.RetractionUnknownCommand);
        (await Commands.SendAsync(Retract("peskov"))).Outcome.Should().Be(CommandOutcome.Accepted);
        (await _provider.GetRequiredService<INegotiationReader>().GetStateAsync(Id))!.Statements.Should().BeEmpty();
    }
}
