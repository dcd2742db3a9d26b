namespace Negotiations.Tests;

/// <summary>Finds the repository's files from the test's output folder, so tests read the sources, not copies.</summary>
internal static class RepositoryPaths
{
    /// <summary>The repository root: the folder holding <c>Negotiations.sln</c>.</summary>
    public static string Root { get; } = FindUp("Negotiations.sln");

    /// <summary>The test project's folder.</summary>
    public static string TestProject { get; } = System.IO.Path.Combine(Root, "tests", "Negotiations.Tests");

    /// <summary>The seed article, its metadata and its replay script.</summary>
    public static class Seed
    {
        public const string Name = "2025-07-21-zelenskyy-announces-istanbul-round";

        public static string Article => System.IO.Path.Combine(Root, "seeds", Name + ".txt");

        public static string Metadata => System.IO.Path.Combine(Root, "seeds", Name + ".meta.json");

        public static string Script => System.IO.Path.Combine(Root, "seeds", Name + ".script.json");
    }

    private static string FindUp(string marker)
    {
        for (var dir = new System.IO.DirectoryInfo(System.AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (System.IO.File.Exists(System.IO.Path.Combine(dir.FullName, marker)))
            {
                return dir.FullName;
            }
        }

        throw new System.InvalidOperationException($"No folder above '{System.AppContext.BaseDirectory}' holds {marker}; the tests read the repository's files.");
    }
}
