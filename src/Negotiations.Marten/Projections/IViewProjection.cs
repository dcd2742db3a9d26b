using JasperFx.Events.Projections;

namespace Negotiations.Marten;

/// <summary>What a projection registered through the library keeps: a read model, or a decider's decision state.</summary>
internal enum ViewRole
{
    /// <summary>A view for people and programs.</summary>
    ReadModel,

    /// <summary>The decision state a command is decided on, loaded with <c>FetchForWriting</c>.</summary>
    DecisionState,
}

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

    /// <summary>What the projection keeps.</summary>
    ViewRole Role { get; }

    /// <summary>The stored view of a stream built from all its events, for writes that bypass Marten's projections (an import); null for cross-stream projections.</summary>
    object? BuildView(string streamId, IReadOnlyList<EventSourcing.RecordedEvent> events);
}
