using System.CommandLine;
using NCovNet.Training.Data;
using NCovNet.Training.Training;

namespace NCovNet.Training.Cli;

/// <summary>
/// `downscale`: a compact copy of labelled sets (long side at most --max-side, 8-bit gray PNG or JPEG,
/// labels.csv with the same labels, splits and patient groups) under --output/&lt;source name&gt;/, which
/// `train --data name=&lt;output&gt;/&lt;name&gt;` reads like the original.
/// </summary>
public static class DownscaleCommand
{
    public static Command Create()
    {
        var data = new Option<string[]>("--data") { Description = "Labelled sets 'name=path' to copy", Required = true, AllowMultipleArgumentsPerToken = true };
        var output = new Option<string>("--output", "-o") { Description = "Folder that receives one sub-folder per set", Required = true };
        var maxSide = new Option<int>("--max-side") { Description = "Longest side in pixels after downscaling (never enlarged)", DefaultValueFactory = _ => 520 };
        var format = new Option<CompactImageFormat>("--format") { Description = "Png (lossless 8-bit gray) or Jpeg", DefaultValueFactory = _ => CompactImageFormat.Png };
        var quality = new Option<int>("--quality") { Description = "JPEG quality (with --format Jpeg)", DefaultValueFactory = _ => 95 };
        var workers = new Option<int>("--workers") { Description = "Images decoded in parallel", DefaultValueFactory = _ => Environment.ProcessorCount };
        var command = new Command("downscale", "Write a downscaled 8-bit gray copy of labelled sets with their labels.csv (for hosts that take little data)");
        foreach (var option in new Option[] { data, output, maxSide, format, quality, workers })
        {
            command.Options.Add(option);
        }

        command.SetAction(result =>
        {
            using var cancellation = new ConsoleCancellation();
            var writer = new DownscaledCopyWriter(result.GetValue(maxSide), result.GetValue(format), result.GetValue(quality));
            var classes = new TrainingOptions().Classes;
            foreach (var source in result.GetValue(data)!.Select(DataSource.Parse))
            {
                var images = LabeledDataset.Load([source], classes).Images;
                var folder = Path.Combine(Path.GetFullPath(result.GetValue(output)!), source.Name);
                var bytes = writer.Write(images, folder, result.GetValue(workers), cancellation.Token);
                Console.WriteLine($"{source.Name}: {images.Count} images, {bytes / 1e6:0.0} MB ({writer.Format}, long side <= {writer.MaxSide}) -> {folder}");
            }

            return 0;
        });
        return command;
    }
}
