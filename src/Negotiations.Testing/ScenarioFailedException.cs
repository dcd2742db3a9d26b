namespace Negotiations.Testing;

/// <summary>
/// Thrown when a scenario's outcome is not the expected one. Its message speaks the domain: which event was
/// expected, which came, and the first field where they differ. Any test framework reports it as a failure.
/// </summary>
public sealed class ScenarioFailedException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What was expected and what came.</param>
    public ScenarioFailedException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception.</summary>
    public ScenarioFailedException()
    {
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="message">What was expected and what came.</param>
    /// <param name="innerException">The cause.</param>
    public ScenarioFailedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
