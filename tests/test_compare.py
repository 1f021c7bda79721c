"""``audit compare``: sacrebleu's own numbers and signatures, segments, the gate, the reports."""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path

import pytest
from conftest import ROOT
from jsonschema import Draft202012Validator
from referencing import Registry, Resource
from sacrebleu.metrics import BLEU, CHRF, TER

SAMPLES = ROOT / "seeds" / "bilingual"
HYPOTHESES = [
    "The minister resigned on Monday evening.",
    "He will be replaced by his deputy.",
    "The unions conspired the reform.",
]
REFERENCES = [
    [
        "The minister stepped down on Monday evening.",
        "His deputy will take over.",
        "The unions booed the reform.",
    ],
    [
        "The minister quit on Monday night.",
        "He will be replaced by his deputy.",
        "The unions jeered at the reform.",
    ],
]


def write(path: Path, lines: list[str], separator: str = "\n") -> Path:
    path.write_text(separator.join(lines) + "\n", encoding="utf-8")
    return path


def compare_json(run_cli, *args) -> dict:
    result = run_cli("compare", "--no-config", "--format", "json", *args)
    assert result.code in (0, 1), result.stderr
    return json.loads(result.stdout)


@pytest.fixture
def files(tmp_path):
    hyp = write(tmp_path / "hyp.txt", HYPOTHESES)
    refs = [write(tmp_path / f"ref{n}.txt", lines) for n, lines in enumerate(REFERENCES)]
    return hyp, refs


def test_scores_and_signatures_are_sacrebleu_s_own(run_cli, files):
    hyp, refs = files
    report = compare_json(run_cli, hyp, "--ref", refs[0], "--ref", refs[1])
    chrf, bleu, ter, segment_bleu = CHRF(word_order=2), BLEU(), TER(), BLEU(effective_order=True)
    assert report["corpus"] == {
        "chrf": chrf.corpus_score(HYPOTHESES, REFERENCES).score,
        "bleu": bleu.corpus_score(HYPOTHESES, REFERENCES).score,
        "ter": ter.corpus_score(HYPOTHESES, REFERENCES).score,
    }
    for index, segment in enumerate(report["segments"]):
        refs_here = [stream[index] for stream in REFERENCES]
        assert segment["chrf"] == chrf.sentence_score(HYPOTHESES[index], refs_here).score
        assert segment["bleu"] == segment_bleu.sentence_score(HYPOTHESES[index], refs_here).score
        assert segment["ter"] == ter.sentence_score(HYPOTHESES[index], refs_here).score
    assert report["signatures"] == {
        "chrf": str(chrf.get_signature()),
        "bleu": str(bleu.get_signature()),
        "ter": str(ter.get_signature()),
        "segment_bleu": str(segment_bleu.get_signature()),
    }
    assert (
        report["signatures"]["chrf"].startswith("nrefs:2|")
        and "nw:2" in report["signatures"]["chrf"]
    )


def test_the_worst_segments_come_with_their_findings(run_cli, files):
    hyp, refs = files
    report = compare_json(run_cli, hyp, "--ref", refs[0], "--worst", "2")
    by_chrf = sorted(report["segments"], key=lambda s: s["chrf"])
    assert report["worst"] == [s["index"] for s in by_chrf[:2]]
    third = report["segments"][2]
    assert [f["text"] for f in third["findings"]] == ["conspired"]
    text = run_cli("compare", "--no-config", hyp, "--ref", refs[0]).stdout
    assert "hyp: The unions conspired the reform." in text
    assert "ref: The unions booed the reform." in text
    assert "finding: major fr-en.false-friends" in text


def test_the_report_follows_its_schema(run_cli, files):
    hyp, refs = files
    report = compare_json(run_cli, hyp, "--ref", refs[0])
    schemas = resources.files("audit") / "schemas"
    loaded = {
        name: json.loads((schemas / name).read_text("utf-8"))
        for name in ("compare.schema.json", "report.schema.json")
    }
    registry = Registry().with_resources(
        (schema["$id"], Resource.from_contents(schema)) for schema in loaded.values()
    )
    validator = Draft202012Validator(loaded["compare.schema.json"], registry=registry)
    assert [error.message for error in validator.iter_errors(report)] == []


def test_the_gate_fails_on_each_bound(run_cli, files):
    hyp, refs = files
    report = compare_json(run_cli, hyp, "--ref", refs[0])
    chrf, bleu, ter = (report["corpus"][key] for key in ("chrf", "bleu", "ter"))
    passing = run_cli(
        "compare", "--no-config", hyp, "--ref", refs[0], "--min-chrf", str(chrf - 1),
        "--min-bleu", str(bleu - 1), "--max-ter", str(ter + 1),
    )  # fmt: skip
    assert passing.code == 0 and "verdict: PASSED" in passing.stdout
    failing = run_cli(
        "compare", "--no-config", hyp, "--ref", refs[0], "--min-chrf", str(chrf + 1),
        "--min-bleu", str(bleu + 1), "--max-ter", str(ter - 1),
    )  # fmt: skip
    assert failing.code == 1
    verdict = failing.stdout.strip().splitlines()[-1]
    assert verdict.startswith("verdict: FAILED (chrF++ ") and "BLEU" in verdict and "TER" in verdict


def test_sentences_are_the_segments_when_the_lines_differ(run_cli, tmp_path):
    hyp = write(tmp_path / "hyp.txt", [" ".join(HYPOTHESES)])
    ref = write(tmp_path / "ref.txt", REFERENCES[0])
    report = compare_json(run_cli, hyp, "--ref", ref)
    assert report["segmentation"] == "sentences"
    assert [s["hypothesis"] for s in report["segments"]] == HYPOTHESES


def test_counts_that_differ_are_an_error(run_cli, tmp_path):
    hyp = write(tmp_path / "hyp.txt", HYPOTHESES)
    ref = write(tmp_path / "ref.txt", REFERENCES[0][:2])
    result = run_cli("compare", "--no-config", hyp, "--ref", ref, "-o", tmp_path / "out.txt")
    assert result.code == 2 and not (tmp_path / "out.txt").exists()
    assert result.stderr == (
        f"error: {ref}: 2 sentences but the hypothesis {hyp} has 3: the files are not aligned\n"
    )


def test_a_bilingual_file_against_a_reference_file_or_its_reference_column(run_cli):
    against_file = compare_json(
        run_cli, SAMPLES / "council-2.0.xlf", "--ref", SAMPLES / "council.en"
    )
    assert [s["id"] for s in against_file["segments"]] == ["u1::s1", "u2::s1", "u3::s1", "u4::s1"]
    assert against_file["segmentation"] == "segments"
    column = compare_json(run_cli, SAMPLES / "court.tsv")
    assert column["references"] == [f"{SAMPLES / 'court.tsv'} [reference column]"]
    assert column["segments"][1]["references"] == ["He was charged with aggravated theft."]
    assert column["segments"][1]["chrf"] == 100.0


def test_markdown_lists_scores_signatures_and_worst_segments(run_cli, files):
    hyp, refs = files
    result = run_cli("compare", "--no-config", "-f", "markdown", hyp, "--ref", refs[0])
    assert "| chrF++ |" in result.stdout and "`nrefs:1\\|case:mixed" in result.stdout
    assert "| 3 | `3` |" in result.stdout


def test_no_reference_is_a_usage_error(run_cli, files):
    hyp, _ = files
    result = run_cli("compare", hyp)
    assert result.code == 2 and result.stderr.startswith("error: --ref: give a reference file")
