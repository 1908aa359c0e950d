using TorchSharp;

namespace NCovNet.Training.Models.Tests;

public class ModelZooTests
{
    [Fact]
    public void Resnet18_gives_two_logits_and_a_512_channel_feature_map_at_stride_32()
    {
        using var model = ModelZoo.Create("resnet18");
        model.eval();
        using var noGrad = torch.no_grad();
        using var x = torch.randn(2, 3, 64, 64);

        var (logits, features) = model.ForwardWithFeatures(x);

        Assert.Equal([2L, 2L], logits.shape);
        Assert.Equal([2L, 512L, 2L, 2L], features.shape);
        Assert.Equal("resnet18", model.Architecture);
    }

    [Fact]
    public void Resnet_state_dict_keys_are_torchvision_keys_under_features()
    {
        using var model = ModelZoo.Create("resnet18");

        var keys = model.state_dict().Keys.ToHashSet();

        Assert.Contains("features.conv1.weight", keys);
        Assert.Contains("features.layer2.0.downsample.0.weight", keys);
        Assert.Contains("features.layer4.1.bn2.running_var", keys);
        Assert.Contains("fc.weight", keys);
        Assert.Equal(122, keys.Count); // torchvision resnet18's state_dict: 20 convs, 20 BatchNorms (5 entries each), fc weight and bias
    }

    [Fact]
    public void FreezeBackbone_leaves_only_the_head_trainable()
    {
        using var model = ModelZoo.Create("resnet18");

        model.FreezeBackbone();

        Assert.Equal(2, model.parameters().Count(p => p.requires_grad));
        model.UnfreezeAll();
        Assert.All(model.parameters(), p => Assert.True(p.requires_grad));
    }

    [Fact]
    public void Unknown_architecture_is_refused_with_the_list_of_known_ones()
    {
        var error = Assert.Throws<ArgumentException>(() => ModelZoo.Create("alexnet"));

        Assert.Contains("resnet18", error.Message);
    }
}
