"""Recall on real machine-translated pages, and precision on native English ones.

A corpus folder holds ``mt/*.txt`` (English pages machine-translated from
French) with ``mt/SOURCES.tsv``, whose ``artifact_spans`` column lists every
annotated artifact as ``exact span=category; ...``, and ``native/*.txt``
(pages written in English). The real CLI audits both folders as a new user
would (``audit check --no-config --format json DIR``). An annotated span is
caught when a finding overlaps it. A finding on a native page counts against
precision when its severity is minor or above and its category is not
``other/boilerplate`` (real pages carry real residue). The misses are
printed so that they can be read: write the family behind them, never the
page's phrase.

Usage::

    python bench/real.py ../shared/corpus/real-dev            # print the table and the misses
    python bench/real.py ../shared/corpus/real-dev --write    # also update bench/RESULTS.md
    python bench/real.py DIR --category calque --no-misses     # one category's table only
"""

from __future__ import annotations

import argparse
import csv
import json
import subprocess
import sys
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import results
from measure import executable, machine

SEVERE = frozenset({"minor", "major", "critical"})
NEUTRAL_CATEGORY = "other/boilerplate"
CONTEXT = 40


@dataclass(frozen=True)
class Artifact:
    """One annotated span of an MT page."""

    file: str
    text: str
    category: str
    start: int
    end: int


@dataclass(frozen=True)
class Page:
    """A page as the CLI reported it: its text and findings."""

    name: str
    text: str
    findings: tuple[dict, ...]


def read_artifacts(folder: Path, pages: dict[str, Page]) -> list[Artifact]:
    """The annotated spans of ``folder/SOURCES.tsv``, located in their pages."""
    artifacts = []
    with (folder / "SOURCES.tsv").open(encoding="utf-8", newline="") as stream:
        for row in csv.DictReader(stream, delimiter="\t", quoting=csv.QUOTE_NONE):
            text = pages[row["file"]].text
            for item in filter(None, (part.strip() for part in row["artifact_spans"].split("; "))):
                span, _, category = item.rpartition("=")
                start = text.find(span)
                if start < 0:
                    sys.exit(f"error: {row['file']}: annotated span not found: {span!r}")
                artifacts.append(Artifact(row["file"], span, category, start, start + len(span)))
    return artifacts


def audit(folder: Path) -> dict[str, Page]:
    """Every page of ``folder`` with the findings of one real ``audit check`` run."""
    command = [executable("audit"), "check", "--no-config", "--format", "json", "--quiet"]
    run = subprocess.run([*command, str(folder)], capture_output=True, text=True, check=False)
    if run.returncode not in (0, 1):
        sys.exit(f"error: audit check {folder} exited with {run.returncode}: {run.stderr}")
    pages = {}
    for article in json.loads(run.stdout)["articles"]:
        path = Path(article["path"])
        text = path.read_text(encoding="utf-8-sig")
        pages[path.name] = Page(path.name, text, tuple(article["findings"]))
    return pages


def caught(artifact: Artifact, page: Page) -> bool:
    return any(f["start"] < artifact.end and artifact.start < f["end"] for f in page.findings)


def unannotated(pages: dict[str, Page], artifacts: Iterable[Artifact]) -> list[tuple[str, dict]]:
    """Findings on MT pages that overlap no annotated span (not all are wrong: one
    annotator left borderline items out)."""
    spans = defaultdict(list)
    for artifact in artifacts:
        spans[artifact.file].append(artifact)
    return [
        (page.name, finding)
        for page in pages.values()
        for finding in page.findings
        if not any(a.start < finding["end"] and finding["start"] < a.end for a in spans[page.name])
    ]


def counted_native(pages: dict[str, Page]) -> list[tuple[str, dict]]:
    return [
        (page.name, finding)
        for page in pages.values()
        for finding in page.findings
        if finding["severity"] in SEVERE and finding["category"] != NEUTRAL_CATEGORY
    ]


