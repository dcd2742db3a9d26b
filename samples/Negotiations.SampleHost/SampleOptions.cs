using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Globalization;
using System.IO;
using System.Linq;
using Negotiations.Marten;
using Npgsql;

namespace Negotiations.SampleHost;

/// <summary>What the command line asks for, read by System.CommandLine.</summary>
internal sealed record SampleOptions
{
    /// <summary>The environment variable that switches the sample to PostgreSQL, like <c>--postgres</c>.</summary>
    public const string PostgresVariable = "NEGOTIATIONS_POSTGRES";

    private static readonly Option<string?> AsOfOption = new("--as-of")
    {
        Description = "The world day to show the negotiation as of (yyyy-MM-dd); the article's publication day by default.",
        HelpName = "yyyy-MM-dd",
    };

    private static readonly Option<bool> JsonOption = new("--json") { Description = "Print JSON for machines instead of the report." };

    private static readonly Option<string?> ArticleOption = new("--article")
    {
        Description = $"An article to replay instead of the seed (a regular file of at most {Negotiations.Scripts.ScriptReader.MaxFileBytes / (1024 * 1024)} MB); needs --script.",
        HelpName = "file",
    };

    private static readonly Option<string?> ScriptOption = new("--script")
    {
        Description = "The article's replay script; needs --article.",
        HelpName = "file",
    };

    private static readonly Option<string?> PostgresOption = new("--postgres")
    {
        Description = $"The Npgsql connection string of a PostgreSQL database to keep the events in ({PostgresVariable} stands in for it); in memory without it.",
        HelpName = "connection string",
    };

    private static readonly Option<string?> SchemaOption = new("--schema")
    {
        Description = $"The PostgreSQL schema of the events and views; '{NegotiationsMartenOptions.DefaultSchemaName}' by default. Needs --postgres.",
        HelpName = "name",
    };

    private static readonly Option<string[]> ExportOption = new("--export")
    {
        Description = "Write the tracks as coded event data or a chart instead of the report: plover (PLOVER-style JSON), cameo (CSV with CAMEO codes) or svg (a timeline chart), to the file given.",
        HelpName = "plover|cameo|svg> <path",
        Arity = new ArgumentArity(2, 2),
        AllowMultipleArgumentsPerToken = true,
    };

    /// <summary>The formats <c>--export</c> writes.</summary>
    public static IReadOnlyList<string> ExportFormats { get; } = ["plover", "cameo", "svg"];

    /// <summary>What to export instead of the report (<c>plover</c>, <c>cameo</c> or <c>svg</c>); null for the report.</summary>
    public string? ExportFormat { get; init; }

    /// <summary>The file to export to; null for the report.</summary>
    public string? ExportPath { get; init; }

    /// <summary>The world day to show the negotiation as of; null for the article's publication day.</summary>
    public DateOnly? AsOf { get; init; }

    /// <summary>Print JSON for machines instead of the report.</summary>
    public bool Json { get; init; }

    /// <summary>The article to replay; null for the seed.</summary>
    public string? ArticlePath { get; init; }

    /// <summary>The article's replay script; null for the seed.</summary>
    public string? ScriptPath { get; init; }

    /// <summary>The Npgsql connection string of the PostgreSQL database; null to replay in memory.</summary>
    public string? Postgres { get; init; }

    /// <summary>The PostgreSQL schema to keep the events and views in.</summary>
    public string Schema { get; init; } = NegotiationsMartenOptions.DefaultSchemaName;

    /// <summary>The sample's command line, with <c>--help</c>.</summary>
    public static RootCommand Command() => new("Replays a news article's replay script through the Negotiations library and shows the negotiation as of a day.")
    {
        AsOfOption, JsonOption, ArticleOption, ScriptOption, PostgresOption, SchemaOption, ExportOption,
    };

