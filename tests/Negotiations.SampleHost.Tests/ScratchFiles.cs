using System.Text.Json.Nodes;

namespace Negotiations.SampleHost.Tests;

/// <summary>A temporary folder for bad scripts and articles, deleted with the test class.</summary>
public sealed class ScratchFiles : IDisposable
{
    public string Folder { get; } = Directory.CreateTempSubdirectory("negotiations-sample-").FullName;

    /// <summary>The seed's script, changed by the test, written to a file of its own.</summary>
    public string Script(string name, Action<JsonArray> change)
    {
        var script = JsonNode.Parse(File.ReadAllText(RepositoryPaths.SeedScript))!.AsArray();
        change(script);
        return Write(name, script.ToJsonString());
    }

    /// <summary>Writes a file of the folder.</summary>
    public string Write(string name, string text)
    {
        var path = Path.Combine(Folder, name);
        File.WriteAllText(path, text);
        return path;
    }

    public void Dispose() => Directory.Delete(Folder, recursive: true);
}
