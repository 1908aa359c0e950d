namespace NCovNet.Training.Cli;

/// <summary>The exact command line of this run, quoted for a POSIX shell, as recorded in checkpoints and model.json.</summary>
public static class CommandLineText
{
    public static string Of(IEnumerable<string> args) =>
        string.Join(' ', new[] { "ncovnet-train" }.Concat(args.Select(Quote)));

    private static string Quote(string arg) =>
        arg.Length > 0 && arg.All(c => char.IsAsciiLetterOrDigit(c) || "-_./=:,+@%".Contains(c))
            ? arg
            : "'" + arg.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
