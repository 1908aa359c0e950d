using System.CommandLine;
using NCovNet.Training.Export;
using NCovNet.Training.Models.Onnx;

namespace NCovNet.Training.Cli;

/// <summary>`export`: a checkpoint to a model package (model.onnx, float16 weights by default, + model.json with metrics and the commands).</summary>
public static class ExportCommand
{
    public static Command Create(string[] args)
    {
        var checkpoint = new Option<string>("--checkpoint", "-c") { Description = "Checkpoint folder, e.g. runs/train/best", Required = true };
        var output = new Option<string>("--output", "-o") { Description = "Package folder to write", Required = true };
        var weights = new Option<WeightStorage>("--weights")
        {
            Description = "How model.onnx stores weights: Float32, Float16 (half size) or Int8Convolutions (large conv kernels int8, the rest float16); computation is float32",
            DefaultValueFactory = _ => WeightStorage.Float16,
        };
        var name = new Option<string>("--name") { Description = "Model name in model.json", DefaultValueFactory = _ => "ncovnet" };
        var version = new Option<string>("--version") { Description = "Model version in model.json", DefaultValueFactory = _ => "1.0.0" };
        var threshold = new Option<double>("--threshold") { Description = "Decision threshold on the COVID probability", DefaultValueFactory = _ => 0.5 };
        var data = new Option<string[]>("--data") { Description = "Labelled sets to measure on (default: the checkpoint's training data)", AllowMultipleArgumentsPerToken = true };
        var splits = new Option<string[]>("--splits") { Description = "Splits measured into model.json", DefaultValueFactory = _ => ["train", "val"], AllowMultipleArgumentsPerToken = true };
        var licence = new Option<string>("--licence")
        {
            Description = "Licence and use terms in model.json (default: those of ../shared's cxr and cxr-nih; give yours when the data differs)",
            DefaultValueFactory = _ => ExportRequest.SharedDataLicence,
        };
        var command = new Command("export", "Write a model package (ONNX + model.json) from a checkpoint and measure it with ONNX Runtime");
        foreach (var option in new Option[] { checkpoint, output, weights, name, version, threshold, data, splits, licence })
        {
            command.Options.Add(option);
        }

        command.SetAction(result =>
        {
            using var cancellation = new ConsoleCancellation();
            var request = new ExportRequest
            {
                Checkpoint = Path.GetFullPath(result.GetValue(checkpoint)!),
                Output = Path.GetFullPath(result.GetValue(output)!),
                Command = CommandLineText.Of(args),
                Name = result.GetValue(name)!,
                Version = result.GetValue(version)!,
                Weights = result.GetValue(weights),
                Threshold = result.GetValue(threshold),
                Data = result.GetValue(data) ?? [],
                Splits = result.GetValue(splits)!,
                Licence = result.GetValue(licence)!,
            };
            var manifest = PackageExporter.Export(request, Console.Out, cancellation.Token);
            Console.WriteLine($"Wrote {request.Output} ({manifest.WeightStorage} weights, sha256 {manifest.OnnxSha256[..12]}...).");
            return 0;
        });
        return command;
    }
}
