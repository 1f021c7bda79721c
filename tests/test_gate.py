"""The pre-publication gate through the CLI: config files, each policy, exit codes 0/1/2."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

PACK = """\
pack: g
rules:
  - id: bagdad
    kind: lexicon
    message: "French spelling."
    severity: minor
    category: locale-convention/name-format
    entries: {Bagdad: Baghdad}
  - id: conspire
    kind: pattern
    pattern: '\\bconspire\\b'
    message: "Looks like French conspuer."
    severity: major
    category: accuracy/mistranslation
"""
ARTICLE = (
    "Thousands of protesters marched in Bagdad on Friday to demand the departure of foreign "
    "troops, and the crowd chanted slogans against both governments for hours.\n"
)


@pytest.fixture
def workspace(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A directory with a pack and an article; the working directory during the test."""
    (tmp_path / "pack.yaml").write_text(PACK, encoding="utf-8")
    (tmp_path / "article.txt").write_text(ARTICLE, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def run_json(run_cli, *args):
    result = run_cli("check", "--format", "json", "--no-builtin", *args, "article.txt")
    report = json.loads(result.stdout) if result.stdout else None
    return result, report


def write_config(workspace: Path, text: str, name: str = "audit.yaml") -> Path:
    path = workspace / name
    path.write_text(text, encoding="utf-8")
    return path


def test_default_policy_passes_minor_findings(workspace, run_cli):
    result, report = run_json(run_cli, "--rules", "pack.yaml")
    assert result.code == 0
    assert report["articles"][0]["verdict"] == {"passed": True, "reasons": [], "notes": []}


def test_fail_on_option_fails_the_article(workspace, run_cli):
    result, report = run_json(run_cli, "--rules", "pack.yaml", "--fail-on", "minor")
    assert result.code == 1
    assert report["articles"][0]["verdict"]["reasons"] == ["1 finding of severity minor or worse"]


def test_config_found_upward_sets_packs_and_policy(workspace, run_cli, monkeypatch):
    write_config(workspace, "packs: [pack.yaml]\ngate:\n  fail_on: minor\n")
    nested = workspace / "drafts" / "today"
    nested.mkdir(parents=True)
    (nested / "article.txt").write_text(ARTICLE, encoding="utf-8")
    monkeypatch.chdir(nested)
    result, report = run_json(run_cli)
    assert result.code == 1
    assert report["summary"]["findings"]["minor"] == 1


def test_command_line_overrides_the_config(workspace, run_cli):
    write_config(workspace, "packs: [pack.yaml]\ngate: {fail_on: minor}\n")
    result, _ = run_json(run_cli, "--fail-on", "major")
    assert result.code == 0
    result, _ = run_json(run_cli, "--no-config", "--rules", "pack.yaml", "--fail-on", "minor")
    assert result.code == 1


def test_min_quality_policy(workspace, run_cli):
    write_config(workspace, "packs: [pack.yaml]\ngate: {min_quality: 99.5}\n")
    result, report = run_json(run_cli)
    score = report["articles"][0]["quality"]["score"]
    assert result.code == 1 and score < 99.5
    assert report["articles"][0]["verdict"]["reasons"] == [f"quality score {score:.1f} < 99.5"]


def test_readability_bounds_policy(workspace, run_cli):
    write_config(workspace, "gate:\n  readability:\n    flesch_reading_ease: {min: 90}\n")
    result, report = run_json(run_cli)
    ease = report["articles"][0]["readability"]["flesch_reading_ease"]
    assert result.code == 1 and ease < 90
    [reason] = report["articles"][0]["verdict"]["reasons"]
    assert reason.startswith("flesch_reading_ease ") and reason.endswith(" < 90")
    write_config(workspace, "gate:\n  readability:\n    flesch_kincaid_grade: {max: 40}\n")
    assert run_json(run_cli)[0].code == 0


def test_readability_settings_from_config(workspace, run_cli):
    write_config(workspace, "readability:\n  formulas: [lix]\n  long_sentence_words: 10\n")
    _, report = run_json(run_cli)
    readability = report["articles"][0]["readability"]
    assert readability["lix"] is not None and "flesch_reading_ease" not in readability
    assert readability["long_sentences"][0]["words"] > 10
    assert "formulas:lix|long:10" in readability["signature"]


def test_max_findings_per_category_policy(workspace, run_cli):
    config = "packs: [pack.yaml]\ngate:\n  max_findings: {locale-convention: 0}\n"
    write_config(workspace, config)
    result, report = run_json(run_cli)
    assert result.code == 1
    assert report["articles"][0]["verdict"]["reasons"] == ["1 locale-convention findings > 0"]


def test_expected_language_policy(workspace, run_cli):
    write_config(workspace, "gate:\n  languages: [fr, de]\n")
    result, report = run_json(run_cli)
    assert result.code == 1
    assert report["articles"][0]["verdict"]["reasons"] == ["language 'en' is not one of: fr, de"]


def test_rule_settings_change_severity_and_disable(workspace, run_cli):
    config = "packs: [pack.yaml]\nrules:\n  g.bagdad: {severity: major}\n"
    write_config(workspace, config)
    result, report = run_json(run_cli)
    assert result.code == 1
    assert report["articles"][0]["findings"][0]["severity"] == "major"
    write_config(workspace, "packs: [pack.yaml]\nrules:\n  g: false\n  g.bagdad: true\n")
    _, report = run_json(run_cli, "--fail-on", "minor")
    assert [f["rule"] for f in report["articles"][0]["findings"]] == ["g.bagdad"]


def test_quality_weights_from_config(workspace, run_cli):
    write_config(workspace, "packs: [pack.yaml]\nquality:\n  weights: {minor: 10}\n")
    _, report = run_json(run_cli)
    quality = report["articles"][0]["quality"]
    assert quality["penalty"] == 10
    assert "weights:0/10/5/25" in quality["signature"]


def test_ignores_skip_files_and_rules(workspace, run_cli):
    config = "packs: [pack.yaml]\nignore:\n  - paths: ['*.txt']\n    rules: [g.bagdad]\n"
    write_config(workspace, config)
    _, report = run_json(run_cli, "--fail-on", "minor")
    assert report["articles"][0]["findings"] == []
    write_config(workspace, "packs: [pack.yaml]\nignore:\n  - paths: ['article.txt']\n")
    _, report = run_json(run_cli)
    assert report["articles"] == []


def test_pyproject_tool_audit_section(workspace, run_cli):
    write_config(
        workspace,
        '[project]\nname = "x"\n\n[tool.audit]\npacks = ["pack.yaml"]\n\n'
        '[tool.audit.gate]\nfail_on = "minor"\n',
        name="pyproject.toml",
    )
    result, _ = run_json(run_cli)
    assert result.code == 1


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        (
            "gate:\n  fail_on: minor\n  min_qualty: 90\n",
            "audit.yaml:3:3: unknown field 'min_qualty'",
        ),
        ("gate:\n  fail_on: sometimes\n", "audit.yaml:2:12: 'fail_on' must be one of"),
        ("rules:\n  g.bagdad: maybe\n", "audit.yaml:2:13: 'g.bagdad' must be true, false"),
        (
            "gate:\n  max_findings: {acuracy: 1}\n",
            "audit.yaml:2:18: unknown category 'acuracy' (did you mean 'accuracy'?)",
        ),
        ("packs: [pack.yaml]\nrules:\n  g.bagdd: false\n", "audit.yaml:3:12: no rule, pack or tag"),
        ("gate: [\n", "audit.yaml:2:1: invalid YAML"),
        (
            "gate:\n  readability:\n    flesh_reading_ease: {min: 30}\n",
            "audit.yaml:3:5: unknown formula 'flesh_reading_ease' (did you mean",
        ),
        ("readability:\n  formulas: [lux]\n", "audit.yaml:2:13: unknown formula 'lux'"),
        ("readability:\n  hot_spots: -1\n", "audit.yaml:2:14: expected a whole number >= 0"),
    ],
)
def test_invalid_config_is_a_one_line_error_with_file_and_line(workspace, run_cli, text, fragment):
    write_config(workspace, text)
    result, report = run_json(run_cli)
    assert result.code == 2 and report is None
    assert result.stderr.count("\n") == 1
    assert fragment in result.stderr


def test_invalid_pyproject_names_the_file(workspace, run_cli):
    write_config(workspace, "[tool.audit]\nbuiltin = 3\n", name="pyproject.toml")
    result, _ = run_json(run_cli)
    assert result.code == 2
    assert "pyproject.toml:2: 'builtin' must be true or false" in result.stderr


def test_explicit_config_that_does_not_exist(workspace, run_cli):
    result, _ = run_json(run_cli, "--config", "missing.yaml")
    assert result.code == 2
    assert result.stderr.startswith("error: missing.yaml: no such file")
