using System.Text.Json;
using FluentAssertions;
using Negotiations.Serialization;
using Negotiations.Scripts;
using Xunit;

namespace Negotiations.Tests.Scripts;

public sealed class ScriptReaderTests
{
    private const string ScriptName = "bad.script.json";

    private const string Article = "Russia has demanded Ukraine give up four regions. \"A lot of diplomatic work lies ahead,\" Peskov said. Ukraine’s answer came on Monday.";

    private const string DemandQuote = "Russia has demanded Ukraine give up four regions.";

    private const string PeskovQuote = "\"A lot of diplomatic work lies ahead,\" Peskov said.";

    private const string Peskov = """{"code":"peskov","name":"Dmitry Peskov","affiliation":"RUS","type":"spokesperson"}""";

    [Fact]
    public void A_good_script_gives_its_commands_in_order_with_their_entries()
    {
        var script = ScriptReader.Read(Article, Script(Demand("e-1"), Statement("e-2")), ScriptName);

        script.ScriptName.Should().Be(ScriptName);
        script.Entries.Select(e => (e.Index, e.Id, e.CommandName)).Should().Equal((1, "e-1", "MakeProposal"), (2, "e-2", "RecordStatement"));
        script.Entries[0].Note.Should().Be("a note");
        script.Entries[1].Source.Quote.Should().Be("\"A lot of diplomatic work lies ahead,\" Peskov said.");
        script.Commands.Should().HaveCount(2);
        script.Commands[0].Should().BeOfType<MakeProposal>().Which.Kind.Should().Be(ProposalKind.Demand);
        script.Commands[1].Should().BeOfType<RecordStatement>().Which.By.Code.Should().Be(new ActorCode("peskov"));
    }

    [Fact]
    public void An_unknown_command_is_named_with_the_file_and_entry()
    {
        var problem = ProblemOf(Script(Demand("e-1"), Demand("e-2").Replace("\"MakeProposal\"", "\"MakeDemand\"", StringComparison.Ordinal)));

        problem.Should().StartWith("bad.script.json: entry 2 (e-2): unknown command 'MakeDemand'; known commands: AddParticipant, AgreeExchange, AnswerProposal,");
    }

    [Fact]
    public void A_missing_field_is_named_with_the_file_and_entry()
    {
        var problem = ProblemOf(Script(Statement("e-1").Replace("\"summary\":\"Work lies ahead.\",", string.Empty, StringComparison.Ordinal)));

        problem.Should().Be("bad.script.json: entry 1 (e-1): invalid RecordStatement data: JSON deserialization for type 'Negotiations.RecordStatement' was missing required properties including: 'summary'.");
    }

    [Fact]
    public void A_bad_date_is_named_with_the_file_entry_and_place()
    {
        var problem = ProblemOf(Script(Demand("e-1"), Statement("e-2").Replace("\"2025-07-21\",\"notAfter\"", "\"2025-07-32\",\"notAfter\"", StringComparison.Ordinal)));

        problem.Should().Be("bad.script.json: entry 2 (e-2): invalid RecordStatement data at data.occurredOn: A WorldDate's 'notBefore': '2025-07-32' is not a date of the form yyyy-MM-dd.");
    }

    [Fact]
    public void A_bad_id_is_named_with_the_file_entry_and_place()
    {
        var problem = ProblemOf(Script(Demand("e-1").Replace("\"russia-four-regions\"", "\"Four Regions\"", StringComparison.Ordinal)));

        problem.Should().StartWith("bad.script.json: entry 1 (e-1): invalid MakeProposal data at data.proposal: 'Four Regions' is not a valid ProposalId");
    }

    [Fact]
    public void A_null_item_in_a_list_is_named_with_the_file_entry_and_place()
    {
        var problem = ProblemOf(Script(Demand("e-1").Replace("\"agenda\":[\"territory\"]", "\"agenda\":[\"territory\",null]", StringComparison.Ordinal)));

        problem.Should().Be("bad.script.json: entry 1 (e-1): invalid MakeProposal data at data.agenda: Item 1 of a list of String is null; lists of the contract hold no nulls.");
    }

