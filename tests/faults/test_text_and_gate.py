"""Text that should match does; Markdown is read as prose; markers and baselines behave;
reports carry what they promise."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema

from faults.cli_faults import ROOT, SEEDS, assert_clean_end, audit

SARIF_SCHEMA = ROOT / "tests" / "schemas" / "sarif-schema-2.1.0.json"
REPORT_SCHEMA = ROOT / "audit" / "schemas" / "report.schema.json"


def findings(run, text: str) -> list[tuple[str, int, int, str]]:
    """(rule, line, column, text) of each finding, checking each span against ``text``."""
    [article] = json.loads(run.stdout)["articles"]
    for finding in article["findings"]:
        assert text[finding["start"] : finding["end"]] == finding["text"], finding
    return [(f["rule"], f["line"], f["column"], f["text"]) for f in article["findings"]]


def check_file(tmp_path: Path, name: str, data: bytes, *args: str | Path):
    path = tmp_path / name
    path.write_bytes(data)
    return audit("check", "--no-config", "-f", "json", *args, path), data.decode("utf-8")


def test_decomposed_accents_match_the_lexicons(tmp_path):
    text = "Deputies met at the Assemble\u0301e nationale on Friday.\n".encode()
    run, original = check_file(tmp_path, "nfd.txt", text, "--language", "en")
    rules = {rule for rule, *_ in findings(run, original)}
    assert "fr-en.untranslated.institutions" in rules


def test_lone_carriage_returns_end_lines(tmp_path):
    text = b"The talks ended on Friday in the capital.\rAdvertisement\rThey resume in March.\r"
    run, original = check_file(tmp_path, "cr.txt", text)
    assert ("en.boilerplate.advertising", 2, 1, "Advertisement") in findings(run, original)


def test_windows_line_ends_lose_no_finding(tmp_path, pack):
    rule = pack.read_text() + (
        "  - id: ends-talks\n    kind: pattern\n    pattern: 'talks\\.$'\n"
        "    message: m\n    severity: minor\n    category: style\n"
        "    examples: {flag: [We ended the talks.]}\n"
    )
    pack.write_text(rule, encoding="utf-8")
    text = b"We ended the talks.\r\nThen Bagdad spoke of the talks.\r\n"
    run, original = check_file(tmp_path, "crlf.txt", text, "--no-builtin", "--rules", pack)
    assert findings(run, original) == [
        ("t.ends-talks", 1, 14, "talks."),
        ("t.bagdad", 2, 6, "Bagdad"),
        ("t.ends-talks", 2, 26, "talks."),
    ]


MARKDOWN = """\
# Talks resume

![Photo: AFP](images/kerbala-afp.jpg)

The minister spoke, see [the report](https://example.org/Kerbala/Bagdad).

```
Kerbala Bagdad in code
```

Clashes broke out in Kerbala on Friday. Visit www.kerbala.example/bagdad today.
"""


def test_markdown_is_read_as_prose(tmp_path):
    run, original = check_file(tmp_path, "article.md", MARKDOWN.encode())
    assert run.code == 0, run
    assert [f[:4] for f in findings(run, original)] == [("fr-en.exonyms.places", 11, 22, "Kerbala")]


def test_a_suppression_marker_never_flags_itself(tmp_path):
    text = "The minister assisted at the ceremony. audit: ignore[fr-en.false-friends]\n"
    run, original = check_file(tmp_path, "marked.txt", text.encode())
    assert findings(run, original) == []


def test_an_unknown_rule_in_a_marker_is_a_warning(tmp_path):
    text = "The talks went on. audit: ignore[fr-en.no-such-rule]\n"
    run, _ = check_file(tmp_path, "marked.txt", text.encode())
    assert_clean_end(run, 0, "marked.txt:1:34: unknown rule 'fr-en.no-such-rule'")
    assert run.lines[0].startswith("warning: ")


def test_a_baseline_matches_from_another_directory_and_by_absolute_path(tmp_path, pack):
    folder = tmp_path / "project"
    (folder / "news").mkdir(parents=True)
    (folder / "news" / "a.txt").write_text("They met in Bagdad and Kerbala.\n", encoding="utf-8")
    base = ("check", "--no-config", "--no-builtin", "--rules", pack, "-f", "json")
    written = audit(*base, "--baseline-write", "baseline.json", "news/a.txt", cwd=folder)
    assert written.code == 0, written
    elsewhere = audit(*base, "--baseline", folder / "baseline.json", folder / "news" / "a.txt",
                      cwd=tmp_path)  # fmt: skip
    assert_clean_end(elsewhere, 0, lines=0)
    assert json.loads(elsewhere.stdout)["articles"][0]["baselined"] == 2


def test_unmatched_baseline_entries_are_counted(tmp_path, pack, article):
    base = ("check", "--no-config", "--no-builtin", "--rules", pack)
    baseline = tmp_path / "baseline.json"
    assert audit(*base, "--baseline-write", baseline, article).code == 0
    article.write_text("The minister spoke in Baghdad on Friday.\n", encoding="utf-8")
    run = audit(*base, "--baseline", baseline, article)
    assert_clean_end(run, 0, "baseline.json: 1 of 1 entries matched no finding")


def test_a_baseline_without_fingerprints_is_an_input_error(tmp_path, article):
    baseline = tmp_path / "baseline.json"
    baseline.write_text('{"version": 2, "findings": [{"rule": "x"}]}', encoding="utf-8")
    run = audit("check", "--no-config", "--baseline", baseline, article)
    assert_clean_end(run, 2, "baseline.json: finding 1 has no 'fingerprint' string")


def test_an_old_baseline_asks_to_be_written_again(tmp_path, article):
    baseline = tmp_path / "baseline.json"
    baseline.write_text('{"version": 1, "findings": []}', encoding="utf-8")
    run = audit("check", "--no-config", "--baseline", baseline, article)
    assert_clean_end(run, 2, "version 1 baseline", "--baseline-write")


def test_the_markdown_report_lists_the_findings():
    run = audit("check", "--no-config", "-f", "markdown", SEEDS)
    assert run.stdout.count("<details><summary>") == 5
    assert "- line 2:215 **minor** `fr-en.exonyms.places`" in run.stdout


def test_sarif_descriptions_have_no_placeholders_and_the_log_is_valid(tmp_path):
    missing = tmp_path / "missing.txt"
    run = audit("check", "--no-config", "-f", "sarif", SEEDS, missing)
    assert run.code == 2
    log = json.loads(run.stdout)
    jsonschema.validate(log, json.loads(SARIF_SCHEMA.read_text(encoding="utf-8")))
    rules = log["runs"][0]["tool"]["driver"]["rules"]
    texts = [rule[key]["text"] for rule in rules for key in ("shortDescription", "fullDescription")]
    assert texts and not [text for text in texts if "{" in text]


def test_the_json_report_with_errors_meets_its_schema(tmp_path):
    run = audit("check", "--no-config", "-f", "json", SEEDS, tmp_path / "missing.txt")
    report = json.loads(run.stdout)
    jsonschema.validate(report, json.loads(REPORT_SCHEMA.read_text(encoding="utf-8")))
    assert report["summary"]["errors"] == 1 and len(report["articles"]) == 5
