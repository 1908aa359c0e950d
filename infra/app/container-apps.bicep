metadata description = 'Container Apps environment with a serverless GPU workload profile, and the Functions app running the nCoV-NET image on it.'

param location string
param tags object
param environmentName string
param appName string
param logAnalyticsId string

@description('Name of the serverless GPU workload profile in the environment.')
param gpuProfileName string

@description('Serverless GPU profile type; T4 suits a single CNN at this scale, A100 for large batches.')
@allowed([
  'Consumption-GPU-NC8as-T4'
  'Consumption-GPU-NC24-A100'
])
param gpuProfileType string

@description('Image to run, e.g. crxyz.azurecr.io/ncovnet-functions:1.2.0.')
param containerImage string
param containerRegistryServer string

@description('vCPUs for the container (T4 profile: up to 8; A100: up to 24).')
param cpuCores string = '8'

@description('Memory for the container (T4 profile: up to 56Gi; A100: up to 220Gi).')
param memory string = '56Gi'

@description('Most replicas (each one a GPU) the app scales out to; it scales to zero when idle.')
@minValue(1)
param maxReplicas int = 2

param identityId string

@description('Environment variables of the Functions host and the app: names and values, no secrets.')
param appSettings array

var containerPort = 8080

resource environment 'Microsoft.App/managedEnvironments@2025-07-01' = {
  name: environmentName
  location: location
  tags: tags
  properties: {
    // Logs go through Azure Monitor diagnostic settings, so no workspace key is stored here.
    appLogsConfiguration: {
      destination: 'azure-monitor'
    }
    workloadProfiles: [
      {
        name: 'Consumption'
        workloadProfileType: 'Consumption'
      }
      {
        name: gpuProfileName
        workloadProfileType: gpuProfileType
      }
    ]
  }
}

resource environmentLogs 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'to-log-analytics'
  scope: environment
  properties: {
    workspaceId: logAnalyticsId
    logs: [
      {
        categoryGroup: 'allLogs'
        enabled: true
      }
    ]
  }
}

resource app 'Microsoft.App/containerApps@2025-07-01' = {
  name: appName
  location: location
  // azd deploys the service image to the resource with this tag.
  tags: union(tags, { 'azd-service-name': 'functions' })
  kind: 'functionapp'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identityId}': {}
    }
  }
  properties: {
    managedEnvironmentId: environment.id
    workloadProfileName: gpuProfileName
    configuration: {
      activeRevisionsMode: 'Single'
      ingress: {
        external: true
        targetPort: containerPort
        transport: 'auto'
        allowInsecure: false
      }
      registries: [
        {
          server: containerRegistryServer
          identity: identityId
        }
      ]
    }
    template: {
      containers: [
        {
          name: 'functions'
          image: containerImage
          resources: {
            cpu: json(cpuCores)
            memory: memory
          }
          // Also set in the image; here too so that the first provision's bare base image listens on the ingress port.
          env: concat(appSettings, [{ name: 'ASPNETCORE_URLS', value: 'http://+:${containerPort}' }])
        }
      ]
      scale: {
        minReplicas: 0
        maxReplicas: maxReplicas
      }
    }
  }
}

output name string = app.name
output hostName string = app.properties.configuration.ingress.fqdn
output environmentName string = environment.name
