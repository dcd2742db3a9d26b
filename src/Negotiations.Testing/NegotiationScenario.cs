using Negotiations.Serialization;

namespace Negotiations.Testing;

/// <summary>
/// Decision scenarios for negotiation tracks: <c>NegotiationScenario.Create().Given(...).When(...).Then(...)</c>,
/// folding the given facts with the core's own decider, with no store.
/// </summary>
public static class NegotiationScenario
{
    /// <summary>Starts a scenario on the core's <see cref="NegotiationDecider"/>.</summary>
    /// <returns>A scenario with no facts yet.</returns>
    public static DeciderScenario<NegotiationState, NegotiationCommand, INegotiationEvent> Create() =>
        new(new NegotiationDecider(), NegotiationJson.Options);
}
