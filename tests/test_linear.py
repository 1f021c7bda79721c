"""Every rule kind, and the Document the rules read, do work linear in the text's length.

Work is counted, not timed: the number of function calls (Python and C,
``regex`` searches included) that building a Document, or running the
shipped rules of one kind over it, makes, as ``cProfile`` counts them. On
4 MB of the seeds the count must stay within 10 % of four times the count
on 1 MB (1 MB and 250 KB for the bilingual kinds, which compare segments);
a check that looks back over the text for each match (as the quotation
kind once did) grows far faster. Each Document is checked whole,
as one block, so that the kinds themselves are measured. The kinds of the
bilingual rules run on the same lines as a bilingual file, each line a
segment whose source is the line itself.
"""

from __future__ import annotations

import cProfile
import pstats
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from audit import Auditor
from audit.engine.engine import Engine
from audit.text import language
from audit.text.bilingual.segments import Alignment
from audit.text.document import Document, Language

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
MEGABYTE = 1_000_000
SLACK = 1.1
FEW_CALLS = 100  # a kind that reads a rare structure only (a passage) does little work
T = TypeVar("T")


def calls(work: Callable[..., T], *arguments: object) -> tuple[int, T]:
    """The calls ``work(*arguments)`` makes, and what it returns."""
    profile = cProfile.Profile()
    value = profile.runcall(work, *arguments)
    return pstats.Stats(profile).total_calls, value  # type: ignore[attr-defined]


def text_of(size: int) -> str:
    seeds = "\n".join(path.read_text(encoding="utf-8") for path in sorted(SEEDS.glob("*.txt")))
    return (seeds * (size // len(seeds) + 1))[:size].rsplit("\n", 1)[0] + "\n"


def built(text: str, bilingual: bool = False) -> Document:
    if bilingual:
        pairs = [(line, line) for line in text.splitlines() if line.strip()]
        segments = Alignment.from_pairs(pairs, "fr")
        doc = Document.from_text(segments.text, segments)
        doc = doc.with_language(Language("en", None, given=True))
    else:
        doc = Document.from_text(text)
        doc = doc.with_language(language.detect(doc))
    for structure in ("token_index", "words", "sentences", "quotations", "paragraph_sentences"):
        getattr(doc, structure)
    return doc


def test_every_kind_and_the_document_do_linear_work():
    rules = Auditor.from_rules().rules
    bilingual = {rule.kind for rule in rules if rule.id.startswith("bilingual.")}
    kinds = sorted({rule.kind for rule in rules})
    assert len(kinds) >= 8 + len(bilingual), kinds
    work: dict[str, list[int]] = {kind: [] for kind in ("document", "bilingual document", *kinds)}
    for times in (1, 4):
        for name, pair, size in (("document", False, MEGABYTE), ("bilingual document", True,
                                 MEGABYTE // 4)):  # fmt: skip
            count, doc = calls(built, text_of(size * times), pair)
            work[name].append(count)
            for kind in sorted(bilingual if pair else set(kinds) - bilingual):
                engine = Engine([rule for rule in rules if rule.kind == kind], screen_after=0)
                work[kind].append(calls(engine.run, doc, "fr")[0])
    busy = [kind for kind, (small, _) in work.items() if small > FEW_CALLS]
    assert len(busy) >= 8, work  # the measure is not vacuous
    for kind, (small, large) in work.items():
        bound = SLACK * 4 * max(small, FEW_CALLS)
        assert large <= bound, f"{kind}: {small} calls, then {large} on 4 times more"