    [Fact]
    public void A_quote_not_in_the_article_is_named_with_the_file_and_entry()
    {
        var problem = ProblemOf(Script(Demand("e-1"), Statement("e-2", "Ukraine's answer came on Monday.")));

        problem.Should().Be("bad.script.json: entry 2 (e-2): quote not found in the article: \"Ukraine's answer came on Monday.\"");
    }

    [Fact]
    public void Malformed_json_is_named_with_the_file_and_where_it_breaks()
    {
        var problem = ProblemOf(Script(Demand("e-1")).Replace("\"command\":", "\"command\"", StringComparison.Ordinal));

        problem.Should().StartWith("bad.script.json: malformed JSON: ").And.Contain("LineNumber: 1");
    }

    [Theory]
    [InlineData("{}", "bad.script.json: a script is a JSON array of entries, not an object")]
    [InlineData("[]", "bad.script.json: the script has no entries")]
    [InlineData("[42]", "bad.script.json: entry 1: an entry is a JSON object with 'command', 'data' and optionally 'note', not a number")]
    [InlineData("""[{"data":{"commandId":"e-1"}}]""", "bad.script.json: entry 1 (e-1): missing 'command': name the command, such as \"RecordRoundHeld\"")]
    [InlineData("""[{"command":"RecordStatement"}]""", "bad.script.json: entry 1: missing 'data': the fields of the RecordStatement command")]
    [InlineData("""[{"command":"RecordStatement","data":[]}]""", "bad.script.json: entry 1: 'data' must be a JSON object with the fields of the RecordStatement command, not an array")]
    [InlineData("""[{"command":"RecordStatement","comand":"x","data":{}}]""", "bad.script.json: entry 1: 'comand' is not a property of an entry; an entry has 'command', 'data' and optionally 'note'")]
    [InlineData("""[{"command":7,"data":{}}]""", "bad.script.json: entry 1: 'command' must be a string naming the command, not a number")]
    public void A_malformed_entry_is_named_with_the_file_and_entry(string script, string expected)
    {
        ProblemOf(script).Should().Be(expected);
    }

    [Fact]
    public void An_entry_without_a_source_is_refused()
    {
        var problem = ProblemOf(Script(Statement("e-1").Replace($",\"source\":{SourceJson(PeskovQuote, "peskov")}", string.Empty, StringComparison.Ordinal)));

        problem.Should().Be("bad.script.json: entry 1 (e-1): missing 'data.source': every entry rests on a quote of the article");
    }

    [Fact]
    public void A_command_id_used_twice_is_refused()
    {
        var problem = ProblemOf(Script(Demand("e-1"), Statement("e-1")));

        problem.Should().Be("bad.script.json: entry 2 (e-1): command id 'e-1' is already used by entry 1");
    }

    [Fact]
    public void A_fact_dated_after_its_report_is_refused()
    {
        var problem = ProblemOf(Script(Statement("e-1").Replace("\"notBefore\":\"2025-07-21\",\"notAfter\":\"2025-07-21\"", "\"notBefore\":\"2025-07-22\",\"notAfter\":\"2025-07-22\"", StringComparison.Ordinal)));

        problem.Should().Be("bad.script.json: entry 1 (e-1): 'data.occurredOn' (2025-07-22) begins after 'data.source.reportedOn' (2025-07-21): a fact is reported after it happens");
    }

    [Fact]
    public void Entries_citing_another_document_are_refused()
    {
        var problem = ProblemOf(Script(Demand("e-1"), Statement("e-2").Replace("doc-1", "doc-2", StringComparison.Ordinal)));

        problem.Should().Be("bad.script.json: entry 2 (e-2): source.documentId 'doc-2' is not the document of the script's first entry ('doc-1'); a script encodes one article");
    }

