"""passage: flag a paragraph or sentence written in another language than the article.

A passage left untranslated (a French paragraph in an English article, a
French sentence inside an English paragraph) is the most blatant artifact
of a translation workflow. The language stage (``audit.text.language``)
finds such passages, whatever the article's own language: paragraphs and,
in the other paragraphs, single sentences, each long enough to judge
(shorter text, such as a short quotation or a slogan, is never reported).
This kind turns each passage into one hit, the whole passage, so that an
editor can change its severity or turn it off like any rule; the engine
drops the word-level hits of other rules inside it. In a bilingual file the
``untranslated-segment`` kind judges each target against its source, and
this kind leaves bilingual documents to it.

Fields:

- ``ignore`` (list of language codes): passages in these languages are not
  flagged (a Latin motto, say: ``[la]``).
- ``min_letters`` (int, default 0): passages with fewer letters are not
  flagged; the language stage already leaves out those too short to judge.

Placeholders in ``message``: ``{match}``, ``{suggestion}``,
``{suggestions}``, ``{language}`` (the passage's language, in English:
"French"), ``{code}`` (its code: ``fr``), ``{article_language}`` (the
article's language, in English), ``{unit}`` (``paragraph`` or
``sentence``).

Example::

    - id: foreign-passage
      kind: passage
      message: "This {unit} is in {language}, not {article_language}: translate it."
      severity: major
      category: accuracy/untranslated
      examples:
        flag: ["The talks ended late on Friday, and the ministers said that they would meet
          again in the spring.\\nLe gouvernement a annoncé vendredi que les troupes
          resteront dans le pays pour le moment."]
        pass: ["The talks ended late on Friday, and the ministers said that they would meet
          again in the spring.\\nThe government said the troops would stay for now."]
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from audit.rulebook.kind import FieldError, Hit
from audit.text.document import Document
from audit.text.spans import Span

KIND = "passage"
FIELDS = {"ignore": [str], "min_letters": int}
REQUIRED: tuple[str, ...] = ()
DEFAULTS: dict[str, Any] = {"ignore": (), "min_letters": 0}
PLACEHOLDERS = frozenset({"language", "code", "article_language", "unit"})

LANGUAGE_NAMES = {
    "en": "English",
    "fr": "French",
    "de": "German",
    "es": "Spanish",
    "it": "Italian",
    "pt": "Portuguese",
    "nl": "Dutch",
    "ar": "Arabic",
    "fa": "Persian",
    "ru": "Russian",
    "tr": "Turkish",
    "pl": "Polish",
}


def language_name(code: str | None) -> str:
    """The English name of a language code ("fr" -> "French"); the code itself if unlisted."""
    if code is None:
        return "the article's language"
    return LANGUAGE_NAMES.get(code, code)


@dataclass(frozen=True)
class PassageCheck:
    ignore: frozenset[str]
    min_letters: int

    def check(self, doc: Document, context: dict[str, Any]) -> Iterator[Hit]:
        if doc.segments is not None:
            return
        article = language_name(doc.language.code)
        paragraphs = (
            (doc.paragraphs[found.paragraph], found.code, "paragraph")
            for found in doc.language.paragraphs
        )
        sentences = (
            (Span(found.start, found.end), found.code, "sentence")
            for found in doc.language.sentences
        )
        for span, code, unit in (*paragraphs, *sentences):
            if code is None or code in self.ignore or self._too_short(doc, span):
                continue
            values = {
                "language": language_name(code),
                "code": code,
                "article_language": article,
                "unit": unit,
            }
            yield Hit(span.start, span.end, values=values)

    def _too_short(self, doc: Document, span: Span) -> bool:
        return self.min_letters > 0 and sum(map(str.isalpha, doc.slice(span))) < self.min_letters


def compile(options: dict[str, Any]) -> PassageCheck:
    if options["min_letters"] < 0:
        raise FieldError(("min_letters",), "must be 0 or more")
    return PassageCheck(
        ignore=frozenset(code.lower() for code in options["ignore"]),
        min_letters=options["min_letters"],
    )
