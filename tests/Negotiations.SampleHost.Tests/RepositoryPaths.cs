namespace Negotiations.SampleHost.Tests;

/// <summary>The repository's files, found from the test's output folder.</summary>
internal static class RepositoryPaths
{
    public const string SeedName = "2025-07-21-zelenskyy-announces-istanbul-round";

    /// <summary>The folder holding <c>Negotiations.sln</c>.</summary>
    public static string Root { get; } = FindRoot();

    public static string SeedArticle => Path.Combine(Root, "seeds", SeedName + ".txt");

    public static string SeedScript => Path.Combine(Root, "seeds", SeedName + ".script.json");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Negotiations.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No folder above '{AppContext.BaseDirectory}' holds Negotiations.sln.");
    }
}
