using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using FluentAssertions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Negotiations.EventSourcing;
using Negotiations.Tests.Shared;
using Xunit;

namespace Negotiations.Tests.EventSourcing;

/// <summary>
/// What an application takes from dependency injection: <see cref="INegotiationCommands"/> and
/// <see cref="INegotiationReader"/>, bound to the tenant of their scope, decorated, traced and measured under the
/// OpenTelemetry conventions, with options bound from configuration and checked when the host starts.
/// </summary>
public sealed class EntryPointTests
{
    private static readonly TrackId Track = BadInputs.Track;

    private static ServiceProvider Provider(Action<NegotiationsBuilder>? configure = null)
    {
        var services = new ServiceCollection();
        services.AddScoped<Visitor>();
        var builder = services.AddNegotiations().UseInMemoryStore();
        configure?.Invoke(builder);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    [Fact]
    public async Task Without_a_tenant_source_every_entry_point_works_for_the_default_tenant()
    {
        await using var provider = Provider();
        var commands = provider.GetRequiredService<INegotiationCommands>();

        var result = await commands.SendAsync(BadInputs.Opening(Track), cancellationToken: TestContext.Current.CancellationToken);

        commands.Tenant.Should().Be(StreamKey.DefaultTenant);
        result.Stream.Should().Be(StreamKey.Of(Track.Value));
        (await provider.GetRequiredService<INegotiationReader>().GetStateAsync(Track, cancellationToken: TestContext.Current.CancellationToken))!.Title.Should().Be("Russia-Ukraine talks");
    }

    /// <summary>The shape the isolation work fills: each scope's entry points are bound to the scope's tenant.</summary>
    [Fact]
    public async Task Entry_points_resolved_in_a_scope_work_for_the_tenant_of_that_scope()
    {
        await using var provider = Provider(b => b.UseTenantFrom(sp => sp.GetRequiredService<Visitor>().Tenant));
        var store = provider.GetRequiredService<IEventStore>();

        async Task<CommandResult> SendAs(string tenant)
        {
            await using var scope = provider.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<Visitor>().Tenant = tenant;
            var commands = scope.ServiceProvider.GetRequiredService<INegotiationCommands>();
            commands.Tenant.Should().Be(tenant);
            return await commands.SendAsync(BadInputs.Opening(Track), cancellationToken: TestContext.Current.CancellationToken);
        }

        var first = await SendAs("newsroom-a");
        var second = await SendAs("newsroom-b");

        first.Stream.Should().Be(new StreamKey("newsroom-a", Track.Value));
        second.Outcome.Should().Be(CommandOutcome.Accepted, "the same track id in another tenant is another stream");
        second.Stream.Should().Be(new StreamKey("newsroom-b", Track.Value));
        (await store.ReadStreamAsync(new StreamKey("newsroom-a", Track.Value), cancellationToken: TestContext.Current.CancellationToken)).Should().ContainSingle();
        (await store.ReadStreamAsync(StreamKey.Of(Track.Value), cancellationToken: TestContext.Current.CancellationToken)).Should().BeEmpty();
        await using var scope = provider.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<Visitor>().Tenant = "newsroom-b";
        var reader = scope.ServiceProvider.GetRequiredService<INegotiationReader>();
        reader.Tenant.Should().Be("newsroom-b");
        (await reader.GetStateAsync(Track, cancellationToken: TestContext.Current.CancellationToken)).Should().NotBeNull();
    }

    public static TheoryData<string> BadTenants() => new() { "", " ", "a/b", "-leading", new string('t', 65), "line\nbreak" };

    [Theory(DisableDiscoveryEnumeration = true)]
    [MemberData(nameof(BadTenants))]
    public async Task A_tenant_source_returning_an_invalid_tenant_id_fails_the_resolution_naming_the_value(string tenant)
    {
        await using var provider = Provider(b => b.UseTenantFrom(_ => tenant));

        var resolve = () => provider.GetRequiredService<INegotiationCommands>();

        resolve.Should().Throw<InvalidOperationException>().WithMessage("*UseTenantFrom returned*not a tenant id*");
    }

    [Fact]
    public void A_second_tenant_source_is_refused()
    {
        var builder = new ServiceCollection().AddNegotiations().UseTenantFrom(_ => "a");

        var again = () => builder.UseTenantFrom(_ => "b");

        again.Should().Throw<InvalidOperationException>().WithMessage("*tenant source*once*");
    }

    [Fact]
    public async Task Decorators_wrap_the_library_entry_point_in_the_order_they_are_added()
    {
        var calls = new ConcurrentQueue<string>();
        await using var provider = Provider(b => b
            .DecorateCommands((inner, _) => new Noting(inner, "first", calls))
            .DecorateCommands((inner, _) => new Noting(inner, "second", calls)));

        var result = await provider.GetRequiredService<INegotiationCommands>().SendAsync(BadInputs.Opening(Track), cancellationToken: TestContext.Current.CancellationToken);

        result.Outcome.Should().Be(CommandOutcome.Accepted);
        calls.Should().Equal("second before", "first before", "first after", "second after");
    }

    [Fact]
    public async Task A_decorator_returning_null_is_an_error_saying_what_to_return()
    {
        await using var provider = Provider(b => b.DecorateCommands((_, _) => null!));

        var resolve = () => provider.GetRequiredService<INegotiationCommands>();

        resolve.Should().Throw<InvalidOperationException>().WithMessage("*DecorateCommands returned null*");
    }

    [Fact]
    public async Task Commands_are_traced_and_measured_under_the_OpenTelemetry_conventions()
    {
        var stream = $"telemetry-{Guid.NewGuid():N}";
        var spans = new ConcurrentBag<Activity>();
        using var activityListener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == NegotiationsTelemetry.ActivitySourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = a =>
            {
                if ((string?)a.GetTagItem(NegotiationsTelemetry.Tags.StreamId) == stream)
                {
                    spans.Add(a);
                }
            },
        };
        ActivitySource.AddActivityListener(activityListener);
        var durations = new ConcurrentBag<(double Seconds, Dictionary<string, object?> Tags)>();
        var counts = new ConcurrentBag<(string Instrument, long Value, Dictionary<string, object?> Tags)>();
        Histogram<double>? histogram = null;
        using var meterListener = new MeterListener
        {
            InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == NegotiationsTelemetry.MeterName)
                {
                    histogram ??= instrument as Histogram<double>;
                    listener.EnableMeasurementEvents(instrument);
                }
            },
        };
        meterListener.SetMeasurementEventCallback<double>((_, value, tags, _) => durations.Add((value, TagsOf(tags))));
        meterListener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => counts.Add((instrument.Name, value, TagsOf(tags))));
        meterListener.Start();
        var track = new TrackId(stream);
        await using var provider = Provider(b => b.DecorateCommands((inner, _) => new Failing(inner, "fail")));
        var commands = provider.GetRequiredService<INegotiationCommands>();

        await commands.SendAsync(BadInputs.Opening(track), cancellationToken: TestContext.Current.CancellationToken);
        await commands.SendAsync(BadInputs.Opening(track), cancellationToken: TestContext.Current.CancellationToken);
        await commands.SendAsync(BadInputs.Opening(track) with { CommandId = new CommandId("again"), Title = "Another title" }, cancellationToken: TestContext.Current.CancellationToken);
        var failing = () => commands.SendAsync(BadInputs.Opening(track) with { CommandId = new CommandId("fail") }, cancellationToken: TestContext.Current.CancellationToken);
        await failing.Should().ThrowAsync<TimeoutException>();

        spans.Select(s => s.GetTagItem(NegotiationsTelemetry.Tags.Outcome)).Should().BeEquivalentTo(new object?[] { "accepted", "already_applied", "refused", null });
        spans.Should().OnlyContain(s => s.DisplayName == "negotiations.command OpenNegotiation");
        var failed = spans.Single(s => s.GetTagItem(NegotiationsTelemetry.Tags.Outcome) is null);
        failed.Status.Should().Be(ActivityStatusCode.Error);
        failed.GetTagItem("error.type").Should().Be(typeof(TimeoutException).FullName);
        var refused = spans.Single(s => (string?)s.GetTagItem(NegotiationsTelemetry.Tags.Outcome) == "refused");
        refused.Status.Should().Be(ActivityStatusCode.Unset, "a refusal is an answer, not a failure");
        refused.GetTagItem(NegotiationsTelemetry.Tags.ErrorCode).Should().Be("track.already_opened");

        histogram.Should().NotBeNull();
        histogram!.Name.Should().Be("negotiations.command.duration");
        histogram.Unit.Should().Be("s");
        histogram.Advice!.HistogramBucketBoundaries.Should().Equal(NegotiationsTelemetry.DurationBuckets);
        var ours = durations.Where(d => (string?)d.Tags.GetValueOrDefault(NegotiationsTelemetry.Tags.CommandType) == nameof(OpenNegotiation)).ToList();
        ours.Should().Contain(d => (string?)d.Tags.GetValueOrDefault(NegotiationsTelemetry.Tags.Outcome) == "accepted")
            .And.Contain(d => (string?)d.Tags.GetValueOrDefault("error.type") == typeof(TimeoutException).FullName)
            .And.OnlyContain(d => d.Seconds >= 0 && d.Seconds < 60, "durations are in seconds");
        counts.Where(c => c.Instrument == NegotiationsTelemetry.CommandsHandled).Select(c => c.Tags.GetValueOrDefault(NegotiationsTelemetry.Tags.Outcome))
            .Should().Contain(["accepted", "already_applied", "refused"]);
        counts.Should().Contain(c => c.Instrument == NegotiationsTelemetry.Refusals && (string?)c.Tags.GetValueOrDefault(NegotiationsTelemetry.Tags.ErrorCode) == "track.already_opened");
    }

    [Fact]
    public async Task Options_bind_from_configuration_and_are_checked_when_the_host_starts()
    {
        var good = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        good.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Negotiations:MaxConflictRetries"] = "7" });
        good.Services.AddNegotiations().UseInMemoryStore().BindConfiguration();
        using var goodHost = good.Build();
        await goodHost.StartAsync(TestContext.Current.CancellationToken);
        goodHost.Services.GetRequiredService<IOptions<NegotiationsOptions>>().Value.MaxConflictRetries.Should().Be(7);
        await goodHost.StopAsync(TestContext.Current.CancellationToken);

        var bad = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        bad.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Negotiations:MaxConflictRetries"] = "-1" });
        bad.Services.AddNegotiations().UseInMemoryStore().BindConfiguration();
        using var badHost = bad.Build();

        var start = () => badHost.StartAsync(TestContext.Current.CancellationToken);

        (await start.Should().ThrowAsync<OptionsValidationException>()).WithMessage("*MaxConflictRetries must be 0 or more*");
    }

    private static Dictionary<string, object?> TagsOf(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var all = new Dictionary<string, object?>();
        foreach (var tag in tags)
        {
            all[tag.Key] = tag.Value;
        }

        return all;
    }

    /// <summary>Who the scope's request is for; set by the app's middleware.</summary>
    private sealed class Visitor
    {
        public string Tenant { get; set; } = "";
    }

    private sealed class Noting(INegotiationCommands inner, string name, ConcurrentQueue<string> calls) : INegotiationCommands
    {
        public string Tenant => inner.Tenant;

        public async Task<CommandResult> SendAsync(NegotiationCommand command, CommandContext? context = null, CancellationToken cancellationToken = default)
        {
            calls.Enqueue($"{name} before");
            var result = await inner.SendAsync(command, context, cancellationToken);
            calls.Enqueue($"{name} after");
            return result;
        }
    }

    /// <summary>Fails the command with the given id, as an unreachable service would.</summary>
    private sealed class Failing(INegotiationCommands inner, string commandId) : INegotiationCommands
    {
        public string Tenant => inner.Tenant;

        public Task<CommandResult> SendAsync(NegotiationCommand command, CommandContext? context = null, CancellationToken cancellationToken = default) =>
            command.CommandId.Value == commandId ? throw new TimeoutException("the store did not answer") : inner.SendAsync(command, context, cancellationToken);
    }
}
