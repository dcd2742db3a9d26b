using System.Text.Json;
using FluentAssertions;
using JasperFx.Events.Projections;
using Marten;
using Microsoft.Extensions.DependencyInjection;
using Negotiations.EventSourcing;
using Negotiations.Scripts;
using Negotiations.Tests;
using Xunit;

namespace Negotiations.Marten.Tests;

/// <summary>
/// Marten LINQ over stored views, as the docs of <see cref="ProjectedView{TView}"/> promise: members of the view by
/// their stored JSON, enums by their snake_case names (what the contract writes), not by their C# names or numbers,
/// and members of the library's id types by their strings (Marten value types, registered by <c>AddNegotiations</c>).
/// </summary>
public sealed class ViewQueryTests(PostgresSchema<ViewQueryTests> schema) : IClassFixture<PostgresSchema<ViewQueryTests>>
{
    private static readonly ReplayScript Seed = ScriptReader.ReadFiles(RepositoryPaths.Seed.Article, RepositoryPaths.Seed.Script);

    /// <summary>
    /// Three tracks, opened on a day, in a week and at an unknown date (the seed's), each with the seed's participants;
    /// with <paramref name="restOfSeedOnDay"/>, the seed's other commands (rounds, proposals, an exchange, an
    /// ultimatum) are recorded on the first.
    /// </summary>
    private async Task<(ServiceProvider Provider, string Prefix, string Day, string Week, string Unknown)> OpenThreeTracksAsync(bool restOfSeedOnDay = false)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        var connectionString = await schema.ConnectionStringAsync();
        services.AddNegotiations().UseMarten(o =>
        {
            o.ConnectionString = connectionString;
            o.SchemaName = schema.Name;
            o.AddProjection(new NegotiationStateProjection(), ProjectionLifecycle.Inline);
            o.AddProjection(new TrackCardProjection(), ProjectionLifecycle.Inline);
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

        foreach (var command in restOfSeedOnDay ? Seed.Commands.Skip(1) : [])
        {
            var result = await commands.SendAsync(command with { Track = new TrackId(day) });
            result.Succeeded.Should().BeTrue($"command {command.CommandId} of the seed is accepted ({result.Error?.Message})");
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
    public async Task Linq_compares_a_track_id_member_of_a_view_with_the_id_by_equality_and_containment()
    {
        var (provider, prefix, day, week, unknown) = await OpenThreeTracksAsync();
        await using var _ = provider;
        await using var session = provider.GetRequiredService<INegotiationsStore>().QuerySession();
        var cards = session.Query<ProjectedView<TrackCard>>().Where(v => v.Id.StartsWith(prefix));
        var ct = TestContext.Current.CancellationToken;
        var weekId = new TrackId(week);
        TrackId[] dayOrUnknown = [new(day), new(unknown)];

        List<TrackId> weekAndAnother = [weekId, new("another-track")];
        TrackId[] none = [];

        var equal = await cards.Where(v => v.View.Track == weekId).Select(v => v.Id).ToListAsync(ct);
        var notEqual = await cards.Where(v => v.View.Track != weekId).Select(v => v.Id).ToListAsync(ct);
        var inArray = await cards.Where(v => dayOrUnknown.Contains(v.View.Track)).Select(v => v.Id).ToListAsync(ct);
        var inList = await cards.Where(v => weekAndAnother.Contains(v.View.Track)).Select(v => v.Id).ToListAsync(ct);
        var inNone = await cards.Where(v => none.Contains(v.View.Track)).Select(v => v.Id).ToListAsync(ct);
        var isOneOf = await cards.Where(v => v.View.Track.IsOneOf(dayOrUnknown)).Select(v => v.Id).ToListAsync(ct);
        var selected = await cards.Where(v => v.View.Track == weekId).Select(v => v.View.Track).ToListAsync(ct);

        equal.Should().Equal(week);
        notEqual.Should().BeEquivalentTo([day, unknown]);
        inArray.Should().BeEquivalentTo([day, unknown]);
        inList.Should().Equal(week);
        inNone.Should().BeEmpty();
        isOneOf.Should().BeEquivalentTo([day, unknown]);
        selected.Should().Equal(weekId);
    }

    [Fact]
    public async Task Linq_finds_views_by_an_id_in_a_list_of_ids_and_by_a_nullable_id()
    {
        var (provider, prefix, day, week, unknown) = await OpenThreeTracksAsync(restOfSeedOnDay: true);
        await using var _ = provider;
        await using var session = provider.GetRequiredService<INegotiationsStore>().QuerySession();
        var cards = session.Query<ProjectedView<TrackCard>>().Where(v => v.Id.StartsWith(prefix));
        var ct = TestContext.Current.CancellationToken;
        var turkiye = new ActorCode("turkiye");
        var round = new RoundId("istanbul-2025-06-02");
        var proposal = new ProposalId("ukraine-leaders-meeting");

        var withTurkiye = await cards.Where(v => v.View.Actors.Contains(turkiye)).Select(v => v.Id).ToListAsync(ct);
        var withTheUn = await cards.Where(v => v.View.Actors.Contains(new ActorCode("un"))).Select(v => v.Id).ToListAsync(ct);
        var withTheRound = await cards.Where(v => v.View.Rounds.Contains(round)).Select(v => v.Id).ToListAsync(ct);
        var withAnotherRound = await cards.Where(v => v.View.Rounds.Contains(new RoundId("geneva-2025-01-01"))).Select(v => v.Id).ToListAsync(ct);
        var lastProposal = await cards.Where(v => v.View.LastProposal == proposal).Select(v => v.Id).ToListAsync(ct);
        var noProposal = await cards.Where(v => v.View.LastProposal == null).Select(v => v.Id).ToListAsync(ct);

        withTurkiye.Should().BeEquivalentTo([day, week, unknown]);
        withTheUn.Should().BeEmpty();
        withTheRound.Should().Equal(day);
        withAnotherRound.Should().BeEmpty();
        lastProposal.Should().Equal([day], "the seed's last proposal is Ukraine's proposal of a leaders' meeting");
        noProposal.Should().BeEquivalentTo([week, unknown]);
    }

    [Fact]
    public async Task Linq_compares_id_members_inside_the_collections_of_the_negotiation_state()
    {
        var (provider, prefix, day, week, unknown) = await OpenThreeTracksAsync(restOfSeedOnDay: true);
        await using var _ = provider;
        await using var session = provider.GetRequiredService<INegotiationsStore>().QuerySession();
        var views = session.Query<ProjectedView<NegotiationState>>().Where(v => v.Id.StartsWith(prefix));
        var ct = TestContext.Current.CancellationToken;
        var turkiye = new ActorCode("turkiye");
        ActorCode[] hostOrUn = [new("turkiye"), new("un")];
        var round = new RoundId("istanbul-2025-05-16");

        ActorCode[] unOrEu = [new("un"), new("eu")];
        var un = new ActorCode("un");

        var byCode = await views.Where(v => v.View.Participants.Any(p => p.Actor.Code == turkiye)).Select(v => v.Id).ToListAsync(ct);
        var byAbsentCode = await views.Where(v => v.View.Participants.Any(p => p.Actor.Code == un)).Select(v => v.Id).ToListAsync(ct);
        var byCodes = await views.Where(v => v.View.Participants.Any(p => hostOrUn.Contains(p.Actor.Code))).Select(v => v.Id).ToListAsync(ct);
        var byAbsentCodes = await views.Where(v => v.View.Participants.Any(p => unOrEu.Contains(p.Actor.Code))).Select(v => v.Id).ToListAsync(ct);
        var byAffiliation = await views.Where(v => v.View.Participants.Any(p => p.Actor.Affiliation == Affiliation.Turkiye && p.Role == ParticipantRole.Host)).Select(v => v.Id).ToListAsync(ct);
        var byRound = await views.Where(v => v.View.Rounds.Any(r => r.Id == round)).Select(v => v.Id).ToListAsync(ct);
        var byAbsentRound = await views.Where(v => v.View.Rounds.Any(r => r.Id == new RoundId("geneva-2025-01-01"))).Select(v => v.Id).ToListAsync(ct);
        var addressedToRussia = await views.Where(v => v.View.Proposals.Any(p => p.AddressedTo.Contains(Affiliation.Russia))).Select(v => v.Id).ToListAsync(ct);
        var addressedToTheEu = await views.Where(v => v.View.Proposals.Any(p => p.AddressedTo.Contains(new Affiliation("EU")))).Select(v => v.Id).ToListAsync(ct);
        var aimedAtRussia = await views.Where(v => v.View.Ultimatums.Any(u => u.Target == Affiliation.Russia)).Select(v => v.Id).ToListAsync(ct);
        var aimedAtUkraine = await views.Where(v => v.View.Ultimatums.Any(u => u.Target == Affiliation.Ukraine)).Select(v => v.Id).ToListAsync(ct);

        byCode.Should().BeEquivalentTo([day, week, unknown]);
        byAbsentCode.Should().BeEmpty();
        byCodes.Should().BeEquivalentTo([day, week, unknown]);
        byAbsentCodes.Should().BeEmpty();
        byAffiliation.Should().BeEquivalentTo([day, week, unknown]);
        byRound.Should().Equal(day);
        byAbsentRound.Should().BeEmpty();
        addressedToRussia.Should().Equal([day], "Ukraine's proposal of a leaders' meeting is addressed to RUS");
        addressedToTheEu.Should().BeEmpty();
        aimedAtRussia.Should().Equal([day], "the seed's ultimatum targets RUS");
        aimedAtUkraine.Should().BeEmpty();
    }

    [Fact]
    public async Task An_id_member_is_stored_as_a_plain_json_string()
    {
        var (provider, _, _, week, _) = await OpenThreeTracksAsync();
        await using var __ = provider;
        await using var session = provider.GetRequiredService<INegotiationsStore>().QuerySession();

        var json = await session.Json.FindByIdAsync<ProjectedView<TrackCard>>(week, TestContext.Current.CancellationToken);

        using var stored = JsonDocument.Parse(json!);
        var view = stored.RootElement.GetProperty("view");
        view.GetProperty("track").GetString().Should().Be(week);
        view.GetProperty("actors").EnumerateArray().Select(a => a.GetString()).Should().Equal("ukraine", "russia", "turkiye", "united-states");
    }
}

/// <summary>A view with members of the id types at the top, in lists and nullable, for querying them.</summary>
public sealed record TrackCard
{
    public required string Id { get; init; }

    public required TrackId Track { get; init; }

    public IReadOnlyList<ActorCode> Actors { get; init; } = [];

    public IReadOnlyList<RoundId> Rounds { get; init; } = [];

    public ProposalId? LastProposal { get; init; }
}

public sealed class TrackCardProjection : StreamProjection<TrackCard>
{
    public override TrackCard Start(string streamId) => new() { Id = streamId, Track = new TrackId(streamId) };

    public override TrackCard Evolve(TrackCard view, RecordedEvent @event) => @event.Data switch
    {
        NegotiationOpened opened => view with { Actors = [.. opened.Participants.Select(p => p.Actor.Code)] },
        RoundHeld held => view with { Rounds = [.. view.Rounds, held.Round] },
        ProposalMade made => view with { LastProposal = made.Proposal },
        _ => view,
    };
}
