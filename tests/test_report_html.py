"""The HTML report read back with an HTML parser: every finding marked, the text intact, escaped.

``tests/test_browser.py`` opens the same pages in chromium; here the page is
parsed (``html.parser``) to check, for any text and any overlap of
findings, that the marks nest, that each finding's pieces give back its
text, that the lines give back the article, and that nothing the article
or a rule pack brings becomes markup.
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
from collections import defaultdict
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from audit import Auditor
from audit.reports import Summary
from audit.reports.html import HtmlWriter
from audit.text.ingest import Article, read_file

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
INJECTED = (
    '<script>document.title = "owned"</script> and "><img src=x onerror="document.title=1"> '
    "and <b>bold</b> & ' quotes"
)
OVERLAPS = """\
pack: t
defaults: {severity: minor, category: fluency/style}
rules:
  - {id: ab, kind: pattern, pattern: 'ab', message: "ab"}
  - {id: bc, kind: pattern, pattern: 'b+c', message: "bc", severity: major}
  - {id: a-word, kind: pattern, pattern: 'a\\w+', message: "word"}
  - {id: across, kind: pattern, pattern: 'c\\s+a', message: "across lines"}
"""


@dataclass
class Page(HTMLParser):
    """What a reader of the page gets: marks by finding, lines' text, tags seen, well-formedness."""

    pieces: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    lines: dict[tuple[str, int], str] = field(default_factory=dict)
    attributes: dict[str, dict[str, str]] = field(default_factory=dict)
    first_lines: dict[str, int] = field(default_factory=dict)
    tags: list[str] = field(default_factory=list)
    scripts: list[str] = field(default_factory=list)
    marks: list[str] = field(default_factory=list)
    line: tuple[str, int] | None = None
    in_text = False
    in_script = False
    article = ""

    def __post_init__(self) -> None:
        super().__init__(convert_charrefs=True)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        self.tags.append(tag)
        if tag == "section" and "article" in values.get("class", ""):
            self.article = values["id"]
        elif tag == "div" and "data-line" in values:
            self.line = (self.article, int(values["data-line"]))
            self.lines[self.line] = ""
        elif tag == "span" and values.get("class") == "tx":
            self.in_text = True
        elif tag == "mark":
            key = values["data-finding"]
            self.marks.append(key)
            self.pieces[key].append("")
            self.attributes.setdefault(key, values)
            if "id" in values and self.line:
                assert key not in self.first_lines, f"two first pieces of {key}"
                self.first_lines[key] = self.line[1]
        elif tag == "script":
            self.in_script = True
            self.scripts.append("")

    def handle_endtag(self, tag: str) -> None:
        if tag == "mark":
            assert self.marks, "a </mark> closes nothing"
            self.marks.pop()
        elif tag == "span" and self.in_text:
            assert not self.marks, "a mark crosses the end of its line"
            self.in_text = False
        elif tag == "script":
            self.in_script = False

    def handle_data(self, data: str) -> None:
        if self.in_script:
            self.scripts[-1] += data
        if self.in_text and self.line:
            self.lines[self.line] += data
            for key in self.marks:
                self.pieces[key][-1] += data

    def text_of(self, key: str) -> str:
        return "".join(self.pieces[key])


def parse(html: str) -> Page:
    page = Page()
    page.feed(html)
    page.close()
    return page


def render(auditor: Auditor, *articles: Article) -> tuple[str, list]:
    writer = HtmlWriter()
    summary = Summary()
    results = [auditor.check_article(article) for article in articles]
    for result in results:
        summary.add(result)
        writer.article(result)
    return writer.finish(summary), results


def assert_marks_are_the_findings(page: Page, anchor: str, text: str, findings) -> None:
    keys = [key for key in page.pieces if key.startswith(f"{anchor}-")]
    assert len(keys) == len(findings)
    for number, finding in enumerate(findings):
        key = f"{anchor}-{number}"
        assert page.attributes[key]["data-rule"] == finding.rule
        assert page.attributes[key]["data-severity"] == finding.severity
        assert page.text_of(key) == re.sub(r"\r?\n", "", finding.text)
        assert page.first_lines[key] == finding.line
    lines = [line for (article, _), line in sorted(page.lines.items()) if article == anchor]
    assert lines == [line.rstrip("\r") for line in text.split("\n")]


def test_every_finding_of_the_seeds_is_marked_and_the_text_kept(run_cli, tmp_path):
    out = tmp_path / "report.html"
    result = run_cli("check", "--no-config", "--format", "html", "-o", out, SEEDS)
    assert result.code == 1 and result.stdout == ""
    page = parse(out.read_text(encoding="utf-8"))
    report = json.loads(run_cli("check", "--no-config", "--format", "json", SEEDS).stdout)
    assert sum(len(article["findings"]) for article in report["articles"]) == len(page.pieces)
    auditor = Auditor.from_rules()
    for number, path in enumerate(sorted(SEEDS.glob("*.txt")), start=1):
        result = auditor.check_article(read_file(path))
        assert_marks_are_the_findings(page, f"a{number}", result.article.text, result.findings)


