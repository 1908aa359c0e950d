using System.Text.Json.Nodes;
using NCovNet.Infra.Tests.Bicep;

namespace NCovNet.Infra.Tests.Templates;

/// <summary>Only complete uploads to the input container reach the blob trigger; undeliverable events are kept.</summary>
public sealed class EventGridTemplateTests
{
    private readonly ArmTemplate _subscriptionTemplate = CompiledInfra.Instance.Template("app/blob-events-subscription");

    private JsonNode Subscription => _subscriptionTemplate.Single("Microsoft.EventGrid/systemTopics/eventSubscriptions").Properties!;

    [Fact]
    public void SystemTopic_WatchesTheStorageAccount()
    {
        var topic = CompiledInfra.Instance.Main.Single("Microsoft.EventGrid/systemTopics");

        Assert.Equal("Microsoft.Storage.StorageAccounts", (string?)topic.Properties!["topicType"]);
        Assert.Equal("[resourceId('Microsoft.Storage/storageAccounts', parameters('storageAccountName'))]", (string?)topic.Properties["source"]);
        Assert.Equal("SystemAssigned", (string?)topic.Json["identity"]!["type"]);
    }

    [Fact]
    public void Filter_IsBlobCreatedInTheInputContainer()
    {
        var filter = Subscription["filter"]!;

        Assert.Equal(["Microsoft.Storage.BlobCreated"], filter["includedEventTypes"]!.AsArray().Select(t => (string)t!));
        Assert.Equal(
            "[format('/blobServices/default/containers/{0}/blobs/', parameters('inputContainerName'))]",
            (string?)filter["subjectBeginsWith"]);
    }

    [Fact]
    public void Filter_KeepsOnlyCompleteUploads()
    {
        var advanced = Assert.Single(Subscription["filter"]!["advancedFilters"]!.AsArray())!;

        Assert.Equal("StringIn", (string?)advanced["operatorType"]);
        Assert.Equal("data.api", (string?)advanced["key"]);
        var apis = _subscriptionTemplate.Variables["completeUploadApis"]!.AsArray().Select(v => (string)v!);
        Assert.Equal(["CopyBlob", "FlushWithClose", "PutBlob", "PutBlockList"], apis.Order(StringComparer.Ordinal));
        Assert.Equal("[variables('completeUploadApis')]", (string?)advanced["values"]);
    }

    [Fact]
    public void Destination_IsTheBlobTriggerWebhookWithTheSecureSystemKey()
    {
        var url = (string?)Subscription["destination"]!["properties"]!["endpointUrl"];

        Assert.Equal("WebHook", (string?)Subscription["destination"]!["endpointType"]);
        Assert.Contains("https://{0}/runtime/webhooks/blobs?functionName=Host.Functions.{1}&code={2}", url, StringComparison.Ordinal);
        Assert.Equal("securestring", (string?)_subscriptionTemplate.DeclaredParameters["blobsExtensionKey"]!["type"]);
        Assert.Null(_subscriptionTemplate.DeclaredParameters["blobsExtensionKey"]!["defaultValue"]);
    }

    [Fact]
    public void DeadLetters_GoToTheDeadLetterContainerWithTheTopicIdentity()
    {
        var deadLetter = Subscription["deadLetterWithResourceIdentity"]!;

        Assert.Equal("SystemAssigned", (string?)deadLetter["identity"]!["type"]);
        Assert.Equal("StorageBlob", (string?)deadLetter["deadLetterDestination"]!["endpointType"]);
        Assert.Equal("[parameters('deadLetterContainerName')]", (string?)deadLetter["deadLetterDestination"]!["properties"]!["blobContainerName"]);
        Assert.Null(Subscription["deadLetterDestination"]);
    }
}
