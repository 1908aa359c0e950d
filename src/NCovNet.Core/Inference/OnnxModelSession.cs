using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.ML.OnnxRuntime;
using NCovNet.Core.Models;

namespace NCovNet.Core.Inference;

/// <summary>
/// One shared ONNX Runtime session over a verified model package. Run is thread-safe: every
/// caller brings its own rented <see cref="InferenceBatch"/>. The session is warmed up at load
/// (batch 1, and on CUDA the largest batch too), so cuDNN's algorithm search and ONNX Runtime's
/// first-run allocations do not hit the first request.
/// </summary>
public sealed class OnnxModelSession : IDisposable
{
    private readonly InferenceSession _session;
    private readonly RunOptions _runOptions = new();
    private readonly string[] _inputNames;
    private readonly string[] _outputNames;
    private readonly ConcurrentDictionary<int, ConcurrentBag<InferenceBatch>> _pool = new();
    private long _runs;

    private OnnxModelSession(ModelPackage package, InferenceSession session, ActiveProvider provider)
    {
        _session = session;
        Manifest = package.Manifest;
        Provider = provider;
        _inputNames = [Manifest.Io.Input];
        _outputNames = [Manifest.Io.Logits, Manifest.Io.Cam];
        Geometry = ReadGeometry();
    }

    public ModelManifest Manifest { get; }

    public ActiveProvider Provider { get; }

    public ModelGeometry Geometry { get; }

    /// <summary>Runs so far, warm-up included (images per Run shows how well requests are batched).</summary>
    public long RunCount => Interlocked.Read(ref _runs);

    /// <summary>Creates the session on the requested provider (falling back to CPU) and warms it up.</summary>
    /// <exception cref="ModelPackageException">The ONNX graph does not match the package's I/O contract.</exception>
    public static OnnxModelSession Create(ModelPackage package, InferenceOptions options, ILogger? logger = null)
    {
        ArgumentNullException.ThrowIfNull(package);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.MaxBatchSize);
        logger ??= NullLogger.Instance;

