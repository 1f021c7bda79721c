"""junit: JUnit XML for CI test dashboards (GitLab, Jenkins, Azure, test-report actions).

A ``<testsuites>`` root holds the run's totals and one ``<testsuite>`` per
article, named by its path, with the article's id, language, quality score,
quality signature and verdict as properties. Each finding is a
``<testcase>`` whose classname is the rule id and whose name is
``line:col text`` (``segment ID line:col text`` in a bilingual file).
Findings of severity major or critical (the SARIF ``error`` level, what
the default gate fails on) are a ``<failure>`` typed
by their severity; minor and neutral findings pass, their message in
``<system-out>``. Every suite ends with a ``gate`` testcase carrying the
article's verdict: it fails, listing the reasons, when the article failed
whatever the policy, so a clean article still shows one passing test. An
input that could not be read is a suite of its own whose one ``read``
testcase holds an ``<error>``.

The tree is built with ElementTree and written once at the end, as the
root needs the totals. Characters XML 1.0 cannot hold (most control
characters, lone surrogates) are replaced by U+FFFD.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from typing import TYPE_CHECKING

from audit.reports.base import ReportContext, Summary, place
from audit.reports.sarif import record_id

if TYPE_CHECKING:
    from audit.auditor import ArticleResult
    from audit.engine.engine import Finding
    from audit.text.ingest import Unreadable

NAME = "junit"
DESCRIPTION = "JUnit XML: a test suite per article, a test case per finding and per gate"
FAILING_SEVERITIES = frozenset({"major", "critical"})
GATE_CLASSNAME = "translation-audit"
NAME_TEXT_WIDTH = 60
_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def _xml_text(value: str) -> str:
    """``value`` with every character XML 1.0 cannot hold replaced by U+FFFD."""
    return _NOT_XML.sub("\ufffd", value)


def _element(tag: str, text: str | None = None, **attributes: str | int) -> ET.Element:
    element = ET.Element(tag, {key: _xml_text(str(value)) for key, value in attributes.items()})
    if text is not None:
        element.text = _xml_text(text)
    return element


class JunitWriter:
    def __init__(self) -> None:
        self.suites: list[ET.Element] = []

    def article(self, result: ArticleResult) -> str:
        cases = [_finding_case(result, finding) for finding in result.findings]
        cases.append(_gate_case(result))
        failures = sum(case.find("failure") is not None for case in cases)
        suite = _element(
            "testsuite",
            name=_suite_name(result),
            tests=len(cases),
            failures=failures,
            errors=0,
            skipped=0,
        )
        suite.append(_properties(result))
        suite.extend(cases)
        self.suites.append(suite)
        return ""

    def error(self, entry: Unreadable) -> str:
        case = _element("testcase", classname=GATE_CLASSNAME, name="read", file=entry.path)
        case.append(_element("error", entry.problem, type="unreadable", message=entry.problem))
        suite = _element("testsuite", name=entry.place, tests=1, failures=0, errors=1, skipped=0)
        suite.append(case)
        self.suites.append(suite)
        return ""

    def finish(self, summary: Summary) -> str:
        totals = {
            name: sum(int(suite.get(name, "0")) for suite in self.suites)
            for name in ("tests", "failures", "errors", "skipped")
        }
        root = _element("testsuites", name="translation-audit", **totals)
        root.extend(self.suites)
        ET.indent(root)
        return ET.tostring(root, encoding="unicode", xml_declaration=True) + "\n"


def _suite_name(result: ArticleResult) -> str:
    record = record_id(result.article)
    return result.article.path if record is None else f"{result.article.path} [{record}]"


def _properties(result: ArticleResult) -> ET.Element:
    values = {
        "id": result.article.id,
        "language": result.doc.language.code or "unknown",
        "source_language": result.source_language or "unknown",
        "quality.score": f"{result.quality.score:.1f}",
        "quality.signature": result.quality.signature,
        "verdict": "passed" if result.verdict.passed else "failed",
        **{f"note.{n}": note for n, note in enumerate(result.verdict.notes, start=1)},
    }
    properties = _element("properties")
    properties.extend(
        _element("property", name=name, value=value) for name, value in values.items()
    )
    return properties


def _finding_case(result: ArticleResult, finding: Finding) -> ET.Element:
    case = _element(
        "testcase",
        classname=finding.rule,
        name=_segment_prefix(finding) + f"{finding.line}:{finding.column} {_shorten(finding.text)}",
        file=result.article.path,
        line=finding.line,
    )
    details = _details(result, finding)
    if finding.severity in FAILING_SEVERITIES:
        case.append(_element("failure", details, type=finding.severity, message=finding.message))
    else:
        case.append(_element("system-out", details))
    return case


def _details(result: ArticleResult, finding: Finding) -> str:
    record = record_id(result.article)
    where = place(result, finding) + ("" if record is None else f" [{record}]")
    lines = [
        f"{where}:{finding.line}:{finding.column}: {finding.severity} {finding.rule}",
        finding.message,
    ]
    if finding.suggestions:
        lines.append("suggestion: " + " | ".join(finding.suggestions))
    return "\n".join(lines)


def _segment_prefix(finding: Finding) -> str:
    return "" if finding.segment is None else f"segment {finding.segment} "


def _gate_case(result: ArticleResult) -> ET.Element:
    case = _element("testcase", classname=GATE_CLASSNAME, name="gate", file=result.article.path)
    verdict = result.verdict
    quality = f"quality {result.quality.score:.1f}"
    if verdict.passed:
        case.append(_element("system-out", " · ".join(["passed", *verdict.notes, quality])))
    else:
        reasons = "; ".join(verdict.reasons)
        case.append(
            _element(
                "failure", "\n".join([*verdict.remarks, quality]), type="gate", message=reasons
            )
        )
    return case


def _shorten(text: str) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= NAME_TEXT_WIDTH else flat[: NAME_TEXT_WIDTH - 1] + "…"


def writer(context: ReportContext) -> JunitWriter:
    return JunitWriter()
