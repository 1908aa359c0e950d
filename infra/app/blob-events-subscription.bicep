metadata description = '''
Delivers complete uploads to the input container to the blob trigger's webhook. Deployed after
the app's code, because the blobs_extension system key exists only once the host has started
with a blob trigger: infra/scripts/subscribe-blob-events.sh reads the key and deploys this file.
'''

param systemTopicName string
param subscriptionName string = 'radiograph-uploads'
param storageAccountName string
param inputContainerName string
param deadLetterContainerName string

@description('Host name of the function app, e.g. ca-xyz.region.azurecontainerapps.io.')
param functionAppHostName string

@description('Name of the function with the Event Grid-sourced blob trigger.')
param scanFunctionName string

@secure()
@description('The function host\'s blobs_extension system key.')
param blobsExtensionKey string

// Only events for finished blobs: a block blob committed, a copy, or an ADLS file flushed and closed.
var completeUploadApis = [
  'PutBlob'
  'PutBlockList'
  'CopyBlob'
  'FlushWithClose'
]

resource storage 'Microsoft.Storage/storageAccounts@2025-01-01' existing = {
  name: storageAccountName
}

resource systemTopic 'Microsoft.EventGrid/systemTopics@2025-02-15' existing = {
  name: systemTopicName
}

resource subscription 'Microsoft.EventGrid/systemTopics/eventSubscriptions@2025-02-15' = {
  parent: systemTopic
  name: subscriptionName
  properties: {
    eventDeliverySchema: 'EventGridSchema'
    destination: {
      endpointType: 'WebHook'
      properties: {
        // The key only travels inside the URL: endpointUrl is write-only in ARM and never returned.
        #disable-next-line use-secure-value-for-secure-inputs
        endpointUrl: 'https://${functionAppHostName}/runtime/webhooks/blobs?functionName=Host.Functions.${scanFunctionName}&code=${blobsExtensionKey}'
        maxEventsPerBatch: 1
        preferredBatchSizeInKilobytes: 64
      }
    }
    filter: {
      includedEventTypes: ['Microsoft.Storage.BlobCreated']
      subjectBeginsWith: '/blobServices/default/containers/${inputContainerName}/blobs/'
      advancedFilters: [
        {
          operatorType: 'StringIn'
          key: 'data.api'
          values: completeUploadApis
        }
      ]
    }
    retryPolicy: {
      maxDeliveryAttempts: 30
      eventTimeToLiveInMinutes: 1440
    }
    deadLetterWithResourceIdentity: {
      identity: {
        type: 'SystemAssigned'
      }
      deadLetterDestination: {
        endpointType: 'StorageBlob'
        properties: {
          resourceId: storage.id
          blobContainerName: deadLetterContainerName
        }
      }
    }
  }
}

output id string = subscription.id
