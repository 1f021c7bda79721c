"""The text the rules read, and the way back to the file's offsets.

A file is matched as written unless one of these holds, when the rules
read a ``Prose`` text instead:

- it is not in Unicode NFC (a letter and a combining accent, "e" + U+0301,
  where NFC has one character, "é"): the rules' word lists and regexes are
  NFC, so each such sequence is read composed;
- its lines end with CR LF or a lone CR: each line end is read as one LF,
  which ``^``, ``$`` and the line-based kinds expect;
- it is Markdown (``audit.text.markdown``): only its prose is read, with
  code, URLs, link targets, images and HTML left out, one line of prose for
  each line of the file.

A ``Prose`` holds the pieces it is made of, each a span of the file read
either as it is (a copy) or as other text (a composed letter, an LF for
CR LF, ``&`` for ``&amp;``). ``original_span`` maps a span of the prose
back to the file, so findings keep the file's offsets, lines and columns.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from dataclasses import dataclass, field

import regex

from audit.text.spans import Span

_LINE_BREAK_RE = re.compile(r"\r\n?|\n")
_MARKED_RE = regex.compile(r"(?s).\p{M}+")


@dataclass(frozen=True)
class Piece:
    """Prose ``[start, end)`` read from the file's ``[source_start, source_end)``; a copy
    when the two hold the same characters."""

    start: int
    end: int
    source_start: int
    source_end: int
    copy: bool


@dataclass(frozen=True)
class Prose:
    """The text the rules read (``text``) and its pieces in the file (``original``)."""

    text: str
    original: str
    pieces: tuple[Piece, ...]
    _starts: tuple[int, ...] = field(default=(), repr=False)
    _ends: tuple[int, ...] = field(default=(), repr=False)

    def original_span(self, start: int, end: int) -> Span:
        """The span of the file that prose ``[start, end)`` was read from."""
        return Span(self._start(start), max(self._start(start), self._end(end)))

    def _start(self, offset: int) -> int:
        index = bisect.bisect_right(self._starts, offset) - 1
        if index < 0 or offset >= len(self.text):
            return len(self.original) if offset >= len(self.text) else 0
        piece = self.pieces[index]
        if offset >= piece.end:
            return piece.source_end
        return piece.source_start + (offset - piece.start if piece.copy else 0)

    def _end(self, offset: int) -> int:
        index = bisect.bisect_left(self._ends, offset)
        if index >= len(self.pieces):
            return len(self.original)
        piece = self.pieces[index]
        if offset <= piece.start:
            return piece.source_start
        return piece.source_start + (offset - piece.start) if piece.copy else piece.source_end


class Builder:
    """Puts a Prose together, piece by piece, in the file's order."""

    def __init__(self, original: str) -> None:
        self.original = original
        self.parts: list[str] = []
        self.pieces: list[Piece] = []
        self.length = 0

    def copy(self, start: int, end: int) -> None:
        """Read the file's ``[start, end)`` as it is, composed where it is not NFC."""
        text = self.original[start:end]
        if unicodedata.is_normalized("NFC", text):
            self._add(start, end, text, copy=True)
            return
        done = start
        for sequence in _MARKED_RE.finditer(text):
            self._unmarked(done, start + sequence.start())
            self.put(start + sequence.start(), start + sequence.end(), sequence.group())
            done = start + sequence.end()
        self._unmarked(done, end)

    def _unmarked(self, start: int, end: int) -> None:
        """A run without combining marks: a copy, but for characters NFC replaces (U+212B
        ANGSTROM SIGN is read as U+00C5)."""
        text = self.original[start:end]
        if unicodedata.is_normalized("NFC", text):
            self._add(start, end, text, copy=True)
            return
        for position, char in enumerate(text, start):
            self.put(position, position + 1, char)

    def put(self, start: int, end: int, text: str) -> None:
        """Read the file's ``[start, end)`` as ``text``."""
        composed = unicodedata.normalize("NFC", text)
        self._add(start, end, composed, composed == self.original[start:end])

    def _add(self, start: int, end: int, text: str, copy: bool) -> None:
        if not text and start == end:
            return
        last = self.pieces[-1] if self.pieces else None
        if copy and last and last.copy and last.end == self.length and last.source_end == start:
            self.pieces[-1] = Piece(
                last.start, self.length + len(text), last.source_start, end, True
            )
        else:
            self.pieces.append(Piece(self.length, self.length + len(text), start, end, copy))
        self.parts.append(text)
        self.length += len(text)

    def build(self) -> Prose:
        pieces = tuple(self.pieces)
        return Prose(
            "".join(self.parts),
            self.original,
            pieces,
            tuple(piece.start for piece in pieces),
            tuple(piece.end for piece in pieces),
        )


def needs_prose(text: str) -> bool:
    """Whether the rules must read ``text`` through a Prose (not NFC, or a CR in it)."""
    return "\r" in text or not unicodedata.is_normalized("NFC", text)


def plain_prose(text: str) -> Prose:
    """``text`` composed to NFC, each line end read as an LF."""
    builder = Builder(text)
    done = 0
    for line_break in _LINE_BREAK_RE.finditer(text):
        builder.copy(done, line_break.start())
        builder.put(line_break.start(), line_break.end(), "\n")
        done = line_break.end()
    builder.copy(done, len(text))
    return builder.build()
