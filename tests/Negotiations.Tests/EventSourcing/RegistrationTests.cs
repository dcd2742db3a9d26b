using FluentAssertions;
using Microsoft.Extensions.DependencyInjection;
using Negotiations.EventSourcing;
using Negotiations.Tests.Shared;
using Xunit;

namespace Negotiations.Tests.EventSourcing;

public sealed class RegistrationTests
{
    [Fact]
    public void The_in_memory_store_is_one_shared_instance_behind_the_port()
    {
        var services = new ServiceCollection();
        services.AddSingleton(Tally.Catalog);
        services.AddNegotiations().UseInMemoryStore().UseInMemoryStore();
        using var provider = services.BuildServiceProvider();

        provider.GetRequiredService<IEventStore>().Should().BeOfType<InMemoryEventStore>()
            .And.BeSameAs(provider.GetRequiredService<IEventStore>());
        provider.GetRequiredService<TimeProvider>().Should().BeSameAs(TimeProvider.System);
    }

    [Fact]
    public void Keyed_services_of_the_app_do_not_disturb_choosing_a_store()
    {
        var services = new ServiceCollection();
        services.AddKeyedSingleton("app", new object());
        services.AddNegotiations().UseInMemoryStore();
        using var provider = services.BuildServiceProvider();

        provider.GetRequiredService<INegotiationCommands>().Should().NotBeNull();
    }

    [Fact]
    public void Asking_for_the_command_service_without_a_store_says_to_choose_one()
    {
        var services = new ServiceCollection();
        services.AddNegotiations();
        using var provider = services.BuildServiceProvider();

        var get = () => provider.GetRequiredService<INegotiationCommands>();

        get.Should().Throw<InvalidOperationException>().WithMessage("*no event store*UseInMemoryStore()*UseMarten(...)*");
    }

    [Fact]
    public void Choosing_a_second_different_store_is_an_error_naming_both()
    {
        var builder = new ServiceCollection().AddNegotiations().UseInMemoryStore();

        var second = () => builder.UseStore(_ => new OtherStore());

        second.Should().Throw<InvalidOperationException>().WithMessage("*InMemoryEventStore*OtherStore*");
    }

    [Fact]
    public void A_negative_retry_bound_fails_options_validation()
    {
        var services = new ServiceCollection();
        services.AddNegotiations(o => o.MaxConflictRetries = -1);
        using var provider = services.BuildServiceProvider();

        var read = () => provider.GetRequiredService<Microsoft.Extensions.Options.IOptions<NegotiationsOptions>>().Value;

        read.Should().Throw<Microsoft.Extensions.Options.OptionsValidationException>().WithMessage("*MaxConflictRetries*");
    }

    private sealed class OtherStore : IEventStore
    {
        public Task<AppendResult> AppendAsync(StreamKey stream, long expectedVersion, IReadOnlyList<object> events, EventMetadata metadata, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<IReadOnlyList<RecordedEvent>> ReadStreamAsync(StreamKey stream, long fromVersion = 1, long? untilVersion = null, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public Task<CommandRecord?> FindCommandAsync(StreamKey stream, string commandId, CancellationToken cancellationToken = default) => throw new NotSupportedException();

        public IAsyncEnumerable<RecordedEvent> ReadAllAsync(long afterPosition = 0, CancellationToken cancellationToken = default) => throw new NotSupportedException();
    }
}
