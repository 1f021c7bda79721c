"""The CI report formats (sarif, junit, github) through the real CLI.

A small rule pack of the tests' own (one rule per severity, one disabled
rule) keeps the findings independent of the shipped packs. SARIF is checked
against the vendored official schema, JUnit against the JSON report of the
same run, and the GitHub lines against the workflow-command grammar.
"""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from conftest import ROOT, SEEDS, CliResult
from jsonschema import Draft7Validator

SARIF_SCHEMA = Path(__file__).parent / "schemas" / "sarif-schema-2.1.0.json"
PACK = r"""
pack: ci
defaults:
  category: style/awkward
rules:
  - id: said
    kind: pattern
    pattern: '\bsaid\b'
    message: "'{match}' is flagged as major: write {suggestions}"
    severity: major
    suggest: [stated, told]
    link: https://example.org/rules/said
    description: "Flags the verb 'said'.\n\nA rule for testing reports."
    tags: [test, verbs]
    examples:
      flag: ["He said so."]
      pass: ["He says so."]
  - id: police
    kind: pattern
    pattern: '\bpolice\b'
    message: "'{match}' is flagged as minor"
    severity: minor
  - id: the
    kind: pattern
    pattern: '\bThe\b'
    message: "'{match}' is noted"
    severity: neutral
  - id: every-a
    kind: pattern
    pattern: 'a'
    message: "disabled, never runs"
    severity: critical
    enabled: false
"""
ENABLED_RULES = {"ci.said", "ci.police", "ci.the"}
SEVERITY_OF = {"ci.said": "major", "ci.police": "minor", "ci.the": "neutral"}
SARIF_LEVELS = {"major": "error", "minor": "warning", "neutral": "note"}
GITHUB_COMMANDS = {"major": "error", "minor": "warning", "neutral": "notice"}
Runner = Callable[..., CliResult]


@pytest.fixture
def pack(write_pack: Callable[[str, str], Path]) -> Path:
    return write_pack(PACK, "ci.yaml")


@pytest.fixture
def check(run_cli: Runner, pack: Path) -> Runner:
    """``audit check --no-builtin --rules PACK ARGS...``"""

    def run(*args: str | Path) -> CliResult:
        result = run_cli("check", "--no-builtin", "--rules", pack, *args)
        assert result.code in (0, 1), result.stderr
        return result

    return run


def json_report(check: Runner, *args: str | Path) -> dict[str, Any]:
    return json.loads(check("--format", "json", *args).stdout)


def sarif_run(check: Runner, *args: str | Path) -> dict[str, Any]:
    log = json.loads(check("--format", "sarif", *args).stdout)
    assert len(log["runs"]) == 1
    return log["runs"][0]


def line_col(text: str, offset: int) -> tuple[int, int]:
    line_start = text.rfind("\n", 0, offset) + 1
    return text.count("\n", 0, offset) + 1, offset - line_start + 1


# --- sarif ---------------------------------------------------------------------------


def schema_refs(node: Any) -> Iterator[str]:
    if isinstance(node, dict):
        if isinstance(node.get("$ref"), str):
            yield node["$ref"]
        for value in node.values():
            yield from schema_refs(value)
    elif isinstance(node, list):
        for value in node:
            yield from schema_refs(value)


def schema_errors(log: dict[str, Any]) -> list[str]:
    """The SARIF log's violations of the vendored official schema, offline."""
    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    assert schema["$schema"] == "http://json-schema.org/draft-07/schema#"
    assert all(ref.startswith("#") for ref in schema_refs(schema)), "no remote $ref"
    Draft7Validator.check_schema(schema)
    validator = Draft7Validator(schema, format_checker=Draft7Validator.FORMAT_CHECKER)
    return [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(log)]


def test_sarif_validates_against_the_official_schema(check: Runner) -> None:
    log = json.loads(check("--format", "sarif", SEEDS).stdout)
    assert schema_errors(log) == []
    assert log["version"] == "2.1.0"
    assert log["runs"][0]["results"], "the test pack flags something in the seeds"


