"""``audit serve`` under load: requests per second and p50 / p99 latency of ``POST /v1/check``.

Each run starts the real command (``audit serve --port 0 --no-config
--no-access-log --workers W``) on 127.0.0.1, sends it warm-up requests,
then ``--requests`` requests, each one bench article (``bench/corpus.py``,
about 4.4 kB), from ``--clients`` threads sharing as many keep-alive
connections (httpx), and stops it. Latency is measured by the client, from
sending the request to reading the whole answer; the throughput is the
requests over the wall time of the run. The server's CPU time (the HTTP
process, and its workers) is read from ``/proc`` before and after, per
request.

The machine is shared, so runs alternate: each pair runs one worker, then
two, on the same requests; a figure is the median over the pairs, with the
lowest and highest as the spread. The client runs on the same cores as the
server, and takes its share of them.

Usage::

    python bench/serve.py                       # print the table
    python bench/serve.py --pairs 5 --write     # and put it in bench/RESULTS.md
"""

from __future__ import annotations

import argparse
import json
import os
import re
import select
import shlex
import signal
import statistics
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import corpus
import httpx
import results
from measure import machine

WORKERS = (1, 2)
PAIRS = 5
REQUESTS = 1_000
CLIENTS = (1, 32)
WARM_UP = 40
START_SECONDS = 120.0
ADDRESS_RE = re.compile(r"on (http://127\.0\.0\.1:\d+) ")
TICKS = os.sysconf("SC_CLK_TCK")


@dataclass(frozen=True)
class Run:
    """One load run: its throughput, latencies and the server's CPU per request."""

    workers: int
    clients: int
    per_second: float
    latencies_ms: list[float]
    http_cpu_ms: float
    worker_cpu_ms: float

    def percentile(self, share: float) -> float:
        ordered = sorted(self.latencies_ms)
        return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


class Server:
    """``audit serve`` in a process of its own, until ``stop``."""

    def __init__(self, workers: int) -> None:
        command = [sys.executable, "-m", "audit", "serve", "--port", "0", "--no-config"]
        command += ["--no-access-log", "--workers", str(workers)]
        self.process = subprocess.Popen(
            command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True
        )
        assert self.process.stdout is not None
        ready, _, _ = select.select([self.process.stdout], [], [], START_SECONDS)
        found = ADDRESS_RE.search(self.process.stdout.readline() if ready else "")
        if not found:
            self.stop()
            raise RuntimeError("audit serve did not start")
        self.url = found.group(1)

    def cpu_seconds(self) -> tuple[float, float]:
        """CPU time of the HTTP process and of its workers (its children) so far."""
        pid = self.process.pid
        children = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
        return _cpu(pid), sum(_cpu(int(child)) for child in children)

    def stop(self) -> None:
        self.process.send_signal(signal.SIGTERM)
        self.process.wait(timeout=60)


def _cpu(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / TICKS


def bodies(count: int) -> list[bytes]:
    texts = [article.text for article in corpus.articles(min(count, 500))]
    return [json.dumps({"text": text}).encode() for text in texts]


def load(url: str, payloads: list[bytes], requests: int, clients: int) -> tuple[float, list[float]]:
    """Send ``requests`` bodies from ``clients`` threads; wall seconds and latencies (ms)."""
    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
    headers = {"Content-Type": "application/json"}
    with httpx.Client(base_url=url, limits=limits, headers=headers, timeout=120) as http:

        def ask(number: int) -> float:
            started = time.perf_counter()
            answer = http.post("/v1/check", content=payloads[number % len(payloads)])
            answer.raise_for_status()
            answer.read()
            return (time.perf_counter() - started) * 1000

        with ThreadPoolExecutor(clients) as pool:
            list(pool.map(ask, range(WARM_UP)))
            started = time.perf_counter()
            latencies = list(pool.map(ask, range(requests)))
            return time.perf_counter() - started, latencies


def run(workers: int, clients: int, payloads: list[bytes], requests: int) -> Run:
    server = Server(workers)
    try:
        load(server.url, payloads, WARM_UP, clients)
        http_before, workers_before = server.cpu_seconds()
        seconds, latencies = load(server.url, payloads, requests, clients)
        http_after, workers_after = server.cpu_seconds()
    finally:
        server.stop()
    return Run(
        workers=workers,
        clients=clients,
        per_second=requests / seconds,
        latencies_ms=latencies,
        http_cpu_ms=(http_after - http_before) * 1000 / requests,
        worker_cpu_ms=(workers_after - workers_before) * 1000 / requests,
    )


def _cell(values: list[float]) -> str:
    return f"{statistics.median(values):.1f} ({min(values):.1f} - {max(values):.1f})"


def table(runs: list[Run]) -> list[str]:
    lines = [
        "| workers | clients | requests/s | p50 latency | p99 latency "
        "| server CPU per request: HTTP + workers | runs |",
        "|---:|---:|---|---|---|---|---:|",
    ]
    for clients in CLIENTS:
        for workers in WORKERS:
            mine = [r for r in runs if r.workers == workers and r.clients == clients]
            if not mine:
                continue
            http = statistics.median(r.http_cpu_ms for r in mine)
            work = statistics.median(r.worker_cpu_ms for r in mine)
            lines.append(
                f"| {workers} | {clients} | {_cell([r.per_second for r in mine])} "
                f"| {_cell([r.percentile(0.5) for r in mine])} ms "
                f"| {_cell([r.percentile(0.99) for r in mine])} ms "
                f"| {http:.2f} + {work:.2f} ms | {len(mine)} |"
            )
    return lines


def ceiling(runs: list[Run]) -> str:
    """What the server's CPU time per request allows on this machine's cores."""
    cost = statistics.median(r.http_cpu_ms + r.worker_cpu_ms for r in runs)
    cores = len(os.sched_getaffinity(0))
    return (
        f"the server spends {cost:.1f} ms of CPU per request, so {cores} cores serve at most "
        f"{cores * 1000 / cost:.0f} requests/s, less the client's share."
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pairs", type=int, default=PAIRS)
    parser.add_argument("--requests", type=int, default=REQUESTS)
    parser.add_argument("--write", action="store_true", help="update bench/RESULTS.md")
    options = parser.parse_args(argv)
    payloads = bodies(options.requests)
    load_before = os.getloadavg()[0]
    runs = [
        run(workers, clients, payloads, options.requests)
        for _ in range(options.pairs)
        for clients in CLIENTS
        for workers in WORKERS
    ]
    size = statistics.mean(len(body) for body in payloads) / 1000
    command = shlex.join(["python", "bench/serve.py", *(argv or sys.argv[1:])])
    lines = [
        "## audit serve: POST /v1/check under load",
        "",
        *(f"- {line}" for line in machine()),
        f"- Command: `{command}`",
        f"- Each run: a fresh `audit serve --workers W` on 127.0.0.1, {WARM_UP} warm-up "
        f"requests, then {options.requests:,} requests of one bench article each "
        f"({len(payloads)} distinct, {size:.1f} kB of JSON on average) from C client threads "
        "on keep-alive connections (httpx). Latency is the client's, request to whole answer.",
        f"- Runs alternate 1 and 2 workers; figures are medians over {options.pairs} runs "
        "each, with the lowest and highest in brackets. The client shares the machine's "
        "cores with the server.",
        f"- Load average of the machine when the runs began: {load_before:.1f} "
        f"(other work shares it); {ceiling(runs)}",
        "",
        *table(runs),
    ]
    section = "\n".join(lines) + "\n"
    print(section)
    if options.write:
        results.write_section("serve", section)
        print(f"updated {results.RESULTS}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
