"""Sentence splitting with Punkt, offline, and its cheap import."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from audit.text.document import Document

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def sentences(text: str) -> list[str]:
    doc = Document.from_text(text)
    return [doc.slice(span) for span in doc.sentences]


def test_abbreviations_do_not_end_sentences():
    text = (
        "Mr. Smith met Dr. Jones and Gen. Milley at 9 a.m. in the U.S. capital. "
        "They left St. Louis at 5 p.m. on Friday. Then Mrs. Brown spoke."
    )
    assert sentences(text) == [
        "Mr. Smith met Dr. Jones and Gen. Milley at 9 a.m. in the U.S. capital.",
        "They left St. Louis at 5 p.m. on Friday.",
        "Then Mrs. Brown spoke.",
    ]


def test_initials_stay_inside_the_name():
    assert sentences("It was written by General William H. Seely. He signed it.") == [
        "It was written by General William H. Seely.",
        "He signed it.",
    ]


def test_a_quoted_sentence_followed_by_lower_case_is_one_sentence():
    assert sentences('"We will stay." she said. Then they left.') == [
        '"We will stay." she said.',
        "Then they left.",
    ]


def test_sentences_never_cross_a_line_break():
    assert sentences("Headline without a stop\nBody text. More text.") == [
        "Headline without a stop",
        "Body text.",
        "More text.",
    ]


def test_works_without_nltk_data_and_without_importing_all_of_nltk(tmp_path):
    code = (
        "import sys\n"
        "from audit.text.document import Document\n"
        "doc = Document.from_text('One sentence. Another one.')\n"
        "print(len(doc.sentences), 'numpy' in sys.modules, 'nltk.corpus' in sys.modules)\n"
    )
    env = {**os.environ, "NLTK_DATA": str(tmp_path)}
    out = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
    )
    assert out.stdout.split() == ["2", "False", "False"]


def test_full_nltk_still_imports_after_the_light_punkt_import(tmp_path):
    code = (
        "from audit.text.document import Document\n"
        "Document.from_text('One. Two.').sentences\n"
        "import nltk\n"
        "from nltk.tokenize.punkt import PunktSentenceTokenizer\n"
        "print(callable(nltk.word_tokenize), PunktSentenceTokenizer.__name__)\n"
    )
    env = {**os.environ, "NLTK_DATA": str(tmp_path)}
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    assert out.stdout.split() == ["True", "PunktSentenceTokenizer"]


PUNKT_PIECES = [
    *("He left", "said", "the minister", "Mr", "Dr", "Gen", "U.S", "a.m", "J", "No", "etc"),
    *("3", "1,000", "2024", "Friday", "it", "acting", "Ortagus", "vs", "St", "e.g", "x"),
    *(".", ". ", "! ", "? ", "!!! ", "?! ", "... ", ".. ", ".” ", '." ', ".) ", ", ", " "),
    *("The", "the", "“We", '"Yes', "(AFP)", "Paris", "and", "A", "I", "10", "next"),
    *("\t", "\u00a0", "\u00a0. ", ".\t", ")", "”", "»", "’s", "--", "A1", "naïve", "Été"),
    *("E\u0301te\u0301", "x\u0301.", "x²", "½", "\x1c", ".\x1f", "1.", "3.5", "-2.", "..."),
]


def _plain_and_punkt() -> tuple[object, object]:
    from audit.text import segment

    fast = segment._tokenizer()
    plain = type(fast).__mro__[1](fast._params)
    return fast, plain


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(PUNKT_PIECES), min_size=1, max_size=14))
def test_plain_end_shortcut_splits_exactly_as_punkt(pieces):
    fast, plain = _plain_and_punkt()
    for text in (" ".join(pieces), "".join(pieces)):
        assert list(fast.span_tokenize(text)) == list(plain.span_tokenize(text)), text


def test_plain_end_shortcut_matches_punkt_on_the_seeds_and_rule_examples():
    from audit import Auditor

    fast, plain = _plain_and_punkt()
    texts = [path.read_text(encoding="utf-8") for path in sorted(SEEDS.glob("*.txt"))]
    rules = Auditor.from_rules().engine.rules
    texts += [text for rule in rules for text in (*rule.examples["flag"], *rule.examples["pass"])]
    for text in texts:
        for line in filter(str.strip, text.splitlines()):
            assert list(fast.span_tokenize(line)) == list(plain.span_tokenize(line)), line
