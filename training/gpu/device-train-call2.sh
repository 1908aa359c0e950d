#!/usr/bin/env bash
# Device call 2 of 2 (docs/training.md, "DenseNet-161 on a GPU host"), right after call 1 while /tmp/gputrain is
# still there: unpacks the data kit, trains DenseNet-161 from random init on CUDA (stage 1 at 224, stage 2 at
# 448, both unfrozen under SGDR; stopped by SIGINT after TRAIN_SECONDS, default 300, keeping best/), exports
# the package (float16 weights, scored with ONNX Runtime on val) and evaluates best/ per source on the GPU.
# Returns train.log, metrics.csv, metrics.png, model.json, evaluate-val.json, report.log. About 7 minutes.
# Usage (device): bash training/gpu/device-train-call2.sh .gpu/train2
set -uo pipefail
PART=$(cd "${1:?carried part folder}" && pwd)
source "$(dirname "$0")/device-env.sh"
[ -x "$DOTNET_ROOT/dotnet" ] || { echo "$G is gone (the machine went back after call 1): run call 1 again first" >&2; exit 1; }
tar -xf "$PART/kit.tar" -C "$G/data" || exit 1
RUN=$G/runs/densenet161
PACKAGE=$G/models/densenet161
timeout -k 30 -s INT "${TRAIN_SECONDS:-300}" $TRAIN train --data cxr="$G/data/cxr" cxr-nih="$G/data/cxr-nih" --output "$RUN" \
  --arch densenet161 --pretrained none --device cuda --seed 42 \
  --stage1-size 224 --stage1-batch 16 --stage1-lr 1e-2 --stage1-epochs 1 \
  --stage1-unfrozen-epochs 15 --stage1-unfreeze-stages -1 --stage1-max-lr 1e-2 \
  --stage2 --stage2-size 448 --stage2-batch 16 --stage2-frozen-epochs 0 \
  --stage2-unfrozen-epochs 15 --stage2-unfreeze-stages -1 --stage2-max-lr 1e-3 \
  --sgdr-period 1 --sgdr-mult 2 2>&1 | tee "$OUT/train.log"
cp "$RUN/metrics.csv" "$RUN/metrics.png" "$OUT/"
{
  $TRAIN export --checkpoint "$RUN/best" --output "$PACKAGE" --name ncovnet-densenet161 --version 0.1.0 --splits val
  $TRAIN evaluate --model "$RUN/best" --device cuda --splits val --json "$OUT/evaluate-val.json"
  ls -la "$PACKAGE"
} 2>&1 | tee "$OUT/report.log"
cp "$PACKAGE/model.json" "$OUT/"
