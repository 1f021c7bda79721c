"""The HTML report and the served editor page in a real headless browser (Debian's chromium).

One browser for the module. The tests read what a person sees: the marks
in the rendered page are the findings of the JSON report, the filters
(reached with the keyboard and the mouse) hide and show them, the table
sorts, ``n`` moves between findings, and markup brought by an article or a
rule pack stays text: no script of its runs, no image loads.

Without chromium the tests are skipped, saying why, except in CI (``CI``
set), where they fail: ``.ci/run`` installs chromium.
"""

from __future__ import annotations

import os
from collections.abc import Iterator

import httpx
import pytest
import servers
from browser import Browser, BrowserError, Page, find_chromium
from conftest import SEEDS

TOKEN = "browser-test-token"
INJECTED = (
    'Fans conspired the referee. <script>document.title = "owned"</script> Then '
    '"><img src=x onerror="document.title = \'owned by img\'"> and <b>bold</b>.'
)
INJECTING_PACK = """\
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
MARKS_JS = """
[...document.querySelectorAll("section.article")].map(section => {
  const byKey = new Map();
  for (const mark of section.querySelectorAll("mark[data-finding]")) {
    const key = mark.dataset.finding;
    if (!byKey.has(key)) byKey.set(key, {rule: mark.dataset.rule, text: "",
        line: Number(mark.closest(".line").dataset.line)});
    byKey.get(key).text += mark.textContent;
  }
  return {path: section.querySelector("h2").textContent, findings: [...byKey.values()]};
})
"""


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Browser]:
    folder = tmp_path_factory.mktemp("chromium")
    executable = find_chromium()
    problem = None
    if executable is None:
        problem = "chromium is not installed (apt-get install chromium)"
    else:
        try:
            running = Browser(executable, folder / "profile", folder / "chromium.log")
            running.call("Browser.getVersion")
        except (BrowserError, OSError) as error:
            log = (folder / "chromium.log").read_text(errors="replace")[-2000:]
            problem = f"chromium did not start ({error}): {log}"
    if problem:
        if os.environ.get("CI"):
            pytest.fail(f"{problem}; CI must run the browser tests")
        pytest.skip(f"{problem}; these tests run, and must pass, in CI")
    yield running
    running.close()


@pytest.fixture(scope="module")
def seeds_page(browser: Browser, tmp_path_factory: pytest.TempPathFactory) -> Page:
    from audit.cli import app as cli

    out = tmp_path_factory.mktemp("report") / "report.html"
    assert cli.main(["check", "--no-config", "--format", "html", "-o", str(out), str(SEEDS)]) == 1
    page = browser.new_page()
    page.goto(out.as_uri())
    return page


@pytest.fixture(scope="module")
def seeds_report() -> dict:
    from audit import Auditor
    from audit.text.ingest import read_paths

    auditor = Auditor.from_rules()
    return {
        article.path: auditor.check_article(article).to_dict()
        for article in read_paths([str(SEEDS)])
    }


def shown_findings(page: Page) -> list[dict]:
    return page.evaluate(MARKS_JS)


def assert_no_script_error(page: Page) -> None:
    errors = page.events("Runtime.exceptionThrown", "Page.javascriptDialogOpening")
    errors += [e for e in page.events("Log.entryAdded") if e["params"]["entry"]["level"] == "error"]
    assert errors == []


def test_the_marks_are_the_findings(seeds_page, seeds_report):
    articles = shown_findings(seeds_page)
    assert [article["path"] for article in articles] == list(seeds_report)
    for article in articles:
        expected = seeds_report[article["path"]]["findings"]
        assert article["findings"] == [
            {"rule": f["rule"], "text": f["text"], "line": f["line"]} for f in expected
        ]
    assert_no_script_error(seeds_page)


def test_a_mark_shows_its_severity_and_category_on_hover(seeds_page):
    title, colour = seeds_page.evaluate(
        "(() => { const m = document.querySelector('mark[data-severity=major]');"
        " return [m.title, getComputedStyle(m).backgroundColor]; })()"
    )
    assert title.startswith("major · ") and colour not in ("rgba(0, 0, 0, 0)", "transparent")


def visible(page: Page, severity: str) -> tuple[int, int, int]:
    """(marks, highlighted marks, list items shown) of ``severity``."""
    return tuple(
        page.evaluate(
            "(() => { const marks = [...document.querySelectorAll("
            f"'mark[data-severity={severity}]')]; const lit = marks.filter(m => "
            "getComputedStyle(m).backgroundColor !== 'rgba(0, 0, 0, 0)'); const items = "
            f"[...document.querySelectorAll('li[data-severity={severity}]')]"
            ".filter(li => li.offsetParent !== null);"
            " return [marks.length, lit.length, items.length]; })()"
        )
    )


def test_filters_hide_and_show_findings_by_keyboard_and_mouse(seeds_page, seeds_report):
    page = seeds_page
    findings = [f for article in seeds_report.values() for f in article["findings"]]
    minor = sum(f["severity"] == "minor" for f in findings)
    major = sum(f["severity"] == "major" for f in findings)
    assert visible(page, "minor") == (minor, minor, minor) and minor > 0
    page.evaluate("document.activeElement.blur(); window.scrollTo(0, 0)")
    for _ in range(3):  # critical, major, minor: the first three stops of the page
        page.press("Tab")
    assert page.evaluate("document.activeElement.value") == "minor"
    page.press(" ")
    assert visible(page, "minor") == (minor, 0, 0)
    assert visible(page, "major") == (major, major, major)
    assert page.evaluate("document.getElementById('shown-count').textContent") == str(
        len(findings) - minor
    )

    page.click('input[data-facet="severity"][value="minor"]')
    assert visible(page, "minor") == (minor, minor, minor)

    boilerplate = sum(f["rule"].startswith("en.boilerplate.") for f in findings)
    page.click('input[data-facet="pack"][value="en.boilerplate"]')
    hidden = page.evaluate("document.querySelectorAll('li.filtered').length")
    assert hidden == boilerplate > 0
    page.evaluate("document.querySelector('button[type=reset]').focus()")
    page.press("Enter")
    page.evaluate("new Promise(done => setTimeout(done, 50))")
    assert page.evaluate("document.querySelectorAll('.filtered').length") == 0
    assert_no_script_error(page)


def test_n_and_p_move_between_the_findings_shown(seeds_page):
    page = seeds_page
    page.evaluate("document.activeElement.blur()")
    page.press("n")
    assert page.evaluate("document.activeElement.id") == "a1-0"
    page.press("n")
    assert page.evaluate("document.activeElement.id") == "a1-1"
    page.press("p")
    page.press("p")
    last = page.evaluate("[...document.querySelectorAll('mark[id]')].pop().id")
    assert page.evaluate("document.activeElement.id") == last
    current = page.evaluate(
        "[...document.querySelectorAll('li.current')].map(li => li.dataset.finding)"
    )
    assert current == [last]


def test_the_summary_table_sorts(seeds_page, seeds_report):
    page = seeds_page
    qualities = sorted(article["quality"]["score"] for article in seeds_report.values())
    column = (
        "[...document.querySelectorAll('table.sortable tbody tr')]"
        ".map(row => Number(row.cells[2].dataset.value))"
    )
    page.click("table.sortable th:nth-child(3) button")
    assert page.evaluate(column) == qualities
    page.click("table.sortable th:nth-child(3) button")
    assert page.evaluate(column) == qualities[::-1]
    assert page.evaluate("document.querySelector('th:nth-child(3)').getAttribute('aria-sort')") == (
        "descending"
    )


def assert_inert(page: Page, title: str) -> None:
    assert page.evaluate("document.title") == title
    assert page.evaluate("document.querySelectorAll('img, b, iframe').length") == 0
    assert page.evaluate("document.scripts.length") == 1
    text = page.evaluate(
        "[...document.querySelectorAll('.tx')].map(t => t.textContent).join('\\n')"
    )
    assert INJECTED in text
    assert_no_script_error(page)


def test_markup_in_an_article_and_a_pack_stays_inert(browser, tmp_path):
    from audit.cli import app as cli

    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / '"><img src=x onerror=alert(1)>.txt').write_text(INJECTED, encoding="utf-8")
    pack = tmp_path / "pack.yaml"
    pack.write_text(INJECTING_PACK, encoding="utf-8")
    out = tmp_path / "report.html"
    args = [
        "check",
        "--no-config",
        "--no-builtin",
        "--rules",
        str(pack),
        "--format",
        "html",
        "-o",
        str(out),
    ]
    assert cli.main([*args, str(folder)]) == 1
    page = browser.new_page()
    page.goto(out.as_uri())
    assert_inert(page, "translation-audit report: 1 article")
    tag = page.evaluate("document.querySelector('mark[data-rule=\"t.tag\"]').title")
    assert tag.endswith('Markup <img src=x onerror="document.title=2"> in "<script>"')
    page.click("a.where[href='#a1-0']")
    assert page.evaluate("[document.activeElement.id, location.protocol]") == ["a1-0", "file:"]


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[servers.Server]:
    folder = tmp_path_factory.mktemp("serve")
    (folder / "token").write_text(TOKEN, encoding="utf-8")
    running = servers.start(
        folder / "server.log", "--no-config", "--workers", "1", "--token-file", folder / "token"
    )
    yield running
    assert running.stop() == 0


def test_the_served_page_highlights_a_pasted_article(browser, server):
    page = browser.new_page()
    page.goto(server.url + "/")
    assert page.evaluate("document.querySelectorAll('mark').length") == 0
    page.click("textarea")
    page.type_text(INJECTED + "\nThe tone rises between Paris and Rome, insisted Mme Ortagus.")
    page.click("input[name=token]")
    page.type_text(TOKEN)
    page.submit_and_wait("button[type=submit]")

    text = page.evaluate("document.querySelector('textarea').value")
    answer = httpx.post(
        f"{server.url}/v1/check",
        json={"text": text},
        headers={"Authorization": f"Bearer {TOKEN}"},
    )
    expected = [
        {"rule": f["rule"], "text": f["text"], "line": f["line"]} for f in answer.json()["findings"]
    ]
    [article] = shown_findings(page)
    assert article["findings"] == expected and len(expected) >= 3
    assert_inert(page, f"translation-audit: {len(expected)} findings")

    page.click('input[data-facet="severity"][value="major"]')
    assert visible(page, "major")[1:] == (0, 0)


def test_the_served_page_says_what_was_wrong(browser, server):
    page = browser.new_page()
    page.goto(server.url + "/")
    page.click("textarea")
    page.type_text("Fans conspired the referee.")
    page.click("input[name=token]")
    page.type_text("not the token")
    page.submit_and_wait("button[type=submit]")
    alert = page.evaluate("document.querySelector('.error').textContent")
    assert alert == "error: Authorization: the bearer token is not this server's"
    assert (
        page.evaluate("document.querySelector('textarea').value") == "Fans conspired the referee."
    )
    assert page.evaluate("document.querySelectorAll('mark').length") == 0
