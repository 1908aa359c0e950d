# syntax=docker/dockerfile:1
# nCoV-NET Functions app for a GPU host (Azure Container Apps serverless GPU).
# Build from the repository root:
#   docker build -t ncovnet-functions:1.0.0 .
#   docker build --build-arg MODEL_PACKAGE=models/my-densenet -t ncovnet-functions:1.1.0 .
# Runs on CPU too: ONNX Runtime falls back to its CPU provider when no GPU is visible.

ARG FUNCTIONS_BASE_IMAGE=mcr.microsoft.com/azure-functions/dotnet-isolated:4-dotnet-isolated10.0
ARG SDK_IMAGE=mcr.microsoft.com/dotnet/sdk:10.0

FROM ${SDK_IMAGE} AS build
WORKDIR /src
COPY Directory.Build.props Directory.Packages.props host.json ./
COPY src/ src/
RUN dotnet publish src/NCovNet.Functions/NCovNet.Functions.csproj \
      -c Release -r linux-x64 --self-contained false \
      -p:OnnxRuntimeFlavor=Gpu \
      -o /app/publish

FROM ${FUNCTIONS_BASE_IMAGE} AS runtime
SHELL ["/bin/bash", "-o", "pipefail", "-c"]

# CUDA 13 and cuDNN 9 runtime libraries for ONNX Runtime's CUDA provider: the
# libonnxruntime_providers_cuda.so of Microsoft.ML.OnnxRuntime.Gpu.Linux 1.31 links
# libcudart.so.13, libcublas.so.13, libcublasLt.so.13 and libcurand.so.10, and loads cuDNN 9 at
# run time. libcuda.so.1 (the driver) comes from the GPU host.
ARG CUDA_VERSION=13.0
ARG CUDNN_VERSION=9.19.*
RUN apt-get update \
 && apt-get install -y --no-install-recommends ca-certificates curl \
 && . /etc/os-release \
 && curl -fsSL -o /tmp/cuda-keyring.deb \
      "https://developer.download.nvidia.com/compute/cuda/repos/${ID}${VERSION_ID//./}/x86_64/cuda-keyring_1.1-1_all.deb" \
 && dpkg -i /tmp/cuda-keyring.deb \
 && rm /tmp/cuda-keyring.deb \
 && apt-get update \
 && apt-get install -y --no-install-recommends \
      "cuda-cudart-${CUDA_VERSION/./-}" \
      "libcublas-${CUDA_VERSION/./-}" \
      "libcurand-${CUDA_VERSION/./-}" \
      "libcudnn9-cuda-${CUDA_VERSION%%.*}=${CUDNN_VERSION}" \
 && apt-get purge -y curl \
 && apt-get autoremove -y \
 && rm -rf /var/lib/apt/lists/*

COPY --from=build /app/publish /home/site/wwwroot
# The model package (model.onnx + model.json) goes where Pipeline:ModelPath points by default
# (models/default under the app folder); the app verifies its hash on load.
ARG MODEL_PACKAGE=models/default
COPY ${MODEL_PACKAGE}/model.onnx ${MODEL_PACKAGE}/model.json /home/site/wwwroot/models/default/

# Unprivileged user. The app files stay root-owned and read-only to it; it may write only where
# the host keeps logs, data-protection keys and its home. Port 8080 because only root binds 80.
ARG APP_UID=10001
RUN groupadd --gid "${APP_UID}" ncovnet \
 && useradd --uid "${APP_UID}" --gid ncovnet --no-create-home --home-dir /home --shell /usr/sbin/nologin ncovnet \
 && mkdir -p /home/LogFiles /home/data /home/ASP.NET \
 && chown ncovnet:ncovnet /home /home/LogFiles /home/data /home/ASP.NET

ENV AzureWebJobsScriptRoot=/home/site/wwwroot \
    AzureFunctionsJobHost__Logging__Console__IsEnabled=true \
    ASPNETCORE_URLS=http://+:8080 \
    LD_LIBRARY_PATH=/usr/local/cuda-${CUDA_VERSION}/targets/x86_64-linux/lib \
    NVIDIA_VISIBLE_DEVICES=all \
    NVIDIA_DRIVER_CAPABILITIES=compute,utility

USER ncovnet:ncovnet
EXPOSE 8080
