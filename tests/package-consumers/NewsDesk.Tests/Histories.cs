namespace NewsDesk.Tests;

/// <summary>The history files the tests replay: copied beside the tests, and found in the source tree to rewrite.</summary>
internal static class Histories
{
    /// <summary>The harbour talks as the desk records them, captured with <c>EventHistory</c>.</summary>
    public static string HarbourTalks => Path.Combine(AppContext.BaseDirectory, "histories", "harbour-talks-2026.history.json");

    /// <summary>The same file in the source tree, for <c>NEWSDESK_UPDATE_HISTORY=1</c>.</summary>
    public static string HarbourTalksSource
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "NewsDesk.Tests.csproj")))
                {
                    return Path.Combine(dir.FullName, "histories", "harbour-talks-2026.history.json");
                }
            }

            throw new InvalidOperationException($"NewsDesk.Tests.csproj is not above {AppContext.BaseDirectory}.");
        }
    }
}
