using NCovNet.Core.Imaging;

namespace NCovNet.Training.Debiasing;

/// <summary>One random, seeded change to a training radiograph; returns a new image of the same size.</summary>
public interface IRadiographTransform
{
    GrayImage Apply(GrayImage image, Random random);
}
