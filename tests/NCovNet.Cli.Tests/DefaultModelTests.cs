using System.Text.Json;
using NCovNet.Core.Models;
using NCovNet.Tests;

namespace NCovNet.Cli.Tests;

/// <summary>
/// The package the repository ships: small enough to carry, and scoring ../shared/data/cxr's
/// validation patients exactly as its model card and model.json say.
/// </summary>
public sealed class DefaultModelTests
{
    private static readonly string Package = Path.Combine(SharedData.RepoRoot, "models", "default");

    [Fact]
    public void The_shipped_package_loads_its_hash_checks_out_and_it_is_under_30_mb()
    {
        var package = ModelPackage.Load(Package);

        Assert.Equal("ncovnet-default", package.Manifest.Name);
        Assert.InRange(new FileInfo(Path.Combine(Package, "model.onnx")).Length, 1, 30L * 1000 * 1000);
    }

    [Fact]
    public async Task Eval_on_the_cxr_validation_patients_reproduces_the_row_in_model_json()
    {
        var recorded = ModelPackage.Load(Package).Manifest.Metrics["validation/covid-vs-cxr"];

        var run = await CliRun.Of("eval", "--labels", SharedData.CxrLabels, "--split", "val", "--model", Package, "--json");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        var metrics = JsonDocument.Parse(run.Output).RootElement;
        var confusion = metrics.GetProperty("confusion");
        Assert.Equal(
            (recorded.Confusion.Tp, recorded.Confusion.Fp, recorded.Confusion.Tn, recorded.Confusion.Fn),
            (confusion.GetProperty("tp").GetInt32(), confusion.GetProperty("fp").GetInt32(), confusion.GetProperty("tn").GetInt32(), confusion.GetProperty("fn").GetInt32()));
        Assert.Equal(recorded.RocAuc!.Value, metrics.GetProperty("rocAuc").GetDouble(), 1e-3);
    }
}
