# Sourced by the device calls: G (the staging folder, kept while the machine stays warm), the .NET runtime and
# the CUDA build of ncovnet-train unpacked there (TRAIN), and the libtorch + CUDA libraries of the device's
# PyTorch on LD_LIBRARY_PATH (../shared/docs/gpu.md): the build carries no libtorch of its own.
G=/tmp/gputrain
export DOTNET_ROOT=$G/dotnet
P=$(python3 -c 'import torch,os;print(os.path.dirname(torch.__file__))'); SP=$(dirname "$P")
export LD_LIBRARY_PATH=$P/lib:$SP/nvidia/cu13/lib:$SP/nvidia/cudnn/lib:$SP/nvidia/nccl/lib:$SP/nvidia/cusparselt/lib:$SP/nvidia/nvshmem/lib:${LD_LIBRARY_PATH:-}
TRAIN="$DOTNET_ROOT/dotnet $G/app/ncovnet-train.dll"
