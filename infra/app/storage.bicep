metadata description = 'Storage for radiographs, results, heatmaps, dead letters and the Functions host: Entra ID only, no public blobs.'

param location string
param tags object
param name string
param skuName string = 'Standard_LRS'

@description('Days after upload before an input radiograph moves to the cool tier.')
@minValue(1)
param inputCoolAfterDays int = 30

@description('Days after upload before an input radiograph moves to the cold tier.')
@minValue(2)
param inputColdAfterDays int = 180

@description('Days a dead-lettered Event Grid event is kept.')
@minValue(1)
param deadLetterRetentionDays int = 30

@description('Days deleted blobs and containers can be restored.')
@minValue(1)
@maxValue(365)
param softDeleteDays int = 14

@description('Container names: input, results, heatmaps, deadLetters, deployment.')
param containerNames {
  input: string
  results: string
  heatmaps: string
  deadLetters: string
  deployment: string
}

var inputContainerName = containerNames.input
var resultsContainerName = containerNames.results
var heatmapsContainerName = containerNames.heatmaps
var deadLetterContainerName = containerNames.deadLetters
var deploymentContainerName = containerNames.deployment
// The blob trigger moves a blob here after host.json's poisonBlobThreshold failed attempts.
var poisonQueueName = 'webjobs-blobtrigger-poison'

resource storage 'Microsoft.Storage/storageAccounts@2025-01-01' = {
  name: name
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: {
    name: skuName
  }
  properties: {
    accessTier: 'Hot'
    allowBlobPublicAccess: false
    allowSharedKeyAccess: false
    allowCrossTenantReplication: false
    defaultToOAuthAuthentication: true
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    publicNetworkAccess: 'Enabled'
    networkAcls: {
      bypass: 'AzureServices'
      defaultAction: 'Allow'
    }
    encryption: {
      keySource: 'Microsoft.Storage'
      requireInfrastructureEncryption: true
      services: {
        blob: { enabled: true, keyType: 'Account' }
        queue: { enabled: true, keyType: 'Account' }
      }
    }
  }

  resource blobService 'blobServices' = {
    name: 'default'
    properties: {
      deleteRetentionPolicy: {
        enabled: true
        days: softDeleteDays
      }
      containerDeleteRetentionPolicy: {
        enabled: true
        days: softDeleteDays
      }
    }

    resource input 'containers' = {
      name: inputContainerName
      properties: { publicAccess: 'None' }
    }

    resource results 'containers' = {
      name: resultsContainerName
      properties: { publicAccess: 'None' }
    }

    resource heatmaps 'containers' = {
      name: heatmapsContainerName
      properties: { publicAccess: 'None' }
    }

    resource deadLetters 'containers' = {
      name: deadLetterContainerName
      properties: { publicAccess: 'None' }
    }

    resource deployment 'containers' = {
      name: deploymentContainerName
      properties: { publicAccess: 'None' }
    }
  }

  resource queueService 'queueServices' = {
    name: 'default'

    resource poison 'queues' = {
      name: poisonQueueName
    }
  }

  resource lifecycle 'managementPolicies' = {
    name: 'default'
    properties: {
      policy: {
        rules: [
          {
            name: 'age-input-radiographs'
            enabled: true
            type: 'Lifecycle'
            definition: {
              filters: {
                blobTypes: ['blockBlob']
                prefixMatch: ['${inputContainerName}/']
              }
              actions: {
                baseBlob: {
                  tierToCool: { daysAfterCreationGreaterThan: inputCoolAfterDays }
                  tierToCold: { daysAfterCreationGreaterThan: inputColdAfterDays }
                }
              }
            }
          }
          {
            name: 'age-heatmaps'
            enabled: true
            type: 'Lifecycle'
            definition: {
              filters: {
                blobTypes: ['blockBlob']
                prefixMatch: ['${heatmapsContainerName}/']
              }
              actions: {
                baseBlob: {
                  tierToCool: { daysAfterCreationGreaterThan: inputCoolAfterDays }
                }
              }
            }
          }
          {
            name: 'expire-dead-letters'
            enabled: true
            type: 'Lifecycle'
            definition: {
              filters: {
                blobTypes: ['blockBlob']
                prefixMatch: ['${deadLetterContainerName}/']
              }
              actions: {
                baseBlob: {
                  delete: { daysAfterCreationGreaterThan: deadLetterRetentionDays }
                }
              }
            }
          }
        ]
      }
    }
  }
}

output id string = storage.id
output name string = storage.name
output blobEndpoint string = storage.properties.primaryEndpoints.blob
output queueEndpoint string = storage.properties.primaryEndpoints.queue
output poisonQueueName string = poisonQueueName
