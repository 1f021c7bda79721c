"""Recall and precision of the shipped packs on the gold seeds, and tests of the scoring itself.

The scoring lives in ``bench/gold.py`` (also a command-line script); it is
loaded here by path. The threshold tests score the real CLI's JSON report;
the other tests check the instrument on small synthetic inputs.
"""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
GOLD_FILE = ROOT / "tests" / "gold" / "seeds.yaml"


def _load_bench_module(name: str) -> ModuleType:
    path = ROOT / "bench" / f"{name}.py"
    spec = importlib.util.spec_from_file_location(f"bench_{name}", path)
    assert spec is not None and spec.loader is not None, f"cannot load {path}"
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


gold = _load_bench_module("gold")

GOLD_YAML = """\
categories:
  calque: word for word
  boilerplate: page residue
items:
  - {seed: mt.txt, quote: back to back, category: calque, level: core}
  - {seed: mt.txt, quote: Subscribe, occurrence: 2, category: boilerplate, level: core}
  - {seed: mt.txt, quote: the tone rises, category: calque, level: stretch}
  - {seed: native.txt, quote: Advertisement, category: boilerplate, level: core}
"""
MT_TEXT = "Subscribe\nIt sends them back to back; the tone rises.\nSubscribe\n"
NATIVE_TEXT = "Advertisement\nThe council met on Friday.\n"


def _finding(start: int, end: int, severity: str = "minor", rule: str = "x.y") -> dict[str, Any]:
    return {"rule": rule, "severity": severity, "start": start, "end": end, "line": 1, "text": ""}


def _report(**findings: list[dict[str, Any]]) -> dict[str, Any]:
    return {
        "articles": [
            {"path": f"some/dir/{seed}.txt", "findings": found} for seed, found in findings.items()
        ]
    }


@pytest.fixture
def synthetic(tmp_path: Path) -> tuple[Path, Path]:
    """A gold file and a seed directory with one translated and one native article."""
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "mt.txt").write_text(MT_TEXT, encoding="utf-8")
    (seeds / "native.txt").write_text(NATIVE_TEXT, encoding="utf-8")
    gold_file = tmp_path / "gold.yaml"
    gold_file.write_text(GOLD_YAML, encoding="utf-8")
    return gold_file, seeds


def _span(text: str, quote: str, occurrence: int = 1) -> tuple[int, int]:
    start = -1
    for _ in range(occurrence):
        start = text.index(quote, start + 1)
    return start, start + len(quote)


# --- the thresholds, on the real CLI output -------------------------------------------


@pytest.fixture(scope="module")
def seed_score() -> Any:
    return gold.evaluate(gold.run_audit(SEEDS), GOLD_FILE, SEEDS)


def test_core_recall_meets_threshold(seed_score: Any) -> None:
    tally = seed_score.tally("core")
    missed = "\n".join(
        f"{p.item.seed}:{p.line} [{p.item.category}] {p.item.quote!r}"
        for p in seed_score.missed("core")
    )
    assert tally.recall >= gold.MIN_RECALL["core"], (
        f"core recall {tally.hit}/{tally.total}; missed:\n{missed}"
    )


def test_stretch_recall_meets_threshold(seed_score: Any) -> None:
    tally = seed_score.tally("stretch")
    assert tally.recall >= gold.MIN_RECALL["stretch"], f"stretch recall {tally.hit}/{tally.total}"


def test_no_false_positives_in_native_seed(seed_score: Any) -> None:
    listed = "\n".join(
        f"{f.seed}:{f.line} {f.rule} ({f.severity}) {f.text!r}" for f in seed_score.false_positives
    )
    assert len(seed_score.false_positives) <= gold.MAX_FALSE_POSITIVES, listed


def test_every_gold_quote_is_found_in_its_seed() -> None:
    annotations = gold.load_gold(GOLD_FILE)
    texts = gold.read_seed_texts(SEEDS, (item.seed for item in annotations.items))
    placed = gold.place(annotations.items, texts)
    for spot in placed:
        assert texts[spot.item.seed][spot.start : spot.end] == spot.item.quote
    assert len(placed) == len(annotations.items)


