"""Precision of the shipped packs: native English prose full of traps must stay quiet.

``tests/data/native_english.txt`` is original English news prose written to
look like what the French->English packs hunt for ("conspired to", "Madame
Tussauds", "coup d'état", "Karbala", "U.S.", "a.m.", full quoted sentences,
"back-to-back games", "Le Monde reported" ...). The source language is left
unknown, as for an unlabelled article, so the French->English packs run too.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from audit.engine.packs import load_packs
from audit.mqm import at_least
from audit.text.document import Document

ROOT = Path(__file__).resolve().parent.parent
NATIVE = ROOT / "tests" / "data" / "native_english.txt"
MT_SEED = ROOT / "seeds" / "001_c228d45e3e21097f.txt"
MIN_SENTENCES = 60

PROBE_PACK = """\
pack: probe
defaults: {languages: [en], source: [fr]}
rules:
  - id: iraq
    kind: pattern
    pattern: '\\bIraq\\b'
    message: "probe: '{match}'"
    severity: minor
    category: style
"""


def _json_articles(result: Any) -> list[dict[str, Any]]:
    assert result.code in (0, 1), result.stderr
    return json.loads(result.stdout)["articles"]


def _describe(findings: list[dict[str, Any]]) -> str:
    return "\n".join(
        f"{f['line']}:{f['column']} {f['rule']} ({f['severity']}) {f['text']!r}: {f['message']}"
        for f in findings
    )


def _rules_off_for_english_source(paths: list[Path]) -> set[str]:
    """Ids of the rules whose ``source`` excludes original English."""
    return {
        rule.id
        for pack in load_packs(paths, builtin=True)
        for rule in pack.rules
        if rule.source and "en" not in rule.source
    }


def test_corpus_is_large_enough() -> None:
    doc = Document.from_text(NATIVE.read_text(encoding="utf-8"))
    assert len(doc.sentences) >= MIN_SENTENCES


def test_native_english_has_no_minor_or_worse_finding(run_cli: Callable[..., Any]) -> None:
    (article,) = _json_articles(run_cli("check", "--format", "json", NATIVE))
    assert article["language"]["code"] == "en"
    assert article["source_language"]["code"] is None
    noisy = [f for f in article["findings"] if at_least(f["severity"], "minor")]
    assert not noisy, f"{len(noisy)} finding(s) on native English:\n{_describe(noisy)}"


def test_source_language_en_turns_off_french_source_rules(
    run_cli: Callable[..., Any], write_pack: Callable[[str, str], Path]
) -> None:
    probe = write_pack(PROBE_PACK, "probe.yaml")
    off = _rules_off_for_english_source([probe])
    assert "probe.iraq" in off

    (unknown_source,) = _json_articles(run_cli("check", "-f", "json", "-r", probe, MT_SEED))
    assert "probe.iraq" in {f["rule"] for f in unknown_source["findings"]}

    english = run_cli("check", "-f", "json", "-r", probe, "--source-language", "en", MT_SEED)
    (article,) = _json_articles(english)
    fired = [f for f in article["findings"] if f["rule"] in off]
    assert not fired, f"rules for French sources ran on original English:\n{_describe(fired)}"
