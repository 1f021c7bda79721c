"""Recall and precision of the auditor against the gold annotations of the seed articles.

Runs the real CLI (``audit check --format json SEEDS``), or reads a JSON report
saved earlier, places every gold item at its span in its seed text and scores
the findings against them:

- an item is hit when a finding's span overlaps the item's span (a finding of
  zero width counts as covering the character at its offset);
- recall is hits / items, per category and overall, for the ``core`` and the
  ``stretch`` level separately;
- a false positive is a finding of severity minor or worse in the control
  article (native English) that overlaps none of its gold items;
- an "other finding" is a finding in a translated seed that overlaps no gold
  item: not counted as an error, listed with ``--verbose`` for review.

Usage::

    python bench/gold.py                    # Markdown table, missed core items, false positives
    python bench/gold.py --check            # exit 1 below the thresholds
    python bench/gold.py --report run.json --verbose
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from audit.mqm import at_least
from audit.text.ingest import read_file

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_GOLD = ROOT / "tests" / "gold" / "seeds.yaml"
DEFAULT_SEEDS = ROOT / "seeds"
CONTROL_SEED = "002_232c97f09dcc63de.txt"
LEVELS = ("core", "stretch")
MIN_RECALL = {"core": 0.95, "stretch": 0.40}
MAX_FALSE_POSITIVES = 0
FALSE_POSITIVE_SEVERITY = "minor"
ITEM_FIELDS = frozenset({"seed", "quote", "category", "level", "occurrence"})


class GoldError(Exception):
    """The gold file, a seed or a report cannot be used for scoring."""


@dataclass(frozen=True)
class GoldItem:
    """One annotated artifact: the ``occurrence``-th ``quote`` in ``seed``."""

    seed: str
    quote: str
    category: str
    level: str
    occurrence: int = 1


@dataclass(frozen=True)
class PlacedItem:
    """A gold item with its code-point span and 1-based line in the seed text."""

    item: GoldItem
    start: int
    end: int
    line: int


@dataclass(frozen=True)
class ReportFinding:
    """The fields of one JSON-report finding that scoring needs."""

    seed: str
    rule: str
    severity: str
    start: int
    end: int
    line: int
    text: str


@dataclass(frozen=True)
class Tally:
    hit: int
    total: int

    @property
    def recall(self) -> float | None:
        return self.hit / self.total if self.total else None


@dataclass(frozen=True)
class Score:
    """Which gold items were hit, the control's false positives, the unmatched findings."""

    categories: tuple[str, ...]
    hits: tuple[tuple[PlacedItem, bool], ...]
    false_positives: tuple[ReportFinding, ...]
    other_findings: tuple[ReportFinding, ...]

    def tally(self, level: str, category: str | None = None) -> Tally:
        chosen = [
            hit
            for placed, hit in self.hits
            if placed.item.level == level and category in (None, placed.item.category)
        ]
        return Tally(sum(chosen), len(chosen))

    def missed(self, level: str) -> list[PlacedItem]:
        return [placed for placed, hit in self.hits if not hit and placed.item.level == level]


@dataclass(frozen=True)
class Gold:
    """The annotation file: category descriptions (their order) and the items."""

    categories: tuple[str, ...]
    items: tuple[GoldItem, ...]


