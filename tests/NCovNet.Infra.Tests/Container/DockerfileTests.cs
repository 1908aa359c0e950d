using System.Text.RegularExpressions;
using NCovNet.Infra.Tests.Bicep;

namespace NCovNet.Infra.Tests.Container;

/// <summary>
/// Docker cannot run here, so the image's promises are checked in the Dockerfile itself and
/// against the templates that run it.
/// </summary>
public sealed partial class DockerfileTests
{
    private readonly IReadOnlyList<DockerfileInstruction> _instructions = DockerfileInstruction.Parse(InfraFiles.Dockerfile);

    private IReadOnlyList<DockerfileInstruction> RuntimeStage =>
        _instructions.SkipWhile(i => !(i.Keyword == "FROM" && i.Arguments.EndsWith(" AS runtime", StringComparison.Ordinal))).ToList();

    [Fact]
    public void BaseImages_AreOfficialAndPinnedToAVersionTag()
    {
        var functions = Arg("FUNCTIONS_BASE_IMAGE");
        var sdk = Arg("SDK_IMAGE");

        Assert.Equal("mcr.microsoft.com/azure-functions/dotnet-isolated:4-dotnet-isolated10.0", functions);
        Assert.Equal("mcr.microsoft.com/dotnet/sdk:10.0", sdk);
        Assert.All(_instructions.Where(i => i.Keyword == "FROM"), from =>
        {
            Assert.DoesNotContain(":latest", from.Arguments, StringComparison.Ordinal);
            Assert.Matches(@"^\$\{(FUNCTIONS_BASE_IMAGE|SDK_IMAGE)\} AS \w+$", from.Arguments);
        });
    }

    [Fact]
    public void Runtime_RunsAsAnUnprivilegedUserItCreates()
    {
        var user = RuntimeStage.Last(i => i.Keyword == "USER").Arguments;

        Assert.DoesNotMatch(@"^(root|0)(:|$)", user);
        var name = user.Split(':')[0];
        Assert.Contains(RuntimeStage, i => i.Keyword == "RUN" && i.Arguments.Contains($"useradd --uid \"${{APP_UID}}\" --gid {name}", StringComparison.Ordinal));
        Assert.True(int.Parse(Arg("APP_UID")) >= 10000, "UIDs below 10000 may collide with host users.");
        Assert.Equal("USER", _instructions.Where(i => i.Keyword is "USER" or "RUN" or "COPY").Last().Keyword);
    }

    [Fact]
    public void App_IsPublishedWithTheGpuOnnxRuntime()
    {
        var publish = Assert.Single(_instructions, i => i.Keyword == "RUN" && i.Arguments.Contains("dotnet publish", StringComparison.Ordinal));

        Assert.Contains("src/NCovNet.Functions/NCovNet.Functions.csproj", publish.Arguments, StringComparison.Ordinal);
        Assert.Contains("-p:OnnxRuntimeFlavor=Gpu", publish.Arguments, StringComparison.Ordinal);
        Assert.Contains("-c Release", publish.Arguments, StringComparison.Ordinal);
    }

    [Fact]
    public void Runtime_InstallsCuda13AndCudnn9WithoutRecommendsAndCleansUp()
    {
        Assert.Equal("13.0", Arg("CUDA_VERSION"));
        Assert.StartsWith("9.", Arg("CUDNN_VERSION"), StringComparison.Ordinal);
        var install = Assert.Single(RuntimeStage, i => i.Keyword == "RUN" && i.Arguments.Contains("cuda-keyring", StringComparison.Ordinal));
        foreach (var package in new[] { "cuda-cudart-", "libcublas-", "libcurand-", "libcudnn9-cuda-" })
        {
            Assert.Contains(package, install.Arguments, StringComparison.Ordinal);
        }

        Assert.Equal(
            AptGetInstall().Matches(install.Arguments).Count,
            AptGetInstallNoRecommends().Matches(install.Arguments).Count);
        Assert.EndsWith("rm -rf /var/lib/apt/lists/*", install.Arguments, StringComparison.Ordinal);
        Assert.Contains("LD_LIBRARY_PATH=/usr/local/cuda-${CUDA_VERSION}/", Env(), StringComparison.Ordinal);
    }

    [Fact]
    public void ModelPackage_IsCopiedWhereTheAppLooksForIt()
    {
        var appRoot = Assert.Single(RuntimeStage, i => i.Keyword == "COPY" && i.Arguments.StartsWith("--from=build ", StringComparison.Ordinal))
            .Arguments.Split(' ')[^1];
        var modelPath = (string?)CompiledInfra.Instance.Main.DeclaredParameters["modelPath"]!["defaultValue"];

        Assert.Equal("models/default", Arg("MODEL_PACKAGE"));
        var copy = Assert.Single(RuntimeStage, i => i.Keyword == "COPY" && i.Arguments.Contains("${MODEL_PACKAGE}", StringComparison.Ordinal));
        Assert.Equal($"${{MODEL_PACKAGE}}/model.onnx ${{MODEL_PACKAGE}}/model.json {appRoot}/{modelPath}/", copy.Arguments);
        Assert.Contains($"AzureWebJobsScriptRoot={appRoot} ", Env(), StringComparison.Ordinal);
    }

    [Fact]
    public void Runtime_LeavesTheAppFilesReadOnlyToItsUser()
    {
        Assert.DoesNotContain(RuntimeStage, i => i.Arguments.Contains("chown -R", StringComparison.Ordinal));
        Assert.DoesNotContain(RuntimeStage, i => i.Keyword == "COPY" && i.Arguments.Contains("--chown", StringComparison.Ordinal));
    }

    [Fact]
    public void ListeningPort_MatchesTheContainerAppIngress()
    {
        var targetPort = (int)CompiledInfra.Instance.Template("app/container-apps").Variables["containerPort"]!;

        Assert.Equal(targetPort.ToString(), Assert.Single(_instructions, i => i.Keyword == "EXPOSE").Arguments);
        Assert.Contains($"ASPNETCORE_URLS=http://+:{targetPort} ", Env(), StringComparison.Ordinal);
    }

    [Fact]
    public void Image_HasNoAddInstructionAndNoSecretInItsEnvironment()
    {
        Assert.DoesNotContain(_instructions, i => i.Keyword == "ADD");
        Assert.DoesNotMatch("(?i)(key|password|secret|connectionstring)=", Env());
    }

    [Fact]
    public void DockerIgnore_KeepsBuildOutputAndLocalSettingsOut()
    {
        var rules = File.ReadAllLines(InfraFiles.DockerIgnore).Where(l => l.Length > 0 && !l.StartsWith('#')).ToList();

        Assert.Equal("**", rules[0]);
        Assert.Contains("!src/**", rules);
        Assert.Contains("!models/**", rules);
        Assert.Contains("**/bin/", rules);
        Assert.Contains("**/obj/", rules);
        Assert.Contains("**/local.settings.json", rules);
    }

    private string Arg(string name) =>
        _instructions.Where(i => i.Keyword == "ARG" && i.Arguments.StartsWith(name + "=", StringComparison.Ordinal))
            .Select(i => i.Arguments[(name.Length + 1)..])
            .Single();

    private string Env() => Assert.Single(RuntimeStage, i => i.Keyword == "ENV").Arguments + " ";

    [GeneratedRegex(@"apt-get install\b")]
    private static partial Regex AptGetInstall();

    [GeneratedRegex(@"apt-get install -y --no-install-recommends\b")]
    private static partial Regex AptGetInstallNoRecommends();
}
