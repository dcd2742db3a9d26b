using System;
using MediatR;
using Microsoft.Extensions.DependencyInjection;

namespace Negotiations.MediatR.Tests;

/// <summary>An app's service provider: its own MediatR 5 set-up, the library with a store, and the adapter.</summary>
internal static class TestApp
{
    public static ServiceProvider Build(Func<NegotiationsBuilder, NegotiationsBuilder> chooseStore, Action<IServiceCollection>? configureApp = null)
    {
        var services = new ServiceCollection();
        AddMediatR5(services);
        chooseStore(services.AddNegotiations()).AddMediatRAdapter();
        configureApp?.Invoke(services);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
    }

    /// <summary>What an app on MediatR 5 registers itself (MediatR's DI package is not used).</summary>
    public static void AddMediatR5(IServiceCollection services)
    {
        services.AddScoped<ServiceFactory>(sp => sp.GetService);
        services.AddScoped<IMediator, Mediator>();
    }
}
