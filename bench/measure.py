"""What every speed measurement shares: targets, figures, timed child runs, the results table.

Whole-run figures come from the real CLI run as a subprocess (``audit
check --no-config --format jsonl --quiet``, output to /dev/null); wall
time, CPU time (user + system, workers included) and peak RSS are those of
that one child (``os.wait4``). A shared machine is noisy, so a timed
figure is never one run: ``alternate`` runs two commands by turns, pair
after pair, and a figure is the median over the pairs with the lowest and
highest value as its spread (``Spread``).
"""

from __future__ import annotations

import os
import platform
import shlex
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import IO, TypeVar

import corpus
import results

RESULTS = results.RESULTS


CHECK = ("check", "--no-config", "--format", "jsonl", "--quiet")


FULL_ARTICLES = 10_000


LEXICON_ENTRIES = 20_000


COLD_RUNS = 5


PAIRS = 5


SAMPLE = 200


T = TypeVar("T")


@dataclass(frozen=True)
class Target:
    """A bound from the issue: ``at_least`` (>=) or not (<=)."""

    bound: float
    at_least: bool

    def met(self, value: float) -> bool:
        return value >= self.bound if self.at_least else value <= self.bound

    def __str__(self) -> str:
        return f"{'>=' if self.at_least else '<='} {self.bound:g}"


THROUGHPUT = Target(200, at_least=True)


PROSELINT_RATIO = Target(5, at_least=True)


LEXICON_RATIO = Target(1.2, at_least=False)


COLD_START = Target(0.5, at_least=False)


PEAK_RSS = Target(150, at_least=False)


JOBS_SPEEDUP = Target(1.8, at_least=True)


@dataclass(frozen=True)
class Spread:
    """A median over runs, with the lowest and highest value and the number of runs."""

    median: float
    low: float
    high: float
    runs: int

    @classmethod
    def of(cls, values: Sequence[float]) -> Spread:
        return cls(statistics.median(values), min(values), max(values), len(values))


@dataclass(frozen=True)
class Figure:
    """One line of the results table; ``spread`` when the value is a median over runs."""

    label: str
    value: float
    unit: str
    target: Target | None = None
    note: str = ""
    spread: Spread | None = None

    @classmethod
    def median(
        cls,
        label: str,
        values: Sequence[float],
        unit: str,
        target: Target | None = None,
        note: str = "",
    ) -> Figure:
        spread = Spread.of(values)
        return cls(label, spread.median, unit, target, note, spread)

    def cells(self) -> list[str]:
        mark = "" if self.target is None else "pass" if self.target.met(self.value) else "**FAIL**"
        value = f"{_number(self.value)} {self.unit}".strip()
        if self.spread is not None:
            low, high = _number(self.spread.low), _number(self.spread.high)
            value += f" ({low} - {high}, {self.spread.runs} runs)"
        return [self.label, value, str(self.target or ""), mark, self.note]


def _number(value: float) -> str:
    digits = 0 if value >= 100 else 2 if value < 10 else 1
    return f"{value:,.{digits}f}"


@dataclass(frozen=True)
class ChildRun:
    """Wall time, CPU time (with its workers), peak resident memory and exit code of a child."""

    seconds: float
    cpu_seconds: float
    max_rss_mib: float
    code: int


@dataclass(frozen=True)
class Stage:
    """One in-process stage over one corpus: milliseconds per article, over several passes."""

    corpus: str
    name: str
    articles: int
    per_article_ms: Spread


@dataclass
class Report:
    """Everything one benchmark run prints: figures, stage times, notes, profiles."""

    context: list[str] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
    stages: list[Stage] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    profile: list[str] = field(default_factory=list)


def executable(name: str) -> str:
    """A console script of this interpreter's environment, else the one on PATH."""
    beside = Path(sys.executable).with_name(name)
    found = str(beside) if beside.exists() else shutil.which(name)
    if found is None:
        sys.exit(f"error: '{name}' is not installed in this environment")
    return found


def child_environment() -> dict[str, str]:
    """This environment, but with Python writing and reading bytecode as an installed tool
    does (``pip install`` compiles it; an editable install writes it on the first run)."""
    return {name: value for name, value in os.environ.items() if name != "PYTHONDONTWRITEBYTECODE"}


