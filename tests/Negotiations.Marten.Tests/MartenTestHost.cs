using JasperFx.Events.Daemon;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Xunit;

namespace Negotiations.Marten.Tests;

/// <summary>A generic host with the library on Marten and the async daemon, started as an application starts it.</summary>
internal static class MartenTestHost
{
    /// <summary>Builds and starts a host on a test class's schema.</summary>
    /// <param name="connectionString">The schema's connection string.</param>
    /// <param name="schemaName">The schema.</param>
    /// <param name="projections">Registers the projections under test.</param>
    /// <param name="services">Registers anything the library needs first (an event catalog of a test model).</param>
    public static async Task<IHost> StartAsync(string connectionString, string schemaName, Action<NegotiationsMartenOptions> projections, Action<IServiceCollection>? services = null)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        services?.Invoke(builder.Services);
        builder.Services.AddNegotiations().UseMarten(o =>
        {
            o.ConnectionString = connectionString;
            o.SchemaName = schemaName;
            o.DaemonMode = DaemonMode.Solo;
            projections(o);
        });
        var host = builder.Build();
        await host.StartAsync(TestContext.Current.CancellationToken);
        return host;
    }
}
