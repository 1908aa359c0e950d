namespace NCovNet.Cli;

/// <summary>Process exit codes of `ncovnet`, stable for scripts (docs/engine.md lists them).</summary>
public static class ExitCodes
{
    /// <summary>Everything asked for was done; every image was scored.</summary>
    public const int Success = 0;

    /// <summary>The command line is invalid (System.CommandLine's own code for parse errors).</summary>
    public const int InvalidArguments = 1;

    /// <summary>No usable model package: missing, corrupt (hash mismatch) or not loadable.</summary>
    public const int ModelUnavailable = 2;

    /// <summary>An input path, folder or labels file does not exist, is malformed, or holds no (usable) images or rows.</summary>
    public const int UnusableInput = 3;

    /// <summary>The run finished, but at least one image could not be scored (each has a failed result).</summary>
    public const int SomeImagesFailed = 4;

    /// <summary>A failure no verb anticipates (e.g. ONNX Runtime failing mid-run, an output file that cannot be written): one line on stderr, the stack trace with --verbose.</summary>
    public const int UnexpectedFailure = 5;

    /// <summary>Cancelled (Ctrl-C) before the verb finished; the shell's code for SIGINT.</summary>
    public const int Cancelled = 130;
}
