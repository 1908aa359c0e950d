namespace NCovNet.Training.Data;

/// <summary>A data set that cannot be trained on: missing files or columns, unknown labels, patient leakage.</summary>
public sealed class DatasetException(string message) : Exception(message);
