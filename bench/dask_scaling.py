"""The Dask engine on a LocalCluster of 1 and of 2 worker processes: articles/s and the scaling.

The corpus is ``bench/corpus.py``'s articles as JSON Lines files (``FILES``
partitions). Each pair of runs audits all of them with ``audit_files`` on a
fresh cluster of 1 worker, then on one of 2 (one thread each; the order
swaps from pair to pair), timing the run from submission to the last file
written, the workers' Auditor builds included and the cluster's start-up
excluded (given apart). The scaling is the 1-worker time over the 2-worker
time, per pair: its median and range over the pairs, never a single best
run. ``--cli`` adds the same pairs for ``audit check --scheduler local:N
--jsonl FILE``, where the command reads the articles, unpickles the results
and writes the report on the same 2 cores as its workers (so no target
applies to it there: on a real cluster the workers have cores of their own).

Usage::

    python bench/dask_scaling.py                      # 10,000 articles, 5 pairs
    python bench/dask_scaling.py --articles 2000 --pairs 3 --cli
    python bench/dask_scaling.py --write              # also update bench/RESULTS.md
"""

from __future__ import annotations

import argparse
import json
import os
import shlex
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import corpus
import results
from measure import Target, executable, machine, run_child

from audit.distributed import audit_files
from audit.distributed.stream import local_cluster

ARTICLES = 10_000
FILES = 40
PAIRS = 5
SCALING = Target(1.7, at_least=True)
SECTION = "dask"


@dataclass(frozen=True)
class Run:
    """One timed run: its workers, wall seconds, the cluster's start-up (0 for the CLI), and the
    CPU seconds of the workers and of this process (client and scheduler) during the run."""

    workers: int
    seconds: float
    startup: float = 0.0
    worker_cpu: float = 0.0
    host_cpu: float = 0.0


def _cpu_seconds() -> float:
    import psutil

    times = psutil.Process().cpu_times()
    return times.user + times.system


