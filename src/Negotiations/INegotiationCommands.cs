using Negotiations.EventSourcing;

namespace Negotiations;

/// <summary>
/// Sends commands to negotiation tracks: what an application takes from dependency injection to record what
/// happened. Each instance is bound to one tenant, the tenant of the scope it was resolved from (see
/// <see cref="NegotiationsBuilder.UseTenantFrom"/>); without tenants, <see cref="StreamKey.DefaultTenant"/>.
/// </summary>
/// <remarks>
/// <para>A command is validated, decided on its track's current state and appended with an optimistic check, in one
/// write; a version conflict is decided again, up to <see cref="NegotiationsOptions.MaxConflictRetries"/> times.
/// Sending the same command again (same id, same content) appends nothing and returns the first outcome, so callers
/// may retry at will.</para>
/// <para>The instance an application resolves is traced, measured (<see cref="NegotiationsTelemetry"/>) and logged by
/// decorators around the library's own; add decorators of your own with
/// <see cref="NegotiationsBuilder.DecorateCommands"/>.</para>
/// </remarks>
public interface INegotiationCommands
{
    /// <summary>The tenant whose tracks these commands go to.</summary>
    string Tenant { get; }

    /// <summary>Sends one command.</summary>
    /// <param name="command">The command.</param>
    /// <param name="context">Correlation and causation to record with its events; none when null.</param>
    /// <param name="cancellationToken">Cancels the work before the append is committed.</param>
    /// <returns>
    /// What happened: <see cref="CommandOutcome.Accepted"/> with the events appended,
    /// <see cref="CommandOutcome.AlreadyApplied"/> with the events of the first time, or
    /// <see cref="CommandOutcome.Refused"/> with the broken rule (<see cref="CommandResult.Error"/>; nothing was
    /// written).
    /// </returns>
    /// <exception cref="ArgumentNullException"><paramref name="command"/> is null.</exception>
    /// <exception cref="StreamVersionConflictException">Other writers won every attempt, the retries included.</exception>
    /// <exception cref="EventStoreUnavailableException">The store could not be reached, or failed mid-write.</exception>
    Task<CommandResult> SendAsync(NegotiationCommand command, CommandContext? context = null, CancellationToken cancellationToken = default);
}

/// <summary>
/// Reads negotiation tracks: the state and the timeline of a track, with every fact recorded or as of a day. Bound,
/// like <see cref="INegotiationCommands"/>, to the tenant of the scope it was resolved from.
/// </summary>
/// <remarks>
/// Without an as-of day, a view the store keeps (<see cref="IStoredViews"/>: on Marten, the projections registered with
/// <c>UseMarten</c>) is read as stored, with no fold; otherwise, and as of a day, the track's stream is read and folded
/// once, in time linear in its length.
/// </remarks>
public interface INegotiationReader
{
    /// <summary>The tenant whose tracks this reader reads.</summary>
    string Tenant { get; }

    /// <summary>Reads the state of a track.</summary>
    /// <param name="track">The track.</param>
    /// <param name="asOf">The day to compute it as of (see <see cref="NegotiationStateProjection"/>); null for every fact recorded.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The state, or null when the track has no events.</returns>
    /// <exception cref="ArgumentException"><paramref name="track"/> is the default value.</exception>
    Task<NegotiationState?> GetStateAsync(TrackId track, DateOnly? asOf = null, CancellationToken cancellationToken = default);

    /// <summary>Reads the timeline of a track.</summary>
    /// <param name="track">The track.</param>
    /// <param name="asOf">The day to compute it as of (see <see cref="TimelineProjection"/>); null for every fact recorded.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The timeline, or null when the track has no events.</returns>
    /// <exception cref="ArgumentException"><paramref name="track"/> is the default value.</exception>
    Task<Timeline?> GetTimelineAsync(TrackId track, DateOnly? asOf = null, CancellationToken cancellationToken = default);
}
