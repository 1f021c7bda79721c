"""Deterministic benchmark inputs: a corpus of articles and a large lexicon pack.

The corpus replicates the five articles in ``seeds/`` to any number of
articles. Article ``i`` is a variant of seed ``i % 5``: the lede stays
first, the other paragraphs are shuffled, and weekday and month names are
rotated by an offset, all drawn from a random generator seeded with the
article's number, so every run builds the same bytes. The articles are
written as numbered files into a directory, or streamed as JSON Lines
records (``id``, ``text``).

The lexicon pack holds one ``lexicon`` rule with many entries made of
invented words (so they cost lookups but find nothing in the corpus): most
are single words, some are two-word phrases, and some are phrases opening
with a common English word, which every article contains.

Usage::

    python bench/corpus.py --articles 1000              # bench/corpus/articles-1000/
    python bench/corpus.py --articles 10000 --jsonl     # JSON Lines on standard output
    python bench/corpus.py --lexicon 20000 --out DIR    # DIR/big-lexicon.yaml
"""

from __future__ import annotations

import argparse
import json
import random
import re
import shutil
import sys
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

import yaml

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
CORPUS = ROOT / "bench" / "corpus"
SEED = 2024

WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip
COMMON_WORDS = ("the", "of", "in", "to", "and", "on", "for", "with", "by", "at")
CONSONANTS = "bdfgklmnprstvz"
VOWELS = "aeiou"
LEXICON_FILE = "big-lexicon.yaml"
LEXICON_PACK = "bench.big-lexicon"
WORD_SHARE = 0.7
PHRASE_SHARE = 0.2
LEXICON_MIX = (
    f"{WORD_SHARE:.0%} invented words, {PHRASE_SHARE:.0%} invented two-word phrases, "
    f"{1 - WORD_SHARE - PHRASE_SHARE:.0%} 'the|of|in... <invented word>'"
)


@dataclass(frozen=True)
class Seed:
    """One seed article: its file name stem and its text split into paragraphs."""

    stem: str
    paragraphs: tuple[str, ...]
    separator: str


@dataclass(frozen=True)
class CorpusArticle:
    """One generated article: a stable id and its text."""

    id: str
    text: str


