"""Plain-text word lists that rule packs ship as data files.

One entry a line: a word, optionally followed by a tab and a value (the
source spelling of a French word, say). Blank lines and lines starting with
``#`` are skipped; words are kept in lower case, as tokens are compared.
A list is read once per process, however many rules use it.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from pathlib import Path

from audit.checks.base import FieldError


def require(path: str, field_name: str) -> Mapping[str, str]:
    """The list at ``path`` (word -> value, '' when none); problems are FieldErrors."""
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
def _load(path: Path) -> Mapping[str, str]:
    lines = [line.strip() for line in path.read_text(encoding="utf-8").lower().splitlines()]
    entries = [line for line in lines if line and not line.startswith("#")]
    words = dict.fromkeys((line for line in entries if "\t" not in line), "")
    for line in entries:
        if "\t" in line:
            word, _, value = line.partition("\t")
            words[word.strip()] = value.strip()
    return words
