using System.Runtime.Loader;
using FluentAssertions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Negotiations.Tests;
using Xunit;

namespace Negotiations.Docs.Tests;

/// <summary>
/// The code in README.md and docs/*.md compiles as shown, against the library's built assemblies, with nullable on
/// and warnings as errors; the blocks marked <c>run</c> also run. A block compiles as a file of a project with the
/// .NET SDK's implicit usings (System, System.Linq, System.Threading.Tasks...); every other using, and the code
/// around a fragment, is in the visible comment above the block (see <see cref="DocBlock"/>).
/// </summary>
public sealed class DocsCompileTests(ITestOutputHelper output)
{
    private static readonly IReadOnlyList<DocBlock> Blocks = DocBlock.All(RepositoryPaths.Root);

    private static readonly string ImplicitUsings = string.Join('\n', new[]
    {
        "System", "System.Collections.Generic", "System.IO", "System.Linq", "System.Net.Http", "System.Threading", "System.Threading.Tasks",
    }.Select(u => $"global using global::{u};"));

    private static readonly Lazy<IReadOnlyList<MetadataReference>> References = new(LoadReferences);

    public static TheoryData<string> Checked() => [.. Blocks.Where(b => b.Check is BlockCheck.Compile or BlockCheck.Run).Select(b => b.Name)];

    [Fact]
    public void Every_csharp_block_says_how_it_is_checked_and_the_ones_left_out_say_why()
    {
        var unmarked = Blocks.Where(b => b.Check == BlockCheck.Unmarked).Select(b => b.Name).ToList();
        var leftOut = Blocks.Where(b => b.Check == BlockCheck.NoCompile).ToList();
        foreach (var block in leftOut)
        {
            output.WriteLine($"not compiled: {block.Name}: {block.Reason}");
        }

        Blocks.Should().NotBeEmpty();
        unmarked.Should().BeEmpty("every csharp block needs <!-- compile ... -->, <!-- run ... --> or <!-- no-compile: reason --> above it");
        leftOut.Where(b => string.IsNullOrWhiteSpace(b.Reason)).Select(b => b.Name).Should().BeEmpty("a block left out says why");
        Checked().Count.Should().BeGreaterThan(leftOut.Count, "most blocks are compiled");
    }

    [Theory]
    [MemberData(nameof(Checked))]
    public void The_block_compiles_as_shown(string name)
    {
        var block = Blocks.Single(b => b.Name == name);

        var (compilation, errors) = Compile(block);

        errors.Should().BeEmpty($"{name} compiles as shown (its code, with the code around it in its comment):\n{Numbered(block.Source)}");
        if (block.Check == BlockCheck.Run)
        {
            Run(block, compilation);
        }
    }

    private static (CSharpCompilation Compilation, IReadOnlyList<string> Errors) Compile(DocBlock block)
    {
        var parse = new CSharpParseOptions(LanguageVersion.Latest);
        var tree = CSharpSyntaxTree.ParseText(block.Source, parse, path: block.File);
        var trees = new List<SyntaxTree> { tree, CSharpSyntaxTree.ParseText(ImplicitUsings, parse, path: "ImplicitUsings.g.cs") };
        if (block.Source.Contains("Negotiations.MediatR", StringComparison.Ordinal))
        {
            // The source package compiles into the app that uses it.
            trees.AddRange(Directory.GetFiles(Path.Combine(RepositoryPaths.Root, "src", "Negotiations.MediatR"), "*.cs")
                .Select(f => CSharpSyntaxTree.ParseText(File.ReadAllText(f), parse, path: f)));
        }

        var program = tree.GetRoot().DescendantNodes().OfType<GlobalStatementSyntax>().Any();
        var options = new CSharpCompilationOptions(program ? OutputKind.ConsoleApplication : OutputKind.DynamicallyLinkedLibrary)
            .WithNullableContextOptions(NullableContextOptions.Enable)
            .WithGeneralDiagnosticOption(ReportDiagnostic.Error)
            // As the .NET SDK does for every project (NoWarn 1701;1702): assembly unification notes, not problems of the code.
            .WithSpecificDiagnosticOptions(new Dictionary<string, ReportDiagnostic> { ["CS1701"] = ReportDiagnostic.Suppress, ["CS1702"] = ReportDiagnostic.Suppress })
            .WithOptimizationLevel(OptimizationLevel.Debug);
        var compilation = CSharpCompilation.Create($"Docs_{Guid.NewGuid():N}", trees, References.Value, options);
        var errors = compilation.GetDiagnostics()
            .Where(d => d.Severity == DiagnosticSeverity.Error)
            .Select(d => d.ToString())
            .ToList();
        return (compilation, errors);
    }

    private void Run(DocBlock block, CSharpCompilation compilation)
    {
        using var image = new MemoryStream();
        compilation.Emit(image).Success.Should().BeTrue();
        image.Position = 0;
        var context = new AssemblyLoadContext(block.Name, isCollectible: true);
        var console = Console.Out;
        using var captured = new StringWriter();
        try
        {
            var entry = context.LoadFromStream(image).EntryPoint ?? throw new InvalidOperationException($"{block.Name} is marked run but has no top-level statements.");
            Console.SetOut(captured);
            var run = () => entry.Invoke(null, entry.GetParameters().Length == 0 ? null : [Array.Empty<string>()]);
            run.Should().NotThrow($"{block.Name} runs to its end");
        }
        finally
        {
            Console.SetOut(console);
            context.Unload();
            output.WriteLine($"{block.Name} printed:\n{captured}");
        }
    }

    private static IReadOnlyList<MetadataReference> LoadReferences()
    {
        // The framework, and what an app referencing the packages has in its bin: not the test tools, nor the
        // assembly of the MediatR source package (it ships none; its sources compile with the block).
        var framework = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator);
        // The trusted platform assemblies list the test's own dependencies too, so both lists are filtered.
        var app = Directory.GetFiles(AppContext.BaseDirectory, "*.dll");
        return [.. framework.Concat(app)
            .Where(f => !IsTestTooling(Path.GetFileNameWithoutExtension(f)))
            .GroupBy(Path.GetFileName, StringComparer.OrdinalIgnoreCase)
            .Select(g => MetadataReference.CreateFromFile(g.First()))];
    }

    private static bool IsTestTooling(string name) =>
        name.StartsWith("xunit", StringComparison.OrdinalIgnoreCase)
        || name.StartsWith("Microsoft.CodeAnalysis", StringComparison.Ordinal)
        || name.StartsWith("Microsoft.TestPlatform", StringComparison.Ordinal)
        || name.StartsWith("Microsoft.VisualStudio", StringComparison.Ordinal)
        || name.StartsWith("testhost", StringComparison.OrdinalIgnoreCase)
        || name is "Negotiations.Docs.Tests" or "Negotiations.MediatR";

    private static string Numbered(string source) =>
        string.Join('\n', source.Split('\n').Select((l, i) => $"{i + 1,4}  {l}"));
}
