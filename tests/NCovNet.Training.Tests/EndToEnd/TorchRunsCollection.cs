namespace NCovNet.Training.Tests.EndToEnd;

/// <summary>
/// Runs that seed libtorch's one global generator (training, lr-find): two at once would draw
/// from each other's sequence, and seeded runs would stop repeating.
/// </summary>
[CollectionDefinition(Name)]
public sealed class TorchRunsCollection
{
    public const string Name = "libtorch runs";
}
