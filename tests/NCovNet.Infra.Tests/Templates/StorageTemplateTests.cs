using System.Text.Json.Nodes;
using NCovNet.Infra.Tests.Bicep;

namespace NCovNet.Infra.Tests.Templates;

public sealed class StorageTemplateTests
{
    private readonly ArmTemplate _main = CompiledInfra.Instance.Main;

    private JsonNode Account => _main.Single("Microsoft.Storage/storageAccounts").Properties!;

    [Fact]
    public void Account_AcceptsOnlyEntraIdOverHttpsWithTls12()
    {
        Assert.False((bool)Account["allowSharedKeyAccess"]!);
        Assert.True((bool)Account["defaultToOAuthAuthentication"]!);
        Assert.True((bool)Account["supportsHttpsTrafficOnly"]!);
        Assert.Equal("TLS1_2", (string?)Account["minimumTlsVersion"]);
    }

    [Fact]
    public void Account_AndEveryContainer_DenyPublicAccess()
    {
        Assert.False((bool)Account["allowBlobPublicAccess"]!);
        var containers = _main.ResourcesOfType("Microsoft.Storage/storageAccounts/blobServices/containers");
        Assert.Equal(4, containers.Count);
        Assert.All(containers, c => Assert.Equal("None", (string?)c.Properties!["publicAccess"]));
    }

    [Fact]
    public void Containers_AreThePipelinesStorageLayoutPlusEventGridAndDeployment()
    {
        var names = _main.Variables["containerNames"]!.AsObject();

        Assert.Equal("radiographs", (string?)names["input"]);
        Assert.Equal("scan-results", (string?)names["results"]);
        Assert.Equal("eventgrid-dead-letters", (string?)names["deadLetters"]);
        Assert.Equal("deployment-package", (string?)names["deployment"]);
        Assert.Equal("[variables('containerNames')]", (string?)_main.ModuleParameter("storage", "containerNames"));
    }

    [Fact]
    public void BlobService_KeepsDeletedBlobsAndContainers()
    {
        var service = _main.Single("Microsoft.Storage/storageAccounts/blobServices").Properties!;

        Assert.True((bool)service["deleteRetentionPolicy"]!["enabled"]!);
        Assert.True((bool)service["containerDeleteRetentionPolicy"]!["enabled"]!);
    }

    [Fact]
    public void Lifecycle_MovesInputsToCoolAndExpiresDeadLetters()
    {
        var rules = _main.Single("Microsoft.Storage/storageAccounts/managementPolicies").Properties!["policy"]!["rules"]!.AsArray();

        var input = Rule(rules, "age-input-radiographs");
        Assert.Contains("inputContainerName", input["definition"]!["filters"]!["prefixMatch"]!.ToJsonString(), StringComparison.Ordinal);
        Assert.NotNull(input["definition"]!["actions"]!["baseBlob"]!["tierToCool"]);
        Assert.Null(input["definition"]!["actions"]!["baseBlob"]!["delete"]);

        var deadLetters = Rule(rules, "expire-dead-letters");
        Assert.NotNull(deadLetters["definition"]!["actions"]!["baseBlob"]!["delete"]);
    }

    [Fact]
    public void Queues_AreThePipelinesDeadLettersAndTheTriggersPoisonQueue()
    {
        var names = _main.Variables["queueNames"]!.AsObject();

        Assert.Equal("scan-dead-letters", (string?)names["scanDeadLetters"]);
        Assert.Equal("webjobs-blobtrigger-poison", (string?)names["triggerPoison"]);
        Assert.Equal(2, _main.ResourcesOfType("Microsoft.Storage/storageAccounts/queueServices/queues").Count);
        Assert.Equal("[variables('queueNames')]", (string?)_main.ModuleParameter("storage", "queueNames"));
    }

    private static JsonNode Rule(JsonArray rules, string name) =>
        rules.Single(r => (string?)r!["name"] == name)!;
}
