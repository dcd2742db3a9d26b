using System;
using JasperFx.Events.Projections;
using MediatR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Negotiations.Marten;
using Negotiations.MediatR;

namespace Negotiations.SampleHost;

/// <summary>The sample's Generic Host: MediatR, the negotiation model, a store, and the adapter between them.</summary>
internal static class SampleHostFactory
{
    public static IHost Build(SampleOptions options, SampleEnvironment environment)
    {
        // An empty builder: the host must not read the sample's arguments as configuration, nor log to stdout.
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings
        {
            ApplicationName = "Negotiations.SampleHost",
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.Logging.ClearProviders();

        var services = builder.Services;
        services.AddScoped<ServiceFactory>(sp => sp.GetService);
        services.AddScoped<IMediator, Mediator>();
        services.AddSingleton<PublishedEvents>();
        foreach (var eventType in NegotiationEvents.Catalog.Types)
        {
            services.AddTransient(
                typeof(INotificationHandler<>).MakeGenericType(typeof(NegotiationEventNotification<>).MakeGenericType(eventType)),
                typeof(PublishedEventCounter<>).MakeGenericType(eventType));
        }

        var negotiations = services.AddNegotiations();
        if (options.Postgres is { } connectionString)
        {
            negotiations.UseMarten(o =>
            {
                o.ConnectionString = connectionString;
                o.SchemaName = options.Schema;
                // The recommended registration: views that grow with a track are projected by the daemon, not
                // rewritten by every command; reads go through FetchLatest and so see their own writes.
                o.AddProjection(new NegotiationStateProjection(), ProjectionLifecycle.Async);
                o.AddProjection(new TimelineProjection(), ProjectionLifecycle.Async);
            });
        }
        else
        {
            negotiations.UseInMemoryStore();
        }

        negotiations.AddMediatRAdapter();
        environment.ConfigureServices?.Invoke(services);
        return builder.Build();
    }
}
