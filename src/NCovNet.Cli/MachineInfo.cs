using System.Runtime.InteropServices;

namespace NCovNet.Cli;

/// <summary>What a benchmark ran on, printed with its numbers.</summary>
public sealed record MachineInfo(string Processor, int Cores, string Os, string Runtime)
{
    public static MachineInfo Current() => new(
        ProcessorName(),
        Environment.ProcessorCount,
        RuntimeInformation.OSDescription,
        RuntimeInformation.FrameworkDescription);

    private static string ProcessorName()
    {
        const string cpuInfo = "/proc/cpuinfo";
        var line = File.Exists(cpuInfo)
            ? File.ReadLines(cpuInfo).FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))
            : null;
        return line is null ? RuntimeInformation.ProcessArchitecture.ToString() : line[(line.IndexOf(':') + 1)..].Trim();
    }
}
