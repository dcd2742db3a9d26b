using BenchmarkDotNet.Attributes;
using Negotiations.EventSourcing;
using Negotiations.Scripts;
using Negotiations.Serialization;
using Negotiations.Tests;

namespace Negotiations.Benchmarks;

/// <summary>
/// An event envelope (<c>{"type":"...","data":{...}}</c>) written and read in the library's JSON contract
/// (<see cref="NegotiationJson.SerializeEvent"/>, <see cref="NegotiationJson.DeserializeEvent(string)"/>). The events
/// are the seed's own, decided from its replay script: the opening with its four participants (the largest), the
/// first round held (16 May, in Istanbul) with its delegations, and the first statement (the most common kind of event).
/// </summary>
[MemoryDiagnoser]
public class JsonBenchmarks
{
    private INegotiationEvent _event = null!;
    private string _json = null!;

    /// <summary>The type of the seed event used (its first event of that type).</summary>
    [Params(nameof(NegotiationOpened), nameof(RoundHeld), nameof(StatementMade))]
    public string EventType { get; set; } = null!;

    [GlobalSetup]
    public void GlobalSetup()
    {
        var script = ScriptReader.ReadFiles(RepositoryPaths.Seed.Article, RepositoryPaths.Seed.Script);
        var store = new InMemoryEventStore(NegotiationEvents.Catalog);
        var service = new CommandService<NegotiationDecisionState, NegotiationCommand, INegotiationEvent>(new NegotiationDecider(), store, NegotiationCommandFingerprints.Instance);
        var events = new List<INegotiationEvent>();
        foreach (var command in script.Commands)
        {
            events.AddRange(service.HandleAsync(command).GetAwaiter().GetResult().Events.Select(e => (INegotiationEvent)e.Data));
        }

        _event = events.First(e => e.GetType().Name == EventType);
        _json = NegotiationJson.SerializeEvent(_event);
        if (NegotiationJson.SerializeEvent(NegotiationJson.DeserializeEvent(_json)) != _json)
        {
            throw new InvalidOperationException($"{EventType} does not survive a round trip: {_json}");
        }

        Console.WriteLine($"// {EventType} ({NegotiationEvents.Catalog.NameOf(_event.GetType())}): envelope of {System.Text.Encoding.UTF8.GetByteCount(_json)} bytes of UTF-8");
    }

    [Benchmark]
    public string Serialize() => NegotiationJson.SerializeEvent(_event);

    [Benchmark]
    public INegotiationEvent Deserialize() => NegotiationJson.DeserializeEvent(_json);
}
