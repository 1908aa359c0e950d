using NCovNet.Core.Imaging;
using NCovNet.Training.Data;

namespace NCovNet.Training.Loading;

/// <summary>Reads a labelled image through the core decoder, the same path the product serves.</summary>
public static class RadiographReader
{
    public static GrayImage Read(LabeledImage image)
    {
        ArgumentNullException.ThrowIfNull(image);
        try
        {
            return RadiographDecoder.Decode(File.ReadAllBytes(image.Path)).Image;
        }
        catch (RadiographDecodeException e)
        {
            throw new DatasetException($"{image.Path} cannot be decoded ({e.Message}).");
        }
    }
}
