// CPU only, for subscriptions without GPU quota. Deploy: az deployment sub create -l <region> -f infra/main.bicep -p infra/params/flex.bicepparam
using '../main.bicep'

param environmentName = readEnvironmentVariable('AZURE_ENV_NAME', 'ncovnet-cpu')
param location = readEnvironmentVariable('AZURE_LOCATION', 'swedencentral')
param hostingPlan = 'flex-consumption'
param alertEmail = readEnvironmentVariable('NCOVNET_ALERT_EMAIL', '')
