"""The syntax tree of a loose copy (``audit.matching.loosen``): nodes that render as RE2 source.

Each node renders itself, given whether anything consumes text before it
(``lead``) or after it (``trail``) in the whole regex: a lookbehind that
opens the regex is consumed, one in the middle is dropped, and so on.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Text:
    """Something that consumes text, already in RE2 syntax."""

    source: str

    def render(self, lead: bool, trail: bool) -> str:
        return self.source


@dataclass(frozen=True)
class Zero:
    """An assertion that is dropped (it can only narrow a match)."""

    def render(self, lead: bool, trail: bool) -> str:
        return ""


@dataclass(frozen=True)
class Look:
    """A positive lookaround; consumed at the regex's edge, dropped elsewhere."""

    behind: bool
    branches: list[list[Node]]

    def render(self, lead: bool, trail: bool) -> str:
        if not (lead if self.behind else trail):
            return ""
        return f"(?:{render_branches(self.branches, lead=self.behind, trail=not self.behind)})"


@dataclass(frozen=True)
class Group:
    """A group of alternatives (capturing, named, atomic or not: RE2 needs none of that)."""

    branches: list[list[Node]]

    def render(self, lead: bool, trail: bool) -> str:
        return f"(?:{render_branches(self.branches, lead, trail)})"


@dataclass(frozen=True)
class Repeat:
    """A node and its quantifier, without the lazy or possessive mark."""

    node: Node
    quantifier: str

    def render(self, lead: bool, trail: bool) -> str:
        inner = self.node.render(False, False)
        return f"(?:{inner}){self.quantifier}" if inner else ""


@dataclass(frozen=True)
class Char:
    """A character class in RE2 syntax, ``[members]`` or ``[^members]``; ``exact`` when it
    holds the very characters of the ``regex`` class on ``audit.matching.screen.SAFE_CHARS``,
    so that its complement does too."""

    members: str
    negated: bool
    exact: bool

    @property
    def source(self) -> str:
        return f"[{'^' if self.negated else ''}{self.members}]"

    def render(self, lead: bool, trail: bool) -> str:
        return self.source

    def complement(self) -> Char:
        return Char(self.members, not self.negated, self.exact)


@dataclass(frozen=True)
class Unless:
    """A negative lookaround of one exact class: at the regex's edge, the copy consumes the
    class's complement or the text's start (end, for a lookahead); dropped elsewhere."""

    behind: bool
    allowed: Char

    def render(self, lead: bool, trail: bool) -> str:
        if self.behind:
            return rf"(?:\A|{self.allowed.source})" if lead else ""
        return rf"(?:{self.allowed.source}|\z)" if trail else ""


@dataclass(frozen=True)
class Edge:
    """An anchor of a line or of the text: what the copy writes for it when it opens the
    regex (``opening``) or closes it (``closing``); dropped elsewhere."""

    opening: str = ""
    closing: str = ""

    def render(self, lead: bool, trail: bool) -> str:
        return (self.opening if lead else "") or (self.closing if trail else "")


# Anchors of a regex run over the whole text (``^`` and ``$`` of a line, with the
# ``MULTILINE`` flag every rule has; only "\n" ends a line).
EDGES = {
    "^": Edge(opening=r"(?:\A|\n)"),
    "$": Edge(closing=r"(?:\n|\z)"),
    "A": Edge(opening=r"\A"),
    "Z": Edge(closing=r"\z"),
}

Node = Text | Char | Zero | Look | Unless | Edge | Group | Repeat


def render_branches(branches: list[list[Node]], lead: bool, trail: bool) -> str:
    return "|".join(render_sequence(branch, lead, trail) for branch in branches)


def render_sequence(nodes: list[Node], lead: bool, trail: bool) -> str:
    """RE2 source of a sequence. ``lead``: nothing consumes before it in the whole regex, so a
    first lookbehind may consume; ``trail``: likewise after it, for a last lookahead."""
    consuming = [i for i, node in enumerate(nodes) if not isinstance(node, Zero)]
    first = consuming[0] if consuming else -1
    last = consuming[-1] if consuming else -1
    return "".join(
        node.render(lead and index == first, trail and index == last)
        for index, node in enumerate(nodes)
    )
