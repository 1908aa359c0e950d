using NCovNet.Infra.Tests.Bicep;

namespace NCovNet.Infra.Tests.Templates;

public sealed class MonitoringTemplateTests
{
    private readonly ArmTemplate _main = CompiledInfra.Instance.Main;

    [Fact]
    public void ApplicationInsights_IsWorkspaceBased()
    {
        var insights = _main.Single("Microsoft.Insights/components").Properties!;

        Assert.Equal("[resourceId('Microsoft.OperationalInsights/workspaces', parameters('logAnalyticsName'))]", (string?)insights["WorkspaceResourceId"]);
        Assert.Single(_main.ResourcesOfType("Microsoft.OperationalInsights/workspaces"));
    }

    [Fact]
    public void FailedScans_AlertOnFailedExecutionsOfTheScanFunction()
    {
        var rule = _main.Single("Microsoft.Insights/scheduledQueryRules").Properties!;
        var query = (string?)rule["criteria"]!["allOf"]![0]!["query"];

        Assert.Equal("[parameters('applicationInsightsId')]", (string?)rule["scopes"]![0]);
        Assert.Contains("requests | where operation_Name ==", query, StringComparison.Ordinal);
        Assert.Contains("success == false", query, StringComparison.Ordinal);
        Assert.Equal("[parameters('scanFunctionName')]", (string?)_main.ModuleParameter("alerts", "scanFunctionName"));
    }

    [Fact]
    public void DeadLetters_AlertOnTheFirstDeadLetteredEvent()
    {
        var alert = _main.Single("Microsoft.Insights/metricAlerts").Properties!;
        var criterion = alert["criteria"]!["allOf"]![0]!;

        Assert.Equal("[parameters('systemTopicId')]", (string?)alert["scopes"]![0]);
        Assert.Equal("DeadLetteredCount", (string?)criterion["metricName"]);
        Assert.Equal("Microsoft.EventGrid/systemTopics", (string?)criterion["metricNamespace"]);
        Assert.Equal(0, (int)criterion["threshold"]!);
    }
}