    /// <summary>Reads a parsed command line; <c>NEGOTIATIONS_POSTGRES</c> stands in for <c>--postgres</c>.</summary>
    /// <exception cref="SampleException">A value that cannot be read, or options that do not go together (exit code 2).</exception>
    public static SampleOptions From(ParseResult parsed, Func<string, string?> environment)
    {
        if (parsed.Errors.Count > 0)
        {
            throw SampleException.Usage($"{parsed.Errors[0].Message.TrimEnd('.')} (see --help)");
        }

        var options = new SampleOptions
        {
            AsOf = parsed.GetValue(AsOfOption) is { } asOf ? ParseDay(asOf) : null,
            Json = parsed.GetValue(JsonOption),
            ArticlePath = NonEmpty(ArticleOption, parsed),
            ScriptPath = NonEmpty(ScriptOption, parsed),
            Postgres = NonEmpty(PostgresOption, parsed),
        };

        if (parsed.GetValue(ExportOption) is [var format, var path])
        {
            if (!ExportFormats.Contains(format, StringComparer.Ordinal))
            {
                throw SampleException.Usage($"--export {Shown(format)} is not a format: use {string.Join(", ", ExportFormats)}, then the file to write");
            }

            if (string.IsNullOrWhiteSpace(path))
            {
                throw SampleException.Usage($"--export {format} needs the file to write");
            }

            if (options.Json)
            {
                throw SampleException.Usage("--export writes a file instead of the report: it does not go with --json");
            }

            options = options with { ExportFormat = format, ExportPath = path };
        }

        if ((options.ArticlePath is null) != (options.ScriptPath is null))
        {
            throw SampleException.Usage(options.ArticlePath is null
                ? "--script needs --article: the script's quotes are checked against its article"
                : "--article needs --script: give the article's replay script too");
        }

        var fromOption = options.Postgres is not null;
        if (!fromOption && environment(PostgresVariable) is { Length: > 0 } fromEnvironment)
        {
            options = options with { Postgres = fromEnvironment };
        }

        if (NonEmpty(SchemaOption, parsed) is { } schema)
        {
            if (options.Postgres is null)
            {
                throw SampleException.Usage($"--schema needs --postgres (or {PostgresVariable}): without a database the sample replays in memory and has no schema");
            }

            if (!NegotiationsMartenOptions.IsValidSchemaName(schema))
            {
                throw SampleException.Usage($"--schema {Shown(schema)} is not a valid schema name: use lower case letters, digits and underscores, starting with a letter, at most 63 characters");
            }

            options = options with { Schema = schema };
        }

        if (options.Postgres is { } connectionString)
        {
            CheckConnectionString(connectionString, fromOption ? "--postgres" : PostgresVariable);
        }

        return options;
    }

    private static void CheckConnectionString(string connectionString, string from)
    {
        try
        {
            var builder = new NpgsqlConnectionStringBuilder(connectionString);
            if (string.IsNullOrWhiteSpace(builder.Host))
            {
                throw SampleException.Usage($"{from} names no server: give Host=..., such as \"Host=127.0.0.1;Database=negotiations;Username=...;Password=...\"");
            }
        }
        catch (Exception ex) when (ex is ArgumentException or FormatException or InvalidCastException or OverflowException or KeyNotFoundException)
        {
            // Npgsql names the key but may echo the whole string: the password stays out of the message.
            throw SampleException.Usage($"{from} is not an Npgsql connection string ({ex.GetType().Name}): write it as \"Host=127.0.0.1;Port=5432;Database=negotiations;Username=...;Password=...\"");
        }
    }

    private static DateOnly ParseDay(string text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            ? day
            : throw SampleException.Usage($"--as-of {Shown(text)} is not a date: write it as yyyy-MM-dd, such as 2025-07-21");

    private static string? NonEmpty(Option<string?> option, ParseResult parsed)
    {
        var value = parsed.GetValue(option);
        return value is not null && string.IsNullOrWhiteSpace(value) ? throw SampleException.Usage($"option {option.Name} needs a value") : value;
    }

    private static string Shown(string value) =>
        value.Length > 70 ? $"'{Escaped(value[..63])}...' ({value.Length:N0} characters)" : $"'{Escaped(value)}'";

    private static string Escaped(string value) =>
        string.Concat(value.Select(c => char.IsControl(c) || char.IsSurrogate(c) ? $"\\u{(int)c:X4}" : c.ToString()));

    /// <summary>Writes the help to <paramref name="stdout"/>.</summary>
    public static void WriteHelp(ParseResult parsed, TextWriter stdout) =>
        parsed.Invoke(new InvocationConfiguration { Output = stdout, Error = stdout, EnableDefaultExceptionHandler = false });
}
