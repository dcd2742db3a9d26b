using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Negotiations.EventSourcing;

/// <summary>
/// The names under which <see cref="INegotiationCommands"/> reports traces and metrics, following the OpenTelemetry
/// semantic conventions: durations in seconds with explicit bucket boundaries, <c>error.type</c> on failures,
/// lower-case values. Subscribe to them with OpenTelemetry (<c>AddSource(ActivitySourceName)</c>,
/// <c>AddMeter(MeterName)</c>) or a listener.
/// </summary>
/// <remarks>
/// A refusal is an answer, not a failure: its span ends with status unset and carries
/// <see cref="Tags.ErrorCode"/>. An exception (a conflict that outlasted the retries, an unreachable store, a
/// cancellation) ends the span with status error and sets <see cref="Tags.ErrorType"/> to the exception's full type
/// name, on the span and on <see cref="CommandDuration"/>.
/// </remarks>
public static class NegotiationsTelemetry
{
    /// <summary>The name of the activity source: one span per command.</summary>
    public const string ActivitySourceName = "Negotiations";

    /// <summary>The name of the meter.</summary>
    public const string MeterName = "Negotiations";

    /// <summary>The span name prefix; the command type follows it.</summary>
    public const string CommandActivityName = "negotiations.command";

    /// <summary>Counter: commands answered (accepted, already applied or refused), tagged with command type and outcome.</summary>
    public const string CommandsHandled = "negotiations.commands.handled";

    /// <summary>Counter: events appended, tagged with command type.</summary>
    public const string EventsAppended = "negotiations.events.appended";

    /// <summary>Counter: version conflicts met while appending (each retry counts), tagged with command type; counted by the command service itself.</summary>
    public const string Conflicts = "negotiations.commands.conflicts";

    /// <summary>Counter: commands refused by a rule, tagged with command type and error code.</summary>
    public const string Refusals = "negotiations.commands.refused";

    /// <summary>
    /// Histogram: time to handle a command, in seconds (unit <c>s</c>, bucket boundaries
    /// <see cref="DurationBuckets"/>), tagged with command type and outcome, or with <see cref="Tags.ErrorType"/>
    /// when it threw.
    /// </summary>
    public const string CommandDuration = "negotiations.command.duration";

    /// <summary>The bucket boundaries advised for <see cref="CommandDuration"/>, in seconds: 0.5 ms to 10 s.</summary>
    public static IReadOnlyList<double> DurationBuckets { get; } = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

    internal static readonly ActivitySource ActivitySource = new(ActivitySourceName, typeof(NegotiationsTelemetry).Assembly.GetName().Version?.ToString());

    /// <summary>The tag names used on spans and measurements.</summary>
    public static class Tags
    {
        /// <summary>The stream (track) id; on spans only, never on metrics.</summary>
        public const string StreamId = "negotiations.stream_id";

        /// <summary>The command id; on spans only.</summary>
        public const string CommandId = "negotiations.command_id";

        /// <summary>The command's type name.</summary>
        public const string CommandType = "negotiations.command_type";

        /// <summary>The outcome, in lower case: <c>accepted</c>, <c>already_applied</c> or <c>refused</c>.</summary>
        public const string Outcome = "negotiations.outcome";

        /// <summary>
        /// The OpenTelemetry <c>error.type</c> attribute: the full type name of the exception a command ended with
        /// (for example <c>Negotiations.EventSourcing.StreamVersionConflictException</c>); absent on success and
        /// on refusals.
        /// </summary>
        public const string ErrorType = "error.type";

        /// <summary>The stable code of the broken rule.</summary>
        public const string ErrorCode = "negotiations.error_code";

        /// <summary>The stream version after the command; on spans only.</summary>
        public const string StreamVersion = "negotiations.stream_version";
    }
}

internal sealed class CommandInstruments
{
    private static readonly Lazy<CommandInstruments> Shared = new(() => new CommandInstruments(new Meter(NegotiationsTelemetry.MeterName)));

    private CommandInstruments(Meter meter)
    {
        Handled = meter.CreateCounter<long>(NegotiationsTelemetry.CommandsHandled, unit: "{command}", description: "Commands handled");
        Appended = meter.CreateCounter<long>(NegotiationsTelemetry.EventsAppended, unit: "{event}", description: "Events appended");
        Conflicts = meter.CreateCounter<long>(NegotiationsTelemetry.Conflicts, unit: "{conflict}", description: "Version conflicts met while appending");
        Refused = meter.CreateCounter<long>(NegotiationsTelemetry.Refusals, unit: "{command}", description: "Commands refused by a rule");
        Duration = meter.CreateHistogram(
            NegotiationsTelemetry.CommandDuration,
            unit: "s",
            description: "Time to handle a command",
            tags: null,
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = NegotiationsTelemetry.DurationBuckets });
    }

    public Counter<long> Handled { get; }

    public Counter<long> Appended { get; }

    public Counter<long> Conflicts { get; }

    public Counter<long> Refused { get; }

    public Histogram<double> Duration { get; }

    /// <summary>The value of <see cref="NegotiationsTelemetry.Tags.Outcome"/> for an outcome.</summary>
    public static string OutcomeName(CommandOutcome outcome) => outcome switch
    {
        CommandOutcome.Accepted => "accepted",
        CommandOutcome.AlreadyApplied => "already_applied",
        CommandOutcome.Refused => "refused",
        _ => "unknown",
    };

    public static CommandInstruments For(IMeterFactory? meterFactory) =>
        meterFactory is null ? Shared.Value : new CommandInstruments(meterFactory.Create(NegotiationsTelemetry.MeterName));
}
