"""What the rule kinds share beyond their contract (``audit.rulebook.kind``): user regexes.

``compile_regex`` compiles a regex a rule author wrote, in ``regex``'s
syntax with ``^`` and ``$`` at line ends, and names the field when it is
wrong; ``ending_here`` turns a context regex into one searched backwards
from where a match starts.
"""

from __future__ import annotations

import re

import regex

from audit.rulebook.kind import FieldError

REGEX_TIMEOUT_SECONDS = 2.0
_BACKREFERENCE_RE = re.compile(r"\\[1-9]|\\g<|\(\?P[=>]|\(\?&|\(\?R\)|\(\?[+-]?\d")


def compile_regex(source: str, field_name: str, ignore_case: bool = False) -> regex.Pattern[str]:
    """Compile a user regex (``regex`` syntax, ``^``/``$`` at line ends); errors name the field."""
    flags = regex.MULTILINE | (regex.IGNORECASE if ignore_case else 0)
    try:
        return regex.compile(source, flags)
    except regex.error as bad:
        raise FieldError((field_name,), f"invalid regex: {bad}") from None


def ending_here(source: str) -> str:
    """A regex for "``source`` matches ending at the end of the searched range".

    It is searched backwards from that end (``regex``'s reverse flag), so only
    the last characters are tried instead of every position of the range. A
    source with back-references, which a backwards search would meet before
    their group, is searched forwards."""
    anchored = f"(?:{source})\\Z"
    return anchored if _BACKREFERENCE_RE.search(source) else f"(?r){anchored}"
