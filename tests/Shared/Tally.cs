using Negotiations.EventSourcing;

namespace Negotiations.Tests.Shared;

/// <summary>A tiny model for testing the machinery: a tally that adds positive amounts up to a limit.</summary>
public static class Tally
{
    public const int Limit = 1_000_000;

    public static readonly EventCatalog Catalog = EventCatalog.Of(typeof(Added), typeof(Noted));

    public static readonly Decider Instance = new();

    public interface IEvent;

    [EventName("tally_added.v1")]
    public sealed record Added(int Amount) : IEvent;

    [EventName("tally_noted.v1")]
    public sealed record Noted(string Text) : IEvent;

    /// <summary>Adds an amount; amounts over 100 are also noted as large.</summary>
    public sealed record Add(string StreamId, string CommandId, int Amount) : IStreamCommand;

    public sealed record State(int Total, int Additions, IReadOnlyList<string> CommandIds);

    public sealed class Decider : IDecider<State, Add, IEvent>
    {
        public State Initial { get; } = new(0, 0, []);

        public Decision<IEvent> Decide(State state, Add command) => command.Amount switch
        {
            <= 0 => Decision<IEvent>.Refuse("tally.amount_not_positive", $"Amount {command.Amount} is not positive."),
            _ when state.Total + (long)command.Amount > Limit => Decision<IEvent>.Refuse("tally.limit_exceeded", $"Adding {command.Amount} to {state.Total} passes the limit {Limit}."),
            > 100 => Decision<IEvent>.Accept(new Added(command.Amount), new Noted("large")),
            _ => Decision<IEvent>.Accept(new Added(command.Amount)),
        };

        public State Evolve(State state, IEvent @event, EventMetadata metadata) => @event switch
        {
            Added added => state with
            {
                Total = state.Total + added.Amount,
                Additions = state.Additions + 1,
                CommandIds = [.. state.CommandIds, metadata.CommandId ?? "?"],
            },
            _ => state,
        };
    }
}
