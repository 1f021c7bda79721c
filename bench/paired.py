"""Two builds of ``audit`` side by side: throughput and cold start as medians of alternating pairs.

A shared machine is noisy: a single best run says more about the minute it
ran in than about the code. So each pair runs build A then build B on the
same input, one after the other, and the figure is the median over the
pairs of B's CPU time over A's, with the lowest and highest ratio as the
spread. Typical use, before and after a change, with the earlier commit
installed in a second environment::

    git worktree add /tmp/before HEAD~1 && python -m venv /tmp/venv-before
    /tmp/venv-before/bin/pip install -e /tmp/before
    python bench/paired.py /tmp/venv-before/bin/audit .venv/bin/audit --label layout --write
"""

from __future__ import annotations

import argparse
import shlex
import statistics
import sys
from dataclasses import dataclass

import corpus
import results
from measure import CHECK, ChildRun, machine, run_child

PAIRS = 7
COLD_PAIRS = 11


@dataclass(frozen=True)
class Pairs:
    """The runs of build A and build B, pair by pair."""

    first: list[ChildRun]
    second: list[ChildRun]

    def ratios(self, wall: bool = False) -> list[float]:
        """B over A, per pair: CPU time, or wall time when ``wall``."""
        return [
            (b.seconds / a.seconds) if wall else (b.cpu_seconds / a.cpu_seconds)
            for a, b in zip(self.first, self.second, strict=True)
        ]

    def row(self, label: str, wall: bool = False) -> str:
        ratios = self.ratios(wall)
        median = statistics.median(ratios)
        pick = (lambda run: run.seconds) if wall else (lambda run: run.cpu_seconds)
        a = statistics.median(pick(run) for run in self.first)
        b = statistics.median(pick(run) for run in self.second)
        return (
            f"| {label} | {a:.3f} s | {b:.3f} s | {median:.3f} | "
            f"{min(ratios):.3f} - {max(ratios):.3f} | {len(ratios)} |"
        )


def alternate(first: list[str], second: list[str], pairs: int) -> Pairs:
    """``pairs`` runs of each command, alternating, after one warm-up run of each."""
    run_child(first), run_child(second)
    runs: list[tuple[ChildRun, ChildRun]] = [
        (run_child(first), run_child(second)) for _ in range(pairs)
    ]
    return Pairs([a for a, _ in runs], [b for _, b in runs])


def compare(before: str, after: str, count: int, pairs: int) -> list[str]:
    directory = corpus.write_dir(count)
    one = str(min(directory.glob("*.txt")))
    throughput = alternate(
        [before, *CHECK, "--jobs", "1", str(directory)],
        [after, *CHECK, "--jobs", "1", str(directory)],
        pairs,
    )
    cold = alternate(
        [before, *CHECK, "--jobs", "1", one], [after, *CHECK, "--jobs", "1", one], COLD_PAIRS
    )
    return [
        f"| {count:,} articles, --jobs 1 (CPU time) | A | B | B / A, median | spread | pairs |",
        "|---|---|---|---|---|---|",
        throughput.row(f"check {count:,} articles (CPU)"),
        throughput.row(f"check {count:,} articles (wall)", wall=True),
        cold.row("cold start, one article (wall)", wall=True),
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("before", help="build A: an `audit` executable")
    parser.add_argument("after", help="build B: an `audit` executable")
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--pairs", type=int, default=PAIRS)
    parser.add_argument("--label", default="paired", help="the RESULTS.md section to write")
    parser.add_argument("--write", action="store_true", help="update bench/RESULTS.md")
    options = parser.parse_args(argv)
    table = compare(options.before, options.after, options.articles, options.pairs)
    command = shlex.join(["python", "bench/paired.py", *(argv or sys.argv[1:])])
    lines = [
        f"## Before and after: {options.label}",
        "",
        *(f"- {line}" for line in machine()),
        f"- Command: `{command}`; A = `{options.before}`, B = `{options.after}`",
        f"- Each pair runs A then B; ratio B / A per pair, median and range over "
        f"{options.pairs} pairs ({COLD_PAIRS} for the cold start).",
        "",
        *table,
    ]
    section = "\n".join(lines) + "\n"
    print(section)
    if options.write:
        results.write_section(options.label, section)
        print(f"updated {results.RESULTS}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
