using Marten;

namespace Negotiations.Marten;

/// <summary>
/// The library's own Marten document store, registered by
/// <see cref="NegotiationsMartenBuilderExtensions.UseMarten"/> beside any store the application has, with its
/// own schema and settings.
/// </summary>
/// <remarks>
/// Resolve it to open sessions on the library's schema yourself; most code needs only the
/// <see cref="EventSourcing.IEventStore"/> port and <see cref="MartenViews"/>.
/// </remarks>
public interface INegotiationsStore : IDocumentStore;
