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

        if (metadata.CommandType is { } commandType)
        {
            session.SetHeader(MartenEventHeaders.CommandType, commandType);
        }

        if (metadata.CommandFingerprint is { } fingerprint)
        {
            session.SetHeader(MartenEventHeaders.CommandFingerprint, fingerprint);
        }
    }

    /// <summary>Writes the metadata onto one event, for appends whose events carry different commands' metadata.</summary>
    public static void Stamp(IEvent @event, EventMetadata metadata)
    {
        @event.CorrelationId = metadata.CorrelationId;
        @event.CausationId = metadata.CausationId;
        if (metadata.CommandId is { } commandId)
        {
            @event.SetHeader(MartenEventHeaders.CommandId, commandId);
        }

        if (metadata.CommandType is { } commandType)
        {
            @event.SetHeader(MartenEventHeaders.CommandType, commandType);
        }

        if (metadata.CommandFingerprint is { } fingerprint)
        {
            @event.SetHeader(MartenEventHeaders.CommandFingerprint, fingerprint);
        }
    }

    /// <summary>Adds the command record of an append to a session, to be inserted in the append's transaction.</summary>
    public static void Record(IDocumentSession session, StreamKey stream, long expectedVersion, int eventCount, EventMetadata metadata)
    {
        if (CommandRecord.Of(stream, expectedVersion, eventCount, metadata) is not null)
        {
            session.Insert(RecordDocument(stream, expectedVersion, eventCount, metadata));
        }
    }

    /// <summary>The document of an append's command record.</summary>
    public static CommandRecordDocument RecordDocument(StreamKey stream, long expectedVersion, int eventCount, EventMetadata metadata)
    {
        var record = CommandRecord.Of(stream, expectedVersion, eventCount, metadata)
            ?? throw new ArgumentException($"The append to stream '{stream}' names no command to record.", nameof(metadata));
        return new CommandRecordDocument
        {
            Id = CommandRecordDocument.IdOf(stream.StreamId, record.CommandId),
            StreamId = stream.StreamId,
            CommandId = record.CommandId,
            CommandType = record.CommandType,
            Fingerprint = record.Fingerprint,
            FirstVersion = record.FirstVersion,
            LastVersion = record.LastVersion,
        };
    }

    /// <summary>The command record a document holds.</summary>
    public static CommandRecord ToRecord(CommandRecordDocument document, StreamKey stream) =>
        new(stream, document.CommandId, document.CommandType, document.Fingerprint, document.FirstVersion, document.LastVersion);

    /// <summary>Whether saving failed because the command record is there already.</summary>
    public static bool IsDuplicateRecord(Exception exception) => exception switch
    {
        JasperFx.DocumentAlreadyExistsException { DocumentType: var type } => type == typeof(CommandRecordDocument),
        MartenCommandException { InnerException: PostgresException inner } => IsRecordKeyViolation(inner),
        PostgresException postgres => IsRecordKeyViolation(postgres),
        _ => false,
    };

    /// <summary>Reads the metadata back from a stored event.</summary>
    public static EventMetadata MetadataOf(IEvent @event) => new()
    {
        CommandId = Header(@event, MartenEventHeaders.CommandId),
        CommandType = Header(@event, MartenEventHeaders.CommandType),
        CommandFingerprint = Header(@event, MartenEventHeaders.CommandFingerprint),
        CorrelationId = @event.CorrelationId,
        CausationId = @event.CausationId,
    };

    /// <summary>Turns a Marten event into the core's recorded event, under the given wire name.</summary>
    public static RecordedEvent ToRecorded(IEvent @event, string eventType) => new(
        new StreamKey(
            string.IsNullOrEmpty(@event.TenantId) ? StreamKey.DefaultTenant : @event.TenantId,
            @event.StreamKey ?? throw new InvalidOperationException($"Event {@event.Id} at sequence {@event.Sequence} has no string stream key; the store must use StreamIdentity.AsString.")),
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

    /// <summary>
    /// Whether an exception means the store itself failed (the database unreachable, the connection dropped or timed
    /// out, the server refusing the work for a reason of its own), rather than a conflict, a duplicate record, a
    /// cancellation or a bug in the caller: an <see cref="NpgsqlException"/> (PostgreSQL's own errors included), a
    /// <see cref="MartenCommandException"/>, an I/O or socket failure, a timeout, or an Npgsql object disposed under
    /// a broken connection, anywhere in the chain of inner exceptions.
    /// </summary>
    public static bool IsStoreFailure(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            switch (e)
            {
                case OperationCanceledException:
                    return false;
                case NpgsqlException or MartenCommandException or IOException or System.Net.Sockets.SocketException or TimeoutException:
                    return true;
                case ObjectDisposedException disposed when (disposed.ObjectName ?? disposed.Message).Contains("Npgsql", StringComparison.Ordinal):
                    return true;
                case AggregateException aggregate when aggregate.InnerExceptions.Any(IsStoreFailure):
                    return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether PostgreSQL itself reported that the transaction rolled back (a serialization failure, a deadlock, a
    /// constraint): then nothing was written, even when the error came in answer to the commit.
    /// </summary>
    public static bool IsReportedRollback(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is PostgresException postgres)
            {
                return postgres.SqlState.StartsWith("40", StringComparison.Ordinal) || postgres.SqlState.StartsWith("23", StringComparison.Ordinal)
                    || postgres.SqlState.StartsWith("22", StringComparison.Ordinal);
            }
        }

        return false;
    }

    private static bool IsStreamKeyViolation(PostgresException exception) =>
        exception.SqlState == PostgresErrorCodes.UniqueViolation
        && (exception.ConstraintName?.StartsWith("pk_mt_events", StringComparison.Ordinal) == true
            || exception.ConstraintName?.StartsWith("pk_mt_streams", StringComparison.Ordinal) == true
            || exception.TableName is "mt_events" or "mt_streams");

    private static bool IsRecordKeyViolation(PostgresException exception) =>
        exception.SqlState == PostgresErrorCodes.UniqueViolation
        && (exception.TableName?.EndsWith(NegotiationsStoreOptionsExtensions.CommandRecordAlias, StringComparison.Ordinal) == true
            || exception.ConstraintName?.Contains(NegotiationsStoreOptionsExtensions.CommandRecordAlias, StringComparison.Ordinal) == true);

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
