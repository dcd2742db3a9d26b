using System.Reflection;
using System.Text;
using System.Text.Json;
using Negotiations.EventSourcing;

namespace Negotiations.Testing;

/// <summary>
/// A Given/When/Then test of a decider, with no store: given these facts, when this command, then these
/// events, this refusal, or nothing. Failures throw <see cref="ScenarioFailedException"/> with a message that
/// names the expected and the actual event and the first field where they differ.
/// </summary>
/// <remarks>
/// Given events are folded with the decider's own <c>Evolve</c>. Each given event is recorded as if by a command
/// with the id <c>given-1</c>, <c>given-2</c>, ... unless <see cref="GivenBy"/> names the command. A command
/// whose id is among the given command ids is an idempotent repeat: it decides nothing, as in the command service.
/// </remarks>
/// <typeparam name="TState">The decider's state.</typeparam>
/// <typeparam name="TCommand">The decider's commands.</typeparam>
/// <typeparam name="TEvent">The base type of its events.</typeparam>
public sealed class DeciderScenario<TState, TCommand, TEvent>
    where TCommand : IStreamCommand
    where TEvent : notnull
{
    private readonly IDecider<TState, TCommand, TEvent> _decider;
    private readonly JsonSerializerOptions _jsonOptions;
    private readonly List<(TEvent Event, EventMetadata Metadata)> _given = [];

    /// <summary>Creates a scenario for a decider.</summary>
    /// <param name="decider">The decider under test.</param>
    /// <param name="jsonOptions">How events are turned into JSON to find the first differing field; the web defaults when null.</param>
    public DeciderScenario(IDecider<TState, TCommand, TEvent> decider, JsonSerializerOptions? jsonOptions = null)
    {
        ArgumentNullException.ThrowIfNull(decider);
        _decider = decider;
        _jsonOptions = jsonOptions ?? JsonSerializerOptions.Web;
    }

    /// <summary>Adds facts that happened before the command, each recorded by its own command.</summary>
    /// <param name="events">The events, in stream order.</param>
    /// <returns>The scenario.</returns>
    public DeciderScenario<TState, TCommand, TEvent> Given(params TEvent[] events)
    {
        ArgumentNullException.ThrowIfNull(events);
        foreach (var @event in events)
        {
            _given.Add((@event, new EventMetadata { CommandId = $"given-{_given.Count + 1}" }));
        }

        return this;
    }

    /// <summary>Adds facts recorded by one named command (so a later command can repeat or retract it).</summary>
    /// <param name="commandId">The id of the command that recorded them.</param>
    /// <param name="events">The events, in stream order.</param>
    /// <returns>The scenario.</returns>
    public DeciderScenario<TState, TCommand, TEvent> GivenBy(string commandId, params TEvent[] events)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(commandId);
        ArgumentNullException.ThrowIfNull(events);
        foreach (var @event in events)
        {
            _given.Add((@event, new EventMetadata { CommandId = commandId }));
        }

        return this;
    }

    /// <summary>Adds the facts of commands decided in turn, each recorded under its own command id.</summary>
    /// <param name="commands">The commands, in order.</param>
    /// <returns>The scenario.</returns>
    /// <exception cref="ScenarioFailedException">A given command is refused: the scenario's premise is wrong.</exception>
    public DeciderScenario<TState, TCommand, TEvent> GivenCommands(params TCommand[] commands)
    {
        ArgumentNullException.ThrowIfNull(commands);
        foreach (var command in commands)
        {
            var decision = _decider.Decide(State(), command);
            if (decision.Error is { } error)
            {
                throw new ScenarioFailedException($"Given command {command.GetType().Name} '{command.CommandId}' was refused, so the scenario cannot be set up: {error.Code}: {error.Message}");
            }

            GivenBy(command.CommandId, [.. decision.Events]);
        }

        return this;
    }

    /// <summary>Decides a command on the state the given facts build.</summary>
    /// <param name="command">The command.</param>
    /// <returns>The outcome, to check with <c>Then</c>, <c>ThenFails</c> or <c>ThenNothing</c>.</returns>
    public ScenarioOutcome<TState, TEvent> When(TCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        var state = State();
        if (_given.Any(g => g.Metadata.CommandId == command.CommandId))
        {
            return new ScenarioOutcome<TState, TEvent>(_decider.Evolve, command, state, null, _jsonOptions);
        }

        return new ScenarioOutcome<TState, TEvent>(_decider.Evolve, command, state, _decider.Decide(state, command), _jsonOptions);
    }

    private TState State()
    {
        var state = _decider.Initial;
        foreach (var (@event, metadata) in _given)
        {
            state = _decider.Evolve(state, @event, metadata);
        }

        return state;
    }
}

