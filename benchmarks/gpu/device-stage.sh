#!/usr/bin/env bash
# Device calls 2 and 3 of 4: stage one more bundle piece in /tmp/gpu (kept while the machine stays warm).
set -x
cp "$(dirname "$0")"/piece.* /tmp/gpu/pieces/
ls -la /tmp/gpu/pieces /tmp/gpu/work
