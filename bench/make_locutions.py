"""Regenerate the French locutions pack: literal glosses of French idioms that English lacks.

Machine translation renders a French locution word by word: *se fondre
dans la nature* (to vanish) becomes "melt into nature", *tirer la sonnette
d'alarme* (to sound the alarm) "pull the alarm bell", *un coup de pouce* (a
helping hand) "a thumb blow". The pack is written from a list of French
locutions and their English equivalents (``bench/locutions.tsv``), not
from pages: for each locution this script generates the literal glosses
that word-by-word translation produces, and keeps those that native
English does not use.

- Each French word is glossed: function words from ``FUNCTION`` (articles,
  prepositions, possessives, which a translation keeps or drops), content
  words from FreeDict's French-English dictionary (``apt-get install
  dict-freedict-fra-eng``; GPL-2.0-or-later): the part of speech and the
  ``SENSES`` single-word senses most frequent in English (wordfreq). A
  French verb becomes an English lemma in angle brackets (every tense
  matches), an adjective after its noun moves before it, and a noun
  complement without article ("sonnette d'alarme") is also given as an
  English compound ("alarm bell"). The list may add glosses of its own
  (fourth column) where the dictionary has no sense a translation picks.
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
import gzip
import json
import re
import sys
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from itertools import product
from pathlib import Path
from typing import Any

import wordfreq
import yaml
from native import fortune_lines, wordnet_lines

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from audit.rulebook import inflections  # noqa: E402

SOURCE = Path(__file__).with_name("locutions.tsv")
PACK = ROOT / "rules" / "en" / "from-fr" / "locutions.yaml"
FREEDICT = Path("/usr/share/dictd/freedict-fra-eng.dict.dz")
WORDNET = Path("/usr/share/wordnet")
SENSES = 2
MIN_ZIPF = 3.5
MAX_AUTOMATIC = 6
# The English verbs a word-by-word translation gives the French verbs of locutions.
VERBS: dict[str, list[str]] = {
    "faire": ["make"], "prendre": ["take"], "mettre": ["put"], "donner": ["give"],
    "tirer": ["pull", "draw"], "passer": ["pass"], "tenir": ["hold"], "jeter": ["throw"],
    "lever": ["lift", "raise"], "tomber": ["fall"], "rester": ["remain", "stay"],
    "avoir": ["have"], "être": ["be"], "porter": ["carry"], "revenir": ["come back"],
    "sortir": ["come out"], "battre": ["beat"], "garder": ["keep"], "baisser": ["lower"],
    "monter": ["climb"], "obtenir": ["obtain"], "serrer": ["tighten"], "revoir": ["review"],
    "remettre": ["put back"], "mâcher": ["chew"], "fondre": ["melt"], "lâcher": ["release"],
}
ENTRY_OPTIONS = ("next", "unless_next", "unless_before")
MAX_GLOSSES = 12
POSSESSIVE = ["his", "her", "its", "their"]
SLOTS = {
    "{poss}": POSSESSIVE,
    "{self}": ["himself", "herself", "itself", "themselves"],
    "{selfp}": ["himself", "herself", "themselves"],
    "{selfi}": ["itself", "themselves"],
    "{possp}": ["his", "her", "their"],
}
FUNCTION: dict[str, list[str]] = {
    "le": ["the"], "la": ["the"], "les": ["the"], "l'": ["the"],
    "un": ["a"], "une": ["a"], "des": ["", "of the"], "du": ["of the", ""],
    "de": ["of"], "d'": ["of"], "à": ["to", "at"], "au": ["to the", "at the"],
    "aux": ["to the", "at the"], "en": ["in", "into"], "dans": ["in", "into"],
    "sur": ["on"], "sous": ["under"], "par": ["by"], "pour": ["for"], "avec": ["with"],
    "sans": ["without"], "contre": ["against"], "entre": ["between"], "vers": ["towards"],
    "chez": ["at"], "devant": ["in front of"], "derrière": ["behind"], "après": ["after"],
    "avant": ["before"], "depuis": ["since"], "pendant": ["during"], "comme": ["like", "as"],
    "et": ["and"], "ou": ["or"], "pas": ["not"], "ne": [""], "n'": [""], "y": [""],
    "plus": ["more"], "tout": ["all"], "toute": ["all"], "tous": ["all"], "toutes": ["all"],
    "son": POSSESSIVE, "sa": POSSESSIVE, "ses": POSSESSIVE, "leur": ["their"],
    "leurs": ["their"], "notre": ["our"], "nos": ["our"], "votre": ["your"], "vos": ["your"],
    "ce": ["this"], "cet": ["this"], "cette": ["this"], "ces": ["these"], "même": ["same"],
    "se": [""], "s'": [""], "qui": ["who"], "que": ["that"], "qu'": ["that"],
}
_ELISION_RE = re.compile(r"\b([ldsnqu]+')", re.IGNORECASE)
_HEAD_RE = re.compile(r"^(\S[^/<]*?)\s+/[^/]*/\s+<([^>]*)>")


@dataclass
class Word:
    """A French word with its part of speech and its English senses, best first."""

    text: str
    pos: str = ""
    senses: list[str] = field(default_factory=list)


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


def load_freedict(path: Path) -> dict[str, tuple[str, list[str]]]:
    """Headword -> (part of speech, single-word senses) from the dictd file."""
    entries: dict[str, tuple[str, list[str]]] = {}
    head: tuple[str, str] | None = None
    for line in gzip.open(path, "rt", encoding="utf-8"):
        match = _HEAD_RE.match(line)
        if match:
            head = (match.group(1).strip().lower(), match.group(2).split(",")[0].strip())
            entries.setdefault(head[0], (head[1], []))
        elif head and line.strip():
            senses = re.sub(r"^\s*\d+\.\s*", "", line.strip())
            for sense in re.split(r"[,;]\s*", senses):
                sense = re.sub(r"^to\s+", "", sense.strip())
                if re.fullmatch(r"[a-z]+(?: (?:on|up|out|off|in|down|back|away))?", sense):
                    entries[head[0]][1].append(sense)
    return entries


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


def expanded(gloss: str) -> list[str]:
    """``gloss`` with each slot filled, the same way wherever it recurs: ``{poss}`` a
    possessive, ``{self}`` a reflexive pronoun (``{selfp}`` of a person, ``{selfi}`` of a
    thing or a group)."""
    for slot, fillers in SLOTS.items():
        if slot in gloss:
            return [g for filler in fillers for g in expanded(gloss.replace(slot, filler))]
    return [gloss]


def french_words(french: str, dictionary: dict[str, tuple[str, list[str]]]) -> list[Word]:
    """The words of a locution, each with its part of speech and the senses a translation
    picks: the verbs of ``VERBS``, else the most frequent English sense and the cognate."""
    words = []
    for token in _ELISION_RE.sub(r"\1 ", french.lower()).split():
        if token in FUNCTION:
            words.append(Word(token, "function", FUNCTION[token]))
        elif token in VERBS:
            words.append(Word(token, "v", VERBS[token]))
        else:
            pos, senses = dictionary.get(token, ("", []))
            words.append(Word(token, pos, _chosen(token, senses)))
    return words


def _chosen(french: str, senses: list[str]) -> list[str]:
    """The most frequent of ``senses`` in English and, if another, the one spelt like
    ``french`` (a translation by resemblance)."""
    frequent = [s for s in dict.fromkeys(senses) if wordfreq.zipf_frequency(s, "en") >= MIN_ZIPF]
    if not frequent:
        return []
    best = max(frequent, key=lambda s: wordfreq.zipf_frequency(s, "en"))
    cognates = [s for s in frequent if s != best and s[:4] == _folded(french)[:4]]
    return [best, *cognates[:1]][:SENSES]


def _folded(word: str) -> str:
    return unicodedata.normalize("NFD", word).encode("ascii", "ignore").decode()


def literal_glosses(words: list[Word]) -> Iterator[str]:
    """The word-by-word renderings of ``words``: English order, verbs as lemmas."""
    if any(not w.senses for w in words):
        return
    slots = [_slot(w, i == 0 or words[i - 1].text in ("se", "s'")) for i, w in enumerate(words)]
    orders = [list(range(len(words)))]
    for i in range(1, len(words)):
        if words[i].pos == "adj" and words[i - 1].pos.startswith("n"):
            orders.append(_swapped(orders[0], i - 1, i))
    for i in range(1, len(words) - 1):
        if words[i].text in ("de", "d'") and words[i + 1].pos.startswith("n") and words[i - 1].pos.startswith("n"):
            orders.append([*orders[0][: i - 1], i + 1, i - 1, *orders[0][i + 2 :]])
    for order in orders:
        for choice in product(*(slots[i] for i in order)):
            yield " ".join(part for part in choice if part)


def _slot(word: Word, verb_position: bool) -> list[str]:
    if word.pos == "v" and verb_position:
        return [" ".join([f"<{s.split()[0]}>", *s.split()[1:]]) for s in word.senses]
    return word.senses


def _swapped(order: list[int], i: int, j: int) -> list[int]:
    swapped = list(order)
    swapped[i], swapped[j] = swapped[j], swapped[i]
    return swapped


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
        choices = [sorted({f for forms in self.inflector.forms(l).values() for f in forms}) for l in lemmas]
        for chosen in product(*choices):
            text = pieces[0] + "".join(c + p for c, p in zip(chosen, pieces[1:], strict=True))
            yield re.findall(r"[a-z]+", text.lower())

    def _found(self, words: list[str]) -> bool:
        anchor = max(range(len(words)), key=lambda i: len(self.positions.get(words[i], ())) == 0 or -len(self.positions.get(words[i], ())))
        if words[anchor] not in self.positions:
            return False
        n = len(words)
        return any(self.tokens[p - anchor : p - anchor + n] == words for p in self.positions[words[anchor]])


def glosses_of(locution: Locution, dictionary, english: English, dropped: list[str]) -> list[str]:
    """The literal glosses of ``locution`` that native English does not use."""
    automatic = [] if "manual" in locution.options else literal_glosses(french_words(locution.french, dictionary))
    automatic = list(dict.fromkeys(automatic))[:MAX_AUTOMATIC]
    generated = list(dict.fromkeys([*locution.extra, *automatic]))
    equivalents = {re.sub(r"<([^>]+)>", r"\1", e).lower() for e in locution.english}
    kept = []
    for gloss in generated:
        plain = re.sub(r"<([^>]+)>", r"\1", gloss).lower()
        if len(gloss.split()) < 2 or plain in equivalents or english.uses(gloss):
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
  message: "'{match}' renders the French locution '{source}' word for word: English says {suggestions}."
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
        lines.append(f"  - id: {group.name}\n    description: {json.dumps(group.description)}\n    entries:\n")
        for gloss, locution in entries[group.name].items():
            fields = {"source": locution.french, "suggest": locution.english}
            fields.update({k: v for k, v in locution.options.items() if k in ENTRY_OPTIONS})
            value = json.dumps(fields, ensure_ascii=False)
            lines.append(f"      {json.dumps(gloss)}: {value}\n")
        lines.append(
            f"    examples:\n      flag: [{json.dumps(group.flag)}]\n      pass: [{json.dumps(group.passing)}]\n\n"
        )
    return "".join(lines).rstrip("\n") + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--native", type=Path, action="append", default=[], help="a folder of native English .txt files")
    parser.add_argument("--dropped", action="store_true", help="list the glosses dropped as English")
    args = parser.parse_args()
    dictionary = load_freedict(FREEDICT)
    english = English(args.native, inflections.load(str(ROOT / "rules" / "en" / "data" / "inflections.txt")))
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
    print(f"{PACK.relative_to(ROOT)}: {locutions} locutions, {total} glosses kept, {len(dropped)} dropped as English")
    if args.dropped:
        print("\n".join(dropped))
    return 0


if __name__ == "__main__":
    sys.exit(main())
