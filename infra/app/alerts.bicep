metadata description = 'Alerts an operator acts on: scans that fail and upload events that Event Grid could not deliver.'

param location string
param tags object
param actionGroupName string
param failedScansAlertName string
param deadLettersAlertName string
param applicationInsightsId string
param systemTopicId string

@description('Name of the blob-triggered scan function; its failed executions count as failed scans.')
param scanFunctionName string

@description('E-mail address that receives alerts; empty for none (the alerts still fire in the portal).')
param alertEmail string = ''

@description('Failed scans in 15 minutes above which the alert fires.')
@minValue(0)
param failedScansThreshold int = 0

resource actionGroup 'Microsoft.Insights/actionGroups@2023-01-01' = {
  name: actionGroupName
  location: 'global'
  tags: tags
  properties: {
    groupShortName: 'ncovnet'
    enabled: true
    emailReceivers: empty(alertEmail)
      ? []
      : [
          {
            name: 'operator'
            emailAddress: alertEmail
            useCommonAlertSchema: true
          }
        ]
  }
}

resource failedScans 'Microsoft.Insights/scheduledQueryRules@2023-12-01' = {
  name: failedScansAlertName
  location: location
  tags: tags
  properties: {
    displayName: 'nCoV-NET: failed scans'
    description: 'Executions of ${scanFunctionName} that ended in an error (each one is retried, then poisoned).'
    severity: 2
    enabled: true
    scopes: [applicationInsightsId]
    evaluationFrequency: 'PT5M'
    windowSize: 'PT15M'
    criteria: {
      allOf: [
        {
          query: 'requests | where operation_Name == "${scanFunctionName}" and success == false'
          timeAggregation: 'Count'
          operator: 'GreaterThan'
          threshold: failedScansThreshold
          failingPeriods: {
            numberOfEvaluationPeriods: 1
            minFailingPeriodsToAlert: 1
          }
        }
      ]
    }
    actions: {
      actionGroups: [actionGroup.id]
    }
  }
}

resource deadLetters 'Microsoft.Insights/metricAlerts@2018-03-01' = {
  name: deadLettersAlertName
  location: 'global'
  tags: tags
  properties: {
    description: 'Blob-created events that Event Grid gave up delivering to the scan function; they are in the dead-letter container.'
    severity: 1
    enabled: true
    scopes: [systemTopicId]
    evaluationFrequency: 'PT5M'
    windowSize: 'PT15M'
    criteria: {
      'odata.type': 'Microsoft.Azure.Monitor.SingleResourceMultipleMetricCriteria'
      allOf: [
        {
          name: 'dead-lettered-events'
          criterionType: 'StaticThresholdCriterion'
          metricNamespace: 'Microsoft.EventGrid/systemTopics'
          metricName: 'DeadLetteredCount'
          operator: 'GreaterThan'
          threshold: 0
          timeAggregation: 'Total'
        }
      ]
    }
    actions: [
      {
        actionGroupId: actionGroup.id
      }
    ]
  }
}
