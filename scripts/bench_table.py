#!/usr/bin/env python3
"""Prints the last `cargo bench` results (target/criterion) as a Markdown table:
median time per iteration, and throughput where the bench declares bytes.

Usage: python3 scripts/bench_table.py [TARGET_DIR]
"""
import json
import pathlib
import sys

root = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else "target") / "criterion"


def human(ns):
    for unit, scale in (("s", 1e9), ("ms", 1e6), ("µs", 1e3)):
        if ns >= scale:
            return f"{ns / scale:.3g} {unit}"
    return f"{ns:.3g} ns"


print("| bench | median | 95% CI of the median | throughput (MB/s) |")
print("|---|---:|---:|---:|")
for bench in sorted(root.glob("*/**/new/benchmark.json")):
    meta = json.loads(bench.read_text())
    estimates = json.loads((bench.parent / "estimates.json").read_text())
    median = estimates["median"]
    ns = median["point_estimate"]
    ci = median["confidence_interval"]
    throughput = meta.get("throughput") or {}
    rate = ""
    if "Bytes" in throughput:
        rate = f"{throughput['Bytes'] / ns * 1e3:.1f}"
    print(
        f"| {meta['full_id']} | {human(ns)} | {human(ci['lower_bound'])} – "
        f"{human(ci['upper_bound'])} | {rate} |"
    )