def load_gold(path: Path) -> Gold:
    """Read and check a gold file (``categories`` mapping, ``items`` list)."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as bad:
        raise GoldError(f"{path}: cannot read the gold file: {bad}") from None
    if not isinstance(data, dict) or not isinstance(data.get("items"), list):
        raise GoldError(f"{path}: expected a mapping with an 'items' list")
    items = tuple(_gold_item(raw, f"{path}: item {n}") for n, raw in enumerate(data["items"], 1))
    categories = tuple(data.get("categories") or ())
    extra = sorted({item.category for item in items} - set(categories))
    return Gold(categories=(*categories, *extra), items=items)


def _gold_item(raw: Any, place: str) -> GoldItem:
    if not isinstance(raw, dict):
        raise GoldError(f"{place}: an item must be a mapping")
    unknown = sorted(set(raw) - ITEM_FIELDS)
    missing = sorted({"seed", "quote", "category", "level"} - set(raw))
    if unknown or missing:
        raise GoldError(f"{place}: unknown fields {unknown}, missing fields {missing}")
    if raw["level"] not in LEVELS:
        raise GoldError(f"{place}: level must be one of {LEVELS}, not {raw['level']!r}")
    occurrence = raw.get("occurrence", 1)
    if not isinstance(occurrence, int) or occurrence < 1:
        raise GoldError(f"{place}: occurrence must be a whole number from 1")
    return GoldItem(
        str(raw["seed"]), str(raw["quote"]), str(raw["category"]), raw["level"], occurrence
    )


def locate(text: str, quote: str, occurrence: int = 1) -> tuple[int, int]:
    """Span of the ``occurrence``-th (1-based) appearance of ``quote`` in ``text``."""
    if not quote:
        raise GoldError("an empty quote cannot be located")
    start = -1
    for _ in range(occurrence):
        start = text.find(quote, start + 1)
        if start < 0:
            raise GoldError(f"quote {quote!r} does not occur {occurrence} time(s) in the text")
    return start, start + len(quote)


def place(items: Iterable[GoldItem], texts: Mapping[str, str]) -> list[PlacedItem]:
    """Every item with its span in ``texts[item.seed]``; a quote not found is an error."""
    placed = []
    for item in items:
        if item.seed not in texts:
            raise GoldError(f"seed {item.seed!r} of quote {item.quote!r} has no text")
        text = texts[item.seed]
        try:
            start, end = locate(text, item.quote, item.occurrence)
        except GoldError as bad:
            raise GoldError(f"{item.seed}: {bad}") from None
        placed.append(PlacedItem(item, start, end, text.count("\n", 0, start) + 1))
    return placed


def read_seed_texts(seeds: Path, names: Iterable[str]) -> dict[str, str]:
    """The decoded texts of the named seed files, as the CLI decodes them."""
    texts = {}
    for name in sorted(set(names)):
        path = seeds / name
        if not path.is_file():
            raise GoldError(f"{path}: the gold file names this seed, but it does not exist")
        texts[name] = read_file(path).text
    return texts


def run_audit(seeds: Path) -> dict[str, Any]:
    """The JSON report of ``audit check --format json SEEDS``, from the real CLI."""
    command = [sys.executable, "-m", "audit.cli.app", "check", "--format", "json", str(seeds)]
    completed = subprocess.run(
        command, capture_output=True, text=True, encoding="utf-8", check=False
    )
    if completed.returncode not in (0, 1) or not completed.stdout.strip():
        raise GoldError(f"audit check exited {completed.returncode}: {completed.stderr.strip()}")
    return parse_report(completed.stdout, "audit check")


def parse_report(text: str, place: str) -> dict[str, Any]:
    try:
        report = json.loads(text)
    except json.JSONDecodeError as bad:
        raise GoldError(f"{place}: not a JSON report: {bad}") from None
    if not isinstance(report, dict) or not isinstance(report.get("articles"), list):
        raise GoldError(f"{place}: a JSON report needs an 'articles' list")
    return report


def report_findings(report: Mapping[str, Any]) -> dict[str, list[ReportFinding]]:
    """Findings of each article, keyed by the file name of the article's path."""
    by_seed: dict[str, list[ReportFinding]] = {}
    for article in report["articles"]:
        seed = Path(article["path"]).name
        by_seed[seed] = [
            ReportFinding(
                seed, f["rule"], f["severity"], f["start"], f["end"], f["line"], f["text"]
            )
            for f in article["findings"]
        ]
    return by_seed


def overlaps(start: int, end: int, other_start: int, other_end: int) -> bool:
    """Whether two half-open spans share a character; an empty span covers its offset."""
    return start < max(other_end, other_start + 1) and other_start < max(end, start + 1)


def score(
    gold: Gold,
    placed: Sequence[PlacedItem],
    findings: Mapping[str, Sequence[ReportFinding]],
    control: str = CONTROL_SEED,
) -> Score:
    """Match findings to gold items; every seed of the gold must be in ``findings``."""
    absent = sorted({p.item.seed for p in placed} - set(findings))
    if absent:
        raise GoldError(f"the report has no article for the seed(s) {', '.join(absent)}")
    hits = tuple((p, any(_covers(f, p) for f in findings[p.item.seed])) for p in placed)
    unmatched = [
        finding
        for seed in sorted({p.item.seed for p in placed})
        for finding in findings[seed]
        if not any(_covers(finding, p) for p in placed if p.item.seed == seed)
    ]
    return Score(
        categories=gold.categories,
        hits=hits,
        false_positives=tuple(
            f
            for f in unmatched
            if f.seed == control and at_least(f.severity, FALSE_POSITIVE_SEVERITY)
        ),
        other_findings=tuple(f for f in unmatched if f.seed != control),
    )


