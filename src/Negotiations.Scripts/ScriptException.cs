namespace Negotiations.Scripts;

/// <summary>One problem of a replay script: where it is and what is wrong.</summary>
/// <param name="File">The script's file name (or the name the caller gave the text).</param>
/// <param name="Entry">The entry's position in the script, from 1; null when the problem is the file as a whole.</param>
/// <param name="EntryId">The entry's id (its command id), when it could be read.</param>
/// <param name="Message">What is wrong, in one line.</param>
public sealed record ScriptProblem(string File, int? Entry, string? EntryId, string Message)
{
    /// <summary>
    /// The problem in one line: <c>seed.script.json: entry 7 (ultimatum-50-days): quote not found in the article: "..."</c>.
    /// </summary>
    /// <returns>The line.</returns>
    public override string ToString()
    {
        var where = Entry is { } index
            ? EntryId is { } id ? $"{File}: entry {index} ({id})" : $"{File}: entry {index}"
            : File;
        return $"{where}: {Message}";
    }
}

/// <summary>
/// A replay script cannot be used: it is malformed, or one or more entries are wrong. The script reader checks every
/// entry before it returns any command, so this carries all the problems it found; its message is the first one,
/// in one line, with the number of others.
/// </summary>
public sealed class ScriptException : Exception
{
    /// <summary>Creates the exception for the problems found.</summary>
    /// <param name="problems">At least one problem.</param>
    public ScriptException(IReadOnlyList<ScriptProblem> problems)
        : base(Summarize(problems))
    {
        Problems = problems;
    }

    /// <summary>Creates the exception for one problem.</summary>
    /// <param name="problem">The problem.</param>
    public ScriptException(ScriptProblem problem)
        : this([problem])
    {
    }

    /// <summary>Creates the exception with a message of its own and no listed problem.</summary>
    public ScriptException()
        : this("The replay script cannot be used.")
    {
    }

    /// <summary>Creates the exception with a message of its own and no listed problem.</summary>
    /// <param name="message">The message.</param>
    public ScriptException(string message)
        : base(message)
    {
        Problems = [];
    }

    /// <summary>Creates the exception with a message of its own, the cause, and no listed problem.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public ScriptException(string message, Exception innerException)
        : base(message, innerException)
    {
        Problems = [];
    }

    /// <summary>Every problem found, in script order (problems of the file as a whole first).</summary>
    public IReadOnlyList<ScriptProblem> Problems { get; }

    private static string Summarize(IReadOnlyList<ScriptProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        ArgumentOutOfRangeException.ThrowIfZero(problems.Count, nameof(problems));
        return problems.Count == 1
            ? problems[0].ToString()
            : $"{problems[0]} (and {problems.Count - 1} more {(problems.Count == 2 ? "problem" : "problems")})";
    }
}
