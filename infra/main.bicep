metadata description = 'nCoV-NET: storage, the scanning Functions app (serverless GPU on Container Apps, or CPU on Flex Consumption), Event Grid and monitoring.'

targetScope = 'subscription'

@minLength(1)
@maxLength(64)
@description('Name of the environment (azd environment name); prefixes the resource group and seeds resource names.')
param environmentName string

@minLength(1)
@description('Region for every resource. For the GPU plan it must offer serverless GPUs on Container Apps (see docs/deploy.md).')
@metadata({ azd: { type: 'location' } })
param location string

@description('gpu-container-apps: serverless GPU on Azure Container Apps (needs GPU quota). flex-consumption: CPU only, no image to build.')
@allowed([
  'gpu-container-apps'
  'flex-consumption'
])
param hostingPlan string = 'gpu-container-apps'

@description('Name of the serverless GPU workload profile.')
param gpuProfileName string = 'gpu-t4'

@allowed([
  'Consumption-GPU-NC8as-T4'
  'Consumption-GPU-NC24-A100'
])
param gpuProfileType string = 'Consumption-GPU-NC8as-T4'

@description('Functions image for the GPU plan. azd passes the image it built; the first provision runs the bare Functions base image.')
param containerImage string = 'mcr.microsoft.com/azure-functions/dotnet-isolated:4-dotnet-isolated10.0'

@description('Folder of the model package (model.onnx + model.json); relative to the app folder, where the image and the deployment package carry models/default.')
param modelPath string = 'models/default'

@description('Name of the function with the Event Grid-sourced blob trigger.')
param scanFunctionName string = 'ProcessRadiograph'

@description('E-mail address for alerts; empty for none.')
param alertEmail string = ''

var abbrs = loadJsonContent('abbreviations.json')
var resourceToken = toLower(uniqueString(subscription().id, environmentName, location))
var tags = { 'azd-env-name': environmentName, application: 'ncovnet' }
var isGpu = hostingPlan == 'gpu-container-apps'
var names = {
  storage: '${abbrs.storageStorageAccounts}${resourceToken}'
  registry: '${abbrs.containerRegistryRegistries}${resourceToken}'
  applicationInsights: '${abbrs.insightsComponents}${resourceToken}'
}
// The pipeline's StorageLayout: inputs in radiographs/, results and heatmaps in scan-results/scans/{id}/.
var containerNames = {
  input: 'radiographs'
  results: 'scan-results'
  deadLetters: 'eventgrid-dead-letters'
  deployment: 'deployment-package'
}
var queueNames = {
  scanDeadLetters: 'scan-dead-letters'
  triggerPoison: 'webjobs-blobtrigger-poison'
}

resource resourceGroup 'Microsoft.Resources/resourceGroups@2025-04-01' = {
  name: '${abbrs.resourcesResourceGroups}${environmentName}'
  location: location
  tags: tags
}

module storage 'app/storage.bicep' = {
  scope: resourceGroup
  params: {
    location: location
    tags: tags
    name: names.storage
    containerNames: containerNames
    queueNames: queueNames
  }
}

module monitoring 'app/monitoring.bicep' = {
  scope: resourceGroup
  params: {
    location: location
    tags: tags
    logAnalyticsName: '${abbrs.operationalInsightsWorkspaces}${resourceToken}'
    applicationInsightsName: names.applicationInsights
  }
}

module registry 'app/registry.bicep' = if (isGpu) {
  scope: resourceGroup
  params: {
    location: location
    tags: tags
    name: names.registry
  }
}

module identity 'app/identity.bicep' = {
  scope: resourceGroup
  dependsOn: [storage, monitoring, registry]
  params: {
    location: location
    tags: tags
    name: '${abbrs.managedIdentityUserAssignedIdentities}${resourceToken}'
    storageAccountName: names.storage
    containerRegistryName: isGpu ? names.registry : ''
    applicationInsightsName: names.applicationInsights
  }
}

