namespace NCovNet.Pipeline;

/// <summary>Settings of the "Pipeline" configuration section (Pipeline__X in app settings).</summary>
public sealed class PipelineOptions
{
    public const string Section = "Pipeline";

    /// <summary>Largest image accepted over HTTP or scored from the input container (default 32 MiB).</summary>
    public long MaxImageBytes { get; set; } = 32L * 1024 * 1024;

    /// <summary>Folder of the model package (model.onnx + model.json); relative paths start at the app's base directory.</summary>
    public string ModelPath { get; set; } = "models/default";

    /// <summary>How long one worker holds an id while scoring it; a crashed worker's claim lapses after this.</summary>
    public TimeSpan ClaimDuration { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How long POST /api/scans?wait=true waits for a scan another worker is scoring.</summary>
    public TimeSpan WaitTimeout { get; set; } = TimeSpan.FromSeconds(60);
}