# --- the instrument -------------------------------------------------------------------


def test_locate_finds_the_first_occurrence_by_default() -> None:
    assert gold.locate("a cat, a cat", "cat") == (2, 5)


def test_locate_finds_the_nth_occurrence() -> None:
    assert gold.locate("a cat, a cat", "cat", occurrence=2) == (9, 12)


def test_locate_counts_overlapping_occurrences() -> None:
    assert gold.locate("aaa", "aa", occurrence=2) == (1, 3)


def test_locate_raises_on_a_missing_quote() -> None:
    with pytest.raises(gold.GoldError, match="'dog'"):
        gold.locate("a cat, a cat", "dog")


def test_locate_raises_when_there_are_too_few_occurrences() -> None:
    with pytest.raises(gold.GoldError, match="3 time"):
        gold.locate("a cat, a cat", "cat", occurrence=3)


def test_place_names_the_seed_of_a_missing_quote() -> None:
    item = gold.GoldItem("mt.txt", "absent", "calque", "core")
    with pytest.raises(gold.GoldError, match=r"mt\.txt.*'absent'"):
        gold.place([item], {"mt.txt": MT_TEXT})


def test_place_gives_the_line_of_the_item() -> None:
    item = gold.GoldItem("mt.txt", "Subscribe", "boilerplate", "core", occurrence=2)
    (placed,) = gold.place([item], {"mt.txt": MT_TEXT})
    assert (placed.line, MT_TEXT[placed.start : placed.end]) == (3, "Subscribe")


@pytest.mark.parametrize(
    ("first", "second", "expected"),
    [
        ((0, 5), (3, 8), True),
        ((3, 8), (0, 5), True),
        ((0, 10), (4, 6), True),
        ((0, 5), (5, 8), False),
        ((5, 8), (0, 5), False),
        ((4, 4), (0, 5), True),
        ((5, 5), (0, 5), False),
        ((0, 5), (2, 2), True),
    ],
)
def test_overlap(first: tuple[int, int], second: tuple[int, int], expected: bool) -> None:
    assert gold.overlaps(*first, *second) is expected


def test_load_gold_rejects_an_unknown_level(tmp_path: Path) -> None:
    path = tmp_path / "gold.yaml"
    path.write_text("items:\n  - {seed: a, quote: b, category: c, level: easy}\n")
    with pytest.raises(gold.GoldError, match="level"):
        gold.load_gold(path)


def test_load_gold_rejects_an_unknown_field(tmp_path: Path) -> None:
    path = tmp_path / "gold.yaml"
    path.write_text("items:\n  - {seed: a, quote: b, category: c, level: core, ocurrence: 2}\n")
    with pytest.raises(gold.GoldError, match="ocurrence"):
        gold.load_gold(path)


def test_score_counts_hits_per_level_and_category(synthetic: tuple[Path, Path]) -> None:
    gold_file, seeds = synthetic
    report = _report(
        mt=[_finding(*_span(MT_TEXT, "back"), severity="neutral")],
        native=[_finding(*_span(NATIVE_TEXT, "Advertisement"))],
    )
    result = gold.evaluate(report, gold_file, seeds, control="native.txt")
    assert result.tally("core") == gold.Tally(2, 3)
    assert result.tally("core", "calque") == gold.Tally(1, 1)
    assert result.tally("core", "boilerplate") == gold.Tally(1, 2)
    assert result.tally("stretch") == gold.Tally(0, 1)
    assert [p.item.quote for p in result.missed("core")] == ["Subscribe"]


