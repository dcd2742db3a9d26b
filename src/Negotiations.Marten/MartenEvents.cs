using System.Text.Json;
using JasperFx.Events;
using Marten;
using Marten.Exceptions;
using Negotiations.EventSourcing;
using Npgsql;

namespace Negotiations.Marten;

/// <summary>Translations between Marten's events and exceptions and the core's.</summary>
internal static class MartenEvents
{
    /// <summary>Writes the metadata onto a session, so every event the session appends carries it.</summary>
    public static void Stamp(IDocumentSession session, EventMetadata metadata)
    {
        session.CorrelationId = metadata.CorrelationId;
        session.CausationId = metadata.CausationId;
        if (metadata.CommandId is { } commandId)
        {
            session.SetHeader(MartenEventHeaders.CommandId, commandId);
        }

        if (metadata.Tenant is { } tenant)
        {
            session.SetHeader(MartenEventHeaders.Tenant, tenant);
        }
    }

    /// <summary>Reads the metadata back from a stored event.</summary>
    public static EventMetadata MetadataOf(IEvent @event) => new()
    {
        CommandId = Header(@event, MartenEventHeaders.CommandId),
        CorrelationId = @event.CorrelationId,
        CausationId = @event.CausationId,
        Tenant = Header(@event, MartenEventHeaders.Tenant),
    };

    /// <summary>Turns a Marten event into the core's recorded event, under the given wire name.</summary>
    public static RecordedEvent ToRecorded(IEvent @event, string eventType) => new(
        @event.StreamKey ?? throw new InvalidOperationException($"Event {@event.Id} at sequence {@event.Sequence} has no string stream key; the store must use StreamIdentity.AsString."),
        @event.Version,
        @event.Sequence,
        eventType,
        @event.Data,
        MetadataOf(@event),
        @event.Timestamp);

    /// <summary>
    /// Whether an exception from saving an append means another writer got to the stream first: Marten's
    /// concurrency exceptions, its stream locks (which are not concurrency exceptions), a brand new stream
    /// that another writer created first, and the unique violations on the event and stream keys behind them.
    /// </summary>
    public static bool IsConflict(Exception exception) => exception switch
    {
        JasperFx.ConcurrencyException => true,
        JasperFx.Events.StreamLockedException => true,
        global::Marten.Exceptions.StreamLockedException => true,
        JasperFx.Events.ExistingStreamIdCollisionException => true,
        global::Marten.Exceptions.ExistingStreamIdCollisionException => true,
        ConcurrentUpdateException => true,
        MartenCommandException { InnerException: PostgresException inner } => IsStreamKeyViolation(inner),
        PostgresException postgres => IsStreamKeyViolation(postgres),
        _ => false,
    };

    private static bool IsStreamKeyViolation(PostgresException exception) =>
        exception.SqlState == PostgresErrorCodes.UniqueViolation
        && (exception.ConstraintName?.StartsWith("pk_mt_events", StringComparison.Ordinal) == true
            || exception.ConstraintName?.StartsWith("pk_mt_streams", StringComparison.Ordinal) == true
            || exception.TableName is "mt_events" or "mt_streams");

    private static string? Header(IEvent @event, string name)
    {
        if (@event.Headers is null || !@event.Headers.TryGetValue(name, out var value))
        {
            return null;
        }

        return value switch
        {
            null => null,
            string text => text,
            JsonElement { ValueKind: JsonValueKind.String } element => element.GetString(),
            JsonElement { ValueKind: JsonValueKind.Null } => null,
            _ => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture),
        };
    }
}
