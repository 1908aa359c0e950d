using NCovNet.Training.Models.Weights;
using TorchSharp;
using TorchSharp.PyBridge;

namespace NCovNet.Training.Models.Tests;

public class TorchvisionWeightsTests
{
    [Theory]
    [InlineData("resnet18", "weights.pth")]
    [InlineData("resnet18", "weights.safetensors")]
    [InlineData("densenet121", "weights.pth")]
    [InlineData("vgg16", "weights.safetensors")]
    public void Saved_weights_load_into_a_fresh_model_with_identical_outputs(string architecture, string file)
    {
        using var trained = TestModels.Create(architecture, seed: 1);
        using var temp = new TempDirectory();
        var path = temp.File(file);
        TorchvisionWeights.Save(trained, path);
        using var fresh = TestModels.Create(architecture, seed: 2);

        var loaded = TorchvisionWeights.Load(fresh, path);

        using var noGrad = torch.no_grad();
        torch.manual_seed(3);
        using var image = torch.randn(1, 3, 64, 64);
        Assert.Equal(0f, (trained.call(image) - fresh.call(image)).abs().max().item<float>());
        Assert.True(loaded.HeadLoaded);
        Assert.Empty(loaded.IgnoredKeys);
    }

    [Fact]
    public void Resnet_files_use_torchvision_top_level_keys()
    {
        using var model = TestModels.Create("resnet18");
        using var temp = new TempDirectory();
        var path = temp.File("resnet18.safetensors");

        TorchvisionWeights.Save(model, path);

        var keys = Safetensors.LoadStateDict(path).Keys.ToHashSet();
        Assert.Contains("conv1.weight", keys);
        Assert.Contains("layer4.1.bn2.running_var", keys);
        Assert.Contains("fc.weight", keys);
        Assert.DoesNotContain(keys, k => k.StartsWith("features.", StringComparison.Ordinal));
    }

    [Fact]
    public void Old_style_densenet_keys_are_mapped_and_an_imagenet_head_is_skipped()
    {
        using var trained = TestModels.Create("densenet121", seed: 1);
        var stateDict = trained.state_dict()
            .Where(e => !e.Key.StartsWith("classifier.", StringComparison.Ordinal) && !e.Key.EndsWith("num_batches_tracked", StringComparison.Ordinal))
            .ToDictionary(e => OldStyle(e.Key), e => e.Value);
        stateDict["classifier.weight"] = torch.zeros(1000, 1024);
        stateDict["classifier.bias"] = torch.zeros(1000);
        using var temp = new TempDirectory();
        var path = temp.File("densenet121-old.pth");
        PyTorchPickler.PickleStateDict(path, stateDict);
        using var fresh = TestModels.Create("densenet121", seed: 2);

        var loaded = TorchvisionWeights.Load(fresh, path);

        using var noGrad = torch.no_grad();
        using var image = torch.randn(1, 3, 64, 64);
        Assert.Equal(0f, (trained.Backbone.call(image) - fresh.Backbone.call(image)).abs().max().item<float>());
        Assert.False(loaded.HeadLoaded);
        Assert.Equal(["classifier.bias", "classifier.weight"], loaded.IgnoredKeys.Order());
    }

    [Fact]
    public void Weights_of_another_architecture_are_refused_with_the_reason()
    {
        using var resnet = TestModels.Create("resnet18");
        using var temp = new TempDirectory();
        var path = temp.File("resnet18.pth");
        TorchvisionWeights.Save(resnet, path);
        using var densenet = TestModels.Create("densenet121");

        var error = Assert.Throws<InvalidDataException>(() => TorchvisionWeights.Load(densenet, path));

        Assert.Contains("missing", error.Message);
    }

    private static string OldStyle(string key) =>
        System.Text.RegularExpressions.Regex.Replace(key, @"(denselayer\d+\.(?:norm|conv))([12])\.", "$1.$2.");
}
