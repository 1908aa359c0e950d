using System.Buffers;
using System.Diagnostics;
using System.Runtime.InteropServices;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using NCovNet.Core.Heatmaps;
using NCovNet.Core.Imaging;
using NCovNet.Core.Inference;
using NCovNet.Core.Models;
using NCovNet.Core.Preprocessing;

namespace NCovNet.Core.Scanning;

/// <summary>
/// The serving engine: bytes -> decode -> preprocess -> one ONNX Run per batch -> softmax and
/// label -> exact Grad-CAM at the original size -> overlay and map PNGs. Thread-safe; bad input
/// gives a failed <see cref="ScanResult"/>, never an exception. Single-image scans that arrive
/// together (a host's burst of blobs) share Runs through a <see cref="RunCoalescer"/>.
/// </summary>
public sealed class RadiographScanner : IRadiographScanner, IDisposable
{
    private readonly EngineOptions _options;
    private readonly ModelIdentity _identity;
    private readonly ILogger _logger;
    private readonly RunCoalescer _coalescer;

    public RadiographScanner(ModelPackage package, EngineOptions options, ILogger<RadiographScanner>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(package);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.HeatmapOpacity, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(options.HeatmapOpacity, 1);
        _options = options;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        Session = OnnxModelSession.Create(package, options.Inference, _logger);
        _identity = new ModelIdentity(package.Manifest.Name, package.Manifest.Version, package.Manifest.OnnxSha256);
        _coalescer = new RunCoalescer(Session, options.Inference.MaxBatchSize);

        // Scanning a synthetic radiograph compiles the decode, heatmap and PNG code paths now,
        // so the first request is timed like every other.
        ScanBatch(WarmUpImage.Encoded);
    }

    public ModelManifest Model => Session.Manifest;

    /// <summary>The underlying session, for callers that time bare inference (ncovnet bench).</summary>
    public OnnxModelSession Session { get; }

    /// <summary>Loads and verifies the package in <see cref="EngineOptions.ModelDirectory"/>.</summary>
    /// <exception cref="ModelPackageException">The package is missing, corrupt or not servable.</exception>
    public static RadiographScanner Load(EngineOptions options, ILogger<RadiographScanner>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new RadiographScanner(ModelPackage.Load(options.ModelDirectory), options, logger);
    }

    public ScanOutcome Scan(ReadOnlyMemory<byte> image, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var decodeStart = Stopwatch.GetTimestamp();
        if (!TryDecode(image, out var radiograph, out var failure))
        {
            return new ScanOutcome(failure, null);
        }

        var decodeMs = Stopwatch.GetElapsedTime(decodeStart).TotalMilliseconds;
        var tensor = ArrayPool<float>.Shared.Rent(Session.Geometry.ImageLength);
        try
        {
            var preprocessMs = Preprocess(radiograph, tensor.AsSpan(0, Session.Geometry.ImageLength));
            var outputs = _coalescer.Run(tensor);
            return Complete(outputs, radiograph, new StageTimings(decodeMs, preprocessMs, outputs.InferenceMs, 0));
        }
        finally
        {
            ArrayPool<float>.Shared.Return(tensor);
        }
    }

    /// <summary>Scores the images in Runs of at most <see cref="InferenceOptions.MaxBatchSize"/>, so memory stays flat.</summary>
    public IReadOnlyList<ScanOutcome> ScanBatch(IReadOnlyList<ReadOnlyMemory<byte>> images, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(images);
        var outcomes = new List<ScanOutcome>(images.Count);
        var size = _options.Inference.MaxBatchSize;
        for (var start = 0; start < images.Count; start += size)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var count = Math.Min(size, images.Count - start);
            outcomes.AddRange(ScanChunk(Enumerable.Range(start, count).Select(i => images[i]).ToArray()));
        }