def test_sarif_describes_every_enabled_rule_and_only_those(check: Runner) -> None:
    run = sarif_run(check, SEEDS)
    driver = run["tool"]["driver"]
    assert driver["name"] == "translation-audit"
    assert driver["version"] and driver["informationUri"].startswith("https://")
    rules = driver["rules"]
    assert {rule["id"] for rule in rules} == ENABLED_RULES
    for rule in rules:
        severity = SEVERITY_OF[rule["id"]]
        assert rule["defaultConfiguration"]["level"] == SARIF_LEVELS[severity]
        assert rule["properties"]["severity"] == severity
        assert rule["properties"]["category"] == "style/awkward"
        assert rule["properties"]["kind"] == "pattern"
    said = next(rule for rule in rules if rule["id"] == "ci.said")
    assert said["name"] == "Said"
    assert said["helpUri"] == "https://example.org/rules/said"
    assert said["shortDescription"]["text"] == "Flags the verb 'said'."
    assert said["properties"]["tags"] == ["test", "verbs"]
    assert "He said so." in said["help"]["text"] and "He says so." in said["help"]["text"]
    police = next(rule for rule in rules if rule["id"] == "ci.police")
    assert "helpUri" not in police
    assert police["shortDescription"]["text"] == "'the flagged text' is flagged as minor"
    for result in run["results"]:
        assert rules[result["ruleIndex"]]["id"] == result["ruleId"]
        assert result["level"] == SARIF_LEVELS[SEVERITY_OF[result["ruleId"]]]