def _covers(finding: ReportFinding, placed: PlacedItem) -> bool:
    return overlaps(finding.start, finding.end, placed.start, placed.end)


def shortfalls(result: Score) -> list[str]:
    """Why the score is below the thresholds (empty when it meets them)."""
    problems = []
    for level in LEVELS:
        recall = result.tally(level).recall
        if recall is not None and recall < MIN_RECALL[level]:
            problems.append(f"{level} recall {recall:.1%} < {MIN_RECALL[level]:.0%}")
    if len(result.false_positives) > MAX_FALSE_POSITIVES:
        problems.append(
            f"{len(result.false_positives)} false positive(s) in the control article"
            f" (at most {MAX_FALSE_POSITIVES})"
        )
    return problems


def _percent(tally: Tally) -> str:
    return "–" if tally.recall is None else f"{tally.recall:.1%}"


def _row(label: str, core: Tally, stretch: Tally) -> str:
    cells = (label, f"{core.hit}/{core.total}", _percent(core))
    cells += (f"{stretch.hit}/{stretch.total}", _percent(stretch))
    return "| " + " | ".join(cells) + " |"


def render(result: Score, control: str = CONTROL_SEED, verbose: bool = False) -> str:
    """The Markdown summary: recall table, missed core items, false positives."""
    lines = [
        "| category | core hit/total | core recall | stretch hit/total | stretch recall |",
        "|---|---|---|---|---|",
    ]
    for category in result.categories:
        core, stretch = result.tally("core", category), result.tally("stretch", category)
        if core.total or stretch.total:
            lines.append(_row(category, core, stretch))
    lines.append(_row("**overall**", result.tally("core"), result.tally("stretch")))
    missed = result.missed("core")
    lines += ["", f"Missed core items ({len(missed)}):"]
    lines += [f"- {p.item.seed}:{p.line} [{p.item.category}] {p.item.quote!r}" for p in missed] or [
        "- none"
    ]
    lines += ["", f"False positives in {control} ({len(result.false_positives)}):"]
    lines += [_finding_line(f) for f in result.false_positives] or ["- none"]
    lines += ["", f"Other findings in the translated seeds: {len(result.other_findings)}"]
    if verbose:
        lines += [_finding_line(f) for f in result.other_findings]
    return "\n".join(lines)


def _finding_line(finding: ReportFinding) -> str:
    return f"- {finding.seed}:{finding.line} {finding.rule} ({finding.severity}) {finding.text!r}"


def evaluate(
    report: Mapping[str, Any],
    gold_path: Path = DEFAULT_GOLD,
    seeds: Path = DEFAULT_SEEDS,
    control: str = CONTROL_SEED,
) -> Score:
    """Score a parsed JSON report against the gold file and the seed texts."""
    gold = load_gold(gold_path)
    texts = read_seed_texts(seeds, (item.seed for item in gold.items))
    return score(gold, place(gold.items, texts), report_findings(report), control)


def _arguments(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--report", type=Path, help="score this JSON report instead of running")
    parser.add_argument("--gold", type=Path, default=DEFAULT_GOLD, help="the gold annotations")
    parser.add_argument("--seeds", type=Path, default=DEFAULT_SEEDS, help="the seed articles")
    parser.add_argument("--control", default=CONTROL_SEED, help="the native English seed")
    parser.add_argument("--check", action="store_true", help="exit 1 below the thresholds")
    parser.add_argument("--verbose", action="store_true", help="list the other findings")
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    args = _arguments(argv)
    try:
        if args.report is None:
            report = run_audit(args.seeds)
        else:
            report = parse_report(args.report.read_text(encoding="utf-8"), str(args.report))
        result = evaluate(report, args.gold, args.seeds, args.control)
    except (GoldError, OSError) as bad:
        print(f"error: {bad}", file=sys.stderr)
        return 2
    print(render(result, args.control, args.verbose))
    problems = shortfalls(result)
    if args.check and problems:
        print("\nbelow the thresholds: " + "; ".join(problems), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
