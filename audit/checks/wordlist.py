"""wordlist: flag words found in a plain-text word list (thousands of words, one lookup each).

The list is a UTF-8 text file with one entry a line: the word to flag,
optionally followed by a tab and the word it stands for (its source
spelling, placeholder ``{source}``), e.g. ``cenacle<TAB>cénacle``; the file
is read in lower case, as tokens are compared. Blank lines and lines
starting with ``#`` are ignored. A relative path is resolved against the
pack file's directory, or else the shipped rules directory (so any pack can
use ``en/from-fr/data/french-words.txt``). Each file is read once per
process.

The text is scanned once: the Document's token index is intersected with
the list, so the cost does not depend on the size of the list.

Fields:

- ``list`` (string, required): the word-list file.
- ``min_length`` (int, default 4): shorter tokens are never flagged.
- ``skip_capitalised`` (bool, default true): skip tokens that start with a
  capital letter: names, sentence openings and headline words, where a
  French-looking word is as likely a name as an untranslated word.
- ``ignore`` (list of strings): words never flagged, whatever the list says.

Placeholders in ``message``: ``{match}``, ``{suggestion}``, ``{suggestions}``,
``{source}`` (the source spelling from the list, or the word itself).

Example::

    - id: french-word
      kind: wordlist
      list: en/from-fr/data/french-words.txt
      message: "'{match}' is French ('{source}'), not English: translate it."
      severity: major
      category: accuracy/untranslated
      ignore: [chez]
      examples:
        flag: ["A speech far removed from the Iraqi political cénacle."]
        pass: ["A speech far removed from the Iraqi political circles."]
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from audit.rulebook import wordlists
from audit.rulebook.fields import File
from audit.rulebook.kind import FieldError, Hit
from audit.text.document import Document

KIND = "wordlist"
FIELDS = {
    "list": File,
    "min_length": int,
    "skip_capitalised": bool,
    "ignore": [str],
}
REQUIRED = ("list",)
DEFAULTS: dict[str, Any] = {"min_length": 4, "skip_capitalised": True, "ignore": ()}
PLACEHOLDERS = frozenset({"source"})


@dataclass(frozen=True)
class WordlistCheck:
    words: wordlists.WordList
    min_length: int
    skip_capitalised: bool
    ignore: frozenset[str]

    def check(self, doc: Document, context: dict[str, Any]) -> Iterator[Hit]:
        index = doc.token_index
        for word in self.words.words.intersection(index):
            if len(word) < self.min_length or word in self.ignore:
                continue
            values = {"source": self.words.value(word) or word}
            for position in index[word]:
                token = doc.token(position)
                if not (self.skip_capitalised and doc.text[token.start].isupper()):
                    yield Hit(token.start, token.end, values=values)


def compile(options: dict[str, Any]) -> WordlistCheck:
    if options["min_length"] < 1:
        raise FieldError(("min_length",), "must be 1 or more")
    return WordlistCheck(
        words=wordlists.require(options["list"], "list"),
        min_length=options["min_length"],
        skip_capitalised=options["skip_capitalised"],
        ignore=frozenset(word.lower() for word in options["ignore"]),
    )
