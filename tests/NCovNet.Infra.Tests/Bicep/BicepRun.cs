namespace NCovNet.Infra.Tests.Bicep;

/// <summary>What one Bicep CLI invocation printed; diagnostics (errors and warnings) go to stderr.</summary>
public sealed record BicepRun(int ExitCode, string StandardOutput, string StandardError)
{
    public IReadOnlyList<string> Diagnostics =>
        StandardError.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public override string ToString() => $"exit {ExitCode}\n{StandardError}";
}
