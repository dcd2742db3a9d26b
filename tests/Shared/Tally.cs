using Negotiations.EventSourcing;

namespace Negotiations.Tests.Shared;

/// <summary>A tiny model for testing the machinery: a tally that adds positive amounts up to a limit.</summary>
public static class Tally
{
    public const int Limit = 1_000_000;

    public static readonly EventCatalog Catalog = EventCatalog.Of(typeof(Added), typeof(Noted));

    public static readonly Decider Instance = new();

    public interface IEvent;

    [WireName("tally_added.v1")]
    public sealed record Added(int Amount) : IEvent;

    [WireName("tally_noted.v1")]
    public sealed record Noted(string Text) : IEvent;

    /// <summary>Adds an amount; amounts over 100 are also noted as large.</summary>
    public sealed record Add(string StreamId, string CommandId, int Amount) : IStreamCommand;

    public sealed record State(int Total, int Additions, IReadOnlyList<string> CommandIds);

    public sealed class Decider : IDecider<State, Add, IEvent>
    {
        public StreamProjection<State> State { get; } = new Fold();

        public Decision<IEvent> Decide(State state, Add command) => command.Amount switch
        {
            <= 0 => Decision<IEvent>.Refuse("tally.amount_not_positive", $"Amount {command.Amount} is not positive."),
            _ when state.Total + (long)command.Amount > Limit => Decision<IEvent>.Refuse("tally.limit_exceeded", $"Adding {command.Amount} to {state.Total} passes the limit {Limit}."),
            > 100 => Decision<IEvent>.Accept(new Added(command.Amount), new Noted("large")),
            _ => Decision<IEvent>.Accept(new Added(command.Amount)),
        };

    }

    /// <summary>The tally's state, folded from its events.</summary>
    public sealed class Fold : StreamProjection<State>
    {
        public override State Start(string streamId) => new(0, 0, []);

        public override State Evolve(State view, RecordedEvent @event) => @event.Data switch
        {
            Added added => view with
            {
                Total = view.Total + added.Amount,
                Additions = view.Additions + 1,
                CommandIds = [.. view.CommandIds, @event.Metadata.CommandId ?? "?"],
            },
            _ => view,
        };
    }

    /// <summary>Names and fingerprints tally commands: the fingerprint is the amount.</summary>
    public sealed class Fingerprints : ICommandFingerprints<Add>
    {
        public static readonly Fingerprints Instance = new();

        public string NameOf(Add command) => nameof(Add);

        public string FingerprintOf(Add command) => $"v1:{command.StreamId}:{command.Amount}";
    }
}
