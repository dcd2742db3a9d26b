using JasperFx.Events.Projections;
using MediatR;
using Microsoft.Extensions.DependencyInjection;
using Negotiations;
using Negotiations.Marten;
using Negotiations.MediatR;

namespace NewsDesk;

/// <summary>How the desk registers its services.</summary>
public static class NewsDeskServiceCollectionExtensions
{
    /// <summary>
    /// Adds the desk: its own MediatR set-up (MediatR 5: <see cref="ServiceFactory"/> and <see cref="Mediator"/>), the
    /// negotiations library with the MediatR adapter, an alert on every ultimatum, and <see cref="TalksDesk"/>.
    /// </summary>
    /// <param name="services">The services.</param>
    /// <returns>The library's builder, on which to choose the store.</returns>
    public static NegotiationsBuilder AddNewsDesk(this IServiceCollection services)
    {
        services.AddScoped<ServiceFactory>(sp => sp.GetService!);
        services.AddScoped<IMediator, Mediator>();
        services.AddSingleton<AlertBoard>();
        services.AddScoped<INotificationHandler<NegotiationEventNotification<UltimatumIssued>>, UltimatumAlert>();
        services.AddScoped<TalksDesk>();
        return services.AddNegotiations().AddMediatRAdapter();
    }

    /// <summary>
    /// Keeps the desk's tracks on PostgreSQL, in a schema of their own, with the state and the desk's
    /// <see cref="UltimatumsPerIssuer"/> view stored inline (in the transaction that appends the events).
    /// </summary>
    /// <param name="builder">The builder from <see cref="AddNewsDesk"/>.</param>
    /// <param name="connectionString">The Npgsql connection string.</param>
    /// <param name="schemaName">The schema.</param>
    /// <returns>The builder.</returns>
    public static NegotiationsBuilder UseNewsDeskStore(this NegotiationsBuilder builder, string connectionString, string schemaName = "newsdesk") =>
        builder.UseMarten(options =>
        {
            options.ConnectionString = connectionString;
            options.SchemaName = schemaName;
            options.AddProjection(new NegotiationStateProjection(), ProjectionLifecycle.Inline);
            options.AddProjection(new UltimatumsPerIssuerProjection(), ProjectionLifecycle.Inline);
        });
}