def write_corpus(count: int, files: int, folder: Path) -> list[Path]:
    """``count`` articles in ``files`` JSON Lines files, the same bytes on every call."""
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    paths = [folder / f"part-{number:03d}.jsonl" for number in range(files)]
    streams = [path.open("w", encoding="utf-8") for path in paths]
    for number, article in enumerate(corpus.articles(count)):
        record = {"id": article.id, "text": article.text}
        streams[number * files // count].write(json.dumps(record, ensure_ascii=False) + "\n")
    for stream in streams:
        stream.close()
    return paths


def api_run(workers: int, pattern: str, output: Path) -> Run:
    """``audit_files`` over the corpus on a new LocalCluster of ``workers`` processes."""
    from distributed import Client

    start = time.perf_counter()
    with local_cluster(workers) as cluster, Client(cluster) as client:
        startup = time.perf_counter() - start
        before, host = client.run(_cpu_seconds), time.process_time()
        begin = time.perf_counter()
        audit_files(pattern, str(output))
        seconds = time.perf_counter() - begin
        host = time.process_time() - host
        after = client.run(_cpu_seconds)
    shutil.rmtree(output)
    worker_cpu = sum(after[address] - before[address] for address in after)
    return Run(workers, seconds, startup, worker_cpu, host)


def cli_run(workers: int, jsonl: Path) -> Run:
    """``audit check --scheduler local:N --jsonl FILE`` as a child process, output discarded."""
    command = [executable("audit"), "check", "--no-config", "--quiet", "--format", "jsonl"]
    child = run_child([*command, "--scheduler", f"local:{workers}", "--jsonl", str(jsonl)])
    return Run(workers, child.seconds, host_cpu=child.cpu_seconds)


def pairs(run: Callable[[int], Run], count: int) -> list[tuple[Run, Run]]:
    """``count`` pairs of (1 worker, 2 workers), the order swapped every other pair."""
    measured = []
    for number in range(count):
        order = (1, 2) if number % 2 == 0 else (2, 1)
        done = {workers: run(workers) for workers in order}
        measured.append((done[1], done[2]))
        one, two = done[1].seconds, done[2].seconds
        print(f"pair {number + 1}: 1 worker {one:.1f} s, 2 workers {two:.1f} s", flush=True)
    return measured


def rows(
    label: str, measured: list[tuple[Run, Run]], articles: int, target: Target | None
) -> list[str]:
    ratios = [one.seconds / two.seconds for one, two in measured]
    median = statistics.median(ratios)
    lines = []
    for workers in (1, 2):
        runs = [pair[workers - 1] for pair in measured]
        seconds = statistics.median(run.seconds for run in runs)
        rates = [articles / run.seconds for run in runs]
        startup, worker_cpu, host_cpu = (
            statistics.median(getattr(run, name) for run in runs)
            for name in ("startup", "worker_cpu", "host_cpu")
        )
        lines.append(
            f"| {label}, {workers} worker{'s' if workers > 1 else ''} | {seconds:.1f} s | "
            f"{articles / seconds:.0f} | {min(rates):.0f} - {max(rates):.0f} | "
            f"{_seconds(worker_cpu)} | {_seconds(host_cpu)} | {_seconds(startup)} |"
        )
    if target is None:
        verdict = "no target: this process shares the 2 cores with the workers"
    else:
        verdict = f"target {target} x: {'pass' if target.met(median) else '**FAIL**'}"
    lines.append(
        f"| {label}: 2 workers / 1 worker | | **{median:.2f} x** | "
        f"{min(ratios):.2f} - {max(ratios):.2f} | | | {verdict} |"
    )
    return lines


def _seconds(value: float) -> str:
    return f"{value:.1f} s" if value else "-"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=ARTICLES)
    parser.add_argument("--files", type=int, default=FILES, help="input files (partitions)")
    parser.add_argument("--pairs", type=int, default=PAIRS)
    parser.add_argument("--cli", action="store_true", help="add audit check --scheduler pairs")
    parser.add_argument("--write", action="store_true", help="update bench/RESULTS.md")
    options = parser.parse_args(argv)
    folder = corpus.CORPUS / f"dask-{options.articles}"
    paths = write_corpus(options.articles, options.files, folder)
    load_at_start = os.getloadavg()[0]
    scratch = Path(tempfile.mkdtemp(prefix="audit-dask-bench-"))
    pattern = str(folder / "part-*.jsonl")
    table = rows(
        "audit_files",
        pairs(lambda workers: api_run(workers, pattern, scratch / "out"), options.pairs),
        options.articles,
        SCALING,
    )
    if options.cli:
        whole = scratch / "all.jsonl"
        whole.write_bytes(b"".join(path.read_bytes() for path in paths))
        measured = pairs(lambda workers: cli_run(workers, whole), options.pairs)
        table += rows("audit check --scheduler", measured, options.articles, None)
    shutil.rmtree(scratch)
    command = shlex.join(["python", "bench/dask_scaling.py", *(argv or sys.argv[1:])])
    lines = [
        "## Dask: a LocalCluster of 1 and 2 workers",
        "",
        *(f"- {line}" for line in machine()),
        f"- Command: `{command}`",
        f"- Corpus: {options.articles:,} articles of `bench/corpus.py` in {options.files} JSON "
        "Lines files (one partition each); workers of one thread, one process each.",
        f"- {options.pairs} pairs, each a run on 1 worker and one on 2 (the order swapped every "
        "other pair); the time runs from submission to the last results file, the workers' "
        "Auditor builds included, the cluster's start-up not (shown apart). Median over the "
        "pairs, with the range. CPU: the workers' user + system seconds during the run, and "
        "this process's (client and scheduler; for the CLI, the whole `audit` command's, its "
        "cluster included).",
        f"- Load average (1 min) {load_at_start:.2f} at the start, {os.getloadavg()[0]:.2f} at "
        "the end: other processes on the 2 cores slow the 2-worker runs most.",
        "",
        "| run | time, median | articles/s, median | range | workers' CPU | this process's CPU "
        "| start-up |",
        "|---|---|---|---|---|---|---|",
        *table,
    ]
    section = "\n".join(lines) + "\n"
    print(section)
    if options.write:
        results.write_section(SECTION, section)
        print(f"updated {results.RESULTS}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
