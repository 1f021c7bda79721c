"""Whole-run figures of the ``audit`` command: throughput, memory, cold start, ``--jobs``,
a large lexicon, and proselint on the same files.

One-core ratios compare CPU times, which other processes on a shared
machine disturb far less than wall time; the ``--jobs 2`` speed-up can only
be a wall-time ratio. proselint reads the same files through its own CLI,
in runs that alternate with ours.
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
    PAIRED_RUNS,
    PEAK_RSS,
    PROSELINT_RATIO,
    THROUGHPUT,
    ChildRun,
    Figure,
    Report,
    Target,
    audit_check,
    corpus_bytes,
    executable,
    run_child,
    spawn,
)


def throughput(report: Report, directory: Path, count: int) -> ChildRun:
    """articles/s and MB/s of one core on ``count`` articles, and the run's peak RSS."""
    run = run_child(audit_check("--jobs", "1", str(directory)))
    megabytes = corpus_bytes(directory) / 1e6
    size = f"{count:,} articles"
    report.figures += [
        Figure(f"articles/s, one core ({size})", count / run.seconds, "", THROUGHPUT),
        Figure(f"articles/s by CPU time ({size})", count / run.cpu_seconds, "", THROUGHPUT),
        Figure(f"MB/s, one core ({size})", megabytes / run.seconds, "MB/s"),
        Figure(f"wall time, one core ({size})", run.seconds, "s", note=_cpu_note(run)),
        Figure(f"peak RSS, --jobs 1 ({size})", run.max_rss_mib, "MiB", PEAK_RSS, _rss_note(count)),
    ]
    return run


def _cpu_note(run: ChildRun) -> str:
    return f"CPU time {run.cpu_seconds:.1f} s"


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
    report.figures += [
        Figure(label, run.max_rss_mib, "MiB", PEAK_RSS, _rss_note(count)),
        Figure(f"articles/s, JSONL piped in ({count:,} articles)", count / run.seconds, ""),
    ]


def cold_start(report: Report, one_article: Path) -> float:
    """Median wall time of checking one article (with the compiled-pack cache warm, and
    without it) and of ``audit --version``; ``benchmark`` has filled the pack and bytecode
    caches first, as they are after an install."""
    warm = audit_check("--jobs", "1", str(one_article))
    check = [run_child(warm) for _ in range(COLD_RUNS)]
    uncached = audit_check("--jobs", "1", "--no-cache", str(one_article))
    compiling = [run_child(uncached) for _ in range(COLD_RUNS)]
    version = [run_child([executable("audit"), "--version"]) for _ in range(COLD_RUNS)]
    check_median = statistics.median(run.seconds for run in check)
    report.figures += [
        Figure("cold start: check 1 article (median of 5)", check_median, "s", COLD_START),
        Figure(
            "cold start: check 1 article, --no-cache (median of 5)",
            statistics.median(run.seconds for run in compiling),
            "s",
            COLD_START,
            "compiles every pack, as the first run after an install does "
            "(after an edit, only the edited pack compiles)",
        ),
        Figure(
            "cold start: audit --version (median of 5)",
            statistics.median(run.seconds for run in version),
            "s",
            COLD_START,
        ),
    ]
    return check_median


def parallel(report: Report, directory: Path, one_core: ChildRun, count: int) -> None:
    run = run_child(audit_check("--jobs", "2", str(directory)))
    cpu = f"CPU time {one_core.cpu_seconds:.1f} s with --jobs 1, {run.cpu_seconds:.1f} s with 2"
    note = cpu if count >= FULL_ARTICLES else f"{cpu}; {_rss_note(count)}"
    report.figures.append(
        Figure(
            f"--jobs 2 speed-up over --jobs 1 ({count:,} articles)",
            one_core.seconds / run.seconds,
            "x",
            _full_only(JOBS_SPEEDUP, count),
            note,
        )
    )


def side_by_side(report: Report, directory: Path, one_core: ChildRun, count: int) -> None:
    """Two independent ``--jobs 1`` runs at once, on a half of the corpus each: what the
    machine's two cores give two processes that share nothing, the ceiling of --jobs 2."""
    files = sorted(str(path) for path in directory.glob("*.txt"))
    halves = (files[: len(files) // 2], files[len(files) // 2 :])
    start = time.perf_counter()
    children = [spawn(audit_check("--jobs", "1", *half)) for half in halves]
    if any(child.wait() not in (0, 1) for child in children):
        sys.exit("error: a side-by-side run failed")
    seconds = time.perf_counter() - start
    report.figures.append(
        Figure(
            f"two --jobs 1 runs side by side, a half each ({count:,} articles): speed-up",
            one_core.seconds / seconds,
            "x",
            None,
            "the ceiling of --jobs 2 on this machine: nothing shared, no results sent back",
        )
    )


def proselint(report: Report, directory: Path) -> None:
    """Our CPU time against proselint's on the same corpus, the best of ``PAIRED_RUNS`` of
    each, alternating, so that a busy minute on the shared host slows both alike."""
    theirs: list[ChildRun] = []
    ours: list[ChildRun] = []
    for _ in range(PAIRED_RUNS):
        command = [executable("proselint"), "check", "--output-format", "json", str(directory)]
        theirs.append(run_child(command))
        ours.append(run_child(audit_check("--jobs", "1", str(directory))))
    best_theirs = min(theirs, key=lambda run: run.cpu_seconds)
    best_ours = min(ours, key=lambda run: run.cpu_seconds)
    report.figures.append(
        Figure(
            f"articles/s ours / proselint (CPU time, best of {PAIRED_RUNS} alternating runs)",
            best_theirs.cpu_seconds / best_ours.cpu_seconds,
            "x",
            PROSELINT_RATIO,
            f"CPU proselint {best_theirs.cpu_seconds:.1f} s, ours {best_ours.cpu_seconds:.1f} s;"
            f" wall {best_theirs.seconds:.1f} s vs {best_ours.seconds:.1f} s",
        )
    )


def big_lexicon(
    report: Report, directory: Path, one_core: ChildRun, pack: Path, one_article: Path
) -> None:
    """CLI time with the shipped packs plus a large lexicon, over the shipped packs alone.

    The lexicon is new, so its first run compiles and caches its pack, as the first run
    after an edit does; that run, on one article, is shown apart, and the ratio is taken
    on the runs after it, as for the shipped packs alone (``throughput`` runs on a warm
    cache too)."""
    first = run_child(audit_check("--jobs", "1", "--rules", str(pack), str(one_article)))
    run = run_child(audit_check("--jobs", "1", "--rules", str(pack), str(directory)))
    report.figures += [
        Figure(
            f"CPU time with a {LEXICON_ENTRIES:,}-entry lexicon / without",
            run.cpu_seconds / one_core.cpu_seconds,
            "x",
            LEXICON_RATIO,
            f"CPU {run.cpu_seconds:.1f} s vs {one_core.cpu_seconds:.1f} s; "
            f"wall {run.seconds:.1f} s vs {one_core.seconds:.1f} s",
        ),
        Figure(
            f"first run with the {LEXICON_ENTRIES:,}-entry lexicon, one article",
            first.seconds,
            "s",
            None,
            "compiles and caches the lexicon's pack (the shipped packs come from the cache), "
            "once after it is written or edited",
        ),
    ]