    [Fact]
    public void Every_problem_is_reported_and_the_message_names_the_first_in_one_line()
    {
        var script = Script(
            Demand("e-1"),
            Demand("e-2").Replace("\"MakeProposal\"", "\"MakeDemand\"", StringComparison.Ordinal),
            Statement("e-3", "Ukraine's answer came on Monday."),
            Statement("e-4").Replace("\"spokesperson\"", "\"speaker\"", StringComparison.Ordinal));

        var read = () => ScriptReader.Read(Article, script, ScriptName);

        var error = read.Should().Throw<ScriptException>().Which;
        error.Problems.Select(p => (p.Entry, p.EntryId)).Should().Equal((2, "e-2"), (3, "e-3"), (4, "e-4"));
        error.Problems.Should().OnlyContain(p => p.File == ScriptName);
        error.Message.Should().StartWith("bad.script.json: entry 2 (e-2): unknown command 'MakeDemand'").And.EndWith("(and 2 more problems)");
        error.Message.Should().NotContainAny("\n", "\r");
        error.Problems[2].ToString().Should().Be("bad.script.json: entry 4 (e-4): invalid RecordStatement data at data.by.type: 'speaker' is not a valid ActorType; use one of state, head_of_state, head_of_government, minister, delegation, negotiator, spokesperson, body, other.");
    }

    [Fact]
    public void Files_are_read_and_problems_name_the_script_file()
    {
        using var folder = new TemporaryFolder();
        var article = folder.Write("article.txt", Article);
        var good = folder.Write("good.script.json", Script(Demand("e-1")));
        var bad = folder.Write("bad.script.json", Script(Demand("e-1").Replace("four regions.", "five regions.", StringComparison.Ordinal)));

        ScriptReader.ReadFiles(article, good).Commands.Should().ContainSingle();
        var read = () => ScriptReader.ReadFiles(article, bad);
        read.Should().Throw<ScriptException>().WithMessage("bad.script.json: entry 1 (e-1): quote not found in the article: \"Russia has demanded Ukraine give up five regions.\"");
    }

    [Fact]
    public async Task A_missing_file_is_a_one_line_problem_naming_it()
    {
        using var folder = new TemporaryFolder();
        var script = folder.Write("good.script.json", Script(Demand("e-1")));

        var read = () => ScriptReader.ReadFilesAsync(Path.Combine(folder.Path, "missing.txt"), script);

        (await read.Should().ThrowAsync<ScriptException>()).Which.Message.Should().StartWith("missing.txt: cannot read the file: ");
    }

    private static string ProblemOf(string script)
    {
        var read = () => ScriptReader.Read(Article, script, ScriptName);
        var message = read.Should().Throw<ScriptException>().Which.Message;
        message.Should().NotContainAny("\n", "\r");
        return message;
    }

    private static string Script(params string[] entries) => $"[\n{string.Join(",\n", entries)}\n]";

    private static string Demand(string id) => $$"""
        {"command":"MakeProposal","note":"a note","data":{"track":"russia-ukraine-2025","commandId":"{{id}}","proposal":"russia-four-regions",
         "kind":"demand","by":{"code":"russia","name":"Russia","affiliation":"RUS","type":"state"},"addressedTo":["UKR"],"agenda":["territory"],
         "terms":"Ukraine gives up four regions.","occurredOn":{"notBefore":null,"notAfter":"2025-07-21","precision":"unknown"},"source":{{SourceJson(DemandQuote)}} } }
        """;

    private static string Statement(string id, string quote = PeskovQuote) => $$"""
        {"command":"RecordStatement","data":{"track":"russia-ukraine-2025","commandId":"{{id}}","by":{{Peskov}},"kind":"assessment",
         "summary":"Work lies ahead.","tone":"cautious","agenda":[],
         "occurredOn":{"notBefore":"2025-07-21","notAfter":"2025-07-21","precision":"day"},"source":{{SourceJson(quote, "peskov")}} } }
        """;

    private static string SourceJson(string quote, string? attributedTo = null) =>
        $$"""{"documentId":"doc-1","quote":{{JsonSerializer.Serialize(quote, NegotiationJson.Options)}},"attributedTo":{{(attributedTo is null ? "null" : $"\"{attributedTo}\"")}},"reportedOn":"2025-07-21"}""";

    private sealed class TemporaryFolder : IDisposable
    {
        public string Path { get; } = Directory.CreateTempSubdirectory("negotiations-scripts-").FullName;

        public string Write(string name, string text)
        {
            var path = System.IO.Path.Combine(Path, name);
            File.WriteAllText(path, text);
            return path;
        }

        public void Dispose() => Directory.Delete(Path, recursive: true);
    }
}
