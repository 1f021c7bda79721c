"""Bad input through the real CLI: one line `error: ...` on stderr, exit 2, no traceback,
and no report file left behind."""

from __future__ import annotations

import codecs
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

GOOD_RULE = """\
pack: t
rules:
  - id: ok
    kind: pattern
    pattern: 'zzz'
    message: "m"
    severity: minor
    category: style
"""


def assert_one_line_error(result: Any, *fragments: str) -> None:
    assert result.code == 2, result
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("error: "), lines[0]
    assert "Traceback" not in result.stderr + result.stdout
    for fragment in fragments:
        assert fragment in lines[0], (fragment, lines[0])


@pytest.fixture
def article(tmp_path: Path) -> Path:
    path = tmp_path / "article.txt"
    path.write_text("The minister spoke on Friday in Baghdad about the talks.\n", encoding="utf-8")
    return path


@pytest.fixture
def check_with_output(
    run_cli: Callable[..., Any], tmp_path: Path
) -> Callable[..., tuple[Any, Path]]:
    """Run `audit check --fail-fast --format json --output FILE ARGS...`; return the result and
    FILE. (Without ``--fail-fast``, an unreadable input is an error entry of the report: see
    tests/faults.)"""

    def run(*args: str | Path) -> tuple[Any, Path]:
        report = tmp_path / "out" / "report.json"
        report.parent.mkdir(exist_ok=True)
        result = run_cli("check", "--fail-fast", "--format", "json", "--output", report, *args)
        return result, report

    return run


def assert_no_report(report: Path) -> None:
    assert not report.exists()
    assert list(report.parent.iterdir()) == [], "a temporary file was left behind"


def test_missing_path(check_with_output, tmp_path):
    result, report = check_with_output(tmp_path / "nope.txt")
    assert_one_line_error(result, "nope.txt", "no such file")
    assert_no_report(report)


def test_directory_without_matching_files(check_with_output, tmp_path):
    folder = tmp_path / "empty-dir"
    folder.mkdir()
    (folder / "notes.csv").write_text("a,b\n", encoding="utf-8")
    result, report = check_with_output(folder)
    assert_one_line_error(result, "empty-dir", "no files matching *.txt, *.md")
    assert_no_report(report)


def test_directory_of_bilingual_files_names_the_glob_that_reads_them(check_with_output, tmp_path):
    folder = tmp_path / "desk"
    folder.mkdir()
    (folder / "court.tsv").write_text("Bonjour.\tHello.\n", encoding="utf-8")
    (folder / "notes").write_text("not an article\n", encoding="utf-8")
    result, report = check_with_output(folder)
    assert_one_line_error(result, "desk", "it holds bilingual files: --glob '*.tsv' reads them")
    assert_no_report(report)


def test_empty_file(check_with_output, tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("  \n\n", encoding="utf-8")
    result, report = check_with_output(empty)
    assert_one_line_error(result, "empty.txt", "empty file")
    assert_no_report(report)


def test_binary_file(check_with_output, tmp_path):
    binary = tmp_path / "image.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00" * 4)
    result, report = check_with_output(binary)
    assert_one_line_error(result, "image.txt", "binary file")
    assert_no_report(report)


def test_latin1_file_without_encoding(check_with_output, tmp_path):
    latin = tmp_path / "latin.txt"
    latin.write_bytes("Le président a parlé à Bagdad.".encode("latin-1"))
    result, report = check_with_output(latin)
    assert_one_line_error(result, "latin.txt", "not valid UTF-8", "--encoding")
    assert_no_report(report)


def test_latin1_file_with_encoding_is_read(run_cli, tmp_path):
    latin = tmp_path / "latin.txt"
    latin.write_bytes("The président spoke in the capital on Friday.".encode("latin-1"))
    result = run_cli("check", "--format", "json", "--encoding", "latin-1", latin)
    assert result.code in (0, 1), result.stderr
    assert json.loads(result.stdout)["articles"][0]["stats"]["characters"] == 45


def test_utf16_without_bom(check_with_output, tmp_path):
    utf16 = tmp_path / "utf16.txt"
    utf16.write_bytes("The talks ended on Friday in Baghdad.".encode("utf-16-le"))
    result, report = check_with_output(utf16)
    assert_one_line_error(result, "utf16.txt", "UTF-16", "--encoding utf-16-le")
    assert_no_report(report)


def test_utf16_with_bom_is_decoded(run_cli, tmp_path):
    utf16 = tmp_path / "utf16.txt"
    utf16.write_bytes(codecs.BOM_UTF16_LE + "Talks ended in Bagdad.".encode("utf-16-le"))
    result = run_cli("check", "--format", "json", utf16)
    assert result.code in (0, 1), result.stderr
    assert json.loads(result.stdout)["articles"][0]["stats"]["characters"] == 22


