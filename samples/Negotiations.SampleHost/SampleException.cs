using System;

namespace Negotiations.SampleHost;

/// <summary>Why the sample stops: a one-line message for stderr and the exit code to leave with.</summary>
internal sealed class SampleException : Exception
{
    public const int InputExitCode = 1;
    public const int UsageExitCode = 2;
    public const int StoreExitCode = 3;
    public const int CancelledExitCode = 130;

    public SampleException()
        : this("the sample cannot run")
    {
    }

    public SampleException(string message)
        : this(message, InputExitCode)
    {
    }

    public SampleException(string message, Exception innerException)
        : this(message, InputExitCode, innerException)
    {
    }

    public SampleException(string message, int exitCode, Exception? innerException = null)
        : base(OneLine(message), innerException)
    {
        ExitCode = exitCode;
    }

    /// <summary>The process exit code: 1 for bad input, 2 for a bad command line, 3 when the store fails.</summary>
    public int ExitCode { get; }

    public static SampleException Usage(string message) => new(message, UsageExitCode);

    public static SampleException Input(string message) => new(message, InputExitCode);

    public static string OneLine(string text) =>
        string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
