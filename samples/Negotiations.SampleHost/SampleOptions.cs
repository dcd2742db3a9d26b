using System;
using System.Collections.Generic;
using System.Globalization;

namespace Negotiations.SampleHost;

/// <summary>What the command line asks for.</summary>
internal sealed record SampleOptions
{
    /// <summary>The environment variable that switches the sample to PostgreSQL, like <c>--postgres</c>.</summary>
    public const string PostgresVariable = "NEGOTIATIONS_POSTGRES";

    public const string Usage =
        "usage: Negotiations.SampleHost [--as-of <yyyy-MM-dd>] [--json] [--article <file> --script <file>] [--postgres <connection string>] [--schema <name>]";

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
    public string Schema { get; init; } = "negotiations";

    /// <summary>Print the usage and stop.</summary>
    public bool Help { get; init; }

    /// <summary>Reads the command line; <c>NEGOTIATIONS_POSTGRES</c> stands in for <c>--postgres</c>.</summary>
    /// <exception cref="SampleException">An unknown option, a missing value, or a value that cannot be read.</exception>
    public static SampleOptions Parse(IReadOnlyList<string> args, Func<string, string?> environment)
    {
        var options = new SampleOptions();
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            var equals = arg.StartsWith("--", StringComparison.Ordinal) ? arg.IndexOf('=', StringComparison.Ordinal) : -1;
            var name = equals > 0 ? arg[..equals] : arg;
            string? inline = equals > 0 ? arg[(equals + 1)..] : null;
            string Value()
            {
                if (inline is not null)
                {
                    return inline;
                }

                if (i + 1 >= args.Count || args[i + 1].StartsWith("--", StringComparison.Ordinal))
                {
                    throw SampleException.Usage($"option {name} needs a value");
                }

                return args[++i];
            }

            options = name switch
            {
                "--as-of" => options with { AsOf = ParseDay(Value()) },
                "--json" when inline is null => options with { Json = true },
                "--article" => options with { ArticlePath = NonEmpty(name, Value()) },
                "--script" => options with { ScriptPath = NonEmpty(name, Value()) },
                "--postgres" => options with { Postgres = NonEmpty(name, Value()) },
                "--schema" => options with { Schema = NonEmpty(name, Value()) },
                "--help" or "-h" => options with { Help = true },
                "--json" => throw SampleException.Usage("option --json takes no value"),
                _ => throw SampleException.Usage($"unknown option '{arg}'"),
            };
        }

        if ((options.ArticlePath is null) != (options.ScriptPath is null))
        {
            throw SampleException.Usage(options.ArticlePath is null
                ? "--script needs --article: the script's quotes are checked against its article"
                : "--article needs --script: give the article's replay script too");
        }

        if (options.Postgres is null && environment(PostgresVariable) is { Length: > 0 } fromEnvironment)
        {
            options = options with { Postgres = fromEnvironment };
        }

        return options;
    }

    private static DateOnly ParseDay(string text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            ? day
            : throw SampleException.Usage($"--as-of '{text}' is not a date: write it as yyyy-MM-dd, such as 2025-07-21");

    private static string NonEmpty(string name, string value) =>
        string.IsNullOrWhiteSpace(value) ? throw SampleException.Usage($"option {name} needs a value") : value;
}
