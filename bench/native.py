"""Precision on a folder of native English articles: which rules fire, how often, where.

Every finding on text written in English is a false positive of the
French->English packs (and, apart from real page residue, of the others).
The real CLI audits the folder (``audit check --no-config --format json``,
the source language left unknown, as for an unlabelled article); findings of
``other/boilerplate`` and of severity neutral are left out unless asked for.
The table gives each rule's count of findings and of articles, and a few
examples with their context, so that a new rule can be checked against a
large native corpus before it ships.

Usage::

    python bench/native.py DIR                     # the table, 3 examples per rule
    python bench/native.py DIR --rule fr-en.false-friends --examples 20
    python bench/native.py DIR --all               # neutral and boilerplate findings too
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

from measure import executable

SEVERE = frozenset({"minor", "major", "critical"})
RESIDUE = "other/boilerplate"
CONTEXT = 50


def audit(folder: Path) -> list[dict]:
    """The articles of one real ``audit check`` run over ``folder``."""
    command = [executable("audit"), "check", "--no-config", "--format", "json", "--quiet"]
    run = subprocess.run([*command, str(folder)], capture_output=True, text=True, check=False)
    if run.returncode not in (0, 1):
        sys.exit(f"error: audit check {folder} exited with {run.returncode}: {run.stderr}")
    return json.loads(run.stdout)["articles"]


def counted(finding: dict, everything: bool) -> bool:
    return everything or (finding["severity"] in SEVERE and finding["category"] != RESIDUE)


def example(path: Path, finding: dict) -> str:
    text = path.read_text(encoding="utf-8-sig")
    start, end = finding["start"], finding["end"]
    before = text[max(0, start - CONTEXT) : start].replace("\n", " ")
    after = text[end : end + CONTEXT].replace("\n", " ")
    return f"    {path.name}: …{before}[[{text[start:end]}]]{after}…"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", type=Path, help="a folder of native English .txt articles")
    parser.add_argument("--rule", default="", help="only rules whose id starts with this")
    parser.add_argument("--examples", type=int, default=3, help="examples per rule")
    parser.add_argument("--all", action="store_true", help="count neutral and residue too")
    options = parser.parse_args(argv)
    articles = audit(options.folder)
    hits: dict[str, list[tuple[Path, dict]]] = defaultdict(list)
    for article in articles:
        for finding in article["findings"]:
            if finding["rule"].startswith(options.rule) and counted(finding, options.all):
                hits[finding["rule"]].append((Path(article["path"]), finding))
    words = sum(article["stats"]["words"] for article in articles)
    total = sum(map(len, hits.values()))
    print(f"{len(articles)} articles, {words} words: {total} findings counted")
    for rule, found in sorted(hits.items(), key=lambda item: -len(item[1])):
        print(f"{len(found):5d} in {len({path for path, _ in found}):4d} articles  {rule}")
        for path, finding in found[: options.examples]:
            print(example(path, finding))
    return 0


if __name__ == "__main__":
    sys.exit(main())
