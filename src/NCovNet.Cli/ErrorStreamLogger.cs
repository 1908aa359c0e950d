using Microsoft.Extensions.Logging;

namespace NCovNet.Cli;

/// <summary>Engine log lines (provider choice, decoder faults) on stderr, so stdout stays clean for --json.</summary>
public sealed class ErrorStreamLogger<T>(TextWriter error) : ILogger<T>
{
    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (IsEnabled(logLevel))
        {
            error.WriteLine($"{(logLevel >= LogLevel.Warning ? "warning" : "info")}: {formatter(state, exception)}");
        }
    }
}
