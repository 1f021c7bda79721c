"""Every report format names the segment of a bilingual file's findings; SARIF still validates."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from importlib import resources

import pytest
from conftest import ROOT
from jsonschema import Draft202012Validator
from test_reports_ci import schema_errors

SAMPLE = ROOT / "seeds" / "bilingual" / "storm.tmx"
BUDGET = ROOT / "seeds" / "bilingual" / "budget-1.2.xlf"


def report(run_cli, output_format, *paths):
    result = run_cli("check", "--no-config", "--format", output_format, *(paths or (SAMPLE,)))
    assert result.code == 1, result.stderr
    return result.stdout


def test_json_findings_carry_the_segment_and_validate(run_cli):
    data = json.loads(report(run_cli, "json", SAMPLE, ROOT / "seeds" / "000_476ed62aba232d44.txt"))
    schema = json.loads(
        (resources.files("audit") / "schemas" / "report.schema.json").read_text("utf-8")
    )
    assert list(Draft202012Validator(schema).iter_errors(data)) == []
    bilingual, plain = data["articles"]
    assert {f["segment"] for f in bilingual["findings"]} == {"storm-2", "storm-3"}
    assert {f["segment"] for f in plain["findings"]} == {None}


def test_text_and_github_name_the_segment_in_the_place(run_cli):
    text = report(run_cli, "text")
    assert f"{SAMPLE}#storm-2:2:36: major bilingual.numbers" in text
    github = report(run_cli, "github")
    assert f"::error file={SAMPLE},line=9,title=bilingual.numbers::segment storm-2, 2:36: " in (
        github
    )


def test_markdown_lists_the_findings_by_segment(run_cli):
    markdown = report(run_cli, "markdown")
    assert f"- `{SAMPLE}#storm-2` major `bilingual.numbers`: The numbers differ" in markdown


def test_sarif_names_the_segment_and_validates(run_cli):
    log = json.loads(report(run_cli, "sarif", SAMPLE, BUDGET))
    assert schema_errors(log) == []
    results = log["runs"][0]["results"]
    numbers = next(r for r in results if r["ruleId"] == "bilingual.numbers")
    [location] = numbers["locations"]
    assert location["logicalLocations"] == [
        {"name": "storm-2", "kind": "element", "fullyQualifiedName": f"{SAMPLE}#storm-2"}
    ]
    assert location["physicalLocation"]["region"] == {"startLine": 9}
    assert location["properties"]["region"]["snippet"] == {"text": "15,000"}
    assert numbers["properties"]["segment"] == "storm-2"
    confirmed = next(r for r in results if r["ruleId"].startswith("fr-en.false-friends"))
    assert confirmed["properties"]["confirmedBySource"] is True


def test_junit_names_the_segment_in_the_testcase(run_cli):
    root = ET.fromstring(report(run_cli, "junit"))
    names = {case.get("name") for case in root.iter("testcase")}
    assert "segment storm-2 2:36 15,000" in names
    failure = next(case for case in root.iter("testcase") if "storm-2" in case.get("name"))
    assert f"{SAMPLE}#storm-2:2:36" in failure.find("failure").text


@pytest.mark.parametrize("output_format", ["jsonl"])
def test_streaming_json_carries_the_segment(run_cli, output_format):
    [line] = report(run_cli, output_format).splitlines()
    assert {f["segment"] for f in json.loads(line)["findings"]} == {"storm-2", "storm-3"}


def test_sarif_rule_help_shows_pair_examples_as_source_and_target(run_cli):
    log = json.loads(report(run_cli, "sarif"))
    rules = {rule["id"]: rule for rule in log["runs"][0]["tool"]["driver"]["rules"]}
    help_text = rules["bilingual.numbers"]["help"]["text"]
    assert "- 'Le chômage a reculé à 7,3 % en mars.' => 'Unemployment fell to 3.7% in March.'" in (
        help_text
    )
