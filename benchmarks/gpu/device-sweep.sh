#!/usr/bin/env bash
# Device call 4, variant for the next GPU session (after device-step1.sh and device-stage.sh twice):
# why the batch-64 Run is slow. Batch sizes 1-64, then single CUDA provider options at batch 64,
# then one per-node profile at batch 64 summed by operator. About 2 minutes of device time.
set -x
source "$(dirname "$0")/device-unpack.sh"
export LD_LIBRARY_PATH=$CUDA_LIBS:$LD_LIBRARY_PATH
IMG=/tmp/gpu/work/images
B="bench --model work/fp32 --images $IMG --count 64 --rounds 1 --provider cuda --json"
for batch in 1 8 16 32 64; do
  $N $B --batch $batch > "$OUT/batch-$batch.json" 2> "$OUT/batch-$batch.log"
done
for option in use_tf32=1 use_tf32=0 prefer_nhwc=1 cudnn_conv_use_max_workspace=1 arena_extend_strategy=kSameAsRequested; do
  $N $B --batch 64 --cuda-option "$option" > "$OUT/option-$option.json" 2> "$OUT/option-$option.log"
done
$N $B --batch 64 --profile "$OUT/profile-b64" > "$OUT/profile-b64.json" 2> "$OUT/profile-b64.log"
python3 "$HERE/summarize_profile.py" "$OUT"/profile-b64_*.json --top 20 | tee "$OUT/profile-b64-by-op.txt"
rm -f "$OUT"/profile-b64_*.json
