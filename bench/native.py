"""Findings on a large native English corpus: the false positives a new rule would add.

The corpus is built offline from English text that Debian packages ship
(``apt-get install wordnet-base fortunes``): WordNet's glosses and usage
examples, and the fortune files' quotations and jokes, cut into articles
of a few hundred lines, plus any folders given on the command line (the
native pages of a real corpus, say). Nothing of it goes into the project:
the script prints each finding of the chosen packs with its line, so that
a rule's frame can be tightened until native English stays quiet. Usage::

    python bench/native.py                                   # every shipped pack
    python bench/native.py --rules rules/en/from-fr/gazetteer.yaml --no-builtin
    python bench/native.py ../shared/corpus/real-dev/native   # add a folder
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path

from measure import executable

WORDNET = Path("/usr/share/wordnet")
FORTUNES = Path("/usr/share/games/fortunes")
LINES_PER_ARTICLE = 300
SEVERE = frozenset({"minor", "major", "critical"})
_EXAMPLE_RE = re.compile(r'"([^"]{12,})"')


def wordnet_lines() -> list[str]:
    """Glosses and quoted usage examples of WordNet's nouns, verbs, adjectives, adverbs."""
    lines = []
    for part in ("noun", "verb", "adj", "adv"):
        path = WORDNET / f"data.{part}"
        if not path.is_file():
            continue
        for row in path.read_text(encoding="latin-1").splitlines():
            _, bar, gloss = row.partition(" | ")
            if bar:
                lines.extend(_EXAMPLE_RE.findall(gloss))
                lines.append(_EXAMPLE_RE.sub("", gloss).strip(" ;"))
    return [line for line in lines if len(line.split()) > 3]


def fortune_lines() -> list[str]:
    """Each fortune of the English fortune files, joined on one line."""
    lines = []
    for path in sorted(FORTUNES.glob("*")) if FORTUNES.is_dir() else []:
        if path.suffix or not path.is_file():
            continue
        text = path.read_text(encoding="utf-8", errors="replace")
        lines.extend(" ".join(item.split()) for item in text.split("\n%\n"))
    return [line for line in lines if len(line.split()) > 3]


def build(folder: Path) -> int:
    lines = wordnet_lines() + fortune_lines()
    for number in range(0, len(lines), LINES_PER_ARTICLE):
        chunk = lines[number : number + LINES_PER_ARTICLE]
        (folder / f"n{number // LINES_PER_ARTICLE:05d}.txt").write_text(
            "\n\n".join(chunk) + "\n", encoding="utf-8"
        )
    return len(lines)


def report_findings(report: dict, all_severities: bool) -> Counter[str]:
    """Print each finding with its context; count them by rule."""
    by_rule: Counter[str] = Counter()
    for article in report["articles"]:
        text = Path(article["path"]).read_text(encoding="utf-8")
        for finding in article["findings"]:
            if finding["severity"] not in SEVERE and not all_severities:
                continue
            by_rule[finding["rule"]] += 1
            start, end = finding["start"], finding["end"]
            context = " ".join(text[max(0, start - 60) : end + 60].split())
            print(f"{finding['rule']}: {finding['text']!r} in …{context}…")
    return by_rule


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folders", nargs="*", type=Path)
    parser.add_argument("--rules", action="append", default=[], help="a pack to add")
    parser.add_argument("--no-builtin", action="store_true")
    parser.add_argument("--all-severities", action="store_true", help="neutral findings too")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        count = build(Path(tmp))
        command = [executable("audit"), "check", "--no-config", "--format", "json", "--quiet"]
        command += ["--source-language", "fr", "--language", "en"]
        command += [f"--rules={pack}" for pack in args.rules]
        command += ["--no-builtin"] if args.no_builtin else []
        run = subprocess.run(
            [*command, tmp, *map(str, args.folders)], capture_output=True, text=True
        )
        if run.returncode not in (0, 1):
            sys.exit(run.stderr.strip())
        by_rule = report_findings(json.loads(run.stdout), args.all_severities)
    print(f"\n{count} native lines; findings by rule:")
    for rule, number in by_rule.most_common():
        print(f"  {number:5d}  {rule}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
