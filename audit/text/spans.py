"""``Span``: where something is in a text, as code-point offsets.

Every stage speaks of places in an article this way: paragraphs,
sentences, quotations, tokens, the findings' spans.
"""

from __future__ import annotations

from typing import NamedTuple


class Span(NamedTuple):
    """A half-open range ``[start, end)`` of code points in a Document's text.

    A named tuple: cheap to build by the hundred thousand, ordered by
    (start, end)."""

    start: int
    end: int
