namespace NCovNet.Training.Models.Onnx;

/// <summary>A module that can write its eval-mode computation into an ONNX graph.</summary>
internal interface IOnnxExportable
{
    /// <summary>Appends the module's nodes after value <paramref name="input"/>; returns the output value's name.</summary>
    string ExportOnnx(OnnxGraphBuilder graph, string input);
}
