using JasperFx.Events.Projections;

namespace Negotiations.Marten;

/// <summary>What the registration and <see cref="MartenViews"/> need to know of an adapted projection.</summary>
internal interface IViewProjection
{
    /// <summary>The user's view type.</summary>
    Type ViewType { get; }

    /// <summary>The user's projection type.</summary>
    Type SourceType { get; }

    /// <summary>The Marten projection name (progress and rebuilds are keyed on it).</summary>
    string Name { get; }

    /// <summary>The lifecycle the projection was registered with.</summary>
    ProjectionLifecycle Lifecycle { get; }
}
