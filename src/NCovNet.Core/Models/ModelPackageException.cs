namespace NCovNet.Core.Models;

/// <summary>A model package that cannot be served: missing files, bad JSON, hash mismatch, unsupported spec.</summary>
public sealed class ModelPackageException(string message, Exception? inner = null) : Exception(message, inner);
