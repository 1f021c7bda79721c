"""Derive a list of French-English faux amis from a dictionary, and report which have a rule.

A faux ami is a French word whose English look-alike (the same spelling with
its accents folded: "déception" -> "deception", or with its French ending
rewritten the way translation by resemblance writes it: "actualité" ->
"actuality", "fatalité" -> "fatality", "effectif" -> "effective",
"propriétaire" -> "proprietary"; the endings of bench/make_lookalikes.py and
-el/-al) is an English word that no sense of the French word translates to:
FreeDict's French-English dictionary glosses "déception" as
"disappointment", so "deception" is a false friend.
The list is built at development time from FreeDict (``apt-get install
dict-freedict-fra-eng``; GPL-2.0-or-later: only the pairs and their first
glosses are kept, with the credit in the file header) and wordfreq's
frequencies (both words common, Zipf >= ``COMMON``), so that the rule packs
can be grown from a resource rather than from the pages one has read.

``--coverage`` prints, commonest first, the pairs whose English look-alike
appears in no lexicon entry of the fr-en packs: the faux amis still without
a frame. Usage::

    python bench/make_faux_amis.py               # rewrite bench/data/faux-amis.tsv
    python bench/make_faux_amis.py --coverage    # pairs that no fr-en entry names yet
"""

from __future__ import annotations

import argparse
import gzip
import re
import sys
import unicodedata
from pathlib import Path

import wordfreq
import yaml
from make_lookalikes import REWRITES

ROOT = Path(__file__).resolve().parent.parent
DICTIONARY = Path("/usr/share/dictd/freedict-fra-eng")
OUTPUT = ROOT / "bench" / "data" / "faux-amis.tsv"
PACKS = ROOT / "rules" / "en" / "from-fr"
COMMON = 3.0
MIN_LENGTH = 4
B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
ENDINGS = (*REWRITES, ("elles", ("als",)), ("elle", ("al",)), ("els", ("als",)), ("el", ("al",)))
WORD_RE = re.compile(r"[a-z]+")
HEADER = (
    "# French-English faux amis: a French word, its English look-alike, the French word's\n"
    "# Zipf frequency, and its first English glosses.\n"
    "# Derived by bench/make_faux_amis.py from the FreeDict French-English dictionary\n"
    "# (FreeDict project, GPL-2.0-or-later) and wordfreq's frequencies (CC BY-SA 4.0).\n"
)


def fold(word: str) -> str:
    decomposed = unicodedata.normalize("NFD", word)
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def _offset(code: str) -> int:
    number = 0
    for char in code:
        number = number * 64 + B64.index(char)
    return number


def glossary(stem: Path = DICTIONARY) -> dict[str, str]:
    """Headword -> its glosses, read from a dictd index and its compressed data."""
    with gzip.open(stem.with_suffix(".dict.dz")) as stream:
        data = stream.read()
    glosses: dict[str, str] = {}
    for line in stem.with_suffix(".index").read_text(encoding="utf-8").splitlines():
        head, offset, length = [*line.split("\t"), "", ""][:3]
        if not length or head.startswith("00"):
            continue
        start = _offset(offset)
        body = data[start : start + _offset(length)].decode("utf-8", "replace")
        text = " ".join(part.strip() for part in body.splitlines()[1:])
        glosses[head] = (glosses.get(head, "") + " " + text).strip()
    return glosses


def look_alikes(french: str) -> set[str]:
    """The French word with its accents folded, and with its ending rewritten."""
    plain = fold(french)
    found = {plain}
    for ending, replacements in ENDINGS:
        if plain.endswith(ending) and len(plain) > len(ending) + 2:
            found.update(plain[: -len(ending)] + english for english in replacements)
            break
    return found


def faux_amis(glosses: dict[str, str]) -> list[tuple[float, str, str, str]]:
    """(French Zipf, French word, English look-alike, glosses): the look-alike is a common
    English word that none of the glosses starts like."""
    found = []
    for head, text in glosses.items():
        french = head.lower()
        if not french.isalpha():
            continue
        zipf = wordfreq.zipf_frequency(french, "fr")
        if zipf < COMMON:
            continue
        gloss_words = WORD_RE.findall(text.lower())
        for english in sorted(look_alikes(french)):
            if len(english) < MIN_LENGTH or wordfreq.zipf_frequency(english, "en") < COMMON:
                continue
            stem = english[: max(MIN_LENGTH, len(english) - 2)]
            if not any(word.startswith(stem) for word in gloss_words):
                found.append((zipf, french, english, text[:80]))
    return sorted(found, reverse=True)


def entry_words() -> set[str]:
    """The words of every lexicon entry of the fr-en packs."""
    words: set[str] = set()
    for path in sorted(PACKS.glob("*.yaml")):
        pack = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        for rule in pack.get("rules", []):
            for phrase in rule.get("entries", {}) or {}:
                words.update(WORD_RE.findall(str(phrase).lower()))
    return words


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--coverage", action="store_true", help="list the pairs with no entry")
    options = parser.parse_args(argv)
    pairs = faux_amis(glossary())
    if options.coverage:
        covered = entry_words()
        missing = [pair for pair in pairs if pair[2] not in covered]
        print(f"{len(pairs) - len(missing)} of {len(pairs)} faux amis have a lexicon entry")
        print("\n".join(f"{french} -> {english}: {text}" for _, french, english, text in missing))
        return 0
    OUTPUT.parent.mkdir(exist_ok=True)
    rows = "".join(f"{fr}\t{en}\t{zipf:.2f}\t{text}\n" for zipf, fr, en, text in pairs)
    OUTPUT.write_text(HEADER + rows, encoding="utf-8")
    print(f"wrote {len(pairs)} pairs to {OUTPUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
