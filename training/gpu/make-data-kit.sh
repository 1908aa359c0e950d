#!/usr/bin/env bash
# Builds the compact training-data kit for a GPU host reached through a 64 MiB transfer: every image of
# ../shared/data/cxr and ../shared/data/cxr-nih decoded by the core decoder, shrunk so its long side is at most
# 520 px (aspect kept, never enlarged) and stored as 8-bit gray JPEG at quality 95, under KIT_DIR/cxr and
# KIT_DIR/cxr-nih, each with a labels.csv (same label, split and patient group) that `ncovnet-train train
# --data cxr=KIT_DIR/cxr cxr-nih=KIT_DIR/cxr-nih` reads like the originals.
#
# Why 520 px: stage 2 trains at 448 and augments at a working size of 448 x 1.15 = 515 px, so the kit still
# holds every pixel that working size can use along the long side.
# Why JPEG 95 (34.9 MB) and not lossless PNG (71.8 MB, two device calls more): the sources are 8-bit and the
# decoder reads them as 8-bit gray anyway; the debiasing dataloader re-encodes every training image as JPEG at
# quality 30-70 each epoch, an error many times that of quality 95 (under one gray level on average, see
# DownscaledCopyWriterTests); and every image, COVID or not, NIH or not, gets the same pass, so it adds no
# class- or source-specific artefact. Validation images are not augmented: they see the quality-95 pass, under
# one gray level, below the 256 steps of the JET colormap the model reads.
# Usage: training/gpu/make-data-kit.sh KIT_DIR [SHARED_DATA_DIR]
set -euo pipefail
KIT=${1:?folder for the kit}
DATA=${2:-$(cd "$(dirname "$0")/../../.." && pwd)/shared/data}
REPO=$(cd "$(dirname "$0")/../.." && pwd)
nice dotnet build "$REPO/training/NCovNet.Training" -c Release
rm -rf "$KIT"
nice dotnet "$REPO/training/NCovNet.Training/bin/Release/net10.0/ncovnet-train.dll" downscale \
  --data cxr="$DATA/cxr" cxr-nih="$DATA/cxr-nih" --output "$KIT" --max-side 520 --format Jpeg --quality 95 --workers 2
du -sb "$KIT"
