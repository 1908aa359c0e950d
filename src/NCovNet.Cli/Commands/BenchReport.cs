using System.Globalization;
using NCovNet.Core.Scanning;

namespace NCovNet.Cli.Commands;

/// <summary>
/// `ncovnet bench` numbers, per image in milliseconds unless named otherwise. The ratios are the
/// engine's targets: pipelineOverBare = (pipeline - decode - render) / bare Run (target at most 1.10),
/// heatmapOverInference = Grad-CAM map and upsampling / inference (target at most 0.03).
/// </summary>
public sealed record BenchReport
{
    public required MachineInfo Machine { get; init; }

    /// <summary>"CPU" or "CUDA", and why.</summary>
    public required string Provider { get; init; }

    public required string ProviderReason { get; init; }

    public required ModelIdentity Model { get; init; }

    public required string InputSize { get; init; }

    public required int Images { get; init; }

    public required int Rounds { get; init; }

    /// <summary>Mean session.Run time per image at batch 1, input already preprocessed.</summary>
    public required double BareRunMs { get; init; }

    /// <summary>Mean wall time of scanner.Scan per image at batch 1 (everything: decode to PNGs).</summary>
    public required double PipelineMs { get; init; }

    /// <summary>Mean of each stage as the scanner reports it.</summary>
    public required StageTimings Stages { get; init; }

    public required double PipelineOverBare { get; init; }

    /// <summary>Like <see cref="PipelineOverBare"/> but counting the PNG rendering too.</summary>
    public required double PipelineWithRenderOverBare { get; init; }

    public required double HeatmapOverInference { get; init; }

    public required Throughput Batch1 { get; init; }

    public required Throughput BatchN { get; init; }

    public void WriteText(TextWriter output)
    {
        static string F(double value, string format = "F2") => value.ToString(format, CultureInfo.InvariantCulture);
        output.WriteLine($"Machine   {Machine.Processor}, {Machine.Cores} cores, {Machine.Os}, {Machine.Runtime}");
        output.WriteLine($"Provider  {Provider} ({ProviderReason})");
        output.WriteLine($"Model     {Model.Name} {Model.Version}, input {InputSize}; {Images} images x {Rounds} rounds");
        output.WriteLine();
        output.WriteLine("Per image, batch 1 (ms)");
        output.WriteLine($"  bare session.Run   {F(BareRunMs),9}");
        output.WriteLine($"  full pipeline      {F(PipelineMs),9}");
        output.WriteLine($"    decode           {F(Stages.DecodeMs),9}");
        output.WriteLine($"    preprocess       {F(Stages.PreprocessMs),9}");
        output.WriteLine($"    inference        {F(Stages.InferenceMs),9}");
        output.WriteLine($"    heatmap          {F(Stages.HeatmapMs, "F3"),9}");
        output.WriteLine($"    render (PNGs)    {F(Stages.RenderMs),9}");
        output.WriteLine();
        output.WriteLine($"pipelineOverBare            {F(PipelineOverBare, "F3")}   (pipeline - decode - render) / bare; target <= 1.10");
        output.WriteLine($"pipelineWithRenderOverBare  {F(PipelineWithRenderOverBare, "F3")}   (pipeline - decode) / bare");
        output.WriteLine($"heatmapOverInference        {F(HeatmapOverInference, "F4")}  target <= 0.03");
        output.WriteLine();
        output.WriteLine("Throughput (images/s)        bare Run   pipeline");
        foreach (var t in new[] { Batch1, BatchN })
        {
            output.WriteLine($"  batch {t.BatchSize,-3}                 {F(t.BareImagesPerSecond, "F1"),9}  {F(t.PipelineImagesPerSecond, "F1"),9}");
        }
    }
}

/// <summary>Images per second at one batch size: bare Runs on preprocessed tensors, and the full pipeline.</summary>
public sealed record Throughput(int BatchSize, double BareImagesPerSecond, double PipelineImagesPerSecond);
