using System;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;

namespace Negotiations.SampleHost;

/// <summary>The article to replay, its script, and what its metadata says: title and publication day.</summary>
/// <param name="ArticlePath">The article's full path.</param>
/// <param name="ScriptPath">The script's full path.</param>
/// <param name="ArticleName">The article as errors name it: the path as given, or relative to the current folder.</param>
/// <param name="ScriptName">The script as errors name it.</param>
/// <param name="Title">The article's title, from its metadata; null when it has none.</param>
/// <param name="PublishedOn">The publication day, from its metadata; null when it has none.</param>
/// <param name="TitleSupplied">True when the metadata says the article prints no title, so the title is the encoder's.</param>
internal sealed record ArticleInputs(string ArticlePath, string ScriptPath, string ArticleName, string ScriptName, string? Title, DateOnly? PublishedOn, bool TitleSupplied)
{
    /// <summary>The folder the seeds live in, in the repository and beside the binary.</summary>
    public const string SeedsFolder = "seeds";

    private const string MetadataSuffix = ".meta.json";

    /// <summary>Finds the files: those given on the command line, else the seed.</summary>
    /// <exception cref="SampleException">A file is missing, no seed can be found, or the metadata cannot be read.</exception>
    public static ArticleInputs Find(SampleOptions options, string currentDirectory)
    {
        if (options.ArticlePath is { } article && options.ScriptPath is { } script)
        {
            var articlePath = Path.GetFullPath(article, currentDirectory);
            var scriptPath = Path.GetFullPath(script, currentDirectory);
            MustExist(articlePath, article);
            MustExist(scriptPath, script);
            var metadataPath = Path.ChangeExtension(articlePath, null) + MetadataSuffix;
            var metadata = File.Exists(metadataPath) ? ReadMetadata(metadataPath, Shown(metadataPath, currentDirectory)) : null;
            return new ArticleInputs(articlePath, scriptPath, article, script, metadata?.Title, metadata?.PublishedOn, metadata?.TitleGiven == false);
        }

        return FindSeed(currentDirectory);
    }

    /// <summary>
    /// The seeds folder: under the current folder, else under the repository holding the binary or the current folder
    /// (found by walking up to <c>Negotiations.sln</c>), else the copy beside the binary.
    /// </summary>
    public static string? FindSeedsFolder(string currentDirectory)
    {
        var candidates = new[] { Path.Combine(currentDirectory, SeedsFolder) }
            .Concat(RepositoryRoot(AppContext.BaseDirectory) is { } fromBinary ? [Path.Combine(fromBinary, SeedsFolder)] : [])
            .Concat(RepositoryRoot(currentDirectory) is { } fromCurrent ? [Path.Combine(fromCurrent, SeedsFolder)] : [])
            .Append(Path.Combine(AppContext.BaseDirectory, SeedsFolder));
        return candidates.FirstOrDefault(folder => Directory.Exists(folder) && Directory.EnumerateFiles(folder, "*" + MetadataSuffix).Any());
    }

    private static ArticleInputs FindSeed(string currentDirectory)
    {
        var folder = FindSeedsFolder(currentDirectory)
            ?? throw SampleException.Input(
                $"no seed found: no '{SeedsFolder}' folder with a *{MetadataSuffix} file under {currentDirectory}, the repository (the folder holding Negotiations.sln) or {AppContext.BaseDirectory}; give --article and --script");

        // Seed names begin with their publication day, so the last in name order is the newest.
        var metadataPath = Directory.EnumerateFiles(folder, "*" + MetadataSuffix).Order(StringComparer.Ordinal).Last();
        var metadataName = Shown(metadataPath, currentDirectory);
        var metadata = ReadMetadata(metadataPath, metadataName);
        if (metadata.Article is null || metadata.Script is null)
        {
            throw SampleException.Input($"{metadataName}: the seed's metadata needs 'article' and 'script', the names of its article and replay script");
        }

        var articlePath = Path.Combine(folder, metadata.Article);
        var scriptPath = Path.Combine(folder, metadata.Script);
        var articleName = Shown(articlePath, currentDirectory);
        var scriptName = Shown(scriptPath, currentDirectory);
        MustExist(articlePath, articleName);
        MustExist(scriptPath, scriptName);
        return new ArticleInputs(articlePath, scriptPath, articleName, scriptName, metadata.Title, metadata.PublishedOn, metadata.TitleGiven == false);
    }

    private static Metadata ReadMetadata(string path, string name)
    {
        try
        {
            using var document = JsonDocument.Parse(File.ReadAllText(path));
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw SampleException.Input($"{name}: article metadata is a JSON object");
            }

            DateOnly? published = null;
            if (Text(root, "publishedOn", name) is { } day)
            {
                published = DateOnly.TryParseExact(day, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed)
                    ? parsed
                    : throw SampleException.Input($"{name}: 'publishedOn' '{day}' is not a date: write it as yyyy-MM-dd");
            }

            bool? titleGiven = root.TryGetProperty("titleGiven", out var given) ? given.ValueKind switch
            {
                JsonValueKind.True => true,
                JsonValueKind.False => false,
                JsonValueKind.Null => null,
                _ => throw SampleException.Input($"{name}: 'titleGiven' must be true or false"),
            } : null;
            return new Metadata(Text(root, "title", name), titleGiven, published, Text(root, "article", name), Text(root, "script", name));
        }
        catch (JsonException ex)
        {
            throw SampleException.Input($"{name}: malformed JSON: {ex.Message}");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw SampleException.Input($"{name}: cannot read the file: {ex.Message}");
        }
    }

    private static string? Text(JsonElement root, string property, string name) =>
        !root.TryGetProperty(property, out var value) || value.ValueKind == JsonValueKind.Null
            ? null
            : value.ValueKind == JsonValueKind.String
                ? value.GetString()
                : throw SampleException.Input($"{name}: '{property}' must be a string");

    private static void MustExist(string path, string name)
    {
        if (!File.Exists(path))
        {
            throw SampleException.Input($"{name}: no such file");
        }
    }

    private static string? RepositoryRoot(string start)
    {
        for (var folder = new DirectoryInfo(start); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "Negotiations.sln")))
            {
                return folder.FullName;
            }
        }

        return null;
    }

    private static string Shown(string path, string currentDirectory)
    {
        var relative = Path.GetRelativePath(currentDirectory, path);
        return relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? path : relative;
    }

    private sealed record Metadata(string? Title, bool? TitleGiven, DateOnly? PublishedOn, string? Article, string? Script);
}
