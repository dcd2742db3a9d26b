using System.Text.RegularExpressions;

namespace Negotiations.Docs.Tests;

/// <summary>How a documentation block is checked: its comment, just above its fence.</summary>
public enum BlockCheck
{
    /// <summary><c>&lt;!-- compile ... --&gt;</c>: compiled, warnings as errors.</summary>
    Compile,

    /// <summary><c>&lt;!-- run ... --&gt;</c>: compiled as a program and run; it must end without an exception.</summary>
    Run,

    /// <summary><c>&lt;!-- no-compile: reason --&gt;</c>: left out, for the reason given.</summary>
    NoCompile,

    /// <summary>No comment: an error, every block must say how it is checked.</summary>
    Unmarked,
}

/// <summary>
/// A <c>csharp</c> block of a Markdown file and the code around it. The comment just above the fence (blank lines
/// between are allowed) says how to check it, in the Markdown source where readers of the source see it:
/// <code>
/// &lt;!-- compile
/// using Microsoft.Extensions.DependencyInjection;
/// var services = new ServiceCollection();
/// ...
/// await using var provider = services.BuildServiceProvider();
/// --&gt;
/// </code>
/// The lines after <c>compile</c> (or <c>run</c>) are the code around the block, which goes where the line <c>...</c>
/// is (after them all when there is none). <c>&lt;!-- no-compile: reason --&gt;</c> leaves a block out.
/// </summary>
public sealed partial record DocBlock(string File, int Line, string Code, BlockCheck Check, string Before, string After, string? Reason)
{
    /// <summary>The block's name in test output: the file relative to the repository and the fence's line.</summary>
    public string Name => $"{File}:{Line}";

    /// <summary>The source to compile: the code before, the block, the code after.</summary>
    public string Source => $"{Before}\n#line {Line + 1} \"{File}\"\n{Code}\n#line default\n{After}\n";

    /// <summary>Every csharp block of README.md, docs/*.md and src/*/README.md.</summary>
    public static IReadOnlyList<DocBlock> All(string root)
    {
        // The repository's README, the guides, and the README of each package (what nuget.org shows).
        var files = new[] { Path.Combine(root, "README.md") }
            .Concat(Directory.GetFiles(Path.Combine(root, "docs"), "*.md").Order(StringComparer.Ordinal))
            .Concat(Directory.GetDirectories(Path.Combine(root, "src")).Select(d => Path.Combine(d, "README.md")).Where(System.IO.File.Exists).Order(StringComparer.Ordinal));
        return [.. files.SelectMany(f => Read(Path.GetRelativePath(root, f).Replace('\\', '/'), System.IO.File.ReadAllLines(f)))];
    }

    public static IEnumerable<DocBlock> Read(string file, string[] lines)
    {
        for (var i = 0; i < lines.Length; i++)
        {
            if (!Fence().IsMatch(lines[i]) || !lines[i].TrimStart().StartsWith("```csharp", StringComparison.Ordinal))
            {
                continue;
            }

            var start = i;
            var end = i + 1;
            while (end < lines.Length && !lines[end].TrimStart().StartsWith("```", StringComparison.Ordinal))
            {
                end++;
            }

            var code = string.Join('\n', lines[(start + 1)..end]);
            yield return WithComment(file, lines, start, code);
            i = end;
        }
    }

    private static DocBlock WithComment(string file, string[] lines, int fence, string code)
    {
        var last = fence - 1;
        while (last >= 0 && string.IsNullOrWhiteSpace(lines[last]))
        {
            last--;
        }

        if (last < 0 || !lines[last].TrimEnd().EndsWith("-->", StringComparison.Ordinal))
        {
            return new DocBlock(file, fence + 1, code, BlockCheck.Unmarked, "", "", null);
        }

        var first = last;
        while (first > 0 && !lines[first].Contains("<!--", StringComparison.Ordinal))
        {
            first--;
        }

        var comment = string.Join('\n', lines[first..(last + 1)]);
        var body = comment[(comment.IndexOf("<!--", StringComparison.Ordinal) + 4)..comment.LastIndexOf("-->", StringComparison.Ordinal)];
        var head = body.TrimStart();
        if (head.StartsWith("no-compile:", StringComparison.Ordinal))
        {
            return new DocBlock(file, fence + 1, code, BlockCheck.NoCompile, "", "", head["no-compile:".Length..].Trim());
        }

        var check = head.StartsWith("compile", StringComparison.Ordinal) ? BlockCheck.Compile
            : head.StartsWith("run", StringComparison.Ordinal) ? BlockCheck.Run
            : BlockCheck.Unmarked;
        if (check == BlockCheck.Unmarked)
        {
            return new DocBlock(file, fence + 1, code, check, "", "", null);
        }

        var around = head[(check == BlockCheck.Compile ? "compile".Length : "run".Length)..].Split('\n').Skip(1).ToList();
        var gap = around.FindIndex(l => l.Trim() == "...");
        var before = gap < 0 ? around : around[..gap];
        var after = gap < 0 ? [] : around[(gap + 1)..];
        return new DocBlock(file, fence + 1, code, check, string.Join('\n', before).TrimEnd(), string.Join('\n', after).TrimEnd(), null);
    }

    [GeneratedRegex(@"^\s*```")]
    private static partial Regex Fence();
}
