using BenchmarkDotNet.Attributes;
using MediatR;
using Microsoft.Extensions.DependencyInjection;
using Negotiations.EventSourcing;
using Negotiations.MediatR;
using Negotiations.Tests.Shared;

namespace Negotiations.Benchmarks;

/// <summary>
/// One command in memory through MediatR (<c>mediator.Send(new NegotiationRequest(command))</c>, which publishes the
/// one event it appends, to no handlers) against the command service called directly: what the adapter adds. Target:
/// at most 2 microseconds and 1 KB more per command.
/// </summary>
[MemoryDiagnoser]
public class MediatRBenchmarks
{
    private ServiceProvider _services = null!;
    private IMediator _mediator = null!;
    private INegotiationCommands _commands = null!;
    private SyntheticTrack _track = null!;
    private TrackId _direct;
    private TrackId _mediated;
    private int _sent;
    private int _directSent;
    private int _mediatedSent;

    [GlobalSetup]
    public async Task GlobalSetup()
    {
        var services = new ServiceCollection();
        services.AddScoped<ServiceFactory>(sp => sp.GetService);
        services.AddScoped<IMediator, Mediator>();
        services.AddNegotiations().UseInMemoryStore().AddMediatRAdapter();
        _services = services.BuildServiceProvider();
        _mediator = _services.GetRequiredService<IMediator>();
        _commands = _services.GetRequiredService<INegotiationCommands>();
        _track = SyntheticTrack.Create(10);
        (_direct, _mediated) = (new TrackId("direct"), new TrackId("mediated"));
        foreach (var command in _track.CommandsFor(_direct).Concat(_track.CommandsFor(_mediated)))
        {
            await _commands.SendAsync(command).ConfigureAwait(false);
        }
    }

    [Benchmark(Baseline = true)]
    public async Task<CommandResult> CommandService()
    {
        _directSent++;
        return await _commands.SendAsync(_track.NextStatement(_direct, $"statement-{++_sent}")).ConfigureAwait(false);
    }

    [Benchmark]
    public async Task<CommandResult> ThroughMediatR()
    {
        _mediatedSent++;
        return await _mediator.Send(new NegotiationRequest(_track.NextStatement(_mediated, $"statement-{++_sent}"))).ConfigureAwait(false);
    }

    [GlobalCleanup]
    public async Task GlobalCleanup()
    {
        var store = _services.GetRequiredService<IEventStore>();
        var direct = (await store.ReadStreamAsync(StreamKey.Of(_direct.Value)).ConfigureAwait(false)).Count - 10;
        var mediated = (await store.ReadStreamAsync(StreamKey.Of(_mediated.Value)).ConfigureAwait(false)).Count - 10;
        Checks.That($"{nameof(MediatRBenchmarks)} both paths appended one event per command", direct == _directSent && mediated == _mediatedSent, $"{direct} and {mediated} events for {_directSent} and {_mediatedSent} commands");
        await _services.DisposeAsync().ConfigureAwait(false);
    }
}
