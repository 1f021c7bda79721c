"""Bilingual files through the real CLI: each format parses, a broken one is a one-line error."""

from __future__ import annotations

import json
import sys

import pytest
from conftest import ROOT

from audit.text.bilingual.formats import format_of

SAMPLES = ROOT / "seeds" / "bilingual"
EXPECTED = {
    "budget-1.2.xlf": ("xliff", ["title", "p1", "p2", "p3", "p4"]),
    "council-2.0.xlf": ("xliff", ["u1::s1", "u2::s1", "u3::s1", "u4::s1"]),
    "storm.tmx": ("tmx", ["storm-1", "storm-2", "storm-3", "storm-4"]),
    "museum.po": ("po", ["1", "2", "3", "4"]),
    "court.tsv": ("tsv", ["2", "3", "4", "5"]),
    "transport.csv": ("csv", ["2", "3", "4", "5"]),
}
BROKEN = {
    "unit.xlf": (
        '<?xml version="1.0"?>\n'
        '<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">\n'
        '<file><body>\n<trans-unit id="1"><source>Oui</source></trans-unit\n'
        "</body></file></xliff>",
        "unit.xlf:5: not well-formed XML",
    ),
    "segments.xlf": (
        '<?xml version="1.0"?>\n'
        '<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="fr">\n'
        '<file id="f"><unit id="u"><segment><source>Oui</source>\n'
        "<target>Yes</source></segment></unit></file></xliff>\n",
        "segments.xlf:4: not well-formed XML",
    ),
    "other.xlf": ("<?xml version='1.0'?>\n<html><body/></html>\n", "other.xlf:1: not an XLIFF"),
    "memory.tmx": (
        '<tmx version="1.4">\n<header srclang="fr"/>\n<body><tu><tuv xml:lang="fr">\n',
        "memory.tmx:4: not well-formed XML",
    ),
    "strings.po": (
        'msgid "Oui"\nmsgstr "Yes"\n\nmsgid "Non\nmsgstr "No"\n',
        "strings.po:4: not a valid PO",
    ),
    "pairs.tsv": ("Oui\tYes\nNon\n", "pairs.tsv:2: expected 2 columns"),
    "pairs.csv": ('"Oui","Yes"\n"Non,No\n', "pairs.csv:2: not valid CSV"),
    "empty.po": ('msgid ""\nmsgstr "Language: en\\n"\n', "empty.po: no translation units"),
}


def findings(run_cli, *args):
    result = run_cli("check", "--no-config", "--format", "json", *args)
    assert result.code in (0, 1), result.stderr
    return json.loads(result.stdout)["articles"]


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_each_format_parses_into_segments_whose_ids_the_findings_name(run_cli, name):
    file_format, ids = EXPECTED[name]
    assert format_of(name) == file_format
    [article] = findings(run_cli, SAMPLES / name)
    segments = {finding["segment"] for finding in article["findings"]}
    assert article["findings"] and segments <= set(ids)
    assert article["stats"]["paragraphs"] <= len(ids)
    assert article["source_language"]["code"] in ("fr", None)


def test_the_source_language_comes_from_the_file(run_cli):
    for name in ("budget-1.2.xlf", "council-2.0.xlf", "storm.tmx", "museum.po"):
        [article] = findings(run_cli, SAMPLES / name)
        assert article["source_language"] == {"code": "fr", "given": True}, name


def test_a_finding_points_at_its_span_in_the_target_text(run_cli):
    [article] = findings(run_cli, SAMPLES / "storm.tmx")
    [number] = [f for f in article["findings"] if f["rule"] == "bilingual.numbers"]
    assert (number["segment"], number["text"], number["line"]) == ("storm-2", "15,000", 2)


@pytest.mark.parametrize("name", sorted(BROKEN))
def test_a_malformed_file_is_one_error_line_with_its_line_and_no_report(run_cli, tmp_path, name):
    content, expected = BROKEN[name]
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    report = tmp_path / "report.json"
    result = run_cli("check", "--no-config", "--fail-fast", "-f", "json", "-o", report, path)
    assert result.code == 2, result.stderr
    assert result.stderr.startswith(f"error: {tmp_path / expected}"), result.stderr
    assert len(result.stderr.strip().splitlines()) == 1 and "Traceback" not in result.stderr
    assert not report.exists() and result.stdout == ""


def test_input_format_forces_a_format_and_walks_its_extensions(run_cli, tmp_path):
    (tmp_path / "pairs.txt").write_text("Il pleut.\tIt rains!\n", encoding="utf-8")
    [forced] = findings(run_cli, "--input-format", "tsv", tmp_path / "pairs.txt")
    assert [f["rule"] for f in forced["findings"]] == ["bilingual.punctuation"]
    (tmp_path / "more.tsv").write_text("Il neige.\tIt snows.\n", encoding="utf-8")
    walked = findings(run_cli, "--input-format", "tsv", tmp_path)
    assert [article["path"] for article in walked] == [str(tmp_path / "more.tsv")]
    [plain] = findings(run_cli, "--input-format", "text", tmp_path / "more.tsv")
    assert plain["stats"]["characters"] == len("Il neige.\tIt snows.\n")
    assert all(f["segment"] is None for f in plain["findings"])


def test_standard_input_with_a_forced_format(run_cli):
    stdin = b"Le taux est de 3 %.\tThe rate is 4%.\n"
    result = run_cli(
        "check", "--no-config", "-f", "json", "--input-format", "tsv", "-", stdin=stdin
    )
    [article] = json.loads(result.stdout)["articles"]
    assert article["path"] == "-" and article["findings"][0]["rule"] == "bilingual.numbers"


def test_an_unknown_input_format_is_a_usage_error(run_cli):
    result = run_cli("check", "--input-format", "xlif", "x.xlf")
    assert result.code == 2
    assert result.stderr.startswith("error: --input-format: unknown value 'xlif'")


def test_monolingual_input_gets_null_segments(run_cli):
    [article] = findings(run_cli, ROOT / "seeds" / "000_476ed62aba232d44.txt")
    assert {(f["segment"], f["confirmed_by_source"]) for f in article["findings"]} == {(None, None)}


def test_without_translate_toolkit_the_error_says_what_to_install(run_cli, monkeypatch):
    monkeypatch.setitem(sys.modules, "translate.storage.tmx", None)
    result = run_cli("check", "--no-config", SAMPLES / "storm.tmx")
    assert result.code == 2
    assert result.stderr == (
        f"error: {SAMPLES / 'storm.tmx'}: reading TMX needs translate-toolkit: "
        "pip install 'translation-audit[bilingual]'\n"
    )


def test_worker_processes_give_the_same_report(run_cli, tmp_path):
    for number in range(17):
        (tmp_path / f"storm{number:02d}.tmx").write_bytes((SAMPLES / "storm.tmx").read_bytes())
    one = run_cli(
        "check", "--no-config", "-q", "-f", "json", "--jobs", "1", "--input-format", "tmx", tmp_path
    )
    two = run_cli(
        "check", "--no-config", "-q", "-f", "json", "--jobs", "2", "--input-format", "tmx", tmp_path
    )
    assert one.code == two.code == 1 and one.stdout == two.stdout
    assert len(json.loads(two.stdout)["articles"]) == 17
