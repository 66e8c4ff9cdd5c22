#!/usr/bin/env python3
"""Helpers of ops/load/run.sh: turns the load harness's request log into per-second series and a
Markdown summary, judges the soak's metric samples, and writes the gnuplot input.

  report.py series REQUESTS_CSV OUT_DAT           per 1 s or 5 s window: t, requests/s, p50, p95, p99, failed
  report.py steps STEPS_CSV                        Markdown table of the steps; prints the last passing rate
  report.py requests REQUESTS_CSV                  Markdown table per scenario and request
  report.py sample PHASE STARTED_EPOCH < PROMETHEUS_TEXT   one row of the soak's samples.csv
  report.py soak SAMPLES_CSV                       judges heap after GC, Hikari, fds, threads; exit 1 on a leak,
                                                   2 when there are too few samples to judge
"""
import csv
import math
import sys
from collections import defaultdict


def percentile(sorted_values, p):
    if not sorted_values:
        return 0
    rank = math.ceil(p / 100 * len(sorted_values))
    return sorted_values[max(0, min(len(sorted_values) - 1, rank - 1))]


def read_requests(path):
    with open(path) as f:
        return [(int(r["start_ms"]), r["scenario"], r["request"], int(r["latency_ms"]), r["ok"] == "1")
                for r in csv.DictReader(f)]


def series(requests_csv, out):
    """Per window of 1 s (5 s when fewer than 20 requests a second arrive, so that the percentiles mean
    something): window start, requests started per second, p50, p95, p99, failed requests."""
    rows = read_requests(requests_csv)
    if not rows:
        sys.exit("no requests were logged")
    start = min(r[0] for r in rows)
    span = max(1, (max(r[0] for r in rows) - start) / 1000)
    window = 1 if len(rows) / span >= 20 else 5
    buckets = defaultdict(list)
    failed = defaultdict(int)
    for t, _, _, latency, ok in rows:
        at = (t - start) // 1000 // window * window
        buckets[at].append(latency)
        failed[at] += 0 if ok else 1
    with open(out, "w") as f:
        f.write(f"# window {window} s: t_s requests_per_s p50_ms p95_ms p99_ms failed\n")
        for at in sorted(buckets):
            values = sorted(buckets[at])
            f.write(f"{at} {len(values) / window:g} {percentile(values, 50)} {percentile(values, 95)} "
                    f"{percentile(values, 99)} {failed[at]}\n")


def steps(steps_csv):
    with open(steps_csv) as f:
        rows = list(csv.DictReader(f))
    print("| step | visits/s offered | requests | requests/s | p50 ms | p95 ms | p99 ms | max ms | failed | errors | verdict |")
    print("|---|---|---|---|---|---|---|---|---|---|---|")
    for r in rows:
        print(f"| {r['step']} | {r['sessions_per_s']} | {r['requests']} | {r['requests_per_s']} | {r['p50_ms']} | "
              f"{r['p95_ms']} | {r['p99_ms']} | {r['max_ms']} | {r['failed']} | "
              f"{float(r['error_rate']) * 100:.2f} % | {r['verdict']} |")
    # The highest sustainable step is the last one of the unbroken run of passing steps from the first.
    sustained = None
    for r in rows:
        if r["verdict"] != "pass":
            break
        sustained = r
    with open(steps_csv + ".best", "w") as f:
        f.write(f"{sustained['sessions_per_s']} {sustained['requests_per_s']}\n" if sustained else "none\n")


def requests_table(requests_csv):
    rows = read_requests(requests_csv)
    groups = defaultdict(list)
    failed = defaultdict(int)
    for _, scenario, request, latency, ok in rows:
        groups[(scenario, request)].append(latency)
        failed[(scenario, request)] += 0 if ok else 1
    total = len(rows)
    print("| part of the mix | request | count | share | p50 ms | p95 ms | p99 ms | failed |")
    print("|---|---|---|---|---|---|---|---|")
    for key in sorted(groups):
        values = sorted(groups[key])
        print(f"| {key[0]} | {key[1]} | {len(values)} | {len(values) * 100 / total:.1f} % | "
              f"{percentile(values, 50)} | {percentile(values, 95)} | {percentile(values, 99)} | {failed[key]} |")


