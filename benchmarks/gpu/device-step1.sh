#!/usr/bin/env bash
# Device call 1 of 4: stage the first bundle piece, export the DenseNet-161 packages, time PyTorch eager.
set -x
HERE=$(dirname "$0")
mkdir -p /tmp/gpu/pieces
cp "$HERE"/piece.* /tmp/gpu/pieces/
cp "$HERE"/densenet161_gpu.py "$HERE"/zstd "$HERE"/liblz4.so.1 /tmp/gpu/
nvidia-smi > "$OUT/nvidia-smi.txt" 2>&1
command -v zstd xz
cd /tmp/gpu && PYTHONUNBUFFERED=1 python3 densenet161_gpu.py --out /tmp/gpu/work 2>&1 | tee "$OUT/pytorch-call1.log"
ls -la /tmp/gpu/pieces /tmp/gpu/work /tmp/gpu/work/fp32 /tmp/gpu/work/fp16
