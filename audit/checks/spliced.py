"""spliced: flag two words printed without the space between them ("thathe", "Assemblyis").

Text pasted from pieces, or a translation that dropped a space, joins two
words into one token that no dictionary holds: "it is on Twitter thathe
writes", "the bill before the Assemblyis", "the poorest countriesadded the
minister". A token is split at every place into two ``pieces`` (common
words); a split counts when one of its words is a ``joints`` word (the
function words and reporting verbs that splices are made at: the, that,
he, is, there, said, added ...) and the other is a joint word too or has
at least ``min_piece`` letters. Two other words make no splice: English
joins nouns into compounds of its own ("schoolfriends"). Of the splits
that count, one of two joint words wins ("that he" over "tha the"), then
the one with the longest other word, and the suggestion puts the space
back.

A token is never split when it is a word of ``dictionary`` or
``compounds`` (English words written as two joined: "afterwards",
"smartphone", names such as "Willis"), when it has fewer than
``min_length`` letters, when it is written in capitals or with a capital
inside (acronyms, brands: "YouTube"), when it holds a digit, or when it
is part of a web address ("gamesnews.com"). A capitalised token (a name, a
sentence opening) is split only before a joint word, after a first word
of ``min_name_piece`` letters at least ("Vikingthere"; not "Newcastle",
nor the names "Numis" and "Cotis"). The Document's token index is
read once: each distinct token is split once, whatever its count.

Fields:

- ``pieces`` (file, required): common words, one a line.
- ``joints`` (list of strings, required): the words splices are made at.
- ``dictionary`` (file) and ``compounds`` (file): words never split.
- ``min_length`` (int, default 5), ``min_piece`` (int, default 3): the
  shortest token, and the shortest word that is not a joint word;
  ``min_name_piece`` (int, default 4): the shortest first word of a
  capitalised token.

Placeholders in ``message``: ``{match}``, ``{suggestion}``, ``{suggestions}``,
``{first}`` and ``{second}`` (the two words, as written).

Example::

    - id: spliced-words
      kind: spliced
      pieces: en/data/english-pieces.txt
      dictionary: en/data/english-common.txt
      compounds: en/data/english-compounds.txt
      joints: [the, that, he, is, there, said, added]
      message: "'{match}' is two words run together: write '{suggestion}'."
      severity: minor
      category: fluency/spelling
      examples:
        flag: ["It is on the radio thathe speaks his mind."]
        pass: ["It is on the radio that he speaks his mind, afterwards."]
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from audit.rulebook import wordlists
from audit.rulebook.fields import File
from audit.rulebook.kind import FieldError, Hit
from audit.rulebook.wordlists import WordList
from audit.text.document import Document

KIND = "spliced"
FIELDS = {
    "pieces": File,
    "joints": [str],
    "dictionary": File,
    "compounds": File,
    "min_length": int,
    "min_piece": int,
    "min_name_piece": int,
}
REQUIRED = ("pieces", "joints")
DEFAULTS: dict[str, Any] = {
    "dictionary": None,
    "compounds": None,
    "min_length": 5,
    "min_piece": 3,
    "min_name_piece": 4,
}
PLACEHOLDERS = frozenset({"first", "second"})


@dataclass(frozen=True)
class SplicedCheck:
    pieces: WordList
    joints: frozenset[str]
    known: tuple[WordList, ...]
    min_length: int
    min_piece: int
    min_name_piece: int

    def check(self, doc: Document, context: dict[str, Any]) -> Iterator[Hit]:
        index = doc.token_index
        unknown = index.keys() - self.pieces.words
        for words in self.known:
            unknown = unknown.difference(words.words)  # reads the few tokens, not the list
        for word in unknown:
            if len(word) < self.min_length or not word.isalpha():
                continue
            lower = self._best_split(word, capitalised=False)
            if lower is None:
                continue  # a capitalised split is also a lower-case one: none at all
            splits = {"lower": lower}
            for position in index[word]:
                start, end = doc.token_starts[position], doc.token_ends[position]
                written = doc.text[start:end]
                shape = _shape(written)
                if shape is None or _in_address(doc.text, start, end):
                    continue
                if shape not in splits:
                    splits[shape] = self._best_split(word, capitalised=shape == "capitalised")
                cut = splits[shape]
                if cut is not None:
                    first, second = written[:cut], written[cut:]
                    values = {"first": first, "second": second}
                    yield Hit(start, end, (f"{first} {second}",), values)

    def _best_split(self, word: str, capitalised: bool) -> int | None:
        """Where to put the space back in ``word``, or None (see the module docstring)."""
        pieces, joints = self.pieces.words, self.joints
        best, best_score = None, (False, 0)
        for cut in range(2, len(word) - 1):
            first, second = word[:cut], word[cut:]
            if first not in pieces or second not in pieces:
                continue
            if capitalised:
                counts = second in joints and len(first) >= self.min_name_piece
            else:
                counts = self._joined(first, second) or self._joined(second, first)
            both = first in joints and second in joints
            score = (both, max(len(p) for p in (first, second) if both or p not in joints))
            if counts and score > best_score:
                best, best_score = cut, score
        return best

    def _joined(self, joint: str, other: str) -> bool:
        return joint in self.joints and (other in self.joints or len(other) >= self.min_piece)


def _in_address(text: str, start: int, end: int) -> bool:
    """Whether the token is part of a web or mail address (a dot or @ glued to a letter)."""
    after = text[end : end + 2]
    before = text[max(0, start - 1) : start]
    return (len(after) == 2 and after[0] in ".@" and after[1].isalpha()) or before in (".", "@")


def _shape(written: str) -> str | None:
    """``lower`` or ``capitalised``; None for capitals, inner capitals and digits."""
    if written.islower():
        return "lower"
    if written[0].isupper() and (len(written) == 1 or written[1:].islower()):
        return "capitalised"
    return None


def compile(options: dict[str, Any]) -> SplicedCheck:
    for name in ("min_length", "min_piece", "min_name_piece"):
        if options[name] < 2:
            raise FieldError((name,), "must be 2 or more")
    known = tuple(
        wordlists.require(options[name], name)
        for name in ("dictionary", "compounds")
        if options[name] is not None
    )
    return SplicedCheck(
        pieces=wordlists.require(options["pieces"], "pieces"),
        joints=frozenset(word.lower() for word in options["joints"]),
        known=known,
        min_length=options["min_length"],
        min_piece=options["min_piece"],
        min_name_piece=options["min_name_piece"],
    )
