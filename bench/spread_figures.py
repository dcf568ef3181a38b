"""One line of bench/run's spread scenario: the figures of a wrk run with bench/spread.lua (its
last output line, JSON) and the gateway's CPU ticks around it, as text, then "|" and the
requests per second for the ratio.

    python3 bench/spread_figures.py WRK_OUTPUT CPU_FILE LABEL
"""

import json
import sys


def main():
    output, cpu, label = sys.argv[1], sys.argv[2], sys.argv[3]
    figures = json.loads(open(output).read().strip().splitlines()[-1])
    before, after, hz = map(int, open(cpu).read().split())
    rps = figures["requests"] / figures["seconds"]
    cpu_ms = (after - before) / hz * 1000 / max(figures["requests"], 1)
    errors = figures["errors"] + figures["socket_errors"]
    print(
        f"{label}: {rps:,.0f} req/s, p50 {figures['p50_ms']:.2f} ms, p99 {figures['p99_ms']:.2f} ms, "
        f"{errors} errors, {cpu_ms:.2f} CPU ms/request|{rps}"
    )


if __name__ == "__main__":
    main()
