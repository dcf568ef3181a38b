#!/usr/bin/env python3
"""Turns one run of bench/run into a Markdown report.

Usage: report.py RUN_DIR OUT.md

RUN_DIR holds meta.txt (key=value lines, in the order they are shown), scenarios.tsv (name,
label, baseline description and, where a peer ran, what the peer was asked; tab-separated, in
the order measured) and one folder per scenario with oha.json (the gateway under load),
oha.cpu (the gateway's CPU clock ticks before and after the load, and ticks per second),
pgbench.out and pgbench.* per-transaction logs (the raw-SQL baseline), metrics.before /
metrics.after (the gateway's /metrics around the load), mem.txt (VmRSS before, VmRSS after,
VmHWM after, in kB), where a peer ran, peer.json and peer.cpu (the same for the peer), and
where a second build ran (--compare-bin), the gateway's files again with the prefix compare_.
Only the standard library is used.
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


def oha_figures(folder, name="oha", prefix=""):
    """Requests per second, p50 and p99 in ms, requests, errors and CPU milliseconds per
    request of a run of oha (the gateway's, the peer's with name "peer", or the second
    build's with prefix "compare_")."""
    name = prefix + name
    data = json.loads((folder / f"{name}.json").read_text())
    statuses = data.get("statusCodeDistribution", {})
    transport = sum(data.get("errorDistribution", {}).values())
    not_ok = sum(n for code, n in statuses.items() if not code.startswith("2"))
    before = metric_counts(folder / f"{prefix}metrics.before")
    after = metric_counts(folder / f"{prefix}metrics.after")
    graphql_errors = sum(after.get(k, 0) - before.get(k, 0) for k in after if k != "ok")
    percentiles = data.get("latencyPercentiles", {})
    count = sum(statuses.values())
    return {
        "rps": data["summary"]["requestsPerSec"],
        "p50": (percentiles.get("p50") or float("nan")) * 1000,
        "p99": (percentiles.get("p99") or float("nan")) * 1000,
        "count": count,
        "errors": int(not_ok + transport + graphql_errors),
        "error_kinds": data.get("errorDistribution", {}),
        "cpu_ms": cpu_per_request(folder / f"{name}.cpu", count),
    }


def cpu_per_request(path, requests):
    """CPU milliseconds (user and system) the process spent per request served."""
    if not path.exists() or not requests:
        return float("nan")
    before, after, hz = (float(v) for v in path.read_text().split())
    return (after - before) / hz * 1000 / requests


def mem(folder, prefix=""):
    values = (folder / f"{prefix}mem.txt").read_text().split()
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
    scenarios = []
    for line in (run / "scenarios.tsv").read_text().splitlines():
        if line:
            fields = line.split("\t") + [""]
            scenarios.append(fields[:4])

    lines = []
    title = dict(meta).get("title", "Loket benchmark")
    lines.append(f"# {title}")
    lines.append("")
    for key, value in meta:
        if key != "title":
            lines.append(f"- {key}: {value}")
    lines.append("")
    lines.append(
        "| scenario | requests/s | p50 ms | p99 ms | errors | CPU ms/request | baseline req/s "
        "| baseline p50 ms | baseline p99 ms | ratio to baseline | peer req/s | ratio to peer "
        "| gateway peak RSS MiB |"
    )
    lines.append("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    details = []
    peer_details = []
    compare_details = []
    problems = []
    peak = 0.0
    for name, label, _, _ in scenarios:
        folder = run / name
        gw, base = oha_figures(folder), pgbench_figures(folder)
        peer = oha_figures(folder, "peer") if (folder / "peer.json").exists() else None
        rss_before, rss_after, hwm = mem(folder)
        peak = max(peak, hwm)
        ratio = gw["rps"] / base["rps"] if base["rps"] else float("nan")
        peer_rps, peer_ratio = "", ""
        if peer:
            peer_rps = num(peer["rps"])
            peer_ratio = num(gw["rps"] / peer["rps"] if peer["rps"] else float("nan"), 2)
            peer_details.append(
                f"| {label} | {num(peer['count'])} | {num(peer['p50'], 2)} | {num(peer['p99'], 2)} "
                f"| {peer['errors']} | {num(peer['cpu_ms'], 2)} |"
            )
            if peer["errors"]:
                problems.append(f"- {label}: {peer['errors']} peer errors {peer['error_kinds'] or ''}")
        lines.append(
            f"| {label} | {num(gw['rps'])} | {num(gw['p50'], 2)} | {num(gw['p99'], 2)} | {gw['errors']} "
            f"| {num(gw['cpu_ms'], 2)} | {num(base['rps'])} | {num(base['p50'], 2)} | {num(base['p99'], 2)} "
            f"| {num(ratio, 2)} | {peer_rps} | {peer_ratio} | {num(hwm, 1)} |"
        )
        details.append(
            f"| {label} | {num(gw['count'])} | {num(base['count'])} | {base['failed']} "
            f"| {num(rss_before, 1)} | {num(rss_after, 1)} | {num(hwm, 1)} |"
        )
        if (folder / "compare_oha.json").exists():
            other = oha_figures(folder, prefix="compare_")
            hwm2 = mem(folder, "compare_")[2]
            compare_details.append(
                f"| {label} | {num(gw['rps'])} | {num(other['rps'])} "
                f"| {num(other['rps'] / gw['rps'] if gw['rps'] else float('nan'), 2)} "
                f"| {num(gw['p99'], 2)} | {num(other['p99'], 2)} | {num(gw['cpu_ms'], 3)} "
                f"| {num(other['cpu_ms'], 3)} | {num(hwm, 1)} | {num(hwm2, 1)} |"
            )
            if other["errors"]:
                problems.append(f"- {label}: {other['errors']} errors of the second build {other['error_kinds'] or ''}")
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
        "`loket_graphql_requests_total`). CPU ms/request is the gateway process's user and "
        "system time (utime + stime of `/proc/<pid>/stat`) over the measurement divided by the "
        "requests it served. The baseline is the least SQL for the same result (one transaction, "
        "as few statements as possible, the same processing-log entries) run by `pgbench` "
        "against the same database in the same run (transactions per second; latencies from its "
        "per-transaction log). Ratio to baseline = gateway requests/s ÷ baseline "
        "transactions/s. The peer, where one ran, is another GraphQL server on the same database "
        "under the same row-level security, asked for the same page with `oha` at the same "
        "concurrency; ratio to peer = gateway requests/s ÷ peer requests/s. Peak RSS is the "
        "gateway's VmHWM after the scenario, so it is cumulative over the run; the run's peak: "
        f"{num(peak, 1)} MiB."
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
    if peer_details:
        lines.append("")
        lines.append("## The peer")
        lines.append("")
        lines.append(
            "| scenario | peer requests | peer p50 ms | peer p99 ms | peer errors | peer CPU ms/request |"
        )
        lines.append("| --- | ---: | ---: | ---: | ---: | ---: |")
        lines.extend(peer_details)
        lines.append("")
        lines.append(
            "Peer errors are non-2xx responses and transport errors; a probe checked its answer "
            "for `errors` and its count and page against the gateway's before the load."
        )
    if compare_details:
        lines.append("")
        lines.append("## The second build")
        lines.append("")
        lines.append(
            "| scenario | gateway req/s | second req/s | ratio second ÷ gateway | gateway p99 ms "
            "| second p99 ms | gateway CPU ms/request | second CPU ms/request | gateway VmHWM MiB "
            "| second VmHWM MiB |"
        )
        lines.append("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
        lines.extend(compare_details)
        lines.append("")
        lines.append(
            "The second build ran beside the gateway on the same database with the same tokens "
            "and requests, and was measured right after it in each scenario, after its own "
            "warm-up; VmHWM is cumulative over the run for each."
        )
    lines.append("")
    lines.append("## What each baseline runs")
    lines.append("")
    for _, label, description, _ in scenarios:
        lines.append(f"- **{label}**: {description}")
    asked = [(label, peer) for _, label, _, peer in scenarios if peer]
    if asked:
        lines.append("")
        lines.append("## What the peer is asked")
        lines.append("")
        for label, peer in asked:
            lines.append(f"- **{label}**: {peer}")
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