        var (session, provider) = CreateSession(package.OnnxBytes.ToArray(), options);
        SessionOptionsFactory.LogChoice(logger, options, provider);
        var model = new OnnxModelSession(package, session, provider);
        try
        {
            model.WarmUp(1);
            if (provider.Provider == ExecutionProvider.Cuda && options.MaxBatchSize > 1)
            {
                // cuDNN searches conv algorithms per input shape; the CPU provider has nothing to warm.
                model.WarmUp(options.MaxBatchSize);
            }

            return model;
        }
        catch
        {
            model.Dispose();
            throw;
        }
    }

    /// <summary>A batch for <paramref name="count"/> images; give it back with <see cref="Return"/>.</summary>
    public InferenceBatch Rent(int count) =>
        _pool.GetOrAdd(count, _ => []).TryTake(out var batch) ? batch : new InferenceBatch(Geometry, count);

    public void Return(InferenceBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        _pool.GetOrAdd(batch.Count, _ => []).Add(batch);
    }

    /// <summary>Runs the model on the batch's input, writing logits and cam into its output buffers.</summary>
    public void Run(InferenceBatch batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        _session.Run(_runOptions, _inputNames, batch.Inputs, _outputNames, batch.Outputs);
        Interlocked.Increment(ref _runs);
    }

    /// <summary>Stops ONNX Runtime's profiler (<see cref="InferenceOptions.ProfilePrefix"/>) and returns the trace file it wrote.</summary>
    public string EndProfiling() => _session.EndProfiling();

    public void Dispose()
    {
        foreach (var batch in _pool.Values.SelectMany(bag => bag))
        {
            batch.Dispose();
        }

        _pool.Clear();
        _runOptions.Dispose();
        _session.Dispose();
    }

    private static (InferenceSession Session, ActiveProvider Provider) CreateSession(byte[] onnx, InferenceOptions options)
    {
        if (options.Provider == ExecutionProvider.Cpu)
        {
            return (CreateCpuSession(onnx, options), new ActiveProvider(ExecutionProvider.Cpu, "CPU requested"));
        }

        var cudaOptions = SessionOptionsFactory.TryCreateCuda(options, out var failure);
        if (cudaOptions is null)
        {
            return (CreateCpuSession(onnx, options), new ActiveProvider(ExecutionProvider.Cpu, $"CUDA is not available: {failure}"));
        }

        using (cudaOptions)
        {
            try
            {
                var extra = string.Concat(options.CudaProviderOptions.Select(option => $", {option.Key}={option.Value}"));
                var reason = $"device {options.CudaDeviceId}, cuDNN conv algorithm search {options.ConvAlgorithmSearch.ToString().ToLowerInvariant()}{extra}";
                return (new InferenceSession(onnx, cudaOptions), new ActiveProvider(ExecutionProvider.Cuda, reason));
            }
            catch (OnnxRuntimeException e)
            {
                return (CreateCpuSession(onnx, options), new ActiveProvider(ExecutionProvider.Cpu, $"the CUDA session could not be created: {e.Message}"));
            }
        }
    }

    private static InferenceSession CreateCpuSession(byte[] onnx, InferenceOptions options)
    {
        using var cpu = SessionOptionsFactory.CreateCpu(options);
        try
        {
            return new InferenceSession(onnx, cpu);
        }
        catch (OnnxRuntimeException e)
        {
            throw new ModelPackageException($"model.onnx cannot be loaded by ONNX Runtime: {e.Message}", e);
        }
    }

    /// <summary>Reads the input and output sizes, running the model once when the graph leaves the cam size symbolic.</summary>
    private ModelGeometry ReadGeometry()
    {
        var io = Manifest.Io;
        var input = Metadata(_session.InputMetadata, io.Input, "input");
        var logits = Metadata(_session.OutputMetadata, io.Logits, "output");
        var cam = Metadata(_session.OutputMetadata, io.Cam, "output");
        var spec = Manifest.Preprocessing;
        var classes = Manifest.Classes.Count;
        if (input.Dimensions is not [_, 3, var h, var w] || (h > 0 && h != spec.Height) || (w > 0 && w != spec.Width))
        {
            throw new ModelPackageException(
                $"Input '{io.Input}' has shape [{string.Join(", ", input.Dimensions)}]; [N, 3, {spec.Height}, {spec.Width}] is what model.json's preprocessing produces.");
        }

        if (logits.Dimensions is not [_, var logitClasses] || (logitClasses > 0 && logitClasses != classes))
        {
            throw new ModelPackageException($"Output '{io.Logits}' has shape [{string.Join(", ", logits.Dimensions)}]; [N, {classes}] is expected.");
        }

        if (cam.Dimensions is not [_, var camClasses, var camHeight, var camWidth] || (camClasses > 0 && camClasses != classes))
        {
            throw new ModelPackageException($"Output '{io.Cam}' has shape [{string.Join(", ", cam.Dimensions)}]; [N, {classes}, h, w] is expected.");
        }

        if (camHeight > 0 && camWidth > 0)
        {
            return new ModelGeometry(3, spec.Height, spec.Width, classes, camHeight, camWidth);
        }

        return ProbeCamSize(spec.Height, spec.Width, classes);
    }

    private ModelGeometry ProbeCamSize(int height, int width, int classes)
    {
        var input = new float[3 * height * width];
        using var value = OrtValue.CreateTensorValueFromMemory(input, [1, 3, height, width]);
        using var outputs = _session.Run(_runOptions, _inputNames, [value], [Manifest.Io.Cam]);
        var shape = outputs[0].GetTensorTypeAndShape().Shape;
        return new ModelGeometry(3, height, width, classes, (int)shape[2], (int)shape[3]);
    }

    private static NodeMetadata Metadata(IReadOnlyDictionary<string, NodeMetadata> nodes, string name, string kind) =>
        nodes.TryGetValue(name, out var node) && node.ElementDataType == Microsoft.ML.OnnxRuntime.Tensors.TensorElementType.Float
            ? node
            : throw new ModelPackageException(
                $"model.onnx has no float32 {kind} named '{name}' (it has: {string.Join(", ", nodes.Keys)}); see model.json 'io'.");

    private void WarmUp(int count)
    {
        var batch = Rent(count);
        try
        {
            Run(batch);
        }
        finally
        {
            Return(batch);
        }
    }
}
