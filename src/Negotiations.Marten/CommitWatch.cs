using Marten;
using Marten.Internal.Sessions;
using Npgsql;

namespace Negotiations.Marten;

/// <summary>
/// Tells whether a session's save got as far as its commit: Marten calls its transaction participants after the
/// batch has run and right before it commits. A failure before that point wrote nothing; one after it may have
/// committed (the commit was sent, its answer lost).
/// </summary>
internal sealed class CommitWatch : ITransactionParticipant
{
    private bool _attached;
    private bool _reached;

    private CommitWatch()
    {
    }

    /// <summary>True when the commit may have been sent: it was reached, or the watch could not be attached to the session.</summary>
    public bool MayHaveCommitted => _reached || !_attached;

    /// <summary>Attaches a watch to a session before its save.</summary>
    public static CommitWatch On(IDocumentSession session)
    {
        var watch = new CommitWatch();
        if (session is DocumentSessionBase marten)
        {
            marten.AddTransactionParticipant(watch);
            watch._attached = true;
        }

        return watch;
    }

    public Task BeforeCommitAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken token)
    {
        _reached = true;
        return Task.CompletedTask;
    }
}
