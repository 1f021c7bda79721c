"""Plain-text word lists that rule packs ship as data files.

One entry a line: a word, optionally followed by a tab and a value (the
source spelling of a French word, say). Blank lines and lines starting with
``#`` are skipped; words are kept in lower case, as tokens are compared.
A list is read once per process, however many rules use it.

A ``WordList`` pickles as one newline-joined string plus its few values,
and builds its hash set the first time it is asked: loading a cached
rulebook then costs a copy of the text instead of rebuilding tens of
thousands of dictionary entries.
"""

from __future__ import annotations

from functools import cache, cached_property
from pathlib import Path

from audit.rulebook.kind import FieldError


class WordList:
    """Lower-case words, each with a value ('' when the list gives none)."""

    def __init__(self, words: str, values: dict[str, str]) -> None:
        self._joined = words
        self._values = values

    @classmethod
    def parse(cls, text: str) -> WordList:
        lines = [line.strip() for line in text.lower().splitlines()]
        entries = [line for line in lines if line and not line.startswith("#")]
        pairs = [(word.strip(), value.strip()) for word, _, value in _tabbed(entries)]
        words = dict.fromkeys([line for line in entries if "\t" not in line])
        words.update(dict.fromkeys(word for word, _ in pairs))
        return cls("\n".join(words), {word: value for word, value in pairs if value})

    @cached_property
    def words(self) -> frozenset[str]:
        return frozenset(self._joined.split("\n")) if self._joined else frozenset()

    def __contains__(self, word: object) -> bool:
        return word in self.words

    def __len__(self) -> int:
        return len(self.words)

    def value(self, word: str) -> str:
        """The value listed for ``word``, or '' when none is."""
        return self._values.get(word, "")

    def __getstate__(self) -> tuple[str, dict[str, str]]:
        return self._joined, self._values

    def __setstate__(self, state: tuple[str, dict[str, str]]) -> None:
        self._joined, self._values = state


def _tabbed(entries: list[str]) -> list[tuple[str, str, str]]:
    return [line.partition("\t") for line in entries if "\t" in line]


def require(path: str, field_name: str) -> WordList:
    """The list at ``path``; problems reading it are FieldErrors naming ``field_name``."""
    try:
        words = _load(Path(path))
    except OSError as bad:
        raise FieldError((field_name,), f"cannot read word list {path}: {bad.strerror}") from None
    except UnicodeDecodeError:
        raise FieldError((field_name,), f"word list {path} is not UTF-8 text") from None
    if not words:
        raise FieldError((field_name,), f"word list {path} has no words")
    return words


@cache
def _load(path: Path) -> WordList:
    return WordList.parse(path.read_text(encoding="utf-8"))
