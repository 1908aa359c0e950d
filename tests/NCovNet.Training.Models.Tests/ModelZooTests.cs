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
    public void Densenet_state_dict_keys_are_torchvision_keys()
    {
        using var model = ModelZoo.Create("densenet121");

        var keys = model.state_dict().Keys.ToHashSet();

        Assert.Contains("features.conv0.weight", keys);
        Assert.Contains("features.denseblock1.denselayer1.norm1.weight", keys);
        Assert.Contains("features.denseblock4.denselayer16.conv2.weight", keys);
        Assert.Contains("features.transition3.conv.weight", keys);
        Assert.Contains("features.norm5.running_mean", keys);
        Assert.Contains("classifier.bias", keys);
        Assert.Equal(727, keys.Count); // torchvision densenet121: 120 convs, 121 BatchNorms (5 entries each), classifier weight and bias
        Assert.Equal(1024, model.Backbone.OutputChannels);
    }

    [Fact]
    public void Vgg16_keeps_torchvision_feature_indices_and_drops_the_last_pool()
    {
        using var model = ModelZoo.Create("vgg16");
        model.eval();
        using var noGrad = torch.no_grad();

        var keys = model.state_dict().Keys.ToHashSet();
        var (_, features) = model.ForwardWithFeatures(torch.zeros(1, 3, 64, 64));

        Assert.Contains("features.0.weight", keys);
        Assert.Contains("features.28.bias", keys);
        Assert.Equal(28, keys.Count);
        Assert.Equal([1L, 512L, 4L, 4L], features.shape);
    }

    [Theory]
    [InlineData("densenet161", 2208)]
    [InlineData("densenet169", 1664)]
    [InlineData("densenet201", 1920)]
    [InlineData("resnet34", 512)]
    [InlineData("resnet101", 2048)]
    [InlineData("resnet152", 2048)]
    [InlineData("vgg19", 512)]
    public void Every_architecture_has_torchvision_feature_channels(string architecture, int channels)
    {
        using var model = ModelZoo.Create(architecture);

        Assert.Equal(channels, model.Backbone.OutputChannels);
        Assert.Equal(channels, model.Head.weight!.shape[1]);
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
    public void Gradient_steps_through_forward_lower_the_loss_of_a_fixed_batch()
    {
        torch.manual_seed(3);
        using var model = ModelZoo.Create("resnet18");
        model.train();
        using var images = torch.randn(4, 3, 32, 32);
        using var labels = torch.tensor(new long[] { 0, 1, 0, 1 });
        using var optimizer = torch.optim.SGD(model.parameters(), 0.01);

        float Step()
        {
            optimizer.zero_grad();
            using var loss = torch.nn.functional.cross_entropy(model.call(images), labels);
            loss.backward();
            optimizer.step();
            return loss.item<float>();
        }

        var first = Step();
        Step();
        Step();

        Assert.True(Step() < first);
    }

    [Fact]
    public void Unknown_architecture_is_refused_with_the_list_of_known_ones()
    {
        var error = Assert.Throws<ArgumentException>(() => ModelZoo.Create("alexnet"));

        Assert.Contains("resnet18", error.Message);
    }
}
