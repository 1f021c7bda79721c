"""The markdown report: one row per article, agreeing with the JSON report."""

from __future__ import annotations

import json
from pathlib import Path

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def test_rows_agree_with_the_json_report(run_cli):
    table = run_cli("check", "--no-config", "-f", "markdown", SEEDS).stdout.splitlines()
    report = json.loads(run_cli("check", "--no-config", "-f", "json", SEEDS).stdout)
    rows = [line.split(" | ") for line in table if line.startswith("| `")]
    assert len(rows) == len(report["articles"]) == 5
    for cells, article in zip(rows, report["articles"], strict=True):
        assert cells[0] == f"| `{article['path']}`"
        assert int(cells[2]) == article["stats"]["words"]
        assert float(cells[3]) == article["readability"]["flesch_reading_ease"]
        assert float(cells[5]) == article["quality"]["score"]
        assert cells[7].startswith("passed" if article["verdict"]["passed"] else "**failed**")
    summary = report["summary"]
    assert table[-1].startswith(f"{summary['articles']} articles: {summary['passed']} passed")


def test_pipes_in_paths_do_not_break_the_table(run_cli, tmp_path):
    odd = tmp_path / "a|b.txt"
    odd.write_text("The talks ended on Friday in the capital after a long week.", encoding="utf-8")
    table = run_cli("check", "--no-config", "-f", "markdown", odd).stdout
    row = next(line for line in table.splitlines() if line.startswith("| `"))
    assert "a\\|b.txt" in row and row.count(" | ") == 7
