using FluentAssertions;
using Negotiations.EventSourcing;
using Negotiations.Serialization;
using Xunit;

namespace Negotiations.Tests.Serialization;

/// <summary>One registry of message names: <see cref="WireNameAttribute"/> on every event and every command.</summary>
public sealed class WireNameTests
{
    private static readonly Type[] CommandTypes = [.. typeof(NegotiationCommand).Assembly.GetTypes().Where(t => t.IsSubclassOf(typeof(NegotiationCommand)) && !t.IsAbstract)];

    [Fact]
    public void Every_command_type_is_named_by_its_wire_name_and_the_names_are_the_ones_scripts_use()
    {
        NegotiationJson.CommandTypes.Values.Should().BeEquivalentTo(CommandTypes);
        NegotiationJson.CommandTypes.Keys.Should().BeEquivalentTo(
            "OpenNegotiation", "AddParticipant", "ProposeRound", "ScheduleRound", "PostponeRound", "CancelRound", "RecordRoundHeld", "MakeProposal",
            "AnswerProposal", "AgreeExchange", "RecordExchangeStage", "IssueUltimatum", "ReviseUltimatum", "WithdrawUltimatum", "RecordStatement", "RetractFact");
        foreach (var type in CommandTypes)
        {
            NegotiationJson.CommandNameOf(type).Should().Be(type.GetCustomAttributes(typeof(WireNameAttribute), false).Cast<WireNameAttribute>().Single().Name);
        }
    }

    [Fact]
    public void Every_event_type_of_the_catalog_is_named_by_its_wire_name()
    {
        foreach (var type in NegotiationEvents.Catalog.Types)
        {
            NegotiationEvents.Catalog.NameOf(type).Should().Be(type.GetCustomAttributes(typeof(WireNameAttribute), false).Cast<WireNameAttribute>().Single().Name);
        }

        typeof(INegotiationEvent).Assembly.GetTypes().Where(t => t.IsAssignableTo(typeof(INegotiationEvent)) && t.IsClass && !t.IsAbstract)
            .Should().BeEquivalentTo(NegotiationEvents.Catalog.Types, "a new event type is in the catalog, under a wire name");
    }
}
