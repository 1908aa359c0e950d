using System.Diagnostics;
using System.Runtime.ExceptionServices;

namespace NCovNet.Core.Inference;

/// <summary>
/// Gathers concurrent single-image inferences (a burst of blobs on a host) into shared Runs. A
/// caller that finds the session idle runs at once; callers that arrive while a Run is busy queue,
/// and when it ends the first of them runs everyone queued, up to the largest batch, in one Run.
/// Nobody waits for a batch to fill, so a lone request pays nothing for the batching.
/// </summary>
public sealed class RunCoalescer
{
    private readonly OnnxModelSession _session;
    private readonly int _maxBatchSize;
    private readonly Lock _gate = new();
    private readonly Queue<Request> _queue = new();
    private bool _running;

    public RunCoalescer(OnnxModelSession session, int maxBatchSize)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxBatchSize);
        _session = session;
        _maxBatchSize = maxBatchSize;
    }

    /// <summary>Runs one image's CHW tensor (<see cref="ModelGeometry.ImageLength"/> values), batched with whoever else is waiting.</summary>
    public ImageOutputs Run(float[] tensor)
    {
        ArgumentNullException.ThrowIfNull(tensor);
        ArgumentOutOfRangeException.ThrowIfLessThan(tensor.Length, _session.Geometry.ImageLength);
        using var request = new Request(tensor);
        bool leads;
        lock (_gate)
        {
            _queue.Enqueue(request);
            leads = !_running;
            _running = true;
        }

        if (!leads)
        {
            // Woken either with its outputs (another caller's Run took it) or to lead the next Run.
            request.Signal.Wait();
        }

        if (request.Outputs is null && request.Error is null)
        {
            RunQueued();
        }

        if (request.Error is { } error)
        {
            ExceptionDispatchInfo.Throw(error);
        }

        return request.Outputs!;
    }

    /// <summary>Runs the head of the queue (the calling leader first) and hands the lead to the next in line.</summary>
    private void RunQueued()
    {
        Request[] members;
        lock (_gate)
        {
            members = new Request[Math.Min(_queue.Count, _maxBatchSize)];
            for (var i = 0; i < members.Length; i++)
            {
                members[i] = _queue.Dequeue();
            }
        }

        InferenceBatch? batch = null;
        try
        {
            batch = _session.Rent(members.Length);
            for (var i = 0; i < members.Length; i++)
            {
                members[i].Tensor.AsSpan(0, batch.Geometry.ImageLength).CopyTo(batch.Image(i));
            }

            var start = Stopwatch.GetTimestamp();
            _session.Run(batch);
            var inferenceMs = Stopwatch.GetElapsedTime(start).TotalMilliseconds / members.Length;
            for (var i = 0; i < members.Length; i++)
            {
                members[i].Outputs = batch.CopyOutputs(i, inferenceMs);
            }
        }
        catch (Exception e)
        {
            // Every member gets the failure and the lead still moves on: nobody is left waiting.
            foreach (var member in members)
            {
                member.Error = e;
            }
        }
        finally
        {
            if (batch is not null)
            {
                _session.Return(batch);
            }
        }

        Request? next = null;
        lock (_gate)
        {
            if (_queue.Count == 0)
            {
                _running = false;
            }
            else
            {
                next = _queue.Peek();
            }
        }

        // members[0] is the caller, already awake.
        foreach (var member in members.Skip(1))
        {
            member.Signal.Set();
        }

        next?.Signal.Set();
    }

    private sealed class Request(float[] tensor) : IDisposable
    {
        public float[] Tensor { get; } = tensor;

        public ManualResetEventSlim Signal { get; } = new();

        public ImageOutputs? Outputs { get; set; }

        public Exception? Error { get; set; }

        public void Dispose() => Signal.Dispose();
    }
}
