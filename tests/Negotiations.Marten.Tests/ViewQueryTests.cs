using FluentAssertions;
using JasperFx.Events.Projections;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Negotiations.Scripts;
using Negotiations.Tests;
using Xunit;

namespace Negotiations.Marten.Tests;

/// <summary>
/// Marten LINQ over stored views, as the docs of <see cref="ProjectedView{TView}"/> promise: members of the view by
/// their stored JSON, enums by their snake_case names (what the contract writes), not by their C# names or numbers;
/// members of the library's id types are refused, and filtered in memory.
/// </summary>
public sealed class ViewQueryTests(PostgresSchema<ViewQueryTests> schema) : IClassFixture<PostgresSchema<ViewQueryTests>>
{
    private static readonly ReplayScript Seed = ScriptReader.ReadFiles(RepositoryPaths.Seed.Article, RepositoryPaths.Seed.Script);

    /// <summary>Three tracks, opened on a day, in a week and at an unknown date (the seed's), each with the seed's participants.</summary>
    private async Task<(ServiceProvider Provider, string Prefix, string Day, string Week, string Unknown)> OpenThreeTracksAsync()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        var connectionString = await schema.ConnectionStringAsync();
        services.AddNegotiations().UseMarten(o =>
        {
            o.ConnectionString = connectionString;
            o.SchemaName = schema.Name;
            o.AddProjection(new NegotiationStateProjection(), ProjectionLifecycle.Inline);
        });
        var provider = services.BuildServiceProvider();
        var prefix = $"query-{Guid.NewGuid():N}"[..20];
        var (day, week, unknown) = ($"{prefix}-day", $"{prefix}-week", $"{prefix}-unknown");
        var open = (OpenNegotiation)Seed.Commands[0];
        var commands = provider.GetRequiredService<INegotiationCommands>();
        foreach (var command in new[]
        {
            open with { Track = new TrackId(day), OccurredOn = WorldDate.On(2025, 5, 16) },
            open with { Track = new TrackId(week), OccurredOn = WorldDate.WeekOf(new DateOnly(2025, 5, 12)) },
            open with { Track = new TrackId(unknown) },
        })
        {
            (await commands.SendAsync(command)).Succeeded.Should().BeTrue();
        }

        return (provider, prefix, day, week, unknown);
    }

    [Fact]
    public async Task Linq_compares_enum_members_of_a_view_with_their_stored_snake_case_names()
    {
        var (provider, prefix, day, week, unknown) = await OpenThreeTracksAsync();
        await using var _ = provider;
        await using var session = provider.GetRequiredService<INegotiationsStore>().QuerySession();
        var views = session.Query<ProjectedView<NegotiationState>>().Where(v => v.Id.StartsWith(prefix));
        var ct = TestContext.Current.CancellationToken;

        var onADay = await views.Where(v => v.View.Opening!.OccurredOn.Precision == DatePrecision.Day).Select(v => v.Id).ToListAsync(ct);
        var notUnknown = await views.Where(v => v.View.Opening!.OccurredOn.Precision != DatePrecision.Unknown).Select(v => v.Id).ToListAsync(ct);
        var weekOrUnknown = await views.Where(v => new[] { DatePrecision.Week, DatePrecision.Unknown }.Contains(v.View.Opening!.OccurredOn.Precision)).Select(v => v.Id).ToListAsync(ct);
        var withAThirdParty = await views.Where(v => v.View.Participants.Any(p => p.Role == ParticipantRole.ThirdParty)).Select(v => v.Id).ToListAsync(ct);
        var withAMediator = await views.Where(v => v.View.Participants.Any(p => p.Role == ParticipantRole.Mediator)).Select(v => v.Id).ToListAsync(ct);

        onADay.Should().Equal(day);
        notUnknown.Should().BeEquivalentTo([day, week]);
        weekOrUnknown.Should().BeEquivalentTo([week, unknown]);
        withAThirdParty.Should().BeEquivalentTo([day, week, unknown], "the seed's participants include the United States as a third party, stored as \"third_party\"");
        withAMediator.Should().BeEmpty();
    }

    [Fact]
    public async Task Linq_filters_views_by_id_strings_numbers_booleans_and_days()
    {
        var (provider, prefix, day, week, unknown) = await OpenThreeTracksAsync();
        await using var _ = provider;
        await using var session = provider.GetRequiredService<INegotiationsStore>().QuerySession();
        var views = session.Query<ProjectedView<NegotiationState>>().Where(v => v.Id.StartsWith(prefix));
        var ct = TestContext.Current.CancellationToken;

        var byId = await views.Where(v => v.Id == week).Select(v => v.Id).ToListAsync(ct);
        var byTitle = await views.Where(v => v.View.Opening!.Title == "Russia-Ukraine peace talks, 2025").OrderBy(v => v.Id).Select(v => v.Id).ToListAsync(ct);
        var byActorName = await views.Where(v => v.View.Participants.Any(p => p.Actor.Name == "Türkiye")).Select(v => v.Id).ToListAsync(ct);
        var byNumbers = await views.Where(v => v.View.IsOpened && v.EventCount == 1 && v.View.Participants.Count() == 4).Select(v => v.Id).ToListAsync(ct);
        var endingAfter16May = await views.Where(v => v.View.Opening!.OccurredOn.NotAfter > new DateOnly(2025, 5, 16)).Select(v => v.Id).ToListAsync(ct);

        byId.Should().Equal(week);
        byTitle.Should().Equal(day, unknown, week);
        byActorName.Should().BeEquivalentTo([day, week, unknown]);
        byNumbers.Should().BeEquivalentTo([day, week, unknown]);
        endingAfter16May.Should().Equal(week);
    }

    [Fact]
    public async Task Linq_refuses_comparing_members_of_the_librarys_id_types_which_are_filtered_in_memory()
    {
        var (provider, prefix, day, week, unknown) = await OpenThreeTracksAsync();
        await using var _ = provider;
        await using var session = provider.GetRequiredService<INegotiationsStore>().QuerySession();
        var views = session.Query<ProjectedView<NegotiationState>>().Where(v => v.Id.StartsWith(prefix));
        var turkiye = new ActorCode("turkiye");

        var byCode = () => views.Where(v => v.View.Participants.Any(p => p.Actor.Code == turkiye)).ToListAsync(TestContext.Current.CancellationToken);
        var inMemory = (await views.ToListAsync(TestContext.Current.CancellationToken))
            .Where(v => v.View.Participants.Any(p => p.Actor.Code == turkiye)).Select(v => v.Id);

        await byCode.Should().ThrowAsync<global::Marten.Exceptions.BadLinqExpressionException>();
        inMemory.Should().BeEquivalentTo([day, week, unknown]);
    }
}
