using FluentAssertions;
using Negotiations.EventSourcing;
using Negotiations.Tests.Shared;
using Xunit;

namespace Negotiations.Tests.EventSourcing;

public sealed class EventCatalogTests
{
    [Fact]
    public void A_catalog_maps_each_type_to_its_declared_wire_name_and_back()
    {
        Tally.Catalog.NameOf(typeof(Tally.Added)).Should().Be("tally_added.v1");
        Tally.Catalog.TryGetType("tally_noted.v1", out var type).Should().BeTrue();
        type.Should().Be<Tally.Noted>();
        Tally.Catalog.TryGetType("tally_removed.v1", out _).Should().BeFalse();
    }

    [Fact]
    public void A_type_without_a_wire_name_is_refused_by_name()
    {
        var build = () => EventCatalog.Of(typeof(Unnamed));

        build.Should().Throw<ArgumentException>().WithMessage("*Unnamed*[WireName]*");
    }

    [Fact]
    public void Two_types_under_one_wire_name_are_refused()
    {
        var build = () => EventCatalog.Of(typeof(Tally.Added), typeof(Impostor));

        build.Should().Throw<ArgumentException>().WithMessage("*share the wire name 'tally_added.v1'*");
    }

    [Fact]
    public void A_wire_name_without_a_version_is_refused()
    {
        var build = () => EventCatalog.Of(typeof(Unversioned));

        build.Should().Throw<ArgumentException>().WithMessage("*'thing_happened'*snake_case_name.v1*");
    }

    private sealed record Unnamed;

    [WireName("tally_added.v1")]
    private sealed record Impostor;

    [WireName("thing_happened")]
    private sealed record Unversioned;
}
