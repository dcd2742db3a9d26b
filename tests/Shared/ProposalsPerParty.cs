using Negotiations.EventSourcing;

namespace Negotiations.Tests.Shared;

/// <summary>
/// The worked example of a user's own projection (also in the README): how many proposals, demands and offers each
/// side has put forward on a track, retracted ones dropped. Written once; replayed from a JSON history in memory,
/// and registered inline on PostgreSQL in the Marten tests.
/// </summary>
public sealed record ProposalsPerParty
{
    public string Id { get; init; } = "";

    public IReadOnlyList<CountedProposal> Proposals { get; init; } = [];

    public IReadOnlyDictionary<string, int> ByParty =>
        Proposals.GroupBy(p => p.Party).OrderBy(g => g.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count());
}

public sealed record CountedProposal(string Proposal, string Party, string? CommandId);

public sealed class ProposalsPerPartyProjection : StreamProjection<ProposalsPerParty>
{
    public override ProposalsPerParty Start(string streamId) => new() { Id = streamId };

    public override ProposalsPerParty Evolve(ProposalsPerParty view, RecordedEvent @event) => @event.Data switch
    {
        ProposalMade made => view with { Proposals = [.. view.Proposals, new(made.Proposal.Value, made.By.Affiliation.Code, @event.Metadata.CommandId)] },
        FactRetracted retracted => view with { Proposals = [.. view.Proposals.Where(p => p.CommandId != retracted.Retracted.Value)] },
        _ => view,
    };
}
