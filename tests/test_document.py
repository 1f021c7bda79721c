"""The Document model: paragraphs, tokens, words, quotations, offsets to line:column."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from audit.text.document import Document
from audit.text.spans import Span


def texts_of(doc: Document, spans: tuple[Span, ...]) -> list[str]:
    return [doc.slice(span) for span in spans]


def test_paragraphs_are_non_blank_lines_without_surrounding_space():
    doc = Document.from_text("  First line. \n\n\t\nSecond line.\r\nThird.")
    assert texts_of(doc, doc.paragraphs) == ["First line.", "Second line.", "Third."]


def test_line_col_is_one_based_and_counts_code_points():
    text = "Téhéran – ok\r\nSecond «line»\nthird"
    doc = Document.from_text(text)
    assert doc.line_col(0) == (1, 1)
    assert doc.line_col(text.index("ok")) == (1, 11)
    assert doc.line_col(text.index("Second")) == (2, 1)
    assert doc.line_col(text.index("line")) == (2, 9)
    assert doc.line_col(text.index("third")) == (3, 1)
    assert doc.line_count == 3


def test_line_span_excludes_the_line_break_and_carriage_return():
    doc = Document.from_text("one\r\ntwo\nthree")
    assert [doc.slice(doc.line_span(n)) for n in (1, 2, 3)] == ["one", "two", "three"]


def test_tokens_split_on_hyphens_and_apostrophes_and_words_skip_clitics():
    doc = Document.from_text("Iraq’s back-to-back talks don't stop: 5,200 troops.")
    assert doc.token_texts == (
        *("iraq", "s", "back", "to", "back", "talks"),
        *("don", "t", "stop", "5", "200", "troops"),
    )
    assert texts_of(doc, doc.words) == [
        "Iraq",
        "back",
        "to",
        "back",
        "talks",
        "don",
        "stop",
        "troops",
    ]
    assert doc.word_texts == ("Iraq", "back", "to", "back", "talks", "don", "stop", "troops")
    assert doc.token_index["back"] == (2, 4)


def test_quotations_pair_marks_and_run_to_the_end_of_an_unclosed_paragraph():
    text = 'He said “we stay” and ‘no’. Iraq’s "plan" ends.\n“An open quote\nnext'
    doc = Document.from_text(text)
    assert texts_of(doc, doc.quotations) == ["“we stay”", "‘no’", '"plan"', "“An open quote"]
    inside = text.index("stay")
    assert doc.in_quotation(Span(inside, inside + 4))
    assert not doc.in_quotation(Span(text.index("ends"), text.index("ends") + 4))


def test_paragraph_sentences_are_the_positions_of_each_paragraphs_sentences():
    doc = Document.from_text("One. Two here.\n\nHeadline\nThree. Four. Five.")
    assert [
        [doc.slice(doc.sentences[i]) for i in positions] for positions in doc.paragraph_sentences
    ] == [["One.", "Two here."], ["Headline"], ["Three.", "Four.", "Five."]]


def test_paragraph_of_an_offset():
    doc = Document.from_text("Alpha.\n\nBeta gamma.\nDelta.")
    assert [doc.paragraph_of(doc.text.index(w)) for w in ("Alpha", "gamma", "Delta")] == [0, 1, 2]


@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=300))
def test_spans_stay_inside_the_text_and_lines_round_trip(text):
    doc = Document.from_text(text)
    for span in (*doc.paragraphs, *doc.sentences, *doc.tokens, *doc.quotations):
        assert 0 <= span.start <= span.end <= len(text)
    for offset in range(0, len(text) + 1, 7):
        line, column = doc.line_col(offset)
        start = doc.line_span(line).start
        assert start + column - 1 == offset


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from("aZé_9 \n.'’-ß\u0301\u0627x"), max_size=60))
def test_tokens_are_the_runs_of_letters_and_digits(text):
    doc = Document.from_text(text)
    runs = list(re.finditer(r"[^\W_]+", text))
    assert doc.tokens == tuple(Span(*run.span()) for run in runs)
    assert doc.token_texts == tuple(run.group().lower() for run in runs)
    assert doc.word_texts == tuple(doc.slice(word) for word in doc.words)
    assert [doc.token(p) for p in range(len(doc.tokens))] == list(doc.tokens)
    assert list(zip(doc.token_starts, doc.token_ends, strict=True)) == list(doc.tokens)
    assert list(zip(doc.word_starts, doc.word_ends, strict=True)) == list(doc.words)
