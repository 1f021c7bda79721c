"""Regenerate the French locutions pack: literal glosses of French idioms that English lacks.

Machine translation renders a French locution word by word: *se fondre
dans la nature* (to vanish) becomes "melt into nature", *tirer la sonnette
d'alarme* (to sound the alarm) "pull the alarm bell", *un coup de pouce* (a
helping hand) "a thumb blow". The pack is written from a list of French
locutions and their English equivalents (``bench/locutions.tsv``), not
from pages: for each locution this script generates the literal glosses
that word-by-word translation produces, and keeps those that native
English does not use.

- Each locution is glossed word by word (``bench/glosses.py``: function
  words, the verbs of locutions as English lemmas, FreeDict's
  French-English senses ranked by wordfreq, English word order), and the
  list adds the glosses a translation gives that a dictionary does not
  (third column, with slots for possessives and reflexive pronouns).
- A gloss is dropped when it is English: a multiword lemma of WordNet
  (``apt-get install wordnet-base``: "take the floor", "throw in the
  towel"), an English equivalent of the locution itself, or a phrase found,
  in any inflection, in the native English text given with ``--native``
  (the fortune files, WordNet's glosses and examples, native pages).

The pack ``rules/en/from-fr/locutions.yaml`` comes out with one lexicon
rule per group of the list (its ``@group`` line gives the description and
one flag and one pass example). Usage::

    python bench/make_locutions.py --native DIR [--native DIR ...]   # rewrite the pack
    python bench/make_locutions.py --native DIR --dropped            # also list the glosses dropped
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from itertools import product
from pathlib import Path
from typing import Any

import yaml
from glosses import FREEDICT, expanded, french_words, literal_glosses, load_freedict
from native import fortune_lines, wordnet_lines

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from audit.rulebook import inflections  # noqa: E402

SOURCE = Path(__file__).with_name("locutions.tsv")
PACK = ROOT / "rules" / "en" / "from-fr" / "locutions.yaml"
WORDNET = Path("/usr/share/wordnet")
ENTRY_OPTIONS = ("next", "unless_next", "unless_before")
MAX_GLOSSES = 12
MAX_AUTOMATIC = 6


@dataclass
class Locution:
    group: str
    french: str
    english: list[str]
    extra: list[str]
    options: dict[str, list[str]] = field(default_factory=dict)


@dataclass
class Group:
    name: str
    description: str
    flag: str
    passing: str
    locutions: list[Locution] = field(default_factory=list)


def read_source(path: Path) -> list[Group]:
    """The groups and locutions of the list, in order."""
    groups: list[Group] = []
    with path.open(encoding="utf-8", newline="") as stream:
        for row in csv.reader(stream, delimiter="\t", quoting=csv.QUOTE_NONE):
            if not row or row[0].startswith("#"):
                continue
            if row[0] == "@group":
                groups.append(Group(*row[1:5]))
            else:
                french, english, *rest = [*row, "", ""][: max(len(row), 4)]
                extra = [g for gloss in rest[0].split("|") if gloss for g in expanded(gloss)]
                options = dict(_option(o) for o in rest[1].split(";") if o) if len(rest) > 1 else {}
                groups[-1].locutions.append(
                    Locution(groups[-1].name, french, english.split("|"), extra, options)
                )
    return groups


def _option(text: str) -> tuple[str, Any]:
    """``next=a,b`` and ``unless_next=a,b`` (word lists), ``unless_before=REGEX``, ``manual``."""
    name, _, value = text.partition("=")
    if name.strip() == "unless_before":
        return "unless_before", value.strip()
    return name.strip(), [w.strip() for w in value.split(",") if w.strip()]


class English:
    """What counts as English: WordNet's multiword lemmas and phrases of native text."""

    def __init__(self, folders: Iterable[Path], inflector: inflections.Inflector) -> None:
        self.inflector = inflector
        self.lemmas = set()
        for part in ("noun", "verb", "adj", "adv"):
            index = WORDNET / f"index.{part}"
            if index.is_file():
                for line in index.read_text(encoding="latin-1").splitlines():
                    if "_" in line.split(" ", 1)[0]:
                        self.lemmas.add(line.split(" ", 1)[0].replace("_", " "))
        lines = wordnet_lines() + fortune_lines()
        for folder in folders:
            lines.extend(p.read_text(encoding="utf-8") for p in sorted(folder.rglob("*.txt")))
        self.tokens = re.findall(r"[a-z]+", " ".join(lines).lower())
        self.positions: dict[str, list[int]] = defaultdict(list)
        for position, token in enumerate(self.tokens):
            self.positions[token].append(position)

    def uses(self, gloss: str) -> bool:
        """Whether native English writes ``gloss`` in any form of its lemmas."""
        base = re.sub(r"<([^>]+)>", r"\1", gloss)
        if base in self.lemmas:
            return True
        return any(self._found(form) for form in self._forms(gloss))

    def _forms(self, gloss: str) -> Iterator[list[str]]:
        lemmas = re.findall(r"<([^>]+)>", gloss)
        pieces = re.split(r"<[^>]+>", gloss)
        choices = [
            sorted({f for forms in self.inflector.forms(lemma).values() for f in forms})
            for lemma in lemmas
        ]
        for chosen in product(*choices):
            text = pieces[0] + "".join(c + p for c, p in zip(chosen, pieces[1:], strict=True))
            yield re.findall(r"[a-z]+", text.lower())

    def _found(self, words: list[str]) -> bool:
        anchor = max(
            range(len(words)),
            key=lambda i: (
                len(self.positions.get(words[i], ())) == 0 or -len(self.positions.get(words[i], ()))
            ),
        )
        if words[anchor] not in self.positions:
            return False
        n = len(words)
        return any(
            self.tokens[p - anchor : p - anchor + n] == words for p in self.positions[words[anchor]]
        )


