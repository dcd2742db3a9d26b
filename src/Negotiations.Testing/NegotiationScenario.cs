using Negotiations.Serialization;

namespace Negotiations.Testing;

/// <summary>
/// Decision scenarios for negotiation tracks: <c>NegotiationScenario.Create().Given(...).When(...).Then(...)</c>,
/// with the core's own decider and command service on an in-memory store.
/// </summary>
public static class NegotiationScenario
{
    /// <summary>Starts a scenario on the core's <see cref="NegotiationDecider"/>.</summary>
    /// <returns>A scenario with no facts yet.</returns>
    public static DeciderScenario<NegotiationDecisionState, NegotiationCommand, INegotiationEvent> Create() =>
        new(new NegotiationDecider(), NegotiationCommandFingerprints.Instance, NegotiationEvents.Catalog, NegotiationJson.Options);
}