// Identity-based connections only: the host and the app authenticate as the user-assigned identity.
var appSettings = [
  { name: 'AzureWebJobsStorage__credential', value: 'managedidentity' }
  { name: 'AzureWebJobsStorage__clientId', value: identity.outputs.clientId }
  { name: 'AzureWebJobsStorage__blobServiceUri', value: storage.outputs.blobEndpoint }
  { name: 'AzureWebJobsStorage__queueServiceUri', value: storage.outputs.queueEndpoint }
  { name: 'AZURE_CLIENT_ID', value: identity.outputs.clientId }
  { name: 'APPLICATIONINSIGHTS_CONNECTION_STRING', value: monitoring.outputs.applicationInsightsConnectionString }
  { name: 'APPLICATIONINSIGHTS_AUTHENTICATION_STRING', value: 'ClientId=${identity.outputs.clientId};Authorization=AAD' }
  { name: 'Pipeline__ModelPath', value: modelPath }
]

module gpuApp 'app/container-apps.bicep' = if (isGpu) {
  scope: resourceGroup
  params: {
    location: location
    tags: tags
    environmentName: '${abbrs.appManagedEnvironments}${resourceToken}'
    appName: '${abbrs.appContainerApps}${resourceToken}'
    logAnalyticsId: monitoring.outputs.logAnalyticsId
    gpuProfileName: gpuProfileName
    gpuProfileType: gpuProfileType
    containerImage: containerImage
    containerRegistryServer: registry!.outputs.loginServer
    identityId: identity.outputs.id
    appSettings: appSettings
  }
}

module flexApp 'app/flex-consumption.bicep' = if (!isGpu) {
  scope: resourceGroup
  params: {
    location: location
    tags: tags
    planName: '${abbrs.webServerFarms}${resourceToken}'
    appName: '${abbrs.webSitesFunctions}${resourceToken}'
    identityId: identity.outputs.id
    storageBlobEndpoint: storage.outputs.blobEndpoint
    deploymentContainerName: containerNames.deployment
    appSettings: appSettings
  }
}

module eventGrid 'app/eventgrid.bicep' = {
  scope: resourceGroup
  dependsOn: [storage]
  params: {
    location: location
    tags: tags
    name: '${abbrs.eventGridDomainsTopics}${resourceToken}'
    storageAccountName: names.storage
    deadLetterContainerName: containerNames.deadLetters
  }
}

module alerts 'app/alerts.bicep' = {
  scope: resourceGroup
  params: {
    location: location
    tags: tags
    actionGroupName: '${abbrs.insightsActionGroups}${resourceToken}'
    failedScansAlertName: '${abbrs.insightsScheduledQueryRules}failed-scans-${resourceToken}'
    deadLettersAlertName: '${abbrs.insightsMetricAlerts}dead-letters-${resourceToken}'
    applicationInsightsId: monitoring.outputs.applicationInsightsId
    systemTopicId: eventGrid.outputs.id
    scanFunctionName: scanFunctionName
    alertEmail: alertEmail
  }
}

var functionAppName = isGpu ? gpuApp!.outputs.name : flexApp!.outputs.name
var functionAppHostName = isGpu ? gpuApp!.outputs.hostName : flexApp!.outputs.hostName

output AZURE_LOCATION string = location
output AZURE_RESOURCE_GROUP string = resourceGroup.name
output AZURE_CONTAINER_REGISTRY_ENDPOINT string = registry.?outputs.loginServer ?? ''
output HOSTING_PLAN string = hostingPlan
output API_BASE_URL string = 'https://${functionAppHostName}/api'
output FUNCTION_APP_NAME string = functionAppName
output FUNCTION_APP_HOST_NAME string = functionAppHostName
output SCAN_FUNCTION_NAME string = scanFunctionName
output STORAGE_ACCOUNT_NAME string = storage.outputs.name
output INPUT_CONTAINER string = containerNames.input
output RESULTS_CONTAINER string = containerNames.results
output DEAD_LETTER_CONTAINER string = containerNames.deadLetters
output SCAN_DEAD_LETTER_QUEUE string = queueNames.scanDeadLetters
output TRIGGER_POISON_QUEUE string = queueNames.triggerPoison
output EVENT_GRID_SYSTEM_TOPIC string = eventGrid.outputs.name
output AZURE_IDENTITY_ID string = identity.outputs.id
output AZURE_IDENTITY_CLIENT_ID string = identity.outputs.clientId
output AZURE_IDENTITY_PRINCIPAL_ID string = identity.outputs.principalId
