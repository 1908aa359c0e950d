namespace NCovNet.Cli;

/// <summary>A one-line progress bar on the terminal's error stream; silent when that stream is redirected.</summary>
public sealed class ProgressBar : IDisposable
{
    private const int Width = 30;
    private readonly TextWriter _writer;
    private readonly int _total;
    private readonly bool _enabled;
    private int _done;

    public ProgressBar(TextWriter error, int total)
    {
        _writer = error;
        _total = total;
        _enabled = total > 1 && ReferenceEquals(error, Console.Error) && !Console.IsErrorRedirected;
    }

    public void Advance(int count = 1)
    {
        _done += count;
        if (!_enabled)
        {
            return;
        }

        var filled = _total == 0 ? Width : _done * Width / _total;
        _writer.Write($"\r[{new string('#', filled)}{new string('.', Width - filled)}] {_done}/{_total}");
    }

    public void Dispose()
    {
        if (_enabled)
        {
            _writer.Write($"\r{new string(' ', Width + 24)}\r");
        }
    }
}
