using System.Collections.Concurrent;
using NCovNet.Core.Models;
using NCovNet.Core.Scanning;
using NCovNet.Pipeline.Processing;

namespace NCovNet.Pipeline.Tests.Fixtures;

/// <summary>The real scanner, counting how often each distinct image (by scan id) was scored.</summary>
public sealed class CountingScanner(IRadiographScanner inner) : IRadiographScanner
{
    private readonly ConcurrentDictionary<string, int> _calls = new();

    public ModelManifest Model => inner.Model;

    public IReadOnlyDictionary<string, int> CallsByScanId => _calls;

    public ScanOutcome Scan(ReadOnlyMemory<byte> image, CancellationToken cancellationToken = default)
    {
        _calls.AddOrUpdate(ScanId.Of(image.Span), 1, (_, count) => count + 1);
        return inner.Scan(image, cancellationToken);
    }

    public IReadOnlyList<ScanOutcome> ScanBatch(IReadOnlyList<ReadOnlyMemory<byte>> images, CancellationToken cancellationToken = default) =>
        images.Select(image => Scan(image, cancellationToken)).ToList();
}