def glosses_of(locution: Locution, dictionary, english: English, dropped: list[str]) -> list[str]:
    """The literal glosses of ``locution`` that native English does not use."""
    automatic = (
        []
        if "manual" in locution.options
        else literal_glosses(french_words(locution.french, dictionary))
    )
    automatic = list(dict.fromkeys(automatic))[:MAX_AUTOMATIC]
    generated = list(dict.fromkeys([*locution.extra, *automatic]))
    equivalents = {re.sub(r"<([^>]+)>", r"\1", e).lower() for e in locution.english}
    kept = []
    for gloss in generated:
        plain = re.sub(r"<([^>]+)>", r"\1", gloss).lower()
        framed = [f"{gloss} {word}" for word in locution.options.get("next", [])] or [gloss]
        if len(gloss.split()) < 2 or plain in equivalents or any(english.uses(g) for g in framed):
            dropped.append(f"{locution.french}: {gloss}")
        else:
            kept.append(gloss)
    return kept[:MAX_GLOSSES]


HEADER = """\
# Generated by bench/make_locutions.py from bench/locutions.tsv: do not edit by hand.
# Literal glosses of French locutions, derived from FreeDict's French-English
# dictionary (GPL-2.0-or-later, https://freedict.org) and wordfreq's English
# frequencies, each checked against WordNet's multiword lemmas and native English.
pack: fr-en.locutions
description: >-
  French locutions rendered word for word ('melt into nature' for se fondre
  dans la nature, 'pull the alarm bell' for tirer la sonnette d'alarme),
  generated from a list of French locutions and their English equivalents
  (bench/locutions.tsv): every literal gloss a word-by-word translation
  gives, less those native English writes.
defaults:
  kind: lexicon
  languages: [en]
  source: [fr]
  severity: minor
  category: style/calque
  skip_quotes: false
  message: >-
    '{match}' renders the French locution '{source}' word for word: English
    says {suggestions}.
rules:
"""


def existing_entries() -> set[str]:
    """The entries of the hand-written idiom packs, which this pack does not repeat."""
    found = set()
    for name in ("idioms.yaml", "calques.yaml", "constructions.yaml"):
        pack = yaml.safe_load((PACK.parent / name).read_text(encoding="utf-8"))
        for rule in pack["rules"]:
            found.update(str(key).lower() for key in rule.get("entries") or {})
    return found


def render(groups: list[Group], entries: dict[str, dict[str, Locution]]) -> str:
    lines = [HEADER]
    for group in groups:
        head = f"  - id: {group.name}\n    description: {json.dumps(group.description)}\n"
        lines.append(head + "    entries:\n")
        for gloss, locution in entries[group.name].items():
            fields = {"source": locution.french, "suggest": locution.english}
            fields.update({k: v for k, v in locution.options.items() if k in ENTRY_OPTIONS})
            value = json.dumps(fields, ensure_ascii=False)
            lines.append(f"      {json.dumps(gloss)}: {value}\n")
        examples = (
            f"      flag: [{json.dumps(group.flag)}]\n      pass: [{json.dumps(group.passing)}]"
        )
        lines.append(f"    examples:\n{examples}\n\n")
    return "".join(lines).rstrip("\n") + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--native",
        type=Path,
        action="append",
        default=[],
        help="a folder of native English .txt files",
    )
    parser.add_argument(
        "--dropped", action="store_true", help="list the glosses dropped as English"
    )
    args = parser.parse_args()
    dictionary = load_freedict(FREEDICT)
    english = English(
        args.native, inflections.load(str(ROOT / "rules" / "en" / "data" / "inflections.txt"))
    )
    groups = read_source(SOURCE)
    entries: dict[str, dict[str, Locution]] = {}
    seen: set[str] = set()
    existing = existing_entries()
    dropped: list[str] = []
    for group in groups:
        entries[group.name] = {}
        for locution in group.locutions:
            for gloss in glosses_of(locution, dictionary, english, dropped):
                if gloss.lower() not in seen and gloss.lower() not in existing:
                    seen.add(gloss.lower())
                    entries[group.name][gloss] = locution
    PACK.write_text(render(groups, entries), encoding="utf-8")
    total = sum(len(e) for e in entries.values())
    locutions = sum(len(g.locutions) for g in groups)
    kept = f"{locutions} locutions, {total} glosses kept, {len(dropped)} dropped as English"
    print(f"{PACK.relative_to(ROOT)}: {kept}")
    if args.dropped:
        print("\n".join(dropped))
    return 0


if __name__ == "__main__":
    sys.exit(main())
