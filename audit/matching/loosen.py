"""Loose copies of rule regexes: RE2 regexes that match at least what the rules match.

``loosen(source, ignore_case)`` turns a regex in the syntax of Python's
``regex`` module into an RE2 regex that matches every text the original
matches (and more), on text made of ``audit.matching.screen.SAFE_CHARS``; the
screen (``audit.matching.screen``) runs these copies to skip rules that cannot
match an article. The copy:

- drops assertions (``\\b``, ``\\K`` ...), but for anchors at the regex's
  edge in a regex run over the whole text: ``^`` that opens it becomes the
  line break before or the text's start, ``$`` that closes it the line
  break after or the text's end, and ``\\A``, ``\\Z`` stay;
- consumes a positive lookbehind that opens the regex, and a positive
  lookahead that closes it (``(?<=\\.)x`` becomes ``\\.x``); a negative
  lookbehind of one character class that opens it becomes that class's
  complement or the start of the text (``(?<![\\w.])x`` becomes
  ``(?:\\A|[^\\w.])x``), and a negative lookahead of one class that closes
  it, likewise; other lookarounds are dropped;
- turns ``\\w``, ``\\s``, ``\\d`` and their negations into Unicode classes that
  are exactly the ``regex`` module's on the safe characters, ``\\h`` into
  ``\\s``, and, under ``ignore_case``, case properties (``\\p{Lu}``) into
  ``\\p{L}``;
- makes possessive and atomic forms plain.

Syntax it cannot loosen with certainty (back-references, inline flags after
the start, verbose mode, fuzzy matching, POSIX classes, conditionals,
recursion) gives no copy, and the rule simply always runs.
``tests/test_screen.py`` checks the classes character by character against
``regex`` and the copies of the shipped rules against their examples.
"""

from __future__ import annotations

import re
import unicodedata

from audit.matching.nodes import (
    EDGES,
    Char,
    Group,
    Look,
    Node,
    Repeat,
    Text,
    Unless,
    Zero,
    render_branches,
)
from audit.matching.prefilter import FUZZY_MATCHING

WORD = r"\p{L}\p{M}\p{Nd}\p{Pc}\x{200c}\x{200d}"
SPACE = r"\t-\r\x{20}\x{85}\p{Z}"
DIGIT = r"\p{Nd}"
ANY_CHAR = r"(?s:.)"
ALL_CHARS = r"\x{0}-\x{10ffff}"

_ESCAPED_CHARS = {"n": 0x0A, "t": 0x09, "r": 0x0D, "f": 0x0C, "v": 0x0B, "a": 0x07, "e": 0x1B}
_CLASS_ESCAPES = {"d": DIGIT, "w": WORD, "s": SPACE}
_CASE_PROPERTY_RE = re.compile(r"\{?(?:Is)?(?:Lu|Ll|Lt|L&|LC|Upper(?:case)?|Lower(?:case)?)\}?$")
_PROPERTY_RE = re.compile(r"\\([pP])(\{\^?[\w&.\- ]+\}|\w)")
_QUANTIFIER_RE = re.compile(r"(?:[*+?]|\{(\d*)(,?)(\d*)\})([?+]?)")
_CODE_RE = re.compile(
    r"\\(?:x\{([0-9a-fA-F]+)\}|x([0-9a-fA-F]{2})|u([0-9a-fA-F]{4})|U([0-9a-fA-F]{8}))"
)
_NAMED_RE = re.compile(r"\\N\{([^}]+)\}")
_SCOPED_FLAGS_RE = re.compile(r"\(\?([is]*)(?:-([is]+))?:")
_LEADING_FLAGS_RE = re.compile(r"\(\?([ims]+)\)")
_ZERO_WIDTH_ESCAPES = "bBAZzGKmM"
_GROUP_KINDS = ("?<=", "?<!", "?=", "?!", "?:", "?>", "?#")
_NAMED_GROUP_RE = re.compile(r"\?P?<\w+>")
_UNSUPPORTED_RE = re.compile(rf"\(\?(?:x|V1|r)|{FUZZY_MATCHING}")
_SYNTAX = set(r"\^$.|?*+()[]{}-")


