namespace NCovNet.Core.Inference;

/// <summary>Sizes of one image's slice of the model's input and outputs.</summary>
public sealed record ModelGeometry(int Channels, int InputHeight, int InputWidth, int Classes, int CamHeight, int CamWidth)
{
    public int ImageLength => Channels * InputHeight * InputWidth;

    public int CamPlaneLength => CamHeight * CamWidth;

    public int CamLength => Classes * CamPlaneLength;
}
