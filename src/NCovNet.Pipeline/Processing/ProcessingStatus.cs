namespace NCovNet.Pipeline.Processing;

/// <summary>What one delivery of an input blob did.</summary>
public enum ProcessingStatus
{
    /// <summary>This delivery scored the image and stored its result.</summary>
    Scored,

    /// <summary>A result for these bytes already existed or another worker stored it meanwhile (duplicate delivery, same bytes under another name).</summary>
    AlreadyScored,

    /// <summary>The blob no longer exists.</summary>
    InputMissing,
}

public sealed record ProcessingOutcome(ProcessingStatus Status, string? ScanId);
