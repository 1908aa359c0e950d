using Microsoft.Azure.WebJobs;

namespace NCovNet.Server;

/// <summary>Tells the WebJobs host that its only job is <see cref="IngestRadiograph"/> (no assembly scanning).</summary>
public sealed class IngestionTypeLocator : ITypeLocator
{
    public IReadOnlyList<Type> GetTypes() => [typeof(IngestRadiograph)];
}
