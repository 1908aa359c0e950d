#!/usr/bin/env bash
# Device call 1 of 2 (docs/training.md, "DenseNet-161 on a GPU host"): unpacks .NET and the CUDA build of
# ncovnet-train from the carried part into /tmp/gputrain and proves TorchSharp trains on the GPU: one unfrozen
# DenseNet-161 epoch at 448 on the 32-image smoke set. About 1 minute.
# Usage (device): bash training/gpu/device-train-call1.sh .gpu/train1
set -uo pipefail
PART=$(cd "${1:?carried part folder}" && pwd)
source "$(dirname "$0")/device-env.sh"
rm -rf "$G" && mkdir -p "$G/dotnet" "$G/app" "$G/data" || exit 1
xz -dc "$PART/dotnet.tar.xz" | tar -xf - -C "$G/dotnet" || exit 1
xz -dc "$PART/app.tar.xz" | tar -xf - -C "$G/app" || exit 1
tar -xf "$PART/smoke.tar" -C "$G/data" || exit 1
nvidia-smi > "$OUT/nvidia-smi.txt" 2>&1
ls "$G/app" | grep -E '\.so' | tee "$OUT/native-libraries.txt"
$TRAIN train --data smoke="$G/data/smoke" --output "$G/runs/smoke" --arch densenet161 --pretrained none --device cuda \
  --stage1-epochs 0 --stage1-unfrozen-epochs 1 --stage1-unfreeze-stages -1 --stage1-max-lr 1e-2 \
  --stage1-size 448 --stage1-batch 16 2>&1 | tee "$OUT/smoke.log"
