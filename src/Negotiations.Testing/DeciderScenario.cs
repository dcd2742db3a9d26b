using System.Reflection;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;
using Negotiations.EventSourcing;

namespace Negotiations.Testing;

/// <summary>
/// A Given/When/Then test of a decider: given these facts, when this command, then these events, this refusal, or
/// nothing. Failures throw <see cref="ScenarioFailedException"/> with a message that names the expected and the actual
/// event and the first field where they differ.
/// </summary>
/// <remarks>
/// <para>The command goes the way it goes in an application: through the library's command service, on an in-memory
/// store holding the given facts, so repeats and reused ids are told apart by the same command records, and a
/// retraction of a command that only the store's records know of is decided the same way.</para>
/// <para>Given events are each recorded as if by a command with the id <c>given-1</c>, <c>given-2</c>, ..., unless
/// <see cref="GivenBy"/> names the command. Such facts say which command recorded them but not what it said: a command
/// sent under one of their ids is refused as reusing it (<see cref="CommandErrors.IdReused"/>). Facts given with
/// <see cref="GivenCommands"/> are recorded with their commands, so sending one again is a repeat.</para>
/// </remarks>
/// <typeparam name="TState">The decider's state.</typeparam>
/// <typeparam name="TCommand">The decider's commands.</typeparam>
/// <typeparam name="TEvent">The base type of its events.</typeparam>
public sealed class DeciderScenario<TState, TCommand, TEvent>
    where TState : class
    where TCommand : IStreamCommand
    where TEvent : notnull
{
    /// <summary>The command type recorded for facts given without a command.</summary>
    public const string GivenCommandType = "given";

    private readonly IDecider<TState, TCommand, TEvent> _decider;
    private readonly InMemoryEventStore _store;
    private readonly CommandService<TState, TCommand, TEvent> _service;
    private readonly JsonSerializerOptions _jsonOptions;
    private readonly Dictionary<string, long> _versions = new(StringComparer.Ordinal);
    private int _given;
    private bool _bound;

    /// <summary>Creates a scenario for a decider.</summary>
    /// <param name="decider">The decider under test.</param>
    /// <param name="fingerprints">Names and fingerprints its commands, as in the application.</param>
    /// <param name="catalog">Its event types, with their wire names.</param>
    /// <param name="jsonOptions">How events are turned into JSON to find the first differing field; the web defaults when null.</param>
    public DeciderScenario(IDecider<TState, TCommand, TEvent> decider, ICommandFingerprints<TCommand> fingerprints, EventCatalog catalog, JsonSerializerOptions? jsonOptions = null)
    {
        ArgumentNullException.ThrowIfNull(decider);
        ArgumentNullException.ThrowIfNull(fingerprints);
        ArgumentNullException.ThrowIfNull(catalog);
        _decider = decider;
        _store = new InMemoryEventStore(catalog);
        _service = new CommandService<TState, TCommand, TEvent>(decider, _store, fingerprints, Options.Create(new NegotiationsOptions { MaxConflictRetries = 0, DecisionStateCacheSize = 0 }));
        _jsonOptions = jsonOptions ?? JsonSerializerOptions.Web;
    }

    /// <summary>The stream the given facts go to when no command names one yet.</summary>
    public string Stream { get; private set; } = "scenario";

    /// <summary>Adds facts that happened before the command, each recorded by its own command.</summary>
    /// <param name="events">The events, in stream order.</param>
    /// <returns>The scenario.</returns>
    public DeciderScenario<TState, TCommand, TEvent> Given(params TEvent[] events)
    {
        ArgumentNullException.ThrowIfNull(events);
        foreach (var @event in events)
        {
            Record($"given-{++_given}", [@event]);
        }

        return this;
    }

    /// <summary>Adds facts recorded by one named command (so a later command can retract it).</summary>
    /// <param name="commandId">The id of the command that recorded them.</param>
    /// <param name="events">The events, in stream order.</param>
    /// <returns>The scenario.</returns>
    public DeciderScenario<TState, TCommand, TEvent> GivenBy(string commandId, params TEvent[] events)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(commandId);
        ArgumentNullException.ThrowIfNull(events);
        if (events.Length > 0)
        {
            Record(commandId, events);
        }

        return this;
    }

    /// <summary>Adds the facts of commands decided in turn, each recorded with its command.</summary>
    /// <param name="commands">The commands, in order.</param>
    /// <returns>The scenario.</returns>
    /// <exception cref="ScenarioFailedException">A given command is refused: the scenario's premise is wrong.</exception>
    public DeciderScenario<TState, TCommand, TEvent> GivenCommands(params TCommand[] commands)
    {
        ArgumentNullException.ThrowIfNull(commands);
        foreach (var command in commands)
        {
            Bind(command.StreamId);
            var result = Run(command);
            if (result.Error is { } error)
            {
                throw new ScenarioFailedException($"Given command {command.GetType().Name} '{command.CommandId}' was refused, so the scenario cannot be set up: {error.Code}: {error.Message}");
            }

            _versions[Stream] = result.StreamVersion;
        }

        return this;
    }

    /// <summary>Sends a command to the stream of the given facts, through the command service.</summary>
    /// <param name="command">The command.</param>
    /// <returns>The outcome, to check with <c>Then</c>, <c>ThenFails</c> or <c>ThenNothing</c>.</returns>
    public ScenarioOutcome<TState, TEvent> When(TCommand command)
    {
        ArgumentNullException.ThrowIfNull(command);
        Bind(command.StreamId);
        var result = Run(command);
        var events = _store.ReadStreamAsync(StreamKey.Of(command.StreamId)).GetAwaiter().GetResult();
        return new ScenarioOutcome<TState, TEvent>(command, result, _decider.State.Project(command.StreamId, events), _jsonOptions);
    }

    private CommandResult Run(TCommand command) => _service.HandleAsync(command).GetAwaiter().GetResult();

    private void Record(string commandId, IReadOnlyList<TEvent> events)
    {
        var stream = StreamKey.Of(Stream);
        var version = _versions.GetValueOrDefault(Stream);
        var metadata = new EventMetadata { CommandId = commandId, CommandType = GivenCommandType, CommandFingerprint = $"{GivenCommandType}:{commandId}" };
        try
        {
            _versions[Stream] = _store.AppendAsync(stream, version, [.. events.Cast<object>()], metadata).GetAwaiter().GetResult().Version;
        }
        catch (CommandAlreadyRecordedException)
        {
            throw new ScenarioFailedException($"The given facts name command '{commandId}' twice; give each command's facts once.");
        }
    }

    /// <summary>
    /// Names the scenario's stream after the first command's: facts given before any command were recorded on a stream
    /// of their own, and move to the command's.
    /// </summary>
    private void Bind(string streamId)
    {
        if (_bound)
        {
            return;
        }

        _bound = true;
        if (streamId == Stream)
        {
            return;
        }

        var events = _store.ReadStreamAsync(StreamKey.Of(Stream)).GetAwaiter().GetResult();
        var target = StreamKey.Of(streamId);
        var version = 0L;
        foreach (var group in events.GroupBy(e => e.Metadata.CommandId))
        {
            version = _store.AppendAsync(target, version, [.. group.Select(e => e.Data)], group.First().Metadata).GetAwaiter().GetResult().Version;
        }

        _versions.Clear();
        _versions[streamId] = version;
        Stream = streamId;
    }
}

