"""Bilingual input: 10,000 XLIFF segments checked against the same targets as plain text.

The segments are the pairs of ``seeds/bilingual`` (every sample format),
numbered so that no two are the same, written as one XLIFF file with
translate-toolkit (which writes XLIFF 1.1, read as 1.2 is), and their
targets, one per line, as one plain-text file. Each pair of runs checks
the XLIFF file (the bilingual pack runs, every finding is mapped to its
segment) then the text file (the same monolingual rules on the same text)
with the real CLI, ``--jobs 1``; the figure is the median over the pairs
of the XLIFF run's CPU time over the text run's, with the lowest and
highest ratio. The target: under 2x.

    python bench/bilingual.py [--segments 10000] [--pairs 5] [--write]
"""

from __future__ import annotations

import argparse
import shlex
import statistics
import sys
import tempfile
from pathlib import Path

import results
from measure import CHECK, executable, machine, run_child

from audit.text.ingest import read_file

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "seeds" / "bilingual"
SEGMENTS = 10_000
PAIRS = 5
TARGET = 2.0


def sample_pairs() -> list[tuple[str, str]]:
    """The (source, target) pairs of every sample file that has a target."""
    pairs = []
    for path in sorted(SAMPLES.iterdir()):
        article = read_file(path)
        if article.segments is not None:
            pairs += [(s.source, s.target) for s in article.segments.segments if s.target]
    return pairs


def write_files(directory: Path, count: int) -> tuple[Path, Path]:
    """An XLIFF file of ``count`` segments and the text file of its targets."""
    from translate.storage.xliff import xlifffile

    pairs = sample_pairs()
    store = xlifffile(sourcelanguage="fr", targetlanguage="en")
    targets = []
    for number in range(count):
        source, target = pairs[number % len(pairs)]
        unit = store.addsourceunit(f"{source} ({number})")
        unit.setid(f"s{number}")
        unit.target = f"{target} ({number})"
        targets.append(unit.target)
    xliff, text = directory / "segments.xlf", directory / "segments.txt"
    xliff.write_bytes(bytes(store))
    text.write_text("\n".join(targets) + "\n", encoding="utf-8")
    return xliff, text


def measure(segments: int, pairs: int) -> list[str]:
    audit = executable("audit")
    with tempfile.TemporaryDirectory() as folder:
        xliff, text = write_files(Path(folder), segments)
        commands = [[audit, *CHECK, "--jobs", "1", str(path)] for path in (xliff, text)]
        run_child(commands[0]), run_child(commands[1])
        runs = [(run_child(commands[0]), run_child(commands[1])) for _ in range(pairs)]
    ratios = [x.cpu_seconds / t.cpu_seconds for x, t in runs]
    xliff_cpu = statistics.median(x.cpu_seconds for x, _ in runs)
    text_cpu = statistics.median(t.cpu_seconds for _, t in runs)
    median = statistics.median(ratios)
    mark = "met" if median < TARGET else "NOT met"
    return [
        "| input | CPU time, median | XLIFF / text, median | spread | pairs | target |",
        "|---|---:|---:|---|---:|---|",
        f"| {segments:,} XLIFF segments | {xliff_cpu:.2f} s | {median:.2f}x | "
        f"{min(ratios):.2f}x - {max(ratios):.2f}x | {pairs} | < {TARGET:g}x: {mark} |",
        f"| the same targets as plain text | {text_cpu:.2f} s | | | | |",
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--segments", type=int, default=SEGMENTS)
    parser.add_argument("--pairs", type=int, default=PAIRS)
    parser.add_argument("--write", action="store_true", help="update bench/RESULTS.md")
    options = parser.parse_args(argv)
    table = measure(options.segments, options.pairs)
    command = shlex.join(["python", "bench/bilingual.py", *(argv or sys.argv[1:])])
    lines = [
        "## Bilingual input: XLIFF against the same targets as plain text",
        "",
        *(f"- {line}" for line in machine()),
        f"- Command: `{command}`: `audit {' '.join(CHECK)} --jobs 1` on one XLIFF file, then on"
        " one text file of its targets; ratio of CPU times per pair, median and range.",
        "",
        *table,
    ]
    section = "\n".join(lines) + "\n"
    print(section)
    if options.write:
        results.write_section("bilingual", section)
        print(f"updated {results.RESULTS}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
