// Serverless T4 GPU on Container Apps. Deploy: az deployment sub create -l <region> -f infra/main.bicep -p infra/params/gpu.bicepparam
using '../main.bicep'

param environmentName = readEnvironmentVariable('AZURE_ENV_NAME', 'ncovnet')
param location = readEnvironmentVariable('AZURE_LOCATION', 'swedencentral')
param hostingPlan = 'gpu-container-apps'
param gpuProfileName = 'gpu-t4'
param gpuProfileType = 'Consumption-GPU-NC8as-T4'
param containerImage = readEnvironmentVariable('NCOVNET_IMAGE', 'mcr.microsoft.com/azure-functions/dotnet-isolated:4-dotnet-isolated10.0')
param alertEmail = readEnvironmentVariable('NCOVNET_ALERT_EMAIL', '')