def spawn(command: Sequence[str], stdin: IO[bytes] | None = None) -> subprocess.Popen[bytes]:
    """Start ``command`` from the project root, with output to /dev/null."""
    return subprocess.Popen(
        command, stdin=stdin, stdout=subprocess.DEVNULL, cwd=corpus.ROOT, env=child_environment()
    )


def alternate(
    first: Sequence[str], second: Sequence[str], pairs: int
) -> list[tuple[ChildRun, ChildRun]]:
    """``pairs`` runs of each command by turns, after one unmeasured run of each (which
    fills the compiled-pack and bytecode caches as an installed tool has them)."""
    run_child(first)
    run_child(second)
    return [(run_child(first), run_child(second)) for _ in range(pairs)]


def run_child(command: Sequence[str], stdin: IO[bytes] | None = None) -> ChildRun:
    """Run ``command`` with output to /dev/null; exit codes 0 and 1 (findings) are fine."""
    start = time.perf_counter()
    child = spawn(command, stdin)
    _, status, usage = os.wait4(child.pid, 0)
    seconds = time.perf_counter() - start
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode not in (0, 1):
        sys.exit(f"error: {shlex.join(command)} exited with {child.returncode}")
    cpu = usage.ru_utime + usage.ru_stime
    return ChildRun(seconds, cpu, usage.ru_maxrss / 1024, child.returncode)


def audit_check(*arguments: str) -> list[str]:
    return [executable("audit"), *CHECK, *arguments]


def timed(action: Callable[[], T]) -> tuple[T, float]:
    start = time.perf_counter()
    value = action()
    return value, time.perf_counter() - start


def corpus_bytes(directory: Path) -> int:
    return sum(path.stat().st_size for path in directory.glob("*.txt"))


def corpus_size(directory: Path) -> int:
    return sum(1 for _ in directory.glob("*.txt"))


def machine() -> list[str]:
    cpu = _proc_value("/proc/cpuinfo", "model name") or platform.processor() or "unknown CPU"
    memory_kb = _proc_value("/proc/meminfo", "MemTotal")
    memory = f"{int(memory_kb.split()[0]) / 1024**2:.1f} GiB RAM" if memory_kb else "RAM unknown"
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()
    return [
        f"Machine: {cpu}, {cores} cores, {memory}; {platform.platform()}",
        f"Python {platform.python_version()}; "
        f"{datetime.now(timezone.utc).strftime('%Y-%m-%d %H:%M UTC')}",
    ]


def _proc_value(path: str, key: str) -> str | None:
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except OSError:
        return None
    found = (line.split(":", 1)[1].strip() for line in lines if line.startswith(key))
    return next(found, None)


def render(report: Report) -> str:
    lines = ["## Performance", "", *(f"- {line}" for line in report.context), ""]
    lines += _table(
        ["Measure", "Result: median (lowest - highest)", "Target", "", "Note"],
        [f.cells() for f in report.figures],
    )
    lines += ["", "### Time per stage, in-process", ""]
    lines += _stage_table(report.stages)
    lines += ["", *(f"- {note}" for note in report.notes)]
    if report.profile:
        lines += ["", "### Profile", "", *report.profile]
    return "\n".join(lines) + "\n"


def _stage_table(stages: list[Stage]) -> list[str]:
    corpora = list(dict.fromkeys(stage.corpus for stage in stages))
    header = ["Stage", *(f"{name}: ms/article (lowest - highest)" for name in corpora)]
    rows: dict[str, list[str]] = {}
    totals = dict.fromkeys(corpora, 0.0)
    for stage in stages:
        cells = rows.setdefault(stage.name, [stage.name, *([""] * len(corpora))])
        spread = stage.per_article_ms
        column = corpora.index(stage.corpus)
        cells[1 + column] = f"{spread.median:.3f} ({spread.low:.3f} - {spread.high:.3f})"
        if not stage.name.startswith(("whole", "  ")):
            totals[stage.corpus] += spread.median
    total = ["sum of the stages", *(f"{totals[name]:.3f}" for name in corpora)]
    return _table(header, [*rows.values(), total])


def _table(header: list[str], rows: list[list[str]]) -> list[str]:
    return [
        "| " + " | ".join(header) + " |",
        "|" + "---|" * len(header),
        *("| " + " | ".join(row) + " |" for row in rows),
    ]
