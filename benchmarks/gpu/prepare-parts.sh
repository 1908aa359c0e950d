#!/usr/bin/env bash
# Prepares the four carried folders .gpu/part1..4 for the device calls (see docs/gpu-benchmark.md):
# a framework-dependent linux-x64 GPU build of ncovnet, the .NET runtime and the ONNX Runtime GPU natives,
# as one zstd stream cut into pieces that fit a call's 64 MiB beside the working tree.
# Usage: benchmarks/gpu/prepare-parts.sh REPO_ROOT_THAT_THE_DEVICE_TOOL_SENDS [BUNDLE]
set -euo pipefail
SEND_ROOT=${1:?repository root that the device tool sends}
HERE=$(cd "$(dirname "$0")" && pwd)
REPO=$(cd "$HERE/../.." && pwd)
WORK=${WORK:-/tmp/ncovnet-gpu-prepare}
BUNDLE=${2:-$WORK/bundle.tar.zst}
NATIVE=~/.nuget/packages/microsoft.ml.onnxruntime.gpu.linux/1.31.0/runtimes/linux-x64/native

mkdir -p "$WORK"
nice dotnet publish "$REPO/src/NCovNet.Cli" -c Release -p:OnnxRuntimeFlavor=Gpu -r linux-x64 --self-contained false -o "$WORK/app"

if [ ! -f "$BUNDLE" ]; then
  mkdir -p "$WORK/stage/ortnative"
  cp "$NATIVE"/libonnxruntime.so "$NATIVE"/libonnxruntime_providers_cuda.so "$NATIVE"/libonnxruntime_providers_shared.so "$WORK/stage/ortnative/"
  tar -C /usr/share/dotnet -cf "$WORK/stage/dotnet.tar" dotnet host shared/Microsoft.NETCore.App
  tar -C "$WORK/stage" -cf - ortnative dotnet.tar | nice zstd -T2 -12 > "$BUNDLE"
fi

OUT_DIR="$SEND_ROOT/.gpu"
rm -rf "$OUT_DIR"/part1 "$OUT_DIR"/part2 "$OUT_DIR"/part3 "$OUT_DIR"/part4 "$WORK/pieces"
mkdir -p "$OUT_DIR"/part1 "$OUT_DIR"/part2 "$OUT_DIR"/part3 "$OUT_DIR"/part4 "$WORK/pieces"
(cd "$WORK/pieces" && split -b 59M -a 2 "$BUNDLE" piece.)
[ "$(ls "$WORK/pieces" | wc -l)" -eq 4 ] || { echo "the bundle needs $(ls "$WORK/pieces" | wc -l) pieces, the scripts expect 4" >&2; exit 1; }
mv "$WORK/pieces/piece.aa" "$OUT_DIR/part1/"; mv "$WORK/pieces/piece.ab" "$OUT_DIR/part2/"
mv "$WORK/pieces/piece.ac" "$OUT_DIR/part3/"; mv "$WORK/pieces/piece.ad" "$OUT_DIR/part4/"
# zstd may be missing on the device: its binary (static libzstd) and liblz4 travel with part 1.
cp "$HERE/densenet161_gpu.py" "$HERE/device-step1.sh" /usr/bin/zstd /lib/x86_64-linux-gnu/liblz4.so.1 "$OUT_DIR/part1/"
cp "$HERE/device-stage.sh" "$OUT_DIR/part2/"; cp "$HERE/device-stage.sh" "$OUT_DIR/part3/"
cp "$HERE/device-step4.sh" "$HERE/device-sweep.sh" "$HERE/device-unpack.sh" "$HERE/summarize_profile.py" "$OUT_DIR/part4/"
tar -C "$WORK/app" --exclude='*.so' -czf "$OUT_DIR/part4/app.tar.gz" .
du -sb "$OUT_DIR"/part*
