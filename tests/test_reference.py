"""Scores against a reference translation (sacrebleu), from JSONL records or a directory."""

from __future__ import annotations

import json

import pytest
from sacrebleu.metrics import BLEU, CHRF, TER

MT = "Thousands of anti-power demonstrators took to the streets on Friday to conspire both Iran."
HUMAN = "Thousands of anti-government protesters took to the streets on Friday to boo Iran."


def run_json(run_cli, *args):
    result = run_cli("check", "--format", "json", "--no-config", "--language", "en", *args)
    return result, json.loads(result.stdout) if result.stdout else None


def test_jsonl_reference_is_scored_with_sacrebleu(run_cli, tmp_path):
    records = tmp_path / "in.jsonl"
    rows = [{"id": "a", "text": MT, "reference": HUMAN}, {"id": "b", "text": MT}]
    records.write_text("\n".join(json.dumps(r) for r in rows), encoding="utf-8")
    _, report = run_json(run_cli, "--jsonl", records)
    first, second = report["articles"]
    expected = {
        "chrf": CHRF(word_order=2).sentence_score(MT, [HUMAN]).score,
        "bleu": BLEU(effective_order=True).sentence_score(MT, [HUMAN]).score,
        "ter": TER().sentence_score(MT, [HUMAN]).score,
    }
    for name, value in expected.items():
        assert first["reference"][name] == pytest.approx(value, abs=0.01)
    assert first["reference"]["signatures"]["chrf"].startswith(
        "nrefs:1|case:mixed|eff:yes|nc:6|nw:2"
    )
    assert second["reference"] is None


def test_identical_reference_scores_perfectly(run_cli, tmp_path):
    records = tmp_path / "in.jsonl"
    records.write_text(json.dumps({"text": MT, "reference": MT}), encoding="utf-8")
    _, report = run_json(run_cli, "--jsonl", records)
    scores = report["articles"][0]["reference"]
    assert (scores["chrf"], scores["bleu"], scores["ter"]) == (100.0, 100.0, 0.0)


def test_reference_directory_matches_file_names(run_cli, tmp_path):
    articles, references = tmp_path / "mt", tmp_path / "human"
    articles.mkdir()
    references.mkdir()
    (articles / "one.txt").write_text(MT, encoding="utf-8")
    (articles / "two.txt").write_text(MT, encoding="utf-8")
    (references / "one.txt").write_text(HUMAN, encoding="utf-8")
    _, report = run_json(run_cli, "--references", references, articles)
    assert [a["reference"] is not None for a in report["articles"]] == [True, False]
    text = run_cli("check", "--no-config", "--references", references, articles).stdout
    assert "against the reference: chrF++" in text


def test_reference_errors(run_cli, tmp_path):
    (tmp_path / "a.txt").write_text(MT, encoding="utf-8")
    result, _ = run_json(run_cli, "--references", tmp_path / "nope", tmp_path / "a.txt")
    assert result.code == 2 and "--references needs a directory" in result.stderr
    records = tmp_path / "in.jsonl"
    records.write_text(json.dumps({"text": MT, "reference": 3}), encoding="utf-8")
    result, _ = run_json(run_cli, "--jsonl", records)
    assert result.code == 2 and "in.jsonl:1: 'reference' must be a string" in result.stderr
