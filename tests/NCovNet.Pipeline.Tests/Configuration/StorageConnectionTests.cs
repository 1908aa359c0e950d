using Azure.Identity;
using Microsoft.Extensions.Configuration;
using NCovNet.Pipeline.Storage;

namespace NCovNet.Pipeline.Tests.Configuration;

/// <summary>The AzureWebJobsStorage settings read as the Functions host reads them (no network: clients only).</summary>
public sealed class StorageConnectionTests
{
    [Fact]
    public void A_connection_string_gives_clients_for_its_account()
    {
        var (blobs, queues) = StorageConnection.Create(Settings(("AzureWebJobsStorage", "UseDevelopmentStorage=true")));

        Assert.Equal("devstoreaccount1", blobs.AccountName);
        Assert.Equal(10001, queues.Uri.Port);
    }

    [Fact]
    public void Service_uris_win_over_the_account_name_and_the_account_name_alone_gives_the_public_endpoints()
    {
        var (blobs, queues) = StorageConnection.Create(Settings(
            ("AzureWebJobsStorage:blobServiceUri", "https://clinicstore.blob.core.usgovcloudapi.net"),
            ("AzureWebJobsStorage:queueServiceUri", "https://clinicstore.queue.core.usgovcloudapi.net"),
            ("AzureWebJobsStorage:accountName", "ignored")));
        var (accountBlobs, accountQueues) = StorageConnection.Create(Settings(("AzureWebJobsStorage:accountName", "clinicstore")));

        Assert.Equal(new Uri("https://clinicstore.blob.core.usgovcloudapi.net"), blobs.Uri);
        Assert.Equal(new Uri("https://clinicstore.queue.core.usgovcloudapi.net"), queues.Uri);
        Assert.Equal(new Uri("https://clinicstore.blob.core.windows.net"), accountBlobs.Uri);
        Assert.Equal(new Uri("https://clinicstore.queue.core.windows.net"), accountQueues.Uri);
    }

    [Fact]
    public void Credential_managedidentity_uses_the_managed_identity_only_and_no_setting_the_default_chain()
    {
        var managed = StorageConnection.CreateCredential(Section(("AzureWebJobsStorage:credential", "managedidentity"), ("AzureWebJobsStorage:clientId", "0b2d6c1e-4b7a-4f43-9d53-1b1f4c0d7a11")));
        var systemAssigned = StorageConnection.CreateCredential(Section(("AzureWebJobsStorage:credential", "ManagedIdentity")));
        var chain = StorageConnection.CreateCredential(Section(("AzureWebJobsStorage:clientId", "0b2d6c1e-4b7a-4f43-9d53-1b1f4c0d7a11")));

        Assert.IsType<ManagedIdentityCredential>(managed);
        Assert.IsType<ManagedIdentityCredential>(systemAssigned);
        Assert.IsType<DefaultAzureCredential>(chain);
    }

    [Fact]
    public void A_resource_id_picks_a_user_assigned_identity_and_a_client_secret_a_service_principal()
    {
        var byResourceId = StorageConnection.CreateCredential(Section(
            ("AzureWebJobsStorage:credential", "managedidentity"),
            ("AzureWebJobsStorage:managedIdentityResourceId", "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.ManagedIdentity/userAssignedIdentities/ncovnet")));
        var servicePrincipal = StorageConnection.CreateCredential(Section(
            ("AzureWebJobsStorage:tenantId", "11111111-1111-1111-1111-111111111111"),
            ("AzureWebJobsStorage:clientId", "22222222-2222-2222-2222-222222222222"),
            ("AzureWebJobsStorage:clientSecret", "not-a-real-secret")));

        Assert.IsType<ManagedIdentityCredential>(byResourceId);
        Assert.IsType<ClientSecretCredential>(servicePrincipal);
    }

    [Fact]
    public void A_client_secret_without_its_tenant_is_refused_naming_the_settings()
    {
        var error = Assert.Throws<InvalidOperationException>(() => StorageConnection.CreateCredential(Section(
            ("AzureWebJobsStorage:clientId", "22222222-2222-2222-2222-222222222222"),
            ("AzureWebJobsStorage:clientSecret", "not-a-real-secret"))));

        Assert.Contains("AzureWebJobsStorage__clientSecret needs tenantId and clientId", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_credential_kind_is_refused_naming_the_setting()
    {
        var error = Assert.Throws<InvalidOperationException>(() => StorageConnection.Create(Settings(
            ("AzureWebJobsStorage:accountName", "clinicstore"), ("AzureWebJobsStorage:credential", "clientsecret"))));

        Assert.Contains("AzureWebJobsStorage__credential is 'clientsecret'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Neither_a_connection_string_nor_endpoints_is_refused_naming_what_to_set()
    {
        var error = Assert.Throws<InvalidOperationException>(() => StorageConnection.Create(Settings(("AzureWebJobsStorage:clientId", "x"))));

        Assert.Contains("AzureWebJobsStorage__blobServiceUri", error.Message, StringComparison.Ordinal);
        Assert.Contains("AzureWebJobsStorage__accountName", error.Message, StringComparison.Ordinal);
    }

    private static IConfigurationSection Section(params (string Key, string Value)[] settings) =>
        Settings(settings).GetSection(StorageConnection.DefaultName);

    private static IConfiguration Settings(params (string Key, string Value)[] settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => KeyValuePair.Create(s.Key, (string?)s.Value))).Build();
}
