namespace NCovNet.Cli.Tests;

public sealed class ModelLocatorTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void An_explicit_folder_is_used_as_given()
    {
        Assert.Equal("/some/model", ModelLocator.Resolve("/some/model", out var searched));
        Assert.Equal(["/some/model"], searched);
    }

    [Fact]
    public void The_default_package_is_found_in_a_folder_above_the_start()
    {
        var package = _temp.Combine("models", "default");
        Directory.CreateDirectory(package);
        File.WriteAllText(Path.Combine(package, "model.json"), "{}");
        var start = Directory.CreateDirectory(_temp.Combine("src", "bin", "Release")).FullName;

        Assert.Equal(package, ModelLocator.FindDefault([start], out _));
    }

    [Fact]
    public void Without_a_default_package_the_searched_places_are_returned()
    {
        var start = Directory.CreateDirectory(_temp.Combine("empty")).FullName;

        Assert.Null(ModelLocator.FindDefault([start], out var searched));
        Assert.Contains(Path.Combine(start, "models", "default"), searched);
        Assert.Contains(_temp.Combine("models", "default"), searched);
    }
}
