using FluentAssertions;
using Xunit;

namespace Negotiations.Docs.Tests;

/// <summary>How the comment above a block is read.</summary>
public sealed class DocBlockTests
{
    [Fact]
    public void The_code_around_a_block_goes_before_and_after_it_at_the_ellipsis()
    {
        string[] lines = ["<!-- compile", "using A;", "class C {", "...", "}", "-->", "", "```csharp", "void M() { }", "```"];

        var block = DocBlock.Read("x.md", lines).Single();

        block.Check.Should().Be(BlockCheck.Compile);
        block.Before.Should().Be("using A;\nclass C {");
        block.After.Should().Be("}");
        block.Code.Should().Be("void M() { }");
        block.Line.Should().Be(8);
        block.Source.Should().Contain("#line 9 \"x.md\"\nvoid M() { }");
    }

    [Fact]
    public void A_block_left_out_carries_its_reason_and_a_block_without_a_comment_is_unmarked()
    {
        string[] lines = ["<!-- no-compile: pseudo-code -->", "```csharp", "x", "```", "text", "```csharp", "y", "```", "<!-- run -->", "```csharp", "z", "```"];

        var blocks = DocBlock.Read("x.md", lines).ToList();

        blocks.Select(b => b.Check).Should().Equal(BlockCheck.NoCompile, BlockCheck.Unmarked, BlockCheck.Run);
        blocks[0].Reason.Should().Be("pseudo-code");
        blocks[2].Before.Should().BeEmpty();
    }
}