@pytest.fixture(scope="module")
def overlaps(tmp_path_factory: pytest.TempPathFactory) -> Auditor:
    pack = tmp_path_factory.mktemp("overlaps") / "overlaps.yaml"
    pack.write_text(OVERLAPS, encoding="utf-8")
    return Auditor.from_rules([pack], builtin=False)


@settings(max_examples=60, deadline=None)
@given(text=st.text(alphabet="abc \n", min_size=1, max_size=60).filter(str.strip))
def test_overlapping_crossing_and_multiline_findings_all_render(overlaps, text):
    html, [result] = render(overlaps, Article("t", "t.txt", text))
    assert_marks_are_the_findings(parse(html), "a1", text, result.findings)


def test_the_overlap_rules_do_cross_and_nest(overlaps):
    findings = overlaps.check_article(Article("t", "t", "abbc cbbc\nabc")).findings
    spans = [(f.start, f.end) for f in findings]
    crossing = [(a, b) for a in spans for b in spans if a[0] < b[0] < a[1] < b[1]]
    assert crossing and any(f.line != f.end_line for f in findings)


def test_markup_in_articles_paths_and_rule_packs_is_text(write_pack, tmp_path):
    pack = write_pack(
        """\
pack: t
rules:
  - id: tag
    kind: pattern
    pattern: '<script>'
    message: 'Markup <img src=x onerror="document.title=2"> in "{match}"'
    suggest: ['"><script>document.title=3</script>']
    link: 'javascript:document.title=4'
    severity: major
    category: other
"""
    )
    auditor = Auditor.from_rules([pack], builtin=False)
    path = '"><img src=x onerror=alert(1)>.txt'
    html, [result] = render(auditor, Article("x", path, INJECTED))
    page = parse(html)
    assert page.tags.count("script") == 1 and "img" not in page.tags and "b" not in page.tags
    assert_marks_are_the_findings(page, "a1", INJECTED, result.findings)
    assert page.attributes["a1-0"]["title"].endswith(
        'Markup <img src=x onerror="document.title=2"> in "<script>"'
    )
    assert "javascript:" not in html.replace("document.title", "")
    assert '"&gt;&lt;script&gt;document.title=3&lt;/script&gt;' in html.replace("&#34;", '"')
    assert f'<h2 id="a1-title">{path.replace("<", "&lt;").replace(">", "&gt;")}' in html.replace(
        "&#34;", '"'
    )


def test_the_page_loads_nothing_and_allows_only_its_own_script(run_cli, tmp_path):
    out = tmp_path / "report.html"
    run_cli("check", "--no-config", "--format", "html", "-o", out, SEEDS)
    html = out.read_text(encoding="utf-8")
    page = parse(html)
    assert not {"link", "img", "iframe", "object", "embed", "base"} & set(page.tags)
    assert not re.search(r"\bsrc=|url\(|@import|https?://[^\"'<>\s]*\.(?:js|css)\b", html)
    policy = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', html).group(1)
    assert "default-src 'none'" in policy
    [script] = page.scripts
    digest = base64.b64encode(hashlib.sha256(script.encode()).digest()).decode()
    assert f"script-src 'sha256-{digest}'" in policy.replace("&#39;", "'")


def test_the_summary_table_links_every_article(run_cli, tmp_path):
    out = tmp_path / "report.html"
    run_cli("check", "--no-config", "--format", "html", "-o", out, SEEDS)
    html = out.read_text(encoding="utf-8")
    links = re.findall(r'<td data-value="([^"]+)"><a href="#(a\d+)">', html)
    assert [path for path, _ in links] == [str(p) for p in sorted(SEEDS.glob("*.txt"))]
    assert all(f'<section class="article" id="{anchor}"' in html for _, anchor in links)


def test_one_article_from_stdin(run_cli):
    result = run_cli("check", "--format", "html", "-", stdin=b"Fans conspired the referee.\n")
    page = parse(result.stdout)
    assert result.code == 1 and len(page.pieces) == 1
    assert page.text_of("a1-0") == "conspired"


def test_a_bilingual_file_names_each_finding_s_segment_and_its_confirmation(run_cli):
    budget = ROOT / "seeds" / "bilingual" / "budget-1.2.xlf"
    result = run_cli("check", "--no-config", "--format", "html", budget)
    page = parse(result.stdout)
    report = json.loads(run_cli("check", "--no-config", "--format", "json", budget).stdout)
    [article] = report["articles"]
    assert len(page.pieces) == len(article["findings"]) > 0
    for number, finding in enumerate(article["findings"]):
        assert page.attributes[f"a1-{number}"]["title"].startswith(
            f"segment {finding['segment']} · {finding['severity']}"
        )
        assert f'href="#a1-{number}">segment {finding["segment"]}, {finding["line"]}:' in (
            result.stdout
        )
    confirmed = sum(bool(f["confirmed_by_source"]) for f in article["findings"])
    assert result.stdout.count('class="confirmed"') == confirmed > 0