def test_score_resolves_the_occurrence_of_an_item(synthetic: tuple[Path, Path]) -> None:
    gold_file, seeds = synthetic
    first_subscribe = _finding(*_span(MT_TEXT, "Subscribe"))
    second_subscribe = _finding(*_span(MT_TEXT, "Subscribe", occurrence=2))
    missed = gold.evaluate(_report(mt=[first_subscribe], native=[]), gold_file, seeds, "native.txt")
    hit = gold.evaluate(_report(mt=[second_subscribe], native=[]), gold_file, seeds, "native.txt")
    assert missed.tally("core", "boilerplate").hit == 0
    assert hit.tally("core", "boilerplate").hit == 1


def test_false_positives_are_minor_or_worse_control_findings_off_gold(
    synthetic: tuple[Path, Path],
) -> None:
    gold_file, seeds = synthetic
    council = _span(NATIVE_TEXT, "council")
    friday = _span(NATIVE_TEXT, "Friday")
    report = _report(
        mt=[],
        native=[
            _finding(*_span(NATIVE_TEXT, "Advertisement"), severity="major", rule="on.gold"),
            _finding(*council, severity="neutral", rule="info.only"),
            _finding(*council, severity="minor", rule="noisy.minor"),
            _finding(*friday, severity="critical", rule="noisy.critical"),
        ],
    )
    result = gold.evaluate(report, gold_file, seeds, control="native.txt")
    assert [f.rule for f in result.false_positives] == ["noisy.minor", "noisy.critical"]
    assert result.other_findings == ()


def test_other_findings_are_translated_seed_findings_off_gold(
    synthetic: tuple[Path, Path],
) -> None:
    gold_file, seeds = synthetic
    report = _report(
        mt=[
            _finding(*_span(MT_TEXT, "sends"), rule="off.gold"),
            _finding(*_span(MT_TEXT, "the tone"), rule="on.stretch"),
        ],
        native=[],
    )
    result = gold.evaluate(report, gold_file, seeds, control="native.txt")
    assert [f.rule for f in result.other_findings] == ["off.gold"]
    assert result.false_positives == ()
    assert result.tally("stretch") == gold.Tally(1, 1)


def test_score_requires_an_article_for_every_seed(synthetic: tuple[Path, Path]) -> None:
    gold_file, seeds = synthetic
    with pytest.raises(gold.GoldError, match=r"native\.txt"):
        gold.evaluate(_report(mt=[]), gold_file, seeds, control="native.txt")


def test_shortfalls_name_each_threshold_missed(synthetic: tuple[Path, Path]) -> None:
    gold_file, seeds = synthetic
    report = _report(mt=[], native=[_finding(*_span(NATIVE_TEXT, "council"))])
    problems = gold.shortfalls(gold.evaluate(report, gold_file, seeds, control="native.txt"))
    assert [problem.split()[0] for problem in problems] == ["core", "stretch", "1"]


def test_shortfalls_are_empty_when_every_item_is_hit(synthetic: tuple[Path, Path]) -> None:
    gold_file, seeds = synthetic
    mt = [
        _finding(*_span(MT_TEXT, quote, occurrence))
        for quote, occurrence in (("back to back", 1), ("Subscribe", 2), ("the tone rises", 1))
    ]
    report = _report(mt=mt, native=[_finding(*_span(NATIVE_TEXT, "Advertisement"))])
    assert gold.shortfalls(gold.evaluate(report, gold_file, seeds, control="native.txt")) == []


def test_main_renders_a_saved_report_and_checks_thresholds(
    synthetic: tuple[Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    gold_file, seeds = synthetic
    saved = tmp_path / "report.json"
    report = _report(mt=[_finding(*_span(MT_TEXT, "back to back"))], native=[])
    saved.write_text(json.dumps(report), encoding="utf-8")
    common = ["--report", str(saved), "--gold", str(gold_file), "--seeds", str(seeds)]
    args = [*common, "--control", "native.txt", "--check"]
    assert gold.main(args) == 1
    table = capsys.readouterr().out
    assert "| calque | 1/1 | 100.0% | 0/1 | 0.0% |" in table
    assert "| **overall** | 1/3 | 33.3% | 0/1 | 0.0% |" in table
    assert "mt.txt:3 [boilerplate] 'Subscribe'" in table
    assert gold.main(common) == 0
