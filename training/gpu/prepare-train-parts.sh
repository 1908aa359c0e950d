#!/usr/bin/env bash
# Prepares the two carried folders for training DenseNet-161 on the GPU host (docs/training.md,
# "DenseNet-161 on a GPU host"), in the checkout that the device tool sends:
#   .gpu/train1  dotnet.tar.xz (the .NET runtime), app.tar.xz (ncovnet-train published with -p:TorchFlavor=Cuda,
#                framework-dependent linux-x64: no libtorch inside), smoke.tar (32 kit images for call 1's check)
#   .gpu/train2  kit.tar (the data kit of make-data-kit.sh; JPEGs, which xz would not shrink)
# The device has xz but no zstd. Each part must stay under PART_LIMIT_MIB (40) and, with the checkout's
# tracked and untracked files, under the tool's 64 MiB.
# Usage: training/gpu/prepare-train-parts.sh REPO_ROOT_THAT_THE_DEVICE_TOOL_SENDS
set -euo pipefail
SEND_ROOT=$(cd "${1:?repository root that the device tool sends}" && pwd)
HERE=$(cd "$(dirname "$0")" && pwd)
REPO=$(cd "$HERE/../.." && pwd)
WORK=${WORK:-/tmp/ncovnet-gputrain}
PART_LIMIT_MIB=${PART_LIMIT_MIB:-40}
MIB=$((1024 * 1024))
mkdir -p "$WORK"

rm -rf "$WORK/app"
nice dotnet publish "$REPO/training/NCovNet.Training" -c Release -p:TorchFlavor=Cuda -r linux-x64 --self-contained false \
  --artifacts-path "$WORK/artifacts" -o "$WORK/app"
if find "$WORK/app" \( -name 'libtorch*.so*' -o -name 'libc10*.so*' \) | grep .; then
  echo "the CUDA build must not carry libtorch: two copies abort with 'Key already registered ... CUDAHooks'" >&2; exit 1
fi
[ -f "$WORK/app/libLibTorchSharp.so" ] || { echo "libLibTorchSharp.so is missing from $WORK/app" >&2; exit 1; }

[ -d "$WORK/kit/cxr" ] && [ -d "$WORK/kit/cxr-nih" ] || "$HERE/make-data-kit.sh" "$WORK/kit"
# Smoke set for call 1: 8 train and 4 val images per class from the kit's cxr (rows without quoted fields).
rm -rf "$WORK/smoke" && mkdir -p "$WORK/smoke/smoke/images"
awk -F, 'NR == 1 { print; next } $0 !~ /"/ && NF == 5 { key = $2 "/" $3; limit = ($3 == "train") ? 8 : 4; if (seen[key]++ < limit) print }' \
  "$WORK/kit/cxr/labels.csv" > "$WORK/smoke/smoke/labels.csv"
tail -n +2 "$WORK/smoke/smoke/labels.csv" | cut -d, -f1 | while read -r image; do cp "$WORK/kit/cxr/$image" "$WORK/smoke/smoke/images/"; done

PARTS=$SEND_ROOT/.gpu
rm -rf "$PARTS/train1" "$PARTS/train2" && mkdir -p "$PARTS/train1" "$PARTS/train2"
[ -f "$WORK/dotnet.tar.xz" ] || tar -C /usr/share/dotnet -cf - dotnet host shared/Microsoft.NETCore.App | nice xz -9e -T1 > "$WORK/dotnet.tar.xz"
cp "$WORK/dotnet.tar.xz" "$PARTS/train1/"
# DnnImageModels holds the CNTK ResNet-18 (--pretrained cntk), which a random-init DenseNet run does not read.
tar -C "$WORK/app" --exclude=DnnImageModels --exclude='*.dbg' -cf - . | nice xz -9e -T1 > "$PARTS/train1/app.tar.xz"
tar -C "$WORK/smoke" -cf "$PARTS/train1/smoke.tar" smoke
tar -C "$WORK/kit" -cf "$PARTS/train2/kit.tar" cxr cxr-nih

TREE=$(cd "$SEND_ROOT" && git ls-files -z --cached --others --exclude-standard | xargs -0 du -cb 2>/dev/null | tail -1 | cut -f1)
echo "checkout that travels: $TREE bytes ($((TREE / MIB)) MiB)"
for part in train1 train2; do
  BYTES=$(du -sb "$PARTS/$part" | cut -f1)
  echo "$part: $BYTES bytes ($((BYTES / MIB)) MiB); with the checkout $(((BYTES + TREE) / MIB)) MiB"
  ls -l "$PARTS/$part"
  [ "$BYTES" -le $((PART_LIMIT_MIB * MIB)) ] && [ $((BYTES + TREE)) -le $((64 * MIB)) ] || { echo "$part is over the limit" >&2; exit 1; }
done
