namespace NCovNet.Training.Cli;

/// <summary>Ctrl-C asks the run to stop after the current batch (the last checkpoint stays valid); a second Ctrl-C kills.</summary>
public sealed class ConsoleCancellation : IDisposable
{
    private readonly CancellationTokenSource _source = new();

    public ConsoleCancellation() => Console.CancelKeyPress += OnCancel;

    public CancellationToken Token => _source.Token;

    public void Dispose()
    {
        Console.CancelKeyPress -= OnCancel;
        _source.Dispose();
    }

    private void OnCancel(object? sender, ConsoleCancelEventArgs e)
    {
        if (_source.IsCancellationRequested)
        {
            return;
        }

        e.Cancel = true;
        Console.Error.WriteLine();
        Console.Error.WriteLine("Stopping after this batch; resume with --resume. Press Ctrl-C again to kill.");
        _source.Cancel();
    }
}
