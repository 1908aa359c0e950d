namespace NCovNet.Pipeline.Storage;

/// <summary>The two stored renderings of a scan's Grad-CAM.</summary>
public enum HeatmapKind
{
    /// <summary>JET colours over the radiograph (RGB PNG).</summary>
    Overlay,

    /// <summary>The raw map (8-bit gray PNG).</summary>
    Map,
}
