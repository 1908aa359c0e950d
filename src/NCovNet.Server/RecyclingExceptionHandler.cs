using System.Runtime.ExceptionServices;
using Microsoft.Azure.WebJobs.Host.Timers;
using Microsoft.Extensions.Hosting;

namespace NCovNet.Server;

/// <summary>
/// Replaces the WebJobs SDK's default reaction to a fatal listener error (rethrow on a new
/// thread, crashing the process so that a supervisor restarts it) with a call to
/// <see cref="SupervisedServer"/>, which recycles the host in-process.
/// </summary>
public sealed class RecyclingExceptionHandlerFactory(Action<Exception> recycle) : IWebJobsExceptionHandlerFactory
{
    public IWebJobsExceptionHandler Create(IHost jobHost) => new Handler(recycle);

    private sealed class Handler(Action<Exception> recycle) : IWebJobsExceptionHandler
    {
        public Task OnTimeoutExceptionAsync(ExceptionDispatchInfo exceptionInfo, TimeSpan timeoutGracePeriod) => OnUnhandledExceptionAsync(exceptionInfo);

        public Task OnUnhandledExceptionAsync(ExceptionDispatchInfo exceptionInfo)
        {
            recycle(exceptionInfo.SourceException);
            return Task.CompletedTask;
        }
    }
}
