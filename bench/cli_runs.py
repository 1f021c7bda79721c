"""Whole-run figures of the ``audit`` command: throughput against proselint, cold start,
``--jobs``, a large lexicon, memory.

One-core figures and ratios compare CPU times, which other processes on a
shared machine disturb far less than wall time; the ``--jobs 2`` speed-up
can only be a wall-time ratio. Every timed figure is the median over
``pairs`` alternating pairs of runs (``measure.alternate``), with its
spread: proselint reads the same files through its own CLI, in runs that
alternate with ours, and each pair gives one ratio.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from pathlib import Path

import corpus
from measure import (
    COLD_RUNS,
    COLD_START,
    FULL_ARTICLES,
    JOBS_SPEEDUP,
    LEXICON_ENTRIES,
    LEXICON_RATIO,
    PEAK_RSS,
    PROSELINT_RATIO,
    THROUGHPUT,
    Figure,
    Report,
    Target,
    alternate,
    audit_check,
    corpus_bytes,
    corpus_size,
    executable,
    run_child,
    spawn,
)


def one_core(report: Report, directory: Path, name: str, pairs: int, proselint: bool) -> None:
    """articles/s of one core on ``directory`` (the corpus ``name``), and our CPU time against
    proselint's, over ``pairs`` alternating pairs (our runs alone without ``proselint``)."""
    count, megabytes = corpus_size(directory), corpus_bytes(directory) / 1e6
    ours = audit_check("--jobs", "1", str(directory))
    theirs = [executable("proselint"), "check", "--output-format", "json", str(directory)]
    runs = alternate(theirs, ours, pairs) if proselint else alternate(ours, ours, pairs)
    mine = [b for _, b in runs] if proselint else [run for pair in runs for run in pair]
    size = f"{name}, {count:,} articles"
    report.figures += [
        Figure.median(
            f"articles/s by CPU time, one core ({size})",
            [count / run.cpu_seconds for run in mine],
            "",
            THROUGHPUT if name == "bench" else None,
            "CPU time of the whole run, start-up included",
        ),
        Figure.median(
            f"articles/s by wall time, one core ({size})", [count / run.seconds for run in mine], ""
        ),
        Figure.median(f"MB/s by CPU time ({size})", [megabytes / r.cpu_seconds for r in mine], ""),
        Figure(
            f"peak RSS, --jobs 1 ({size})",
            max(run.max_rss_mib for run in mine),
            "MiB",
            PEAK_RSS,
            f"the highest of the runs; {_rss_note(count)}",
        ),
    ]
    if proselint:
        proselint_cpu = statistics.median(a.cpu_seconds for a, _ in runs)
        report.figures.append(
            Figure.median(
                f"ours / proselint, articles/s by CPU time ({size})",
                [a.cpu_seconds / b.cpu_seconds for a, b in runs],
                "x",
                PROSELINT_RATIO,
                f"one ratio per pair; CPU per article: proselint "
                f"{1000 * proselint_cpu / count:.2f} ms, ours "
                f"{1000 * statistics.median(b.cpu_seconds for b in mine) / count:.2f} ms",
            )
        )


def _rss_note(count: int) -> str:
    return "" if count >= FULL_ARTICLES else f"target is for {FULL_ARTICLES:,}: run --full"


def _full_only(target: Target, count: int) -> Target | None:
    """``target``, which the issue sets for the full corpus only."""
    return target if count >= FULL_ARTICLES else None


def streamed_rss(report: Report, count: int) -> None:
    """Peak RSS with ``count`` articles generated on the fly and piped in as JSON Lines."""
    producer = [sys.executable, str(Path(corpus.__file__)), "--jsonl", "--articles", str(count)]
    with subprocess.Popen(producer, stdout=subprocess.PIPE) as source:
        run = run_child(audit_check("--jobs", "1", "--jsonl", "/dev/stdin"), stdin=source.stdout)
    label = f"peak RSS, --jobs 1, JSONL piped in ({count:,} articles)"
    report.figures.append(Figure(label, run.max_rss_mib, "MiB", PEAK_RSS, "one run"))