def slope(xs, ys):
    """Theil-Sen: the median of the slopes between every pair of samples, so that one sample taken while
    a burst of requests was allocating does not make a trend."""
    slopes = sorted((ys[j] - ys[i]) / (xs[j] - xs[i])
                    for i in range(len(xs)) for j in range(i + 1, len(xs)) if xs[j] != xs[i])
    if not slopes:
        return 0.0
    middle = len(slopes) // 2
    return slopes[middle] if len(slopes) % 2 else (slopes[middle - 1] + slopes[middle]) / 2


def soak(samples_csv):
    with open(samples_csv) as f:
        rows = [r for r in csv.DictReader(f)]
    load = [r for r in rows if r["phase"] == "load"]
    idle_before = [r for r in rows if r["phase"] == "before"]
    idle_after = [r for r in rows if r["phase"] == "after"]
    if len(load) < 4 or not idle_before or not idle_after:
        print("too few samples to judge the soak (need 4 under load, one before and one after)", file=sys.stderr)
        sys.exit(2)
    # The first quarter is warm-up (caches fill, JIT, pools grow); growth is judged on the rest.
    measured = load[len(load) // 4:]
    xs = [float(r["t_s"]) for r in measured]
    heap = [float(r["heap_after_gc_bytes"]) for r in measured]
    span = xs[-1] - xs[0]
    growth = slope(xs, heap) * span  # the trend's rise over the steady part
    allowed = max(32 * 2 ** 20, 0.10 * heap[0])
    problems = []
    if growth > allowed:
        problems.append(f"heap after GC grew {growth / 2 ** 20:.1f} MiB over {span:.0f} s of steady load "
                        f"(allowed {allowed / 2 ** 20:.1f} MiB)")
    after = idle_after[-1]
    before = idle_before[-1]
    if float(after["hikari_active"]) > 0 or float(after["hikari_pending"]) > 0:
        problems.append(f"after the load, Hikari still has {after['hikari_active']} active and "
                        f"{after['hikari_pending']} pending connections (a connection leak)")
    fd_growth = float(after["open_fds"]) - float(before["open_fds"])
    if fd_growth > 100:
        problems.append(f"open file descriptors grew by {fd_growth:.0f} from before to after the load")
    print(f"heap after GC (steady part): {heap[0] / 2 ** 20:.1f} -> {heap[-1] / 2 ** 20:.1f} MiB, "
          f"trend {growth / 2 ** 20:+.1f} MiB over {span:.0f} s (allowed {allowed / 2 ** 20:.1f})")
    print(f"Hikari after the load: active {after['hikari_active']}, idle {after['hikari_idle']}, "
          f"pending {after['hikari_pending']}; max active under load "
          f"{max(float(r['hikari_active']) for r in load):.0f}, max pending {max(float(r['hikari_pending']) for r in load):.0f}")
    print(f"open fds before/after: {before['open_fds']} / {after['open_fds']}; "
          f"threads before/under load (max)/after: {before['threads']} / "
          f"{max(float(r['threads']) for r in load):.0f} / {after['threads']}")
    for problem in problems:
        print("LEAK: " + problem)
    sys.exit(1 if problems else 0)


def sample(phase, started):
    import time
    values = defaultdict(float)
    for line in sys.stdin:
        if line.startswith("#") or not line.strip():
            continue
        name, _, value = line.rstrip().rpartition(" ")
        metric = name.split("{")[0]
        if metric == "jvm_memory_used_bytes" and 'area="heap"' in name:
            values["heap"] += float(value)
        elif metric == "jvm_gc_live_data_size_bytes":
            values["live"] += float(value)
        elif metric in ("hikaricp_connections_active", "hikaricp_connections_idle", "hikaricp_connections_pending",
                        "process_files_open_files", "jvm_threads_live_threads"):
            values[metric] += float(value)
    # The old generation's size after the full GC just forced (Micrometer's live data size); the heap in
    # use when that is not reported.
    values["after_gc"] = values["live"] or values["heap"]
    print(",".join([f"{time.time() - float(started):.0f}", phase] + [f"{values[k]:.0f}" for k in (
        "after_gc", "hikaricp_connections_active", "hikaricp_connections_idle", "hikaricp_connections_pending",
        "process_files_open_files", "jvm_threads_live_threads")]))


if __name__ == "__main__":
    command = sys.argv[1]
    if command == "series":
        series(sys.argv[2], sys.argv[3])
    elif command == "steps":
        steps(sys.argv[2])
    elif command == "requests":
        requests_table(sys.argv[2])
    elif command == "sample":
        sample(sys.argv[2], sys.argv[3])
    elif command == "soak":
        soak(sys.argv[2])
    else:
        sys.exit(__doc__)