def test_unknown_encoding(check_with_output, article):
    result, report = check_with_output("--encoding", "klingon", article)
    assert_one_line_error(result, "--encoding", "unknown encoding 'klingon'")
    assert_no_report(report)


BAD_PACKS = [
    pytest.param("rules: [\n", ("pack.yaml:2:1", "invalid YAML"), id="invalid-yaml"),
    pytest.param(
        GOOD_RULE.replace("message:", "mesage:"),
        ("pack.yaml:6:5", "unknown field 'mesage'", "did you mean 'message'?"),
        id="unknown-field",
    ),
    pytest.param(
        GOOD_RULE.replace("kind: pattern", "kind: patern"),
        ("pack.yaml:4:11", "unknown kind 'patern'", "did you mean 'pattern'?"),
        id="unknown-kind",
    ),
    pytest.param(
        GOOD_RULE.replace("'zzz'", "'(unclosed'"),
        ("pack.yaml:5:14", "invalid regex"),
        id="bad-regex",
    ),
    pytest.param(
        GOOD_RULE + GOOD_RULE.split("rules:\n")[1],
        ("pack.yaml:9:5", "duplicate rule id 't.ok'"),
        id="duplicate-id",
    ),
    pytest.param(
        GOOD_RULE.replace("severity: minor", "severity: severe"),
        ("pack.yaml:7:15", "'severity' must be one of"),
        id="bad-severity",
    ),
    pytest.param(
        GOOD_RULE.replace("category: style", "category: styel"),
        ("pack.yaml:8:15", "unknown category 'styel'"),
        id="bad-category",
    ),
    pytest.param(
        GOOD_RULE.replace('    message: "m"\n', ""),
        ("pack.yaml:3:5", "missing required field 'message'"),
        id="missing-field",
    ),
]


@pytest.mark.parametrize(("pack", "fragments"), BAD_PACKS)
def test_invalid_rule_pack(check_with_output, write_pack, article, pack, fragments):
    path = write_pack(pack)
    result, report = check_with_output("--no-builtin", "--rules", path, article)
    assert_one_line_error(result, *fragments)
    assert_no_report(report)


def test_unknown_format(check_with_output, article):
    result, report = check_with_output(article, "--format", "xml")
    assert_one_line_error(result, "--format", "unknown value 'xml'")
    assert_no_report(report)


def test_unknown_option(run_cli, article):
    assert_one_line_error(run_cli("check", "--colour", "never", article), "--colour")


def test_unwritable_output(run_cli, article, tmp_path):
    target = tmp_path / "missing-dir" / "report.json"
    result = run_cli("check", "--output", target, article)
    assert_one_line_error(result, "--output", "cannot write")
    assert not target.parent.exists()


def test_output_is_a_directory(run_cli, article, tmp_path):
    assert_one_line_error(run_cli("check", "--output", tmp_path, article), "is a directory")


def test_jsonl_line_that_is_not_json(check_with_output, tmp_path):
    records = tmp_path / "records.jsonl"
    records.write_text(
        '{"id": "a", "text": "The talks ended on Friday."}\n\n{"id": "b", text}\n', encoding="utf-8"
    )
    result, report = check_with_output("--jsonl", records)
    assert_one_line_error(result, "records.jsonl:3", "not valid JSON")
    assert_no_report(report)


def test_jsonl_record_without_text(check_with_output, tmp_path):
    records = tmp_path / "records.jsonl"
    records.write_text('{"id": "a", "body": "x"}\n', encoding="utf-8")
    result, report = check_with_output("--jsonl", records)
    assert_one_line_error(result, "records.jsonl:1", "no 'text'")
    assert_no_report(report)


def test_unknown_rule_selector(check_with_output, article):
    result, report = check_with_output("--disable", "fr-en.no-such-pack", article)
    assert_one_line_error(result, "--disable", "no rule, pack or tag matches")
    assert_no_report(report)


def test_no_paths(run_cli):
    assert_one_line_error(run_cli("check"), "give at least one file")


def test_bad_input_after_good_input_leaves_no_report(check_with_output, article, tmp_path):
    bad = tmp_path / "zz-bad.txt"
    bad.write_bytes(b"caf\xe9")
    result, report = check_with_output(article, bad)
    assert_one_line_error(result, "zz-bad.txt", "not valid UTF-8")
    assert_no_report(report)


def test_existing_report_survives_a_failed_run(run_cli, article, tmp_path):
    report = tmp_path / "report.json"
    report.write_text("previous report", encoding="utf-8")
    result = run_cli("check", "--fail-fast", "--output", report, article, tmp_path / "missing.txt")
    assert result.code == 2
    assert report.read_text(encoding="utf-8") == "previous report"
