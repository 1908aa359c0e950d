using TorchSharp;

namespace NCovNet.Training.Models.Tests;

public class TorchNativeTests
{
    [Fact]
    public void Libtorch_loads_from_the_patched_output_copy_and_computes()
    {
        using var ones = torch.ones(2);

        Assert.Equal(2f, ones.sum().item<float>());
    }
}
