using System.Text.Json;
using FluentAssertions;
using JasperFx.Events;
using JasperFx.Events.Projections;
using Marten;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Negotiations.EventSourcing;
using Negotiations.Serialization;
using Negotiations.Tests.Shared;
using Xunit;
using IEventStore = Negotiations.EventSourcing.IEventStore;

namespace Negotiations.Marten.Tests;

public sealed class RegistrationTests(PostgresSchema<RegistrationTests> schema) : IClassFixture<PostgresSchema<RegistrationTests>>
{
    private static readonly EventMetadata Metadata = new() { CommandId = "c-1" };

    [Fact]
    public async Task UseMarten_keeps_the_library_in_its_own_store_and_schema_beside_the_apps_store()
    {
        var connectionString = await schema.ConnectionStringAsync();
        var librarySchema = schema.Also("lib");
        var appSchema = schema.Also("app");
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(Tally.Catalog);
        services.AddMarten(o =>
        {
            o.Connection(connectionString);
            o.DatabaseSchemaName = appSchema;
        });
        services.AddNegotiations().UseMarten(o =>
        {
            o.ConnectionString = connectionString;
            o.SchemaName = librarySchema;
        });
        await using var provider = services.BuildServiceProvider();

        var port = provider.GetRequiredService<IEventStore>();
        var library = provider.GetRequiredService<INegotiationsStore>();
        var app = provider.GetRequiredService<IDocumentStore>();
        var stream = $"reg-{Guid.NewGuid():N}";
        await port.AppendAsync(StreamKey.Of(stream), 0, [new Tally.Added(1), new Tally.Noted("n")], Metadata);

        port.Should().BeOfType<MartenEventStore>().And.BeSameAs(provider.GetRequiredService<IEventStore>());
        library.Should().NotBeSameAs(app);
        library.Options.DatabaseSchemaName.Should().Be(librarySchema);
        library.Options.Events.StreamIdentity.Should().Be(StreamIdentity.AsString);
        app.Options.DatabaseSchemaName.Should().Be(appSchema);
        app.Options.Events.StreamIdentity.Should().Be(StreamIdentity.AsGuid, "the app's own store keeps its own settings");
        (await schema.ScalarAsync<long>($"SELECT count(*) FROM {librarySchema}.mt_events WHERE stream_id = '{stream}'")).Should().Be(2);
        (await schema.ScalarAsync<string>($"SELECT to_regclass('{appSchema}.mt_events')::text")).Should().BeNull();
        provider.GetRequiredService<MartenViews>().Should().BeSameAs(provider.GetRequiredService<MartenViews>());
    }

    [Fact]
    public async Task The_store_options_extension_lets_an_apps_own_store_hold_the_events_and_views()
    {
        var connectionString = await schema.ConnectionStringAsync();
        var appSchema = schema.Also("shared");
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(Tally.Catalog);
        services.AddMarten(o =>
        {
            o.Connection(connectionString);
            o.DatabaseSchemaName = appSchema;
            o.AddNegotiations(Tally.Catalog, new JsonSerializerOptions(JsonSerializerDefaults.Web));
            o.AddProjection(new TallySummaryProjection(), ProjectionLifecycle.Inline);
        });
        services.AddNegotiations().UseMartenStore<IDocumentStore>();
        await using var provider = services.BuildServiceProvider();

        var port = provider.GetRequiredService<IEventStore>();
        var stream = $"reg-{Guid.NewGuid():N}";
        await port.AppendAsync(StreamKey.Of(stream), 0, [new Tally.Added(3), new Tally.Added(4)], Metadata);
        var view = await provider.GetRequiredService<MartenViews>().LoadAsync<TallySummary>(stream);

        port.Should().BeOfType<MartenEventStore>();
        provider.GetService<INegotiationsStore>().Should().BeNull("no store of the library's own is made");
        view!.View.Total.Should().Be(7);
        view.EventCount.Should().Be(2);
        (await schema.ScalarAsync<string>($"SELECT data::text FROM {appSchema}.mt_events WHERE stream_id = '{stream}' AND version = 1")).Should().Be("{\"amount\": 3}");
    }

    [Fact]
    public void An_apps_store_without_the_library_settings_is_refused_when_the_port_is_resolved()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(Tally.Catalog);
        services.AddMarten(o => o.Connection("Host=127.0.0.1;Port=1;Database=none;Username=none;Password=none"));
        services.AddNegotiations().UseMartenStore<IDocumentStore>();
        using var provider = services.BuildServiceProvider();

        var resolve = () => provider.GetRequiredService<IEventStore>();

