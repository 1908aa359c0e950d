namespace NCovNet.Pipeline.Storage;

/// <summary>
/// Where everything lives. Clinics write to <see cref="InputContainer"/> (any folder structure);
/// the pipeline writes only to <see cref="ResultsContainer"/>:
/// <code>
/// scans/{id}/result.json      the result, written last and only once (If-None-Match: *)
/// scans/{id}/overlay.png      Grad-CAM overlay, written before the result
/// scans/{id}/map.png          raw Grad-CAM map, written before the result
/// scans/{id}/claim            lease-held while one worker scores the id; its presence means "pending"
/// names/{input blob name}     pointer to the scan id of that input (one per uploaded name; the id also as metadata)
/// </code>
/// The scan id is the lower-case hex SHA-256 of the image bytes, so identical bytes under
/// two names share one result.
/// </summary>
public static class StorageLayout
{
    public const string InputContainer = "radiographs";

    public const string ResultsContainer = "scan-results";

    /// <summary>Queue an operator lists to see inputs the pipeline gave up on.</summary>
    public const string DeadLetterQueue = "scan-dead-letters";

    /// <summary>Where the WebJobs/Functions blob trigger parks blobs that failed <c>poisonBlobThreshold</c> times.</summary>
    public const string TriggerPoisonQueue = "webjobs-blobtrigger-poison";

    /// <summary>Folder of the input container where HTTP uploads are stored.</summary>
    public const string UploadFolder = "uploads";

    // Folder of the results container holding one folder per scan id.
    private const string ScansPrefix = "scans/";

    public static string ResultBlob(string scanId) => ScansPrefix + scanId + "/result.json";

    public static string HeatmapBlob(string scanId, HeatmapKind kind) =>
        ScansPrefix + scanId + (kind == HeatmapKind.Map ? "/map.png" : "/overlay.png");

    public static string ClaimBlob(string scanId) => ScansPrefix + scanId + "/claim";

    /// <summary>Folder of the results container holding one pointer per input blob name.</summary>
    public const string NamesPrefix = "names/";

    public static string NamePointerBlob(string inputBlobName) => NamesPrefix + inputBlobName;

    /// <summary>Metadata key of a names/ pointer that repeats its content, the scan id.</summary>
    public const string ScanIdMetadata = "scanid";

    public static string UploadBlob(string scanId, string extension) => $"{UploadFolder}/{scanId}{extension}";
}
