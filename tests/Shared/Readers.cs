using Microsoft.Extensions.DependencyInjection;
using Negotiations.EventSourcing;

namespace Negotiations.Tests.Shared;

/// <summary>The reader an application takes from dependency injection, over a store a test built itself.</summary>
public static class Readers
{
    public static INegotiationReader Over(IEventStore store, IStoredViews? views = null)
    {
        var services = new ServiceCollection();
        if (views is not null)
        {
            services.AddSingleton(views);
        }

        services.AddNegotiations().UseStore(_ => store);
        return services.BuildServiceProvider().GetRequiredService<INegotiationReader>();
    }
}
