using NCovNet.Core.Dicom;
using NCovNet.Core.Imaging;

namespace NCovNet.Core.Tests.Dicom;

/// <summary>Damaged files end in a decoded image or a <see cref="RadiographDecodeException"/>: never another exception, a hang, or unbounded memory.</summary>
public sealed class DicomMutationTests
{
    // Far above what a 10 KB seed needs, far below what a trusted huge length would allocate.
    private const long MaxAllocatedBytesPerInput = 16 * 1024 * 1024;

    [Fact]
    public async Task Every_mutated_file_decodes_or_fails_with_a_typed_error()
    {
        var failures = new List<string>();
        var corpusSize = 0;
        var run = Task.Run(() =>
        {
            foreach (var (name, data) in DicomMutationCorpus.Build())
            {
                corpusSize++;
                var before = GC.GetAllocatedBytesForCurrentThread();
                try
                {
                    DicomDecoder.Decode(data, DecodeLimits.Default);
                }
                catch (RadiographDecodeException)
                {
                }
                catch (Exception e)
                {
                    failures.Add($"{name}: {e.GetType().Name}: {e.Message}");
                }

                var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
                if (allocated > MaxAllocatedBytesPerInput)
                {
                    failures.Add($"{name}: allocated {allocated} bytes");
                }
            }
        });

        // A guard against hangs, not a speed measurement: the corpus takes a few seconds.
        var finished = await Task.WhenAny(run, Task.Delay(TimeSpan.FromMinutes(1)));
        Assert.True(finished == run, "decoding the mutation corpus hung");
        await run;
        Assert.True(corpusSize > 3000, $"the corpus has only {corpusSize} files");
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures.Take(20)));
    }
}