def recall_table(artifacts: list[Artifact], pages: dict[str, Page]) -> list[str]:
    total, found = Counter(), Counter()
    for artifact in artifacts:
        total[artifact.category] += 1
        found[artifact.category] += caught(artifact, pages[artifact.file])
    rows = ["| category | caught | spans | recall |", "|---|---:|---:|---:|"]
    for category in sorted(total, key=lambda name: (-total[name], name)):
        rows.append(_row(category, found[category], total[category]))
    rows.append(_row("**all**", sum(found.values()), sum(total.values())))
    return rows


def _row(name: str, found: int, total: int) -> str:
    return f"| {name} | {found} | {total} | {100 * found / total:.0f} % |"


def misses(artifacts: list[Artifact], pages: dict[str, Page], category: str | None) -> list[str]:
    lines = []
    for artifact in artifacts:
        if category not in (None, artifact.category) or caught(artifact, pages[artifact.file]):
            continue
        text = pages[artifact.file].text
        before = text[max(0, artifact.start - CONTEXT) : artifact.start].replace("\n", " ")
        after = text[artifact.end : artifact.end + CONTEXT].replace("\n", " ")
        lines.append(
            f"  [{artifact.category}] {artifact.file}: …{before}[[{artifact.text}]]{after}…"
        )
    return lines


def describe(findings: list[tuple[str, dict]]) -> list[str]:
    return [
        f"  {name}:{f['line']}:{f['column']}: {f['severity']} {f['rule']} {f['text']!r}"
        for name, f in findings
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", type=Path, help="a folder with mt/ and native/")
    parser.add_argument("--category", help="show the misses of this category only")
    parser.add_argument("--no-misses", action="store_true", help="do not list the misses")
    parser.add_argument("--write", action="store_true", help="update bench/RESULTS.md")
    parser.add_argument(
        "--label", help="write a section of its own for this corpus (e.g. heldout-test)"
    )
    parser.add_argument("--note", help="a line saying what the corpus is, for the section")
    options = parser.parse_args(argv)
    mt, native = audit(options.corpus / "mt"), audit(options.corpus / "native")
    artifacts = read_artifacts(options.corpus / "mt", mt)
    table = recall_table(artifacts, mt)
    against = counted_native(native)
    extra = unannotated(mt, artifacts)
    summary = [
        f"Native pages: {len(native)}, findings of severity minor or above outside "
        f"{NEUTRAL_CATEGORY}: **{len(against)}**",
        f"MT pages: {len(mt)}; findings that overlap no annotated span: {len(extra)} "
        f"(of {sum(len(page.findings) for page in mt.values())})",
    ]
    print("\n".join(table), "", *summary, sep="\n")
    print(
        "\nNative findings counted against precision:", *describe(against) or ["  none"], sep="\n"
    )
    if not options.no_misses:
        print("\nMisses:", *misses(artifacts, mt, options.category) or ["  none"], sep="\n")
    if options.write:
        write(options, table, summary + ([options.note] if options.note else []), against)
    return 0


def write(options: argparse.Namespace, table: list[str], summary: list[str], against: list) -> None:
    label = f" --label {options.label}" if options.label else ""
    lines = [
        "## Detection on real pages" + (f": {options.label}" if options.label else ""),
        "",
        *(f"- {line}" for line in machine()),
        f"- Command: `python bench/real.py {options.corpus}{label}`: the real CLI "
        "(`audit check --no-config --format json`) on the corpus's `mt/` and `native/` "
        "folders; a span is caught when a finding overlaps it.",
        "",
        *table,
        "",
        *(f"- {line}" for line in summary),
        *describe(against),
    ]
    section = f"real-{options.label}" if options.label else "real"
    results.write_section(section, "\n".join(lines) + "\n")
    print(f"updated {results.RESULTS}")


if __name__ == "__main__":
    sys.exit(main())
