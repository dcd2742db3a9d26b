using Negotiations.EventSourcing;
using Negotiations.Tests.Shared;

namespace Negotiations.Marten.Tests;

/// <summary>What one tally stream amounts to, with enough detail to catch a misplaced or missing event.</summary>
public sealed record TallySummary(
    string StreamId,
    int Total,
    int Additions,
    IReadOnlyList<string> Notes,
    IReadOnlyList<long> Versions,
    IReadOnlyList<string?> CommandIds);

public sealed class TallySummaryProjection : StreamProjection<TallySummary>
{
    public override TallySummary Start(string streamId) => new(streamId, 0, 0, [], [], []);

    public override TallySummary Evolve(TallySummary view, RecordedEvent @event) => @event.Data switch
    {
        Tally.Added added => view with
        {
            Total = view.Total + added.Amount,
            Additions = view.Additions + 1,
            Versions = [.. view.Versions, @event.Version],
            CommandIds = [.. view.CommandIds, @event.Metadata.CommandId],
        },
        Tally.Noted noted => view with
        {
            Notes = [.. view.Notes, noted.Text],
            Versions = [.. view.Versions, @event.Version],
        },
        _ => view,
    };
}

/// <summary>The notes of one stream, run live only.</summary>
public sealed record TallyNotes(string StreamId, IReadOnlyList<string> Notes);

public sealed class TallyNotesProjection : StreamProjection<TallyNotes>
{
    public override TallyNotes Start(string streamId) => new(streamId, []);

    public override TallyNotes Evolve(TallyNotes view, RecordedEvent @event) =>
        @event.Data is Tally.Noted noted ? view with { Notes = [.. view.Notes, noted.Text] } : view;
}

/// <summary>A ledger across streams: one for everything, one per amount band.</summary>
public sealed record TallyLedger(string Id, int Events, int Total, IReadOnlyList<string> Streams, long LastPosition);

public sealed class TallyLedgerProjection : CrossStreamProjection<TallyLedger>
{
    public const string All = "all";

    public override IReadOnlyList<string> ViewIdsFor(RecordedEvent @event) => @event.Data switch
    {
        Tally.Added { Amount: > 100 } => [All, "band-large"],
        Tally.Added => [All, "band-small"],
        Tally.Noted => [All],
        _ => [],
    };

    public override TallyLedger Start(string viewId) => new(viewId, 0, 0, [], 0);

    public override TallyLedger Evolve(TallyLedger view, RecordedEvent @event) => view with
    {
        Events = view.Events + 1,
        Total = view.Total + (@event.Data is Tally.Added added ? added.Amount : 0),
        Streams = view.Streams.Contains(@event.StreamId) ? view.Streams : [.. view.Streams, @event.StreamId],
        LastPosition = @event.GlobalPosition,
    };
}
