using System.Diagnostics;

namespace NCovNet.Training.Reporting;

/// <summary>
/// One console line per phase: "[#####-----] 12/40 loss 0.4123 ETA 01:23", redrawn in place
/// on a terminal; when output is redirected (CI, logs) it prints at every tenth instead.
/// </summary>
public sealed class ProgressBar(string label, int total, TextWriter output, bool interactive)
{
    private const int Width = 30;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private int _lastTenth = -1;

    public static ProgressBar ForConsole(string label, int total) => new(label, total, Console.Error, !Console.IsErrorRedirected);

    public TimeSpan Elapsed => _clock.Elapsed;

    public void Report(int done, double loss)
    {
        var fraction = total == 0 ? 1 : Math.Clamp((double)done / total, 0, 1);
        var eta = done == 0 ? TimeSpan.Zero : TimeSpan.FromSeconds(_clock.Elapsed.TotalSeconds / done * (total - done));
        var filled = (int)Math.Round(fraction * Width);
        var line = FormattableString.Invariant($"{label} [{new string('#', filled)}{new string('-', Width - filled)}] {done}/{total} loss {loss:0.0000} ETA {eta:mm\\:ss}");
        if (interactive)
        {
            output.Write("\r" + line);
            if (done >= total)
            {
                output.WriteLine();
            }

            return;
        }

        var tenth = (int)(fraction * 10);
        if (tenth != _lastTenth)
        {
            _lastTenth = tenth;
            output.WriteLine(line);
        }
    }
}
