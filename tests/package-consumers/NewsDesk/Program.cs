using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using NewsDesk;

// Records the harbour talks on PostgreSQL (NEGOTIATIONS_POSTGRES, or ConnectionStrings:Negotiations) and prints what
// the desk's views say. Running it again records nothing new: every command id is applied already.
var builder = Host.CreateApplicationBuilder(args);
var connectionString = Environment.GetEnvironmentVariable("NEGOTIATIONS_POSTGRES") ?? builder.Configuration.GetConnectionString("Negotiations");
if (string.IsNullOrWhiteSpace(connectionString))
{
    await Console.Error.WriteLineAsync("Set NEGOTIATIONS_POSTGRES to an Npgsql connection string.");
    return 2;
}

builder.Services.AddNewsDesk().UseNewsDeskStore(connectionString);
using var host = builder.Build();
await using var scope = host.Services.CreateAsyncScope();
var desk = scope.ServiceProvider.GetRequiredService<TalksDesk>();

foreach (var command in HarbourTalks.Commands)
{
    var result = await desk.RecordAsync(command);
    Console.WriteLine($"{command.CommandId}: {result.Outcome}{(result.Error is { } error ? $" ({error.Code})" : string.Empty)}");
}

var state = await desk.StateAsync(HarbourTalks.Track);
var ultimatums = await desk.UltimatumsAsync(HarbourTalks.Track);
Console.WriteLine($"{state?.Title}: {state?.Rounds.Count} rounds, version {state?.Version}");
foreach (var (issuer, count) in ultimatums?.IssuedBy() ?? new Dictionary<string, int>())
{
    Console.WriteLine($"{issuer}: {count} issued, {ultimatums!.StandingBy().GetValueOrDefault(issuer)} standing");
}

foreach (var alert in scope.ServiceProvider.GetRequiredService<AlertBoard>().Alerts)
{
    Console.WriteLine($"alert: {alert}");
}

return 0;
