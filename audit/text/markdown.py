"""The prose of a Markdown file, for the rules to read (see ``audit.text.prose``).

The file is parsed with markdown-it-py (CommonMark, with tables). What the
rules read is the text of its headings, paragraphs, list items, quotations
and table cells, with their inline markup left out: emphasis marks, inline
code, images (their alt text too), link targets (a link's words stay),
autolinks and bare URLs, inline HTML. Code blocks, fenced code, HTML
blocks and YAML front matter are left out whole. A suppression marker
(``<!-- audit: ignore ... -->``) is kept wherever it is, so that it still
works. Each line of the file gives one line of prose, so line numbers stay
the file's; entities and escapes are read as the characters they stand for
(``&amp;`` as ``&``).

markdown-it-py gives each block its lines but no offsets for the pieces of
a line, so each piece is found in the line, in order, from where the
previous one ended; a piece that cannot be found there is left out.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from functools import cache
from typing import TYPE_CHECKING, Any

from audit.text.prose import Builder, Prose

if TYPE_CHECKING:
    from markdown_it import MarkdownIt

_LINE_RE = re.compile(r"[^\r\n]*(\r\n?|\n|$)")
_URL_RE = re.compile(r"(?:https?://|www\.)[^\s<>]*[^\s<>.,;:!?'\")\]]")
_FRONT_MATTER_END = ("---", "...")
MARKER = "audit:"
_SKIPS = {
    "image": re.compile(r"!\[(?:[^\]\\]|\\.)*\](?:\([^)]*\)|\[[^\]]*\])?"),
    "link_close": re.compile(r"\](?:\((?:[^()]|\([^)]*\))*\)|\[[^\]]*\])?"),
    "autolink": re.compile(r"<[^>]*>"),
}
Piece = tuple[int, int, str]  # the file's [start, end) and how the rules read it


@cache
def _parser() -> MarkdownIt:
    from markdown_it import MarkdownIt

    parser = MarkdownIt("commonmark").enable("table")
    parser.disable("text_join")  # keep entities and escapes apart, to find them in the line
    return parser


def markdown_prose(text: str) -> Prose:
    """The prose of the Markdown ``text``, one line of prose per line of the file."""
    lines = [(m.start(), m.start(1), m.end()) for m in _LINE_RE.finditer(text)][: _count(text)]
    pieces = sorted(_pieces(text, lines))
    builder = Builder(text)
    position = 0
    for start, end, line_end in lines:
        previous: Piece | None = None
        while position < len(pieces) and pieces[position][0] < end:
            if pieces[position][0] >= start:
                previous = _emit(builder, previous, pieces[position])
            position += 1
        if line_end > end:
            builder.put(end, line_end, "\n")
    return builder.build()


def _emit(builder: Builder, previous: Piece | None, piece: Piece) -> Piece:
    """Add ``piece`` to the prose; where markup was left out between it and the piece before,
    words stay apart (a space) and spaces do not double."""
    start, end, read_as = piece
    if previous is not None and start > previous[1]:
        before, after = previous[2][-1:], read_as[:1]
        if before.isspace() and after.isspace():
            start, read_as = start + 1, read_as[1:]
        elif before.isalnum() and after.isalnum():
            builder.put(previous[1], start, " ")
    builder.put(start, end, read_as)
    return piece


def _count(text: str) -> int:
    """The number of lines of ``text`` (a final line break ends the last line)."""
    return len(re.findall(r"\r\n?|\n", text)) + 1


def _pieces(text: str, lines: Sequence[tuple[int, int, int]]) -> Iterator[Piece]:
    tokens = _parser().parse(text.replace("\r\n", "\n").replace("\r", "\n"))
    skip_before = _front_matter_lines(text, lines)
    for token in tokens:
        if token.map is None or token.map[0] < skip_before:
            continue
        first, last = token.map[0], min(token.map[1], len(lines)) - 1
        region = (lines[first][0], lines[last][1])
        if token.type == "inline":
            yield from _inline(text, region, token.children or [])
        elif token.type == "html_block" and MARKER in token.content:
            yield from _markers(text, region)


def _front_matter_lines(text: str, lines: Sequence[tuple[int, int, int]]) -> int:
    """How many lines YAML front matter takes at the top of the file (0 without)."""
    if not lines or text[lines[0][0] : lines[0][1]] != "---":
        return 0
    for number, (start, end, _) in enumerate(lines[1:], start=1):
        if text[start:end].rstrip() in _FRONT_MATTER_END:
            return number + 1
    return 0


def _markers(text: str, region: tuple[int, int]) -> Iterator[Piece]:
    for found in re.finditer(r"<!--.*?-->", text[region[0] : region[1]], re.DOTALL):
        if MARKER in found.group():
            start = region[0] + found.start()
            yield start, start + len(found.group()), found.group()


def _inline(text: str, region: tuple[int, int], children: Sequence[Any]) -> Iterator[Piece]:
    """The pieces of an inline token's children, found in order in the file's ``region``."""
    cursor, end = region
    hidden = 0  # inside an autolink, whose text is a URL
    for child in children:
        kind = child.type
        if kind == "link_open" and child.markup == "autolink":
            hidden += 1
            cursor = _skip(text, cursor, end, _SKIPS["autolink"])
        elif kind == "link_close" and child.markup == "autolink":
            hidden -= 1
        elif kind in ("image", "link_close"):
            cursor = _skip(text, cursor, end, _SKIPS[kind])
        elif kind in ("text", "text_special") and not hidden:
            source = child.markup if kind == "text_special" else child.content
            found = text.find(source, cursor, end) if source else -1
            if found >= 0:
                cursor = found + len(source)
                yield from _without_urls(found, source, child.content)
        elif kind in ("code_inline", "html_inline"):
            cursor = _past(text, cursor, end, child, kind)
            if kind == "html_inline" and MARKER in child.content:
                yield cursor - len(child.content), cursor, child.content


def _skip(text: str, cursor: int, end: int, pattern: re.Pattern[str]) -> int:
    """Past the next match of ``pattern`` from ``cursor`` (where it is not found: as is)."""
    found = pattern.search(text, cursor, end)
    return found.end() if found else cursor


def _past(text: str, cursor: int, end: int, child: Any, kind: str) -> int:
    """Past an inline code span or an inline HTML tag."""
    content = child.content
    found = text.find(content, cursor, end) if content else -1
    if found < 0:
        return cursor
    after = found + len(content)
    if kind == "code_inline":
        after = text.find(child.markup, after, end) + len(child.markup)
    return max(after, cursor)


def _without_urls(start: int, source: str, read_as: str) -> Iterator[Piece]:
    """A text piece, without the bare URLs in it (an entity or escape is one piece)."""
    if source != read_as:
        yield start, start + len(source), read_as
        return
    done = 0
    for url in _URL_RE.finditer(source):
        if url.start() > done:
            yield start + done, start + url.start(), source[done : url.start()]
        done = url.end()
    if done < len(source):
        yield start + done, start + len(source), source[done:]