/// <summary>What a command decided in a <see cref="DeciderScenario{TState, TCommand, TEvent}"/>, to be checked.</summary>
/// <typeparam name="TState">The decider's state.</typeparam>
/// <typeparam name="TEvent">The base type of its events.</typeparam>
public sealed class ScenarioOutcome<TState, TEvent>
    where TState : class
    where TEvent : notnull
{
    private readonly IStreamCommand _command;
    private readonly CommandResult _result;
    private readonly TState _state;
    private readonly JsonSerializerOptions _jsonOptions;

    internal ScenarioOutcome(IStreamCommand command, CommandResult result, TState state, JsonSerializerOptions jsonOptions)
    {
        _command = command;
        _result = result;
        _state = state;
        _jsonOptions = jsonOptions;
    }

    /// <summary>The command service's result, for checks of your own.</summary>
    public CommandResult Result => _result;

    /// <summary>Checks that the command decided exactly these events, in this order.</summary>
    /// <param name="expected">The expected events.</param>
    /// <returns>The decision state after the events, for further checks.</returns>
    /// <exception cref="ScenarioFailedException">The command was refused, repeated, or decided other events.</exception>
    public TState Then(params TEvent[] expected)
    {
        ArgumentNullException.ThrowIfNull(expected);
        switch (_result.Outcome)
        {
            case CommandOutcome.AlreadyApplied:
                throw Fail($"Expected {Describe(expected)}, but command '{_command.CommandId}' was already applied by the given facts, so nothing was decided.");
            case CommandOutcome.Refused:
                throw Fail($"Expected {Describe(expected)}, but {CommandName} was refused: {_result.Error!.Code}: {_result.Error.Message}");
        }

        var actual = _result.Events.Select(e => (TEvent)e.Data).ToArray();
        for (var i = 0; i < Math.Min(expected.Length, actual.Length); i++)
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

        if (expected.Length != actual.Length)
        {
            throw Fail($"Expected {Describe(expected)}, but {CommandName} decided {Describe(actual)}.");
        }

        return _state;
    }

    /// <summary>Checks that the command was refused with a rule's code.</summary>
    /// <param name="code">The expected stable error code.</param>
    /// <returns>The error, for checks of its message.</returns>
    /// <exception cref="ScenarioFailedException">The command was accepted, repeated, or refused with another code.</exception>
    public DomainError ThenFails(string code)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(code);
        return _result switch
        {
            { Outcome: CommandOutcome.AlreadyApplied } => throw Fail($"Expected {CommandName} to be refused with {code}, but its id was already applied by the given facts, so nothing was decided."),
            { Error: null } => throw Fail($"Expected {CommandName} to be refused with {code}, but it was accepted with {Describe([.. _result.Events.Select(e => (TEvent)e.Data)])}."),
            { Error: { } error } when error.Code != code => throw Fail($"Expected {CommandName} to be refused with {code}, but it was refused with {error.Code}: {error.Message}"),
            { Error: { } error } => error,
        };
    }

    /// <summary>
    /// Checks that the command decided nothing: its id was already applied (an idempotent repeat), or it was
    /// accepted with no events.
    /// </summary>
    /// <exception cref="ScenarioFailedException">The command was refused or decided events.</exception>
    public void ThenNothing()
    {
        switch (_result)
        {
            case { Outcome: CommandOutcome.AlreadyApplied }:
                return;
            case { Error: { } error }:
                throw Fail($"Expected {CommandName} to decide nothing, but it was refused: {error.Code}: {error.Message}");
            case { Events.Count: > 0 }:
                throw Fail($"Expected {CommandName} to decide nothing, but it decided {Describe([.. _result.Events.Select(e => (TEvent)e.Data)])}.");
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
        @event.GetType().GetCustomAttribute<WireNameAttribute>()?.Name ?? @event.GetType().Name;
}
