"""The JSON report: schema, exact offsets, determinism, JSONL, stdin and the Python API."""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path

import jsonschema
import pytest

from audit import Auditor

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


@pytest.fixture(scope="module")
def schema():
    text = (resources.files("audit") / "schemas" / "report.schema.json").read_text("utf-8")
    return json.loads(text)


@pytest.fixture(scope="module")
def seeds_report(tmp_path_factory):
    from audit.cli import app as cli

    out = tmp_path_factory.mktemp("report") / "seeds.json"
    assert cli.main(["check", "--format", "json", "--no-config", "-o", str(out), str(SEEDS)]) in (
        0,
        1,
    )
    return out.read_text(encoding="utf-8")


def test_seeds_report_validates_against_the_schema(schema, seeds_report):
    report = json.loads(seeds_report)
    jsonschema.Draft202012Validator(schema).validate(report)
    assert report["summary"]["articles"] == 5 == len(report["articles"])


def test_offsets_are_exact(seeds_report):
    for article in json.loads(seeds_report)["articles"]:
        text = Path(article["path"]).read_text(encoding="utf-8")
        lines = text.split("\n")
        for finding in article["findings"]:
            assert text[finding["start"] : finding["end"]] == finding["text"]
            line = lines[finding["line"] - 1]
            assert line[finding["column"] - 1 :].startswith(finding["text"].split("\n")[0])


def test_two_runs_are_byte_identical(run_cli, seeds_report, tmp_path):
    second = tmp_path / "again.json"
    assert run_cli("check", "--format", "json", "--no-config", "-o", second, SEEDS).code in (0, 1)
    assert second.read_text(encoding="utf-8") == seeds_report


def test_jsonl_lines_are_the_articles_of_the_json_report(run_cli, seeds_report):
    result = run_cli("check", "--format", "jsonl", "--no-config", SEEDS)
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert lines == json.loads(seeds_report)["articles"]


def test_stdin_and_jsonl_input(run_cli, tmp_path):
    text = "The minister spoke in the capital on Friday about the troops."
    result = run_cli("check", "--format", "json", "--no-config", "-", stdin=text.encode())
    [article] = json.loads(result.stdout)["articles"]
    assert (article["path"], article["stats"]["characters"]) == ("-", len(text))

    records = tmp_path / "in.jsonl"
    rows = [{"id": "a1", "text": text, "source_language": "fr"}, {"text": text}]
    records.write_text("\n".join(json.dumps(r) for r in rows) + "\n", encoding="utf-8")
    result = run_cli("check", "--format", "json", "--no-config", "--jsonl", records)
    articles = json.loads(result.stdout)["articles"]
    assert [(a["id"], a["source_language"]) for a in articles] == [
        ("a1", {"code": "fr", "given": True}),
        ("in:2", {"code": None, "given": False}),
    ]


def test_python_api_returns_the_json_article(seeds_report):
    seed = json.loads(seeds_report)["articles"][1]
    path = SEEDS / f"{seed['id']}.txt"
    text = path.read_text(encoding="utf-8")
    article = Auditor.from_rules().check_text(text, id=seed["id"], path=seed["path"])
    assert article == seed


def test_crlf_text_keeps_true_offsets(run_cli, tmp_path):
    article = tmp_path / "crlf.txt"
    text = "First line here.\r\nProtests in Bagdad today, with the police in Kerbala.\r\n"
    article.write_bytes(text.encode("utf-8"))
    pack = tmp_path / "p.yaml"
    pack.write_text(
        "rules:\n  - id: x\n    kind: lexicon\n    message: m\n    severity: minor\n"
        "    category: style\n    entries: {Bagdad: Baghdad}\n",
        encoding="utf-8",
    )
    result = run_cli("check", "--format", "json", "--no-builtin", "--rules", pack, article)
    [finding] = json.loads(result.stdout)["articles"][0]["findings"]
    assert text[finding["start"] : finding["end"]] == "Bagdad"
    assert (finding["line"], finding["column"]) == (2, 13)


def test_a_jsonl_line_with_many_findings_is_the_article_as_json(run_cli, tmp_path):
    article = tmp_path / "many.txt"
    article.write_text("Clashes broke out in Bagdad again. " * 150 + "\n", encoding="utf-8")
    result = run_cli("check", "--no-config", "--format", "jsonl", str(article))
    record = json.loads(result.stdout)
    assert len(record["findings"]) > 2 * 64
    assert result.stdout == json.dumps(record, ensure_ascii=False) + "\n"