def cold_start(report: Report, one_article: Path) -> None:
    """Median wall time of checking one article (with the compiled-pack cache warm, and
    without it) and of ``audit --version``; ``benchmark`` has filled the pack and bytecode
    caches first, as they are after an install."""
    check = audit_check("--jobs", "1", str(one_article))
    uncached = audit_check("--jobs", "1", "--no-cache", str(one_article))
    for label, command, note in (
        ("check 1 article", check, ""),
        (
            "check 1 article, --no-cache",
            uncached,
            "compiles every pack, as the first run after an install does "
            "(after an edit, only the edited pack compiles)",
        ),
        ("audit --version", [executable("audit"), "--version"], ""),
    ):
        runs = [run_child(command).seconds for _ in range(COLD_RUNS)]
        report.figures.append(Figure.median(f"cold start: {label}", runs, "s", COLD_START, note))


def parallel(report: Report, directory: Path, pairs: int) -> None:
    """The ``--jobs 2`` speed-up over ``--jobs 1`` (wall time), and the ceiling the machine
    gives two processes that share nothing: two ``--jobs 1`` runs side by side, a half of
    the corpus each. Each pair runs the three by turns."""
    count = corpus_size(directory)
    files = sorted(str(path) for path in directory.glob("*.txt"))
    halves = (files[: len(files) // 2], files[len(files) // 2 :])
    single = audit_check("--jobs", "1", str(directory))
    double = audit_check("--jobs", "2", str(directory))
    run_child(double)
    speed_ups, ceilings, cpu = [], [], []
    for _ in range(pairs):
        one, two = run_child(single), run_child(double)
        speed_ups.append(one.seconds / two.seconds)
        cpu.append(two.cpu_seconds / one.cpu_seconds)
        ceilings.append(one.seconds / _side_by_side(halves))
    report.figures += [
        Figure.median(
            f"--jobs 2 speed-up over --jobs 1 ({count:,} articles)",
            speed_ups,
            "x",
            _full_only(JOBS_SPEEDUP, count),
            f"wall time; CPU time with 2 over with 1: {statistics.median(cpu):.2f}x median"
            + ("" if count >= FULL_ARTICLES else f"; {_rss_note(count)}"),
        ),
        Figure.median(
            f"two --jobs 1 runs side by side, a half each ({count:,} articles): speed-up",
            ceilings,
            "x",
            None,
            "the ceiling of --jobs 2 on this machine: nothing shared, no results sent back",
        ),
    ]


def _side_by_side(halves: tuple[list[str], list[str]]) -> float:
    start = time.perf_counter()
    children = [spawn(audit_check("--jobs", "1", *half)) for half in halves]
    if any(child.wait() not in (0, 1) for child in children):
        sys.exit("error: a side-by-side run failed")
    return time.perf_counter() - start


def big_lexicon(report: Report, directory: Path, pack: Path, one_article: Path, pairs: int) -> None:
    """CPU time with the shipped packs plus a large lexicon over the shipped packs alone, by
    pairs. The lexicon is new, so its first run compiles and caches its pack, as the first
    run after an edit does: that run, on one article, is shown apart."""
    first = run_child(audit_check("--jobs", "1", "--rules", str(pack), str(one_article)))
    without = audit_check("--jobs", "1", str(directory))
    with_lexicon = audit_check("--jobs", "1", "--rules", str(pack), str(directory))
    runs = alternate(without, with_lexicon, pairs)
    report.figures += [
        Figure.median(
            f"CPU time with a {LEXICON_ENTRIES:,}-entry lexicon / without",
            [b.cpu_seconds / a.cpu_seconds for a, b in runs],
            "x",
            LEXICON_RATIO,
            f"{corpus_size(directory):,} articles; one ratio per pair",
        ),
        Figure(
            f"first run with the {LEXICON_ENTRIES:,}-entry lexicon, one article",
            first.seconds,
            "s",
            None,
            "one run: compiles and caches the lexicon's pack (the shipped packs come from the "
            "cache), once after it is written or edited",
        ),
    ]
