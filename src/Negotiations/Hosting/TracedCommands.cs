using System.Diagnostics;
using Negotiations.EventSourcing;
using Negotiations.Serialization;

namespace Negotiations.Hosting;

/// <summary>
/// Traces and measures every command sent through the decorated entry point: one span, the outcome counters and the
/// duration histogram of <see cref="NegotiationsTelemetry"/>.
/// </summary>
internal sealed class TracedCommands(INegotiationCommands inner, CommandInstruments instruments, TimeProvider timeProvider) : INegotiationCommands
{
    public string Tenant => inner.Tenant;

    public async Task<CommandResult> SendAsync(NegotiationCommand command, CommandContext? context = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(command);
        var commandType = NegotiationCommandFingerprints.Instance.NameOf(command);
        var type = new KeyValuePair<string, object?>(NegotiationsTelemetry.Tags.CommandType, commandType);
        using var activity = NegotiationsTelemetry.ActivitySource.StartActivity($"{NegotiationsTelemetry.CommandActivityName} {commandType}");
        activity?.SetTag(NegotiationsTelemetry.Tags.StreamId, command.Track.Value);
        activity?.SetTag(NegotiationsTelemetry.Tags.CommandId, command.CommandId.Value);
        activity?.SetTag(NegotiationsTelemetry.Tags.CommandType, commandType);
        var started = timeProvider.GetTimestamp();
        try
        {
            var result = await inner.SendAsync(command, context, cancellationToken).ConfigureAwait(false);
            var outcome = new KeyValuePair<string, object?>(NegotiationsTelemetry.Tags.Outcome, CommandInstruments.OutcomeName(result.Outcome));
            activity?.SetTag(outcome.Key, outcome.Value);
            activity?.SetTag(NegotiationsTelemetry.Tags.StreamVersion, result.StreamVersion);
            instruments.Handled.Add(1, type, outcome);
            if (result.Error is { } error)
            {
                activity?.SetTag(NegotiationsTelemetry.Tags.ErrorCode, error.Code);
                instruments.Refused.Add(1, type, new KeyValuePair<string, object?>(NegotiationsTelemetry.Tags.ErrorCode, error.Code));
            }
            else if (result.Outcome == CommandOutcome.Accepted && result.Events.Count > 0)
            {
                instruments.Appended.Add(result.Events.Count, type);
            }

            instruments.Duration.Record(timeProvider.GetElapsedTime(started).TotalSeconds, type, outcome);
            return result;
        }
        catch (Exception ex)
        {
            var errorType = new KeyValuePair<string, object?>(NegotiationsTelemetry.Tags.ErrorType, ex.GetType().FullName);
            activity?.SetTag(errorType.Key, errorType.Value);
            activity?.SetStatus(ActivityStatusCode.Error, ex.Message);
            instruments.Duration.Record(timeProvider.GetElapsedTime(started).TotalSeconds, type, errorType);
            throw;
        }
    }
}