        return outcomes;
    }

    public void Dispose() => Session.Dispose();

    /// <summary>
    /// One Run for the chunk; decoding, preprocessing and the heatmaps of its images run in
    /// parallel (each image's stage timings are its own wall time).
    /// </summary>
    private ScanOutcome[] ScanChunk(ReadOnlyMemory<byte>[] images)
    {
        var outcomes = new ScanOutcome[images.Length];
        var radiographs = new DecodedRadiograph?[images.Length];
        var decodeMs = new double[images.Length];
        Parallel.For(0, images.Length, i =>
        {
            var start = Stopwatch.GetTimestamp();
            if (TryDecode(images[i], out var radiograph, out var failure))
            {
                radiographs[i] = radiograph;
                decodeMs[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            }
            else
            {
                outcomes[i] = new ScanOutcome(failure, null);
            }
        });

        var decoded = Enumerable.Range(0, images.Length).Where(i => radiographs[i] is not null).ToArray();
        if (decoded.Length == 0)
        {
            return outcomes;
        }

        var batch = Session.Rent(decoded.Length);
        try
        {
            var preprocessMs = new double[decoded.Length];
            Parallel.For(0, decoded.Length, slot => preprocessMs[slot] = Preprocess(radiographs[decoded[slot]]!, batch.Image(slot)));

            var runStart = Stopwatch.GetTimestamp();
            Session.Run(batch);
            var inferenceMs = Stopwatch.GetElapsedTime(runStart).TotalMilliseconds / decoded.Length;

            Parallel.For(0, decoded.Length, slot =>
            {
                var index = decoded[slot];
                var timings = new StageTimings(decodeMs[index], preprocessMs[slot], inferenceMs, 0);
                outcomes[index] = Complete(batch.CopyOutputs(slot, inferenceMs), radiographs[index]!, timings);
            });
        }
        finally
        {
            Session.Return(batch);
        }

        return outcomes;
    }

    /// <summary>Writes the model's input tensor for the radiograph; returns the milliseconds it took.</summary>
    private double Preprocess(DecodedRadiograph radiograph, Span<float> tensor)
    {
        var start = Stopwatch.GetTimestamp();
        Preprocessor.WriteTensor(radiograph.Image, Model.Preprocessing, tensor);
        return Stopwatch.GetElapsedTime(start).TotalMilliseconds;
    }

    private ScanOutcome Complete(ImageOutputs outputs, DecodedRadiograph radiograph, StageTimings timings)
    {
        var prediction = Prediction.Decide(Model, Softmax.Compute(outputs.Logits));
        var image = radiograph.Image;
        var map = ArrayPool<byte>.Shared.Rent(image.Width * image.Height);
        try
        {
            var heatmapStart = Stopwatch.GetTimestamp();
            var cam = CamMap.FromCam(outputs.Cam(prediction.LabelIndex), outputs.Geometry.CamWidth, outputs.Geometry.CamHeight);
            BilinearUpsampler.Upsample(cam, image.Width, image.Height, map);
            var heatmapMs = Stopwatch.GetElapsedTime(heatmapStart).TotalMilliseconds;

            HeatmapImages? heatmaps = null;
            var renderStart = Stopwatch.GetTimestamp();
            if (_options.RenderHeatmaps)
            {
                heatmaps = HeatmapRenderer.Render(image, map.AsSpan(0, image.Width * image.Height), JetColorMap.Table, _options.HeatmapOpacity);
            }

            var renderMs = _options.RenderHeatmaps ? Stopwatch.GetElapsedTime(renderStart).TotalMilliseconds : 0;
            var result = new ScanResult
            {
                Status = ScanResult.Succeeded,
                Label = prediction.Label,
                Probability = prediction.PositiveProbability,
                Probabilities = prediction.Probabilities,
                DecisionThreshold = Model.DecisionThreshold,
                Model = _identity,
                Input = radiograph.Metadata,
                Timings = timings with { HeatmapMs = heatmapMs, RenderMs = renderMs },
                Warnings = InputWarnings.For(radiograph.Metadata),
            };
            return new ScanOutcome(result, heatmaps);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(map);
        }
    }

    private bool TryDecode(ReadOnlyMemory<byte> image, out DecodedRadiograph radiograph, out ScanResult failure)
    {
        var bytes = MemoryMarshal.TryGetArray(image, out var segment) && segment.Offset == 0 && segment.Count == segment.Array!.Length
            ? segment.Array
            : image.ToArray();
        try
        {
            radiograph = RadiographDecoder.Decode(bytes, _options.DecodeLimits);
            failure = null!;
            return true;
        }
        catch (RadiographDecodeException e)
        {
            failure = Failed(e.Code, e.Message);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A decoder bug must not take the host down with it: the image fails, the log says why.
            _logger.LogError(e, "The decoder threw {Exception} instead of a RadiographDecodeException", e.GetType().Name);
            failure = Failed(DecodeErrorCode.Malformed, $"The image could not be decoded ({e.GetType().Name}: {e.Message}).");
        }

        radiograph = null!;
        return false;
    }

    private ScanResult Failed(DecodeErrorCode code, string message) => new()
    {
        Status = ScanResult.Failed,
        Model = _identity,
        Error = new ScanError(code.ToCode(), message),
    };
}