def test_sarif_regions_match_the_text(check: Runner, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    run = sarif_run(check, "seeds")
    texts: dict[str, str] = {}
    for result in run["results"]:
        location = result["locations"][0]["physicalLocation"]
        uri = location["artifactLocation"]["uri"]
        assert uri.startswith("seeds/"), "a relative path stays relative"
        text = texts.setdefault(uri, Path(uri).read_text(encoding="utf-8"))
        region = location["region"]
        start, length = region["charOffset"], region["charLength"]
        assert text[start : start + length] == region["snippet"]["text"]
        assert (region["startLine"], region["startColumn"]) == line_col(text, start)
        assert (region["endLine"], region["endColumn"]) == line_col(text, start + length)
    assert len(texts) > 1


def test_sarif_results_match_the_json_report(check: Runner) -> None:
    run = sarif_run(check, SEEDS)
    report = json_report(check, SEEDS)
    findings = [finding for article in report["articles"] for finding in article["findings"]]
    assert [r["ruleId"] for r in run["results"]] == [f["rule"] for f in findings]
    assert [r["message"]["text"] for r in run["results"]] == [f["message"] for f in findings]
    assert [r["properties"]["suggestions"] for r in run["results"]] == [
        f["suggestions"] for f in findings
    ]
    articles = run["properties"]["articles"]
    assert [a["quality"] for a in articles] == [a["quality"] for a in report["articles"]]
    assert [a["verdict"] for a in articles] == [a["verdict"] for a in report["articles"]]
    assert run["properties"]["summary"] == report["summary"]


def test_sarif_fingerprints_survive_unrelated_edits(check: Runner, tmp_path: Path) -> None:
    article = tmp_path / "article.txt"
    body = "He said yes.\nThe police said no, and he said nothing.\n"
    article.write_text(body, encoding="utf-8")
    before = sarif_run(check, article)["results"]
    article.write_text("A new first paragraph.\n\n" + body, encoding="utf-8")
    after = sarif_run(check, article)["results"]
    assert len(before) == len(after) == 5

    def fingerprints(results: list[dict[str, Any]]) -> list[dict[str, str]]:
        return [result["partialFingerprints"] for result in results]

    def lines(results: list[dict[str, Any]]) -> list[int]:
        return [r["locations"][0]["physicalLocation"]["region"]["startLine"] for r in results]

    assert fingerprints(before) == fingerprints(after)
    assert lines(after) == [line + 2 for line in lines(before)]
    said = [json.dumps(r["partialFingerprints"]) for r in before if r["ruleId"] == "ci.said"]
    assert len(said) == len(set(said)) == 3, "each occurrence has its own fingerprint"


def test_sarif_jsonl_records_name_the_file_and_the_record(check: Runner, tmp_path: Path) -> None:
    records = [{"id": "r1", "text": "Nothing here."}, {"id": "r2", "text": "They said so."}]
    jsonl = tmp_path / "batch.jsonl"
    jsonl.write_text("\n".join(json.dumps(record) for record in records), encoding="utf-8")
    log = json.loads(check("--format", "sarif", "--jsonl", jsonl).stdout)
    assert schema_errors(log) == []
    (result,) = log["runs"][0]["results"]
    location = result["locations"][0]
    assert location["physicalLocation"]["artifactLocation"]["uri"] == jsonl.as_uri()
    assert "region" not in location["physicalLocation"], "the file's lines are not the record's"
    assert location["properties"]["record"] == "r2"
    region = location["properties"]["region"]
    start = region["charOffset"]
    assert records[1]["text"][start : start + region["charLength"]] == "said"


# --- junit ---------------------------------------------------------------------------


def junit_root(check: Runner, *args: str | Path) -> ET.Element:
    return ET.fromstring(check("--format", "junit", *args).stdout)


def counts(element: ET.Element) -> dict[str, int]:
    return {name: int(element.attrib[name]) for name in ("tests", "failures", "errors", "skipped")}


def test_junit_counts_match_the_json_report(check: Runner) -> None:
    root = junit_root(check, SEEDS)
    report = json_report(check, SEEDS)
    suites = root.findall("testsuite")
    assert root.tag == "testsuites"
    assert [suite.get("name") for suite in suites] == [a["path"] for a in report["articles"]]
    for suite, article in zip(suites, report["articles"], strict=True):
        findings = article["findings"]
        failing = sum(f["severity"] in ("major", "critical") for f in findings)
        gate_failed = not article["verdict"]["passed"]
        assert counts(suite) == {
            "tests": len(findings) + 1,
            "failures": failing + gate_failed,
            "errors": 0,
            "skipped": 0,
        }
        cases = suite.findall("testcase")
        assert [case.get("classname") for case in cases[:-1]] == [f["rule"] for f in findings]
        for case, finding in zip(cases[:-1], findings, strict=True):
            assert case.get("name") == f"{finding['line']}:{finding['column']} {finding['text']}"
            failure = case.find("failure")
            assert (failure is not None) == (finding["severity"] in ("major", "critical"))
        assert cases[-1].get("name") == "gate"
        properties = {p.get("name"): p.get("value") for p in suite.iter("property")}
        assert properties["quality.score"] == f"{article['quality']['score']:.1f}"
        assert properties["quality.signature"] == article["quality"]["signature"]
    total = {name: sum(counts(suite)[name] for suite in suites) for name in counts(root)}
    assert counts(root) == total
    assert total["failures"] > 0


def test_junit_clean_article_has_one_passing_gate(check: Runner, tmp_path: Path) -> None:
    article = tmp_path / "clean.txt"
    article.write_text("Nothing to report in this short text.\n", encoding="utf-8")
    (suite,) = junit_root(check, article).findall("testsuite")
    assert counts(suite) == {"tests": 1, "failures": 0, "errors": 0, "skipped": 0}
    (gate,) = suite.findall("testcase")
    assert gate.get("name") == "gate" and gate.find("failure") is None


def test_junit_gate_carries_the_verdict_whatever_the_policy(check: Runner, tmp_path: Path) -> None:
    article = tmp_path / "minor.txt"
    article.write_text("Then the police arrived.\n", encoding="utf-8")
    (suite,) = junit_root(check, "--fail-on", "minor", article).findall("testsuite")
    police, gate = suite.findall("testcase")
    assert police.get("classname") == "ci.police"
    assert police.find("failure") is None
    assert "is flagged as minor" in police.findtext("system-out", "")
    failure = gate.find("failure")
    assert failure is not None and "severity minor or worse" in failure.get("message", "")
    assert counts(suite)["failures"] == 1


def test_junit_replaces_characters_xml_cannot_hold(
    run_cli: Runner, write_pack: Callable[[str, str], Path], tmp_path: Path
) -> None:
    pack = write_pack(
        "pack: ctl\nrules:\n  - {id: vt, kind: pattern, pattern: 'said\\v', message: 'got {match}',"
        " severity: major, category: fluency/typography}\n",
        "ctl.yaml",
    )
    article = tmp_path / "control.txt"
    article.write_text("He said\vno.\n", encoding="utf-8")
    result = run_cli("check", "--no-builtin", "--rules", pack, "--format", "junit", article)
    failure = ET.fromstring(result.stdout).find("testsuite/testcase/failure")
    assert failure is not None
    assert failure.get("message") == "got said\ufffd"


# --- github --------------------------------------------------------------------------

PROPERTY_VALUE = r"(?:[^%,:\r\n]|%(?:25|0D|0A|3A|2C))*"
COMMAND_LINE = re.compile(
    rf"::(?P<command>error|warning|notice)"
    rf"(?: (?P<properties>[A-Za-z]+={PROPERTY_VALUE}(?:,[A-Za-z]+={PROPERTY_VALUE})*))?"
    r"::(?P<message>(?:[^%\r\n]|%(?:25|0D|0A))*)"
)
FINDING_KEYS = ["file", "line", "col", "endLine", "endColumn", "title"]


def unescape(value: str) -> str:
    for escaped, raw in (("%0D", "\r"), ("%0A", "\n"), ("%3A", ":"), ("%2C", ","), ("%25", "%")):
        value = value.replace(escaped, raw)
    return value


def commands(output: str) -> list[tuple[str, dict[str, str], str]]:
    assert output.endswith("\n")
    parsed = []
    for line in output.splitlines():
        match = COMMAND_LINE.fullmatch(line)
        assert match, f"not a workflow command: {line!r}"
        pairs = (match["properties"] or "").split(",") if match["properties"] else []
        properties = dict(pair.split("=", 1) for pair in pairs)
        parsed.append((match["command"], properties, match["message"]))
    return parsed


def test_github_lines_follow_the_command_grammar(check: Runner) -> None:
    lines = commands(check("--format", "github", SEEDS).stdout)
    report = json_report(check, SEEDS)
    findings = [(a["path"], f) for a in report["articles"] for f in a["findings"]]
    failed = [a["path"] for a in report["articles"] if not a["verdict"]["passed"]]
    assert len(lines) == len(findings) + len(failed) + 1
    finding_lines = [line for line in lines if line[1].get("title", "").startswith("ci.")]
    for (command, properties, message), (path, finding) in zip(
        finding_lines, findings, strict=True
    ):
        assert command == GITHUB_COMMANDS[finding["severity"]]
        assert list(properties) == FINDING_KEYS
        assert unescape(properties["file"]) == path
        assert properties["title"] == finding["rule"]
        expected = [finding[k] for k in ("line", "column", "end_line", "end_column")]
        assert [int(properties[k]) for k in FINDING_KEYS[1:5]] == expected
        assert unescape(message) == finding["message"]
    gates = [line for line in lines[:-1] if line[1].get("title") == "translation-audit gate"]
    assert [unescape(properties["file"]) for _, properties, _ in gates] == failed
    command, properties, message = lines[-1]
    assert command == ("error" if failed else "notice")
    assert f"{report['summary']['failed']} failed" in message


def test_github_escapes_properties_and_messages(
    run_cli: Runner, write_pack: Callable[[str, str], Path], tmp_path: Path
) -> None:
    message = "100% sure: '{match}', really\r\nsecond line"
    pack = write_pack(
        "pack: esc\nrules:\n  - id: said\n    kind: pattern\n    pattern: 'said'\n"
        f"    message: {json.dumps(message)}\n    severity: minor\n    category: style\n",
        "esc.yaml",
    )
    article = tmp_path / "odd, name: 50%.txt"
    article.write_text("He said no.\n", encoding="utf-8")
    output = run_cli("check", "--no-builtin", "--rules", pack, "--format", "github", article)
    finding, summary = commands(output.stdout)
    command, properties, escaped = finding
    assert command == "warning"
    assert "%2C" in properties["file"] and "%3A" in properties["file"]
    assert "%25" in properties["file"]
    assert unescape(properties["file"]) == str(article)
    assert escaped == "100%25 sure: 'said', really%0D%0Asecond line"
    assert unescape(escaped) == message.replace("{match}", "said")
    assert summary[0] == "notice"


def test_github_jsonl_records_name_the_record(check: Runner, tmp_path: Path) -> None:
    jsonl = tmp_path / "batch.jsonl"
    jsonl.write_text(json.dumps({"id": "r7", "text": "Word.\nThey said so."}), encoding="utf-8")
    (command, properties, message), *_ = commands(
        check("--format", "github", "--jsonl", jsonl).stdout
    )
    assert command == "error"
    assert list(properties) == ["file", "title"]
    assert unescape(message).startswith("record r7, 2:6: 'said'")


# --- all three -----------------------------------------------------------------------


@pytest.mark.parametrize("output_format", ["sarif", "junit", "github"])
def test_output_file_has_the_same_bytes_as_stdout(
    check: Runner, tmp_path: Path, output_format: str
) -> None:
    shown = check("--format", output_format, SEEDS)
    report = tmp_path / f"report.{output_format}"
    written = check("--format", output_format, "--output", report, SEEDS)
    assert written.stdout == ""
    assert report.read_bytes() == shown.stdout.encode("utf-8")
    assert written.code == shown.code
