#!/usr/bin/env python3
"""Turns one run of bench/run into a Markdown report.

Usage: report.py RUN_DIR OUT.md

RUN_DIR holds meta.txt (key=value lines, in the order they are shown), scenarios.tsv (name,
label, baseline description; tab-separated, in the order measured) and one folder per scenario
with oha.json (the gateway under load), pgbench.out and pgbench.* per-transaction logs (the
raw-SQL baseline), metrics.before / metrics.after (the gateway's /metrics around the load) and
mem.txt (VmRSS before, VmRSS after, VmHWM after, in kB). Only the standard library is used.
"""

import json
import math
import re
import sys
from pathlib import Path


def percentile(sorted_values, p):
    """Nearest-rank percentile of an ascending list (p in 0..100)."""
    if not sorted_values:
        return float("nan")
    rank = max(1, math.ceil(p / 100 * len(sorted_values)))
    return sorted_values[rank - 1]


def pgbench_figures(folder):
    """Transactions per second, p50 and p99 in ms, transactions and failures of the baseline."""
    out = (folder / "pgbench.out").read_text()
    tps = re.search(r"^tps = ([0-9.]+)", out, re.M)
    failed = re.search(r"^number of failed transactions: (\d+)", out, re.M)
    latencies = []
    for log in sorted(folder.glob("pgbench.[0-9]*")):
        for line in log.read_text().splitlines():
            fields = line.split()
            # client_id transaction_no time script_no time_epoch time_us [...]; time is
            # the latency in microseconds, or "failed"/"skipped".
            if len(fields) >= 3 and fields[2].isdigit():
                latencies.append(int(fields[2]) / 1000.0)
    latencies.sort()
    return {
        "rps": float(tps.group(1)) if tps else float("nan"),
        "p50": percentile(latencies, 50),
        "p99": percentile(latencies, 99),
        "count": len(latencies),
        "failed": int(failed.group(1)) if failed else 0,
    }


def metric_counts(path):
    """loket_graphql_requests_total summed by outcome."""
    counts = {}
    if not path.exists():
        return counts
    for line in path.read_text().splitlines():
        if not line.startswith("loket_graphql_requests_total{"):
            continue
        outcome = re.search(r'outcome="([^"]*)"', line)
        value = float(line.rsplit(" ", 1)[1])
        key = outcome.group(1) if outcome else "?"
        counts[key] = counts.get(key, 0) + value
    return counts


def oha_figures(folder):
    """Requests per second, p50 and p99 in ms, requests and errors of the gateway run."""
    data = json.loads((folder / "oha.json").read_text())
    statuses = data.get("statusCodeDistribution", {})
    transport = sum(data.get("errorDistribution", {}).values())
    not_ok = sum(n for code, n in statuses.items() if not code.startswith("2"))
    before = metric_counts(folder / "metrics.before")
    after = metric_counts(folder / "metrics.after")
    graphql_errors = sum(after.get(k, 0) - before.get(k, 0) for k in after if k != "ok")
    percentiles = data.get("latencyPercentiles", {})
    return {
        "rps": data["summary"]["requestsPerSec"],
        "p50": (percentiles.get("p50") or float("nan")) * 1000,
        "p99": (percentiles.get("p99") or float("nan")) * 1000,
        "count": sum(statuses.values()),
        "errors": int(not_ok + transport + graphql_errors),
        "error_kinds": data.get("errorDistribution", {}),
    }


def mem(folder):
    values = (folder / "mem.txt").read_text().split()
    return [int(v) / 1024 for v in values]


def num(value, digits=0):
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "-"
    return f"{value:,.{digits}f}"


def main():
    run, out = Path(sys.argv[1]), Path(sys.argv[2])
    meta = []
    for line in (run / "meta.txt").read_text().splitlines():
        if "=" in line:
            key, value = line.split("=", 1)
            meta.append((key, value))
    scenarios = [line.split("\t") for line in (run / "scenarios.tsv").read_text().splitlines() if line]

    lines = []
    title = dict(meta).get("title", "Loket benchmark")
    lines.append(f"# {title}")
    lines.append("")
    for key, value in meta:
        if key != "title":
            lines.append(f"- {key}: {value}")
    lines.append("")
    lines.append(
        "| scenario | requests/s | p50 ms | p99 ms | errors | baseline req/s | baseline p50 ms "
        "| baseline p99 ms | ratio to baseline | gateway peak RSS MiB |"
    )
    lines.append("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    details = []
    problems = []
    peak = 0.0
    for name, label, _ in scenarios:
        folder = run / name
        gw, base = oha_figures(folder), pgbench_figures(folder)
        rss_before, rss_after, hwm = mem(folder)
        peak = max(peak, hwm)
        ratio = gw["rps"] / base["rps"] if base["rps"] else float("nan")
        lines.append(
            f"| {label} | {num(gw['rps'])} | {num(gw['p50'], 2)} | {num(gw['p99'], 2)} | {gw['errors']} "
            f"| {num(base['rps'])} | {num(base['p50'], 2)} | {num(base['p99'], 2)} | {num(ratio, 2)} "
            f"| {num(hwm, 1)} |"
        )
        details.append(
            f"| {label} | {num(gw['count'])} | {num(base['count'])} | {base['failed']} "
            f"| {num(rss_before, 1)} | {num(rss_after, 1)} | {num(hwm, 1)} |"
        )
        if gw["errors"] or base["failed"]:
            problems.append(
                f"- {label}: {gw['errors']} gateway errors {gw['error_kinds'] or ''}, "
                f"{base['failed']} failed baseline transactions"
            )
    lines.append("")
    lines.append(
        "Requests/s and latencies of the gateway come from `oha` (HTTP/1.1, keep-alive, every "
        "response body a probe checked for `errors` first; errors = non-2xx responses, transport "
        "errors and GraphQL responses with errors, counted by the gateway's own "
        "`loket_graphql_requests_total`). The baseline is the same scenario's SQL run by "
        "`pgbench` against the same database in the same run (transactions per second; "
        "latencies from its per-transaction log). Ratio = gateway requests/s ÷ baseline "
        "transactions/s. Peak RSS is the gateway's VmHWM after the scenario, so it is cumulative "
        f"over the run; the run's peak: {num(peak, 1)} MiB."
    )
    lines.append("")
    lines.append("## Per scenario")
    lines.append("")
    lines.append(
        "| scenario | gateway requests | baseline transactions | baseline failures "
        "| RSS before MiB | RSS after MiB | VmHWM MiB |"
    )
    lines.append("| --- | ---: | ---: | ---: | ---: | ---: | ---: |")
    lines.extend(details)
    lines.append("")
    lines.append("## What each baseline runs")
    lines.append("")
    for _, label, description in scenarios:
        lines.append(f"- **{label}**: {description}")
    if problems:
        lines.append("")
        lines.append("## Problems")
        lines.append("")
        lines.extend(problems)
    lines.append("")
    out.write_text("\n".join(lines))
    print("\n".join(lines))


if __name__ == "__main__":
    main()
