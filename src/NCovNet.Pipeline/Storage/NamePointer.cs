namespace NCovNet.Pipeline.Storage;

/// <summary>A names/ pointer: the input blob name, the scan id it points at (null for pointers written before ids were kept as metadata) and when it was last written.</summary>
public sealed record NamePointer(string Name, string? ScanId, DateTimeOffset Written);