def load_seeds(directory: Path = SEEDS) -> tuple[Seed, ...]:
    """The seed articles, in file name order."""
    seeds = []
    for path in sorted(directory.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        paragraphs = tuple(line for line in text.split("\n") if line.strip())
        separator = "\n\n" if "\n\n" in text else "\n"
        seeds.append(Seed(path.stem, paragraphs, separator))
    return tuple(seeds)


def _rotation(names: tuple[str, ...], offset: int) -> tuple[re.Pattern[str], dict[str, str]]:
    pattern = re.compile(r"\b(" + "|".join(names) + r")\b")
    return pattern, {name: names[(i + offset) % len(names)] for i, name in enumerate(names)}


def variant(seed: Seed, number: int) -> str:
    """Article ``number`` built from ``seed``: lede first, paragraphs shuffled, names rotated."""
    rng = random.Random(f"{SEED}:{number}")
    rest = list(seed.paragraphs[1:])
    rng.shuffle(rest)
    text = seed.separator.join((seed.paragraphs[0], *rest)) + "\n"
    for names in (WEEKDAYS, MONTHS):
        pattern, renamed = _rotation(names, rng.randrange(len(names)))
        text = pattern.sub(lambda match, table=renamed: table[match.group()], text)
    return text


def articles(count: int, seeds: tuple[Seed, ...] | None = None) -> Iterator[CorpusArticle]:
    """``count`` articles, the same ones on every call."""
    pool = seeds or load_seeds()
    for number in range(count):
        seed = pool[number % len(pool)]
        yield CorpusArticle(f"{number:05d}_{seed.stem}", variant(seed, number))


def corpus_dir(count: int) -> Path:
    return CORPUS / f"articles-{count}"


def write_dir(count: int, directory: Path | None = None) -> Path:
    """Write ``count`` articles as ``<id>.txt`` files into a fresh ``directory``."""
    target = directory or corpus_dir(count)
    if target.exists():
        shutil.rmtree(target)
    target.mkdir(parents=True)
    for article in articles(count):
        (target / f"{article.id}.txt").write_text(article.text, encoding="utf-8", newline="")
    return target


def write_copies(source: Path, copies: int, directory: Path) -> Path:
    """The ``*.txt`` files of ``source`` copied ``copies`` times into a fresh ``directory``,
    each copy's files named with its number first (``003_page.txt``): real pages, whose
    words are not the seeds', repeated to a corpus as long as the benchmark needs."""
    pages = sorted(source.glob("*.txt"))
    if not pages:
        sys.exit(f"error: {source}: no *.txt pages")
    if directory.exists():
        shutil.rmtree(directory)
    directory.mkdir(parents=True)
    width = len(str(copies - 1))
    for copy in range(copies):
        for page in pages:
            shutil.copyfile(page, directory / f"{copy:0{width}d}_{page.name}")
    return directory


def write_jsonl(count: int, stream: TextIO) -> None:
    """Stream ``count`` articles as JSON Lines records, one at a time."""
    for article in articles(count):
        record = {"id": article.id, "text": article.text}
        stream.write(json.dumps(record, ensure_ascii=False) + "\n")


def _invented_word(rng: random.Random) -> str:
    syllables = rng.randint(3, 4)
    return "".join(rng.choice(CONSONANTS) + rng.choice(VOWELS) for _ in range(syllables)) + "x"


def lexicon_entries(count: int) -> dict[str, str]:
    """``count`` entries mixed as ``LEXICON_MIX`` says; each suggests another invented word."""
    rng = random.Random(f"{SEED}:lexicon")
    entries: dict[str, str] = {}
    while len(entries) < count:
        share = len(entries) / count
        word = _invented_word(rng)
        if share < WORD_SHARE:
            phrase = word
        elif share < WORD_SHARE + PHRASE_SHARE:
            phrase = f"{word} {_invented_word(rng)}"
        else:
            phrase = f"{rng.choice(COMMON_WORDS)} {word}"
        entries.setdefault(phrase, _invented_word(rng))
    return entries


def lexicon_pack(count: int) -> dict[str, object]:
    """A pack with one ``lexicon`` rule of ``count`` entries and its examples."""
    entries = lexicon_entries(count)
    first = next(iter(entries))
    return {
        "pack": LEXICON_PACK,
        "description": f"{count} invented entries, to measure how lexicon size affects speed.",
        "rules": [
            {
                "id": "invented",
                "kind": "lexicon",
                "message": "'{match}' is an invented word: write {suggestions}.",
                "severity": "minor",
                "category": "style",
                "entries": entries,
                "examples": {
                    "flag": [f"The {first} arrived on Monday."],
                    "pass": ["The delegation arrived on Monday."],
                },
            }
        ],
    }


def write_lexicon(count: int, directory: Path | None = None) -> Path:
    """Write the lexicon pack into ``directory`` (a new temporary one by default)."""
    target = directory or Path(tempfile.mkdtemp(prefix="audit-bench-"))
    target.mkdir(parents=True, exist_ok=True)
    path = target / LEXICON_FILE
    dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
    text = yaml.dump(lexicon_pack(count), Dumper=dumper, sort_keys=False, allow_unicode=True)
    path.write_text(text, encoding="utf-8")
    return path


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=1000, help="number of articles")
    parser.add_argument("--jsonl", action="store_true", help="JSON Lines on standard output")
    parser.add_argument("--lexicon", type=int, metavar="ENTRIES", help="write a lexicon pack")
    parser.add_argument("--out", type=Path, help="output directory")
    return parser


def main(argv: list[str] | None = None) -> int:
    options = _parser().parse_args(argv)
    if options.lexicon is not None:
        print(write_lexicon(options.lexicon, options.out))
    elif options.jsonl:
        write_jsonl(options.articles, sys.stdout)
    else:
        print(write_dir(options.articles, options.out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
