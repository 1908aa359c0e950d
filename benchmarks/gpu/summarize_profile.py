#!/usr/bin/env python3
"""Sums an ONNX Runtime profile (ncovnet bench --profile) by operator: where a slow Run spends its time.

Usage: summarize_profile.py TRACE.json [--top 15]
Kernel time per op type over all Runs after the first `--skip` (load-time warm-up), in ms and %.
"""
import argparse
import collections
import json


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("trace")
    parser.add_argument("--top", type=int, default=15)
    parser.add_argument("--skip", type=int, default=2, help="leading model_run events to ignore (warm-up)")
    args = parser.parse_args()
    with open(args.trace) as f:
        events = json.load(f)

    runs = sorted(e["ts"] for e in events if e.get("cat") == "Session" and e.get("name") == "model_run")
    start = runs[args.skip] if len(runs) > args.skip else 0
    by_op = collections.Counter()
    calls = collections.Counter()
    for e in events:
        if e.get("cat") == "Node" and e.get("name", "").endswith("_kernel_time") and e["ts"] >= start:
            op = e.get("args", {}).get("op_name", "?")
            by_op[op] += e["dur"]
            calls[op] += 1

    total = sum(by_op.values()) or 1
    print(f"{len(runs) - min(args.skip, len(runs))} Run(s) after warm-up, kernel time {total / 1000:.1f} ms")
    print(f"{'op':24} {'ms':>10} {'%':>6} {'calls':>7}")
    for op, dur in by_op.most_common(args.top):
        print(f"{op:24} {dur / 1000:10.1f} {100 * dur / total:6.1f} {calls[op]:7d}")


if __name__ == "__main__":
    main()
