using NCovNet.Infra.Tests.Bicep;

namespace NCovNet.Infra.Tests.Templates;

/// <summary>Least privilege: each identity holds only the data roles it needs, each scoped to one resource.</summary>
public sealed class RoleAssignmentTests
{
    private const string StorageBlobDataOwner = "b7e6dc6d-f1e8-4753-8033-0f276bb0955b";
    private const string StorageBlobDataContributor = "ba92f5b4-2d11-453d-a403-e96b0029c9fe";
    private const string StorageQueueDataContributor = "974c5e8b-45b9-4653-ba55-5f855dd0fb88";
    private const string AcrPull = "7f951dda-4ed3-4680-a7ca-43fe172d538d";
    private const string MonitoringMetricsPublisher = "3913510d-42f4-4e42-8a64-420c390055eb";

    private const string StorageAccountScope = "[resourceId('Microsoft.Storage/storageAccounts', parameters('storageAccountName'))]";

    private readonly IReadOnlyList<ArmResource> _assignments =
        CompiledInfra.Instance.Main.ResourcesOfType("Microsoft.Authorization/roleAssignments");

    [Fact]
    public void AppIdentity_HoldsBlobOwnerAndQueueContributor_OnTheStorageAccountOnly()
    {
        var storageRoles = _assignments.Where(a => Scope(a) == StorageAccountScope).Select(a => a.RoleDefinitionGuid());

        Assert.Equal(new[] { StorageBlobDataOwner, StorageQueueDataContributor }.Order(), storageRoles.Order());
    }

    [Fact]
    public void EventGrid_MayWriteOnlyToTheDeadLetterContainer()
    {
        var deadLetterWriter = Assert.Single(_assignments, a => a.RoleDefinitionGuid() == StorageBlobDataContributor);

        Assert.Equal(
            "[resourceId('Microsoft.Storage/storageAccounts/blobServices/containers', parameters('storageAccountName'), 'default', parameters('deadLetterContainerName'))]",
            Scope(deadLetterWriter));
    }

    [Fact]
    public void EveryAssignment_IsOneOfTheExpectedRolesOnItsOwnResource()
    {
        var expected = new Dictionary<string, string>
        {
            [StorageBlobDataOwner] = "Microsoft.Storage/storageAccounts'",
            [StorageQueueDataContributor] = "Microsoft.Storage/storageAccounts'",
            [StorageBlobDataContributor] = "Microsoft.Storage/storageAccounts/blobServices/containers'",
            [AcrPull] = "Microsoft.ContainerRegistry/registries'",
            [MonitoringMetricsPublisher] = "Microsoft.Insights/components'",
        };

        Assert.Equal(expected.Count, _assignments.Count);
        Assert.All(_assignments, a =>
        {
            var role = a.RoleDefinitionGuid();
            Assert.True(expected.ContainsKey(role), $"Unexpected role {role}.");
            Assert.StartsWith($"[resourceId('{expected[role]}", Scope(a), StringComparison.Ordinal);
            Assert.Equal("ServicePrincipal", (string?)a.Properties!["principalType"]);
        });
    }

    private static string Scope(ArmResource assignment) =>
        (string?)assignment.Json["scope"] ?? throw new InvalidOperationException("A role assignment without a scope applies to the whole resource group.");
}
