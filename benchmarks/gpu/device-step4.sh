#!/usr/bin/env bash
# Device call 4 of 4: unpack .NET + ONNX Runtime GPU + ncovnet, prove the CPU fallback, run `ncovnet bench`
# on the fp32 and fp16 packages over CUDA, and time PyTorch eager again in the same call.
set -x
source "$(dirname "$0")/device-unpack.sh"
IMG=/tmp/gpu/work/images
LD_LIBRARY_PATH=$CUDA_LIBS ldd app/libonnxruntime_providers_cuda.so | grep -E 'not found|cublas|cudart|cudnn' > "$OUT/ldd.txt"
# 1. CUDA asked for, no GPU visible: the engine must fall back to CPU and say so.
CUDA_VISIBLE_DEVICES= LD_LIBRARY_PATH=$CUDA_LIBS $N score $IMG/synthetic-000.png --model work/fp32 --provider cuda 2>&1 | tee "$OUT/fallback.log"
export LD_LIBRARY_PATH=$CUDA_LIBS:$LD_LIBRARY_PATH
# 2. the engine on CUDA, fp32 then fp16 graph; nvidia-smi shows the process holding GPU memory.
(sleep 45; nvidia-smi --query-compute-apps=pid,process_name,used_memory --format=csv) > "$OUT/smi-during-bench.txt" 2>&1 &
$N bench --model work/fp32 --images $IMG --count 64 --batch 64 --rounds 5 --provider cuda 2>&1 | tee "$OUT/bench-fp32.log"
$N bench --model work/fp16 --images $IMG --count 64 --batch 64 --rounds 5 --provider cuda 2>&1 | tee "$OUT/bench-fp16.log"
wait
# 3. PyTorch eager on the same GPU in the same call.
PYTHONUNBUFFERED=1 python3 densenet161_gpu.py --out /tmp/gpu/work --timings-only 2>&1 | tee "$OUT/pytorch-call4.log"
