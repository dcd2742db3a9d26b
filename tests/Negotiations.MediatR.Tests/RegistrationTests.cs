using System;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using FluentAssertions;
using MediatR;
using Microsoft.Extensions.DependencyInjection;
using Negotiations.EventSourcing;
using Xunit;

namespace Negotiations.MediatR.Tests;

public sealed class RegistrationTests
{
    [Fact]
    public void The_adapter_registers_its_request_handler_and_nothing_of_MediatR_itself()
    {
        var services = new ServiceCollection();
        var builder = services.AddNegotiations().UseInMemoryStore();
        var before = services.ToList();

        builder.AddMediatRAdapter().Should().BeSameAs(builder);

        var added = services.Except(before).Should().ContainSingle().Which;
        added.ServiceType.Should().Be<IRequestHandler<NegotiationRequest, CommandResult>>();
        added.ImplementationType.Should().Be<NegotiationRequestHandler>();
        added.Lifetime.Should().Be(ServiceLifetime.Transient);
        services.Should().NotContain(d => d.ServiceType == typeof(IMediator) || d.ServiceType == typeof(ServiceFactory));
    }

    [Fact]
    public void The_apps_own_registrations_are_left_alone()
    {
        var services = new ServiceCollection();
        TestApp.AddMediatR5(services);
        var appHandler = new AppRequestHandler();
        services.AddSingleton<IRequestHandler<NegotiationRequest, CommandResult>>(appHandler);
        var before = services.ToList();

        services.AddNegotiations().UseInMemoryStore().AddMediatRAdapter().AddMediatRAdapter();

        before.Should().BeSubsetOf(services);
        services.Where(d => d.ServiceType == typeof(IRequestHandler<NegotiationRequest, CommandResult>))
            .Should().ContainSingle().Which.ImplementationInstance.Should().BeSameAs(appHandler);
        services.Where(d => d.ServiceType == typeof(IMediator) || d.ServiceType == typeof(ServiceFactory))
            .Should().Equal(before.Where(d => d.ServiceType == typeof(IMediator) || d.ServiceType == typeof(ServiceFactory)));
    }

    [Fact]
    public void Registering_the_adapter_twice_registers_one_handler()
    {
        var services = new ServiceCollection();

        services.AddNegotiations().UseInMemoryStore().AddMediatRAdapter().AddMediatRAdapter();

        services.Should().ContainSingle(d => d.ServiceType == typeof(IRequestHandler<NegotiationRequest, CommandResult>));
    }

    private sealed class AppRequestHandler : IRequestHandler<NegotiationRequest, CommandResult>
    {
        public Task<CommandResult> Handle(NegotiationRequest request, CancellationToken cancellationToken) =>
            throw new NotSupportedException();
    }
}
