#!/usr/bin/env bash
# Second deployment step: subscribe the scan function's blob trigger to upload events.
# The blobs_extension system key exists only after the app's code is running, so this runs
# after the code deploy (azd's postdeploy hook), and again whenever the key is rotated.
#
# Reads the main deployment's outputs from the environment (azd exports them), or from
# `az deployment sub show` when given a deployment name:
#   infra/scripts/subscribe-blob-events.sh [subscription-deployment-name]
set -euo pipefail

if [[ $# -eq 1 ]]; then
  eval "$(az deployment sub show --name "$1" --query properties.outputs -o json |
    jq -r 'to_entries[] | "export \(.key)=\(.value.value | @sh)"')"
fi

for name in AZURE_RESOURCE_GROUP HOSTING_PLAN FUNCTION_APP_NAME FUNCTION_APP_HOST_NAME SCAN_FUNCTION_NAME \
  EVENT_GRID_SYSTEM_TOPIC STORAGE_ACCOUNT_NAME INPUT_CONTAINER DEAD_LETTER_CONTAINER; do
  if [[ -z "${!name:-}" ]]; then
    echo "error: $name is not set (run after 'azd provision', or pass the subscription deployment name)" >&2
    exit 2
  fi
done

read_key() {
  if [[ "$HOSTING_PLAN" == "gpu-container-apps" ]]; then
    az containerapp function keys show --resource-group "$AZURE_RESOURCE_GROUP" --name "$FUNCTION_APP_NAME" \
      --key-type systemKey --key-name blobs_extension --query value -o tsv 2>/dev/null
  else
    az functionapp keys list --resource-group "$AZURE_RESOURCE_GROUP" --name "$FUNCTION_APP_NAME" \
      --query systemKeys.blobs_extension -o tsv 2>/dev/null
  fi
}

# The host creates the key when it first starts with a blob trigger; a cold GPU replica takes minutes.
key=""
for attempt in $(seq 1 30); do
  key="$(read_key || true)"
  [[ -n "$key" ]] && break
  echo "waiting for the blobs_extension key of $FUNCTION_APP_NAME (attempt $attempt/30)..."
  curl -fsS -o /dev/null "https://$FUNCTION_APP_HOST_NAME/api/health" || true
  sleep 20
done
if [[ -z "$key" ]]; then
  echo "error: $FUNCTION_APP_NAME has no blobs_extension system key; is the code with the blob trigger deployed?" >&2
  exit 1
fi

az deployment group create \
  --resource-group "$AZURE_RESOURCE_GROUP" \
  --name blob-events-subscription \
  --template-file "$(dirname "$0")/../app/blob-events-subscription.bicep" \
  --parameters \
    systemTopicName="$EVENT_GRID_SYSTEM_TOPIC" \
    storageAccountName="$STORAGE_ACCOUNT_NAME" \
    inputContainerName="$INPUT_CONTAINER" \
    deadLetterContainerName="$DEAD_LETTER_CONTAINER" \
    functionAppHostName="$FUNCTION_APP_HOST_NAME" \
    scanFunctionName="$SCAN_FUNCTION_NAME" \
    blobsExtensionKey="$key" \
  --output none
echo "Blob-created events in '$INPUT_CONTAINER' now reach $SCAN_FUNCTION_NAME."
