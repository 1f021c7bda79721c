"""One long text: ``audit check`` on texts of 1, 4, 16 and 50 MB, and 50 MB against its pieces.

The text is the benchmark corpus's articles (``bench/corpus.py``) one after
the other, as one file, up to each size. Each run is the real CLI as a
child process (``audit check --no-config --format jsonl --quiet``, output
to /dev/null): wall and CPU time and peak resident memory, from
``os.wait4``. The 50 MB text is also cut, at article boundaries, into
pieces of about 1 MB, checked in one run with ``--jobs 1`` (one process, as
the single file is): a checker whose time grows faster than the text's
length shows it in the ratio of the two. Targets: the 50 MB file in under
five times the time of its pieces, and under 500 MB of peak memory.

Usage::

    python bench/big.py                  # print the table
    python bench/big.py --write          # and put it in bench/RESULTS.md
    python bench/big.py --sizes 1,4      # a quicker look
"""

from __future__ import annotations

import argparse
import tempfile
from collections.abc import Iterator
from pathlib import Path

import corpus
import results
from measure import ChildRun, Figure, Target, audit_check, machine, run_child

MEGABYTE = 1_000_000
SIZES = (1, 4, 16, 50)
PIECES_OF = 50
TIME_RATIO = Target(5, at_least=False)
BIG_PEAK_RSS = Target(500, at_least=False)
SECTION = "big"


def corpus_text(megabytes: int) -> Iterator[str]:
    """Corpus articles, one after the other, until they hold ``megabytes`` MB."""
    size = 0
    for article in corpus.articles(10**9):
        if size >= megabytes * MEGABYTE:
            return
        size += len(article.text.encode("utf-8")) + 1
        yield article.text


def write_text(folder: Path, megabytes: int) -> Path:
    path = folder / f"text-{megabytes}mb.txt"
    path.write_text("\n".join(corpus_text(megabytes)), encoding="utf-8")
    return path


def write_pieces(folder: Path, megabytes: int) -> Path:
    """The ``megabytes`` MB text cut at article boundaries into files of about 1 MB."""
    pieces = folder / f"pieces-{megabytes}mb"
    pieces.mkdir()
    piece: list[str] = []
    size = number = 0
    for text in corpus_text(megabytes):
        piece.append(text)
        size += len(text.encode("utf-8")) + 1
        if size >= MEGABYTE:
            (pieces / f"{number:03d}.txt").write_text("\n".join(piece), encoding="utf-8")
            piece, size, number = [], 0, number + 1
    if piece:
        (pieces / f"{number:03d}.txt").write_text("\n".join(piece), encoding="utf-8")
    return pieces


def figures(sizes: tuple[int, ...], folder: Path) -> list[Figure]:
    found: list[Figure] = []
    runs: dict[int, ChildRun] = {}
    for megabytes in sizes:
        path = write_text(folder, megabytes)
        run = runs[megabytes] = run_child(audit_check(str(path)))
        rate = megabytes / run.cpu_seconds
        note = f"{run.cpu_seconds:.1f} s CPU, {rate:.2f} MB/s, peak {run.max_rss_mib:.0f} MiB"
        found.append(Figure(f"one {megabytes} MB text", run.seconds, "s", note=note))
    if PIECES_OF in runs:
        pieces = run_child(audit_check("--jobs", "1", str(write_pieces(folder, PIECES_OF))))
        big = runs[PIECES_OF]
        note = f"{big.cpu_seconds:.1f} s CPU against {pieces.cpu_seconds:.1f} s in 1 MB pieces"
        found.append(
            Figure(
                f"{PIECES_OF} MB text / the same in 1 MB pieces (CPU time)",
                big.cpu_seconds / pieces.cpu_seconds,
                "x",
                TIME_RATIO,
                note,
            )
        )
        found.append(
            Figure(f"peak memory, one {PIECES_OF} MB text", big.max_rss_mib, "MiB", BIG_PEAK_RSS)
        )
    return found


def render(found: list[Figure]) -> str:
    lines = [
        "## One long text",
        "",
        *(f"- {line}" for line in machine()),
        "- The corpus's articles one after the other as one file; `audit check --no-config "
        "--format jsonl --quiet`, one process. A text over 500,000 characters is checked in "
        "blocks of lines.",
        "",
        "| Measure | Result | Target | | Note |",
        "|---|---|---|---|---|",
        *("| " + " | ".join(figure.cells()) + " |" for figure in found),
    ]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default=",".join(map(str, SIZES)), help="sizes in MB")
    parser.add_argument("--write", action="store_true", help="write bench/RESULTS.md")
    options = parser.parse_args(argv)
    sizes = tuple(int(size) for size in options.sizes.split(","))
    with tempfile.TemporaryDirectory() as folder:
        section = render(figures(sizes, Path(folder)))
    print(section, end="")
    if options.write:
        results.write_section(SECTION, section)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
