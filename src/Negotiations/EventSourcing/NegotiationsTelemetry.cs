using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Negotiations.EventSourcing;

/// <summary>
/// The names under which the command service reports traces and metrics. Subscribe to them with
/// OpenTelemetry (<c>AddSource(ActivitySourceName)</c>, <c>AddMeter(MeterName)</c>) or a listener.
/// </summary>
public static class NegotiationsTelemetry
{
    /// <summary>The name of the activity source: one span per command.</summary>
    public const string ActivitySourceName = "Negotiations";

    /// <summary>The name of the meter.</summary>
    public const string MeterName = "Negotiations";

    /// <summary>The span name prefix; the command type follows it.</summary>
    public const string CommandActivityName = "negotiations.command";

    /// <summary>Counter: commands handled, tagged with command type and outcome.</summary>
    public const string CommandsHandled = "negotiations.commands.handled";

    /// <summary>Counter: events appended, tagged with command type.</summary>
    public const string EventsAppended = "negotiations.events.appended";

    /// <summary>Counter: version conflicts met while appending (each retry counts), tagged with command type.</summary>
    public const string Conflicts = "negotiations.commands.conflicts";

    /// <summary>Counter: commands refused by a rule, tagged with command type and error code.</summary>
    public const string Refusals = "negotiations.commands.refused";

    /// <summary>Histogram: time to handle a command, in milliseconds, tagged with command type.</summary>
    public const string CommandDuration = "negotiations.commands.duration";

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

        /// <summary>The outcome: Accepted, AlreadyApplied or Refused.</summary>
        public const string Outcome = "negotiations.outcome";

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
        Duration = meter.CreateHistogram<double>(NegotiationsTelemetry.CommandDuration, unit: "ms", description: "Time to handle a command");
    }

    public Counter<long> Handled { get; }

    public Counter<long> Appended { get; }

    public Counter<long> Conflicts { get; }

    public Counter<long> Refused { get; }

    public Histogram<double> Duration { get; }

    public static CommandInstruments For(IMeterFactory? meterFactory) =>
        meterFactory is null ? Shared.Value : new CommandInstruments(meterFactory.Create(NegotiationsTelemetry.MeterName));
}
