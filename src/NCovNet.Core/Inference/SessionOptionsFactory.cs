using Microsoft.Extensions.Logging;
using Microsoft.ML.OnnxRuntime;

namespace NCovNet.Core.Inference;

/// <summary>
/// Builds ONNX Runtime session options for the requested provider. Asking for CUDA on a host
/// or build without it makes ONNX Runtime throw; that is caught here and the CPU provider used.
/// </summary>
internal static class SessionOptionsFactory
{
    public static SessionOptions CreateCpu(InferenceOptions options)
    {
        var session = new SessionOptions
        {
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
            IntraOpNumThreads = options.EffectiveIntraOpThreads,
        };

        // Spinning worker threads burn the cores the decoder and the host need between runs.
        session.AddSessionConfigEntry("session.intra_op.allow_spinning", "0");

        // A package's int8 weights are storage only (DequantizeLinear on initializers; computation is
        // float32). With ONNX Runtime's QDQ handling on, constant folding keeps those nodes for a
        // quantized kernel that never comes, and every Run dequantises every weight again (11 % of
        // the default model's kernel time on the CPU). Off, they fold into float constants at load.
        session.AddSessionConfigEntry("session.disable_quant_qdq", "1");
        if (!string.IsNullOrEmpty(options.ProfilePrefix))
        {
            // The prefix first: enabling reads it.
            session.ProfileOutputPathPrefix = options.ProfilePrefix;
            session.EnableProfiling = true;
        }

        return session;
    }

    /// <summary>Returns CUDA session options, or null with the reason when CUDA cannot be used.</summary>
    public static SessionOptions? TryCreateCuda(InferenceOptions options, out string failure)
    {
        var session = CreateCpu(options);
        try
        {
            using var cuda = new OrtCUDAProviderOptions();
            var settings = new Dictionary<string, string>
            {
                ["device_id"] = options.CudaDeviceId.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["cudnn_conv_algo_search"] = options.ConvAlgorithmSearch.ToString().ToUpperInvariant(),
                ["do_copy_in_default_stream"] = "1",
            };
            foreach (var (name, value) in options.CudaProviderOptions)
            {
                settings[name] = value;
            }

            cuda.UpdateOptions(settings);
            session.AppendExecutionProvider_CUDA(cuda);
            failure = "";
            return session;
        }
        catch (Exception e) when (e is OnnxRuntimeException or EntryPointNotFoundException or DllNotFoundException)
        {
            session.Dispose();
            failure = e.Message;
            return null;
        }
    }

    public static void LogChoice(ILogger logger, InferenceOptions options, ActiveProvider active)
    {
        if (options.Provider == ExecutionProvider.Cuda && active.Provider != ExecutionProvider.Cuda)
        {
            logger.LogWarning("CUDA was requested but inference runs on the CPU provider: {Reason}", active.Reason);
            return;
        }

        logger.LogInformation(
            "Inference runs on the {Provider} provider ({Reason}); intra-op threads {Threads}",
            active.Name,
            active.Reason,
            options.EffectiveIntraOpThreads);
    }
}
