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

@description('Days after a scan before its result and heatmaps move to the cool tier.')
@minValue(1)
param resultsCoolAfterDays int = 90

@description('Days a dead-lettered Event Grid event is kept.')
@minValue(1)
param deadLetterRetentionDays int = 30

@description('Days deleted blobs and containers can be restored.')
@minValue(1)
@maxValue(365)
param softDeleteDays int = 14

@description('Containers: uploads (input), results and heatmaps, undeliverable Event Grid events, the Flex deployment package.')
param containerNames {
  input: string
  results: string
  deadLetters: string
  deployment: string
}

@description('Queues: the pipeline\'s dead letters, and the blob trigger\'s poison queue.')
param queueNames {
  scanDeadLetters: string
  triggerPoison: string
}

var inputContainerName = containerNames.input
var resultsContainerName = containerNames.results
var deadLetterContainerName = containerNames.deadLetters
var deploymentContainerName = containerNames.deployment

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

    resource scanDeadLetters 'queues' = {
      name: queueNames.scanDeadLetters
    }

    // Created up front (the host creates it only on the first poisoned blob) so operators can watch it.
    resource triggerPoison 'queues' = {
      name: queueNames.triggerPoison
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
            name: 'age-scan-results'
            enabled: true
            type: 'Lifecycle'
            definition: {
              filters: {
                blobTypes: ['blockBlob']
                prefixMatch: ['${resultsContainerName}/scans/']
              }
              actions: {
                baseBlob: {
                  tierToCool: { daysAfterCreationGreaterThan: resultsCoolAfterDays }
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