/// <summary>What a command decided in a <see cref="DeciderScenario{TState, TCommand, TEvent}"/>, to be checked.</summary>
/// <typeparam name="TState">The decider's state.</typeparam>
/// <typeparam name="TEvent">The base type of its events.</typeparam>
public sealed class ScenarioOutcome<TState, TEvent>
    where TEvent : notnull
{
    private readonly Func<TState, TEvent, EventMetadata, TState> _evolve;
    private readonly IStreamCommand _command;
    private readonly TState _state;
    private readonly Decision<TEvent>? _decision;
    private readonly JsonSerializerOptions _jsonOptions;

    internal ScenarioOutcome(Func<TState, TEvent, EventMetadata, TState> evolve, IStreamCommand command, TState state, Decision<TEvent>? decision, JsonSerializerOptions jsonOptions)
    {
        _evolve = evolve;
        _command = command;
        _state = state;
        _decision = decision;
        _jsonOptions = jsonOptions;
    }

    /// <summary>Checks that the command decided exactly these events, in this order.</summary>
    /// <param name="expected">The expected events.</param>
    /// <returns>The state after the events, for further checks.</returns>
    /// <exception cref="ScenarioFailedException">The command was refused, repeated, or decided other events.</exception>
    public TState Then(params TEvent[] expected)
    {
        ArgumentNullException.ThrowIfNull(expected);
        var decision = _decision ?? throw Fail($"Expected {Describe(expected)}, but command '{_command.CommandId}' was already applied by the given facts, so nothing was decided.");
        if (decision.Error is { } error)
        {
            throw Fail($"Expected {Describe(expected)}, but {CommandName} was refused: {error.Code}: {error.Message}");
        }

        var actual = decision.Events;
        for (var i = 0; i < Math.Min(expected.Length, actual.Count); i++)
        {
            var (wanted, got) = (expected[i], actual[i]);
            if (wanted.GetType() != got.GetType())
            {
                throw Fail($"Event {i + 1} of {CommandName}: expected {NameOf(wanted)} but got {NameOf(got)}. Expected {Describe(expected)}; got {Describe(actual)}.");
            }

            var difference = JsonDifference.First(
                JsonSerializer.SerializeToElement(wanted, wanted.GetType(), _jsonOptions),
                JsonSerializer.SerializeToElement(got, got.GetType(), _jsonOptions));
            if (difference is { } d)
            {
                throw Fail($"Event {i + 1} ({NameOf(got)}) of {CommandName} differs at {d.Path}: expected {d.Expected}, got {d.Actual}.");
            }
        }

        if (expected.Length != actual.Count)
        {
            throw Fail($"Expected {Describe(expected)}, but {CommandName} decided {Describe(actual)}.");
        }

        var state = _state;
        foreach (var @event in actual)
        {
            state = _evolve(state, @event, new EventMetadata { CommandId = _command.CommandId });
        }

        return state;
    }

    /// <summary>Checks that the command was refused with a rule's code.</summary>
    /// <param name="code">The expected stable error code.</param>
    /// <returns>The error, for checks of its message.</returns>
    /// <exception cref="ScenarioFailedException">The command was accepted, repeated, or refused with another code.</exception>
    public DomainError ThenFails(string code)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(code);
        var decision = _decision ?? throw Fail($"Expected {CommandName} to be refused with {code}, but its id was already applied by the given facts, so nothing was decided.");
        return decision.Error switch
        {
            null => throw Fail($"Expected {CommandName} to be refused with {code}, but it was accepted with {Describe(decision.Events)}."),
            { } error when error.Code != code => throw Fail($"Expected {CommandName} to be refused with {code}, but it was refused with {error.Code}: {error.Message}"),
            { } error => error,
        };
    }

    /// <summary>
    /// Checks that the command decided nothing: its id was already applied (an idempotent repeat), or it was
    /// accepted with no events.
    /// </summary>
    /// <exception cref="ScenarioFailedException">The command was refused or decided events.</exception>
    public void ThenNothing()
    {
        switch (_decision)
        {
            case null:
                return;
            case { Error: { } error }:
                throw Fail($"Expected {CommandName} to decide nothing, but it was refused: {error.Code}: {error.Message}");
            case { Events.Count: > 0 } decision:
                throw Fail($"Expected {CommandName} to decide nothing, but it decided {Describe(decision.Events)}.");
        }
    }

    private string CommandName => $"{_command.GetType().Name} '{_command.CommandId}'";

    private static ScenarioFailedException Fail(string message) => new(message);

    private static string Describe(IReadOnlyList<TEvent> events)
    {
        if (events.Count == 0)
        {
            return "no events";
        }

        var text = new StringBuilder(events.Count == 1 ? "1 event (" : $"{events.Count} events (");
        text.AppendJoin(", ", events.Select(NameOf));
        return text.Append(')').ToString();
    }

    private static string NameOf(TEvent @event) =>
        @event.GetType().GetCustomAttribute<EventNameAttribute>()?.Name ?? @event.GetType().Name;
}
