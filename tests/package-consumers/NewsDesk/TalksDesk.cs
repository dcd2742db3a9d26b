using MediatR;
using Negotiations;
using Negotiations.EventSourcing;
using Negotiations.Marten;
using Negotiations.MediatR;

namespace NewsDesk;

/// <summary>What the desk does: records what the news says through the mediator, and reads its stored views.</summary>
/// <param name="mediator">The app's mediator.</param>
/// <param name="views">The views Marten keeps inline.</param>
public sealed class TalksDesk(IMediator mediator, MartenViews views)
{
    /// <summary>Records one command; a repeated command id is <see cref="CommandOutcome.AlreadyApplied"/>.</summary>
    /// <param name="command">The command.</param>
    /// <param name="cancellationToken">Cancels the send.</param>
    /// <returns>The command service's result.</returns>
    public Task<CommandResult> RecordAsync(NegotiationCommand command, CancellationToken cancellationToken = default) =>
        mediator.Send(new NegotiationRequest(command, new CommandContext(CorrelationId: "newsdesk")), cancellationToken);

    /// <summary>The state of a track, as stored inline.</summary>
    /// <param name="track">The track.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The state, or null for a track with no events.</returns>
    public async Task<NegotiationState?> StateAsync(TrackId track, CancellationToken cancellationToken = default) =>
        (await views.LoadAsync<NegotiationState>(track.Value, cancellationToken).ConfigureAwait(false))?.View;

    /// <summary>The desk's ultimatum view of a track, as stored inline.</summary>
    /// <param name="track">The track.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The view, or null for a track with no events.</returns>
    public async Task<UltimatumsPerIssuer?> UltimatumsAsync(TrackId track, CancellationToken cancellationToken = default) =>
        (await views.LoadAsync<UltimatumsPerIssuer>(track.Value, cancellationToken).ConfigureAwait(false))?.View;
}