        resolve.Should().Throw<ArgumentException>().WithMessage("*AsString*AddNegotiations*");
    }

    [Fact]
    public void Choosing_marten_after_another_store_is_an_error_naming_both()
    {
        var builder = new ServiceCollection().AddNegotiations().UseInMemoryStore();

        var marten = () => builder.UseMarten(o => o.ConnectionString = "Host=localhost");

        marten.Should().Throw<InvalidOperationException>().WithMessage("*InMemoryEventStore*MartenEventStore*");
    }

    [Fact]
    public void Choosing_a_marten_store_twice_is_an_error_naming_the_first()
    {
        var builder = new ServiceCollection().AddNegotiations().UseMarten(o => o.ConnectionString = "Host=localhost");

        var again = () => builder.UseMartenStore<IDocumentStore>();

        again.Should().Throw<InvalidOperationException>().WithMessage("*INegotiationsStore*IDocumentStore*");
    }

    [Theory]
    [InlineData(null, "negotiations", "*ConnectionString is not set*ConnectionStrings:Negotiations*")]
    [InlineData("Host=localhost", "Bad-Schema", "*'Bad-Schema'*")]
    public async Task Invalid_marten_options_fail_the_host_start_naming_the_option(string? connectionString, string schemaName, string message)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Services.AddNegotiations().UseMarten(o =>
        {
            o.ConnectionString = connectionString;
            o.SchemaName = schemaName;
        });
        using var host = builder.Build();

        var start = () => host.StartAsync(TestContext.Current.CancellationToken);

        (await start.Should().ThrowAsync<OptionsValidationException>()).WithMessage(message);
    }

    [Fact]
    public async Task Invalid_marten_options_are_named_when_the_store_is_first_used_without_a_host()
    {
        var services = new ServiceCollection();
        services.AddNegotiations().UseMarten(o => o.SchemaName = "Bad-Schema");
        await using var provider = services.BuildServiceProvider();

        var resolve = () => provider.GetRequiredService<IEventStore>();

        resolve.Should().Throw<OptionsValidationException>().WithMessage("*ConnectionString is not set*");
    }

    [Fact]
    public async Task The_connection_string_can_come_from_configuration_at_start_up()
    {
        var connectionString = await schema.ConnectionStringAsync();
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:Negotiations"] = connectionString });
        builder.Services.AddNegotiations().UseMarten(o => o.SchemaName = schema.Also("configured"));
        using var host = builder.Build();
        await host.StartAsync(TestContext.Current.CancellationToken);

        var result = await host.Services.GetRequiredService<INegotiationCommands>().SendAsync(BadInputs.Opening(new TrackId($"configured-{Guid.NewGuid():N}")), cancellationToken: TestContext.Current.CancellationToken);

        result.Outcome.Should().Be(CommandOutcome.Accepted);
        host.Services.GetRequiredService<IOptions<NegotiationsMartenOptions>>().Value.ConnectionString.Should().Be(connectionString);
        await host.StopAsync(TestContext.Current.CancellationToken);
    }

    public static TheoryData<string> BadSchemaNames() => new() { "negotiations\n", "negotiations\r\n", new string('a', 1 << 20), new string('a', 64) };

    [Theory]
    [MemberData(nameof(BadSchemaNames))]
    public async Task A_schema_name_with_a_trailing_line_break_or_too_long_is_refused_in_a_short_message(string schemaName)
    {
        NegotiationsMartenOptions.IsValidSchemaName(schemaName).Should().BeFalse();
        var services = new ServiceCollection();
        services.AddNegotiations().UseMarten(o =>
        {
            o.ConnectionString = "Host=localhost";
            o.SchemaName = schemaName;
        });
        await using var provider = services.BuildServiceProvider();

        var use = () => provider.GetRequiredService<IEventStore>();

        use.Should().Throw<OptionsValidationException>().WithMessage("*is not a valid schema name*").Which.Message.Length.Should().BeLessThan(300);
    }

    [Fact]
    public void A_second_projection_for_the_same_view_type_is_refused_naming_both()
    {
        var options = new StoreOptions();

        var add = () => options
            .AddProjection(new TallySummaryProjection(), ProjectionLifecycle.Inline)
            .AddProjection(new OtherSummaryProjection(), ProjectionLifecycle.Async);

        add.Should().Throw<InvalidOperationException>().WithMessage("*TallySummary*TallySummaryProjection*OtherSummaryProjection*");
    }

    [Fact]
    public void The_id_types_are_taught_to_marten_only_with_serializer_options_that_write_them()
    {
        var withContract = new StoreOptions().AddNegotiations(NegotiationEvents.Catalog, NegotiationJson.Options);
        var ownSerializer = new StoreOptions().AddNegotiations(NegotiationEvents.Catalog);
        var withoutIdConverters = new StoreOptions().AddNegotiations(NegotiationEvents.Catalog, new JsonSerializerOptions());

        withContract.Linq.MemberSources.OfType<IdMemberSource>().Should().ContainSingle();
        withContract.Linq.MethodCallParsers.OfType<IdContainsParser>().Should().ContainSingle();
        ownSerializer.Linq.MemberSources.OfType<IdMemberSource>().Should().BeEmpty();
        ownSerializer.Linq.MethodCallParsers.OfType<IdContainsParser>().Should().BeEmpty();
        withoutIdConverters.Linq.MemberSources.OfType<IdMemberSource>().Should().BeEmpty("options without the contract's converters would not write an id as a plain string");
    }

    [Fact]
    public void A_cross_stream_projection_cannot_be_live()
    {
        var add = () => new StoreOptions().AddProjection(new TallyLedgerProjection(), ProjectionLifecycle.Live);

        add.Should().Throw<ArgumentException>().WithMessage("*TallyLedgerProjection*Inline or Async*");
    }

    private sealed class OtherSummaryProjection : StreamProjection<TallySummary>
    {
        public override TallySummary Start(string streamId) => new(streamId, 0, 0, [], [], []);

        public override TallySummary Evolve(TallySummary view, RecordedEvent @event) => view;
    }
}