class Unsupported(Exception):
    """Syntax ``loosen`` cannot turn into an RE2 superset."""


def loosen(source: str, ignore_case: bool, whole_text: bool = True) -> str | None:
    """An RE2 regex matching at least what ``source`` (``regex`` syntax) matches on text made
    of ``audit.matching.screen.SAFE_CHARS``, or None when the syntax is beyond the rules of
    the module's docstring.

    ``whole_text``: the regex runs over the whole text, so its anchors mark the text's lines
    and ends; else it runs on pieces of the text (sentences) and its anchors are dropped."""
    try:
        parser = _Parser(source, ignore_case, whole_text)
        branches = parser.alternation()
    except (Unsupported, IndexError, ValueError, KeyError):
        return None
    if parser.index < len(source):
        return None
    body = render_branches(branches, lead=True, trail=True)
    return f"(?i){body}" if parser.ignore_case else body


class _Parser:
    """A recursive-descent reader of the ``regex`` syntax rules use."""

    def __init__(self, source: str, ignore_case: bool, whole_text: bool) -> None:
        self.source = source
        self.index = 0
        self.ignore_case = ignore_case
        self.whole_text = whole_text
        self.dotall = False
        if _UNSUPPORTED_RE.search(source):
            raise Unsupported(source)
        leading = _LEADING_FLAGS_RE.match(source)
        if leading:
            self.ignore_case = self.ignore_case or "i" in leading.group(1)
            self.dotall = "s" in leading.group(1)
            self.index = leading.end()

    def alternation(self) -> list[list[Node]]:
        branches = [self.sequence()]
        while self.index < len(self.source) and self.source[self.index] == "|":
            self.index += 1
            branches.append(self.sequence())
        return branches

    def sequence(self) -> list[Node]:
        nodes: list[Node] = []
        while self.index < len(self.source) and self.source[self.index] not in "|)":
            nodes.append(self.repeated(self.atom()))
        return nodes

    def repeated(self, node: Node) -> Node:
        match = _QUANTIFIER_RE.match(self.source, self.index)
        if match is None:
            return node
        self.index = match.end()
        low, comma, high = match.group(1, 2, 3)
        if match.group().startswith("{") and not (low or high):
            raise Unsupported(match.group())
        bounds = f"{{{low or 0}{comma}{high}}}"
        return Repeat(node, bounds if match.group().startswith("{") else match.group()[0])

    def atom(self) -> Node:
        char = self.source[self.index]
        if char == "(":
            return self.group()
        if char == "[":
            return self.character_class()
        if char == "\\":
            return self.escape()
        self.index += 1
        if char in "^$":
            return self.anchor(char)
        if char == ".":
            return Text(ANY_CHAR if self.dotall else r"[^\n]")
        if char in "*+?":
            raise Unsupported(char)
        return Text(_literal(char))

    def group(self) -> Node:
        source = self.source
        self.index += 1
        kind = next((k for k in _GROUP_KINDS if source.startswith(k, self.index)), "")
        named = _NAMED_GROUP_RE.match(source, self.index)
        scoped = _SCOPED_FLAGS_RE.match(source, self.index - 1)
        if kind == "?#":
            self.index = source.index(")", self.index) + 1
            return Zero()
        if scoped and not kind:
            return self.scoped(scoped)
        if source.startswith("?", self.index) and not (kind or named):
            raise Unsupported(source[self.index - 1 : self.index + 3])
        self.index = named.end() if named else self.index + len(kind)
        branches = self.closed()
        if kind in ("?=", "?<="):
            return Look(behind=kind == "?<=", branches=branches)
        if kind in ("?!", "?<!"):
            return _unless(kind == "?<!", branches)
        return Group(branches)

    def scoped(self, flags: re.Match[str]) -> Node:
        """A group with its own flags, ``(?i:...)`` or ``(?-i:...)``, kept as RE2 has them."""
        self.index = flags.end()
        saved = self.ignore_case, self.dotall
        on, off = flags.group(1), flags.group(2) or ""
        self.ignore_case = (self.ignore_case or "i" in on) and "i" not in off
        self.dotall = (self.dotall or "s" in on) and "s" not in off
        branches = self.closed()
        self.ignore_case, self.dotall = saved
        return Text(f"(?{flags.group()[2:-1]}:{render_branches(branches, False, False)})")

    def closed(self) -> list[list[Node]]:
        branches = self.alternation()
        if self.source[self.index] != ")":
            raise Unsupported("unclosed group")
        self.index += 1
        return branches

    def escape(self) -> Node:
        letter = self.source[self.index + 1]
        if letter in _ZERO_WIDTH_ESCAPES:
            self.index += 2
            return self.anchor(letter)
        if letter.isdigit() or letter == "g":
            raise Unsupported("back-reference")
        if letter in "HX":
            self.index += 2
            return Text(ANY_CHAR + ("+" if letter == "X" else ""))
        if letter in "DWS":
            self.index += 2
            return Char(_CLASS_ESCAPES[letter.lower()], negated=True, exact=True)
        members, exact = self.class_item(in_class=False)
        return Char(members, negated=False, exact=exact)

    def anchor(self, name: str) -> Node:
        """An assertion: an ``Edge`` for the anchors of a regex run over the whole text."""
        return EDGES.get(name, Zero()) if self.whole_text else Zero()

    def class_item(self, in_class: bool) -> tuple[str, bool]:
        """The escape at ``index`` as RE2 class contents, and whether it is exact on
        ``audit.matching.screen.SAFE_CHARS`` (a negated class can only hold exact items)."""
        letter = self.source[self.index + 1]
        if letter in _CLASS_ESCAPES:
            self.index += 2
            return _CLASS_ESCAPES[letter], True
        if letter == "h":
            self.index += 2
            return SPACE, False
        if letter in "DWSH":
            self.index += 2
            return ALL_CHARS, False
        if letter in "pP":
            return self.property()
        if in_class and letter == "b":
            self.index += 2
            return r"\x{8}", True
        return _code_point(self), True

    def property(self) -> tuple[str, bool]:
        match = _PROPERTY_RE.match(self.source, self.index)
        if match is None:
            raise Unsupported("property")
        self.index = match.end()
        negated = match.group(1) == "P" or match.group(2).startswith("{^")
        if self.ignore_case and (negated or _CASE_PROPERTY_RE.match(match.group(2))):
            return (ALL_CHARS, False) if negated else (r"\p{L}", False)
        return match.group(), True

    def character_class(self) -> Node:
        source = self.source
        self.index += 1
        negated = source[self.index] == "^"
        self.index += negated
        items: list[str] = []
        exact = True
        first = True
        while source[self.index] != "]" or first:
            first = False
            char = source[self.index]
            if char == "\\":
                item, item_exact = self.class_item(in_class=True)
                items.append(item)
                exact = exact and item_exact
                continue
            if char == "[":
                raise Unsupported("nested class")
            items.append("-" if char == "-" else _literal(char))
            self.index += 1
        self.index += 1
        if negated and not exact:
            return Text(ANY_CHAR)
        return Char("".join(items), negated, exact)


def _unless(behind: bool, branches: list[list[Node]]) -> Node:
    """A negative lookaround: kept, as the class it lets through, when it holds one exact
    class; dropped otherwise."""
    only = branches[0][0] if len(branches) == 1 and len(branches[0]) == 1 else None
    if isinstance(only, Char) and only.exact:
        return Unless(behind, only.complement())
    return Zero()


def _code_point(parser: _Parser) -> str:
    source, index = parser.source, parser.index
    coded = _CODE_RE.match(source, index)
    named = _NAMED_RE.match(source, index)
    letter = source[index + 1]
    if coded:
        parser.index = coded.end()
        value = int(next(group for group in coded.groups() if group), 16)
    elif named:
        parser.index = named.end()
        value = ord(unicodedata.lookup(named.group(1)))
    elif letter in _ESCAPED_CHARS:
        parser.index += 2
        value = _ESCAPED_CHARS[letter]
    elif not letter.isalnum():
        parser.index += 2
        value = ord(letter)
    else:
        raise Unsupported(f"\\{letter}")
    return f"\\x{{{value:x}}}"


def _literal(char: str) -> str:
    return f"\\x{{{ord(char):x}}}" if char in _SYNTAX or not char.isprintable() else char
