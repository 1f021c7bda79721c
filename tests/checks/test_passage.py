"""The ``passage`` kind and the language stage behind it: one finding per passage left in
another language, through the real CLI; short quotations stay quiet; an English text full of
French words is still English."""

from __future__ import annotations

import json
from pathlib import Path

from audit.checks import passage
from audit.text.document import Document, Language, ParagraphLanguage, SentenceLanguage

ENGLISH = (
    "The ministers met in Brussels on Friday and said that they would meet again in the "
    "spring, after a long night of talks on the budget."
)
MORE_ENGLISH = (
    "The envoys flew home on Saturday with no date for the next round, and the markets "
    "were calm on Monday."
)
FRENCH_PARAGRAPH = (
    "Le gouvernement a annoncé vendredi que les troupes resteront dans le pays pour le "
    "moment, selon un communiqué publié dans la soirée."
)
FRENCH_SENTENCE = "Les syndicats ont appelé à une nouvelle journée de grève dans les transports."


def audit_json(run_cli, tmp_path: Path, text: str, *options: str) -> dict:
    article = tmp_path / "article.txt"
    article.write_text(text, encoding="utf-8")
    result = run_cli("check", "--no-config", "--format", "json", *options, article)
    assert result.code in (0, 1), result.stderr
    return json.loads(result.stdout)["articles"][0]


def passages(article: dict) -> list[str]:
    return [f["text"] for f in article["findings"] if f["rule"] == "any.untranslated.passage"]


def test_a_french_paragraph_gets_one_major_finding(run_cli, tmp_path):
    article = audit_json(run_cli, tmp_path, f"{ENGLISH}\n\n{FRENCH_PARAGRAPH}\n\n{MORE_ENGLISH}\n")
    assert article["language"]["code"] == "en"
    [finding] = [f for f in article["findings"] if f["rule"] == "any.untranslated.passage"]
    assert finding["text"] == FRENCH_PARAGRAPH
    assert (finding["severity"], finding["category"]) == ("major", "accuracy/untranslated")
    assert "paragraph is in French, not English" in finding["message"]
    inside = [f for f in article["findings"] if FRENCH_PARAGRAPH.find(f["text"]) >= 0]
    assert [f["rule"] for f in inside] == ["any.untranslated.passage"], "not one a word"
    assert not article["verdict"]["passed"]


def test_a_french_sentence_inside_an_english_paragraph(run_cli, tmp_path):
    text = f"{ENGLISH} {FRENCH_SENTENCE} {MORE_ENGLISH}\n"
    article = audit_json(run_cli, tmp_path, text)
    assert passages(article) == [FRENCH_SENTENCE]
    [sentence] = article["language"]["sentences"]
    assert text[sentence["start"] : sentence["end"]] == FRENCH_SENTENCE
    assert sentence["code"] == "fr"


def test_a_short_french_quotation_stays_quiet(run_cli, tmp_path):
    text = (
        f"{ENGLISH} Protesters outside the town hall chanted « Macron démission » "
        f"for an hour. {MORE_ENGLISH}\n“Liberté, égalité, fraternité”\n{ENGLISH}\n"
    )
    assert passages(audit_json(run_cli, tmp_path, text)) == []


def test_an_english_text_peppered_with_french_words_keeps_the_english_rules(run_cli, tmp_path):
    text = (
        "Interior minister Gérald Darmanin told the préfecture de police on Monday that "
        "la manifestation would go ahead, selon a statement from his office.\n"
    )
    article = audit_json(run_cli, tmp_path, text)
    assert article["language"]["code"] == "en"
    assert "fr-en.untranslated.function-words" in {f["rule"] for f in article["findings"]}


def test_the_rule_can_be_turned_off_like_any_rule(run_cli, tmp_path):
    text = f"{ENGLISH}\n\n{FRENCH_PARAGRAPH}\n\n{MORE_ENGLISH}\n"
    off = audit_json(run_cli, tmp_path, text, "--disable", "any.untranslated.passage")
    assert passages(off) == []


def hits(doc: Document, **changes: object) -> list[tuple[str, str, str]]:
    check = passage.compile({**passage.DEFAULTS, **changes})
    return [
        (doc.text[h.start : h.end], h.values["language"], h.values["unit"])
        for h in check.check(doc, {})
    ]


def test_the_kind_reads_paragraphs_and_sentences_from_the_language_stage():
    text = "First line in English.\nZweite Zeile.\nOne. Dos frases. Three."
    language = Language(
        code="en",
        confidence=1.0,
        paragraphs=(ParagraphLanguage(1, "de", 0.99), ParagraphLanguage(0, None, None)),
        sentences=(SentenceLanguage(42, 53, "es", 0.95),),
    )
    doc = Document.from_text(text).with_language(language)
    assert hits(doc) == [
        ("Zweite Zeile.", "German", "paragraph"),
        ("Dos frases.", "Spanish", "sentence"),
    ]
    assert hits(doc, ignore=["DE"]) == [("Dos frases.", "Spanish", "sentence")]
    assert hits(doc, min_letters=11) == [("Zweite Zeile.", "German", "paragraph")]
