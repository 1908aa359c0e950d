# Sourced by the last device call (device-step4.sh or device-sweep.sh): stages the last piece, unpacks
# .NET, the ONNX Runtime GPU natives and ncovnet into /tmp/gpu, and sets N (the ncovnet command) and
# CUDA_LIBS (the CUDA 13 and cuDNN libraries of the device's PyTorch).
HERE=$(cd "$(dirname "${BASH_SOURCE[1]}")" && pwd)
cp "$HERE"/piece.* /tmp/gpu/pieces/
cd /tmp/gpu && ls -la pieces
if command -v zstd; then Z=zstd; else Z="env LD_LIBRARY_PATH=/tmp/gpu /tmp/gpu/zstd"; fi
cat pieces/piece.* | $Z -dc | tar -xf - -C /tmp/gpu || exit 1
mkdir -p dotnet app && tar -xf dotnet.tar -C dotnet && tar -xzf "$HERE/app.tar.gz" -C app && cp ortnative/*.so app/ || exit 1
export DOTNET_ROOT=/tmp/gpu/dotnet
N="$DOTNET_ROOT/dotnet /tmp/gpu/app/ncovnet.dll"
P=$(python3 -c 'import torch,os;print(os.path.dirname(torch.__file__))'); SP=$(dirname "$P")
CUDA_LIBS=$SP/nvidia/cu13/lib:$SP/nvidia/cudnn/lib
