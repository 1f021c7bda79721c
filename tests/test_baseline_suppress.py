"""Baselines (only new findings count) and inline suppression markers, through the CLI."""

from __future__ import annotations

import json
from pathlib import Path

PACK = """\
pack: b
rules:
  - id: bagdad
    kind: lexicon
    message: "French spelling."
    severity: major
    category: locale-convention/name-format
    entries: {Bagdad: Baghdad, Kerbala: Karbala}
"""
ARTICLE = "Protests spread from Bagdad to Basra.\n\nPolice fired shots in Kerbala on Friday.\n"


def check(run_cli, tmp_path: Path, *args: str | Path):
    pack = tmp_path / "pack.yaml"
    pack.write_text(PACK, encoding="utf-8")
    result = run_cli(
        "check", "--format", "json", "--no-builtin", "--rules", pack, "--no-config", *args
    )
    return result, json.loads(result.stdout) if result.stdout else None


def test_baseline_round_trip_survives_edits_above_a_finding(run_cli, tmp_path):
    article = tmp_path / "article.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    baseline = tmp_path / "baseline.json"
    result, report = check(run_cli, tmp_path, "--baseline-write", baseline, article)
    assert result.code == 0 and len(report["articles"][0]["findings"]) == 2
    recorded = json.loads(baseline.read_text(encoding="utf-8"))
    assert [entry["text"] for entry in recorded["findings"]] == ["Bagdad", "Kerbala"]

    edited = "A new opening paragraph.\n\nAnother one, longer.\n\n" + ARTICLE
    article.write_text(edited, encoding="utf-8")
    result, report = check(run_cli, tmp_path, "--baseline", baseline, article)
    assert result.code == 0
    assert report["articles"][0]["findings"] == []
    assert report["articles"][0]["baselined"] == 2

    article.write_text(edited + "Then the crowd left Bagdad again.\n", encoding="utf-8")
    result, report = check(run_cli, tmp_path, "--baseline", baseline, article)
    assert result.code == 1
    [new] = report["articles"][0]["findings"]
    assert (new["text"], new["line"]) == ("Bagdad", 8)


def test_baseline_file_errors(run_cli, tmp_path):
    article = tmp_path / "article.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    bad = tmp_path / "bad.json"
    bad.write_text("{}", encoding="utf-8")
    result, _ = check(run_cli, tmp_path, "--baseline", bad, article)
    assert result.code == 2 and "bad.json: not a baseline file (no 'version')" in result.stderr
    result, _ = check(run_cli, tmp_path, "--baseline", bad, "--baseline-write", bad, article)
    assert result.code == 2 and "cannot be combined" in result.stderr


def test_inline_markers_silence_their_line_or_the_next(run_cli, tmp_path):
    article = tmp_path / "article.txt"
    article.write_text(
        "Protests spread from Bagdad. audit: ignore[b.bagdad]\n"
        "<!-- audit: ignore b -->\n\n"
        "Police fired shots in Kerbala on Friday.\n"
        "Then Bagdad again. <!-- audit: ignore b.other-rule -->\n"
        "And Bagdad once more. audit: ignore\n",
        encoding="utf-8",
    )
    _, report = check(run_cli, tmp_path, article)
    assert [(f["text"], f["line"]) for f in report["articles"][0]["findings"]] == [("Bagdad", 5)]
