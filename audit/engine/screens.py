"""Which rules may hit a document: what the engine works out before running any rule.

Most rules find nothing in most articles. Before running them, the engine
keeps only the rules that can hit the document at hand, by tests that
never drop a rule that would hit it:

- the rules that apply to the document's language and source language
  (worked out once per pair of languages, not once per document);
- the regex screen: a rule with a loose copy of its regex (a ``pattern``
  or ``sentence`` rule) runs only when the copy matches the text, as one
  Hyperscan database (``audit.matching.hyperscan_screen``) or, without
  Hyperscan or without the cache its database is kept in, RE2 sets
  (``audit.matching.screen``);
- the anchor screen: a check that carries ``anchors`` (the token
  sequences its hits are made of, such as a lexicon's entries, by anchor
  word: ``audit.rulebook.kind.Anchors``) can hit only where one of them
  occurs. The sequences of all such rules are looked for at once, from one
  look-up of the document's distinct tokens in the table of every rule's
  anchor words, and a rule runs only when one of its own occurs, handed
  where (``context["found"]``) instead of looking for them itself;
- a rule of a bilingual kind (``audit.checks.BILINGUAL``) runs only on a
  document with aligned segments.

``Screens`` yields each rule that remains with the context its check is
called with.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

from audit import store
from audit.checks import BILINGUAL
from audit.matching import hyperscan_screen
from audit.matching.hyperscan_screen import HyperscanScreen
from audit.matching.screen import Screen
from audit.rulebook.kind import AnchorTable
from audit.rulebook.packs import Rule
from audit.text.document import Document

BILINGUAL_KINDS = frozenset(module.KIND for module in BILINGUAL)


class Screens:
    """The screens of one fixed list of rules (see the module docstring).

    The regex screen is built once ``screen_after`` documents have run
    (building it costs more than a handful of articles earn back); with
    ``screened=False`` no screen runs, and every applicable rule runs on
    every document."""

    def __init__(self, rules: Sequence[Rule], screen_after: int, screened: bool = True) -> None:
        self.rules = tuple(rules)
        self.regex = regex_screen([getattr(rule.check, "screen", None) for rule in self.rules])
        self.screened = screened
        self._unscreened = screen_after
        anchors, self._owners = _anchor_table(self.rules)
        self._anchors = AnchorTable(anchors)
        self._anchored = frozenset(rule for owners in self._owners.values() for rule, _ in owners)
        self._bilingual = frozenset(
            position for position, rule in enumerate(self.rules) if rule.kind in BILINGUAL_KINDS
        )
        self._applying: dict[tuple[str | None, str | None], tuple[int, ...]] = {}

    def candidates(
        self, doc: Document, source_language: str | None
    ) -> Iterator[tuple[Rule, dict[str, Any]]]:
        """The rules that may hit ``doc``, in order, each with its check's context."""
        positions = self._applicable(doc.language.code, source_language)
        if not self.screened:
            yield from ((self.rules[position], {}) for position in positions)
            return
        possible = self._regex_possible(doc)
        present = self._anchors_present(doc) if self._anchored else {}
        plain = doc.segments is None
        for position in positions:
            if possible is not None and position not in possible:
                continue
            if plain and position in self._bilingual:
                continue
            if position not in self._anchored:
                yield self.rules[position], {}
            elif position in present:
                yield self.rules[position], {"found": present[position]}

    def _applicable(self, language: str | None, source_language: str | None) -> tuple[int, ...]:
        key = (language, source_language)
        found = self._applying.get(key)
        if found is None:
            found = self._applying[key] = tuple(
                position
                for position, rule in enumerate(self.rules)
                if applies(rule, language, source_language)
            )
        return found

    def _regex_possible(self, doc: Document) -> set[int] | None:
        """The positions the regex screen lets through; None (all) for the first documents."""
        if self._unscreened > 0:
            self._unscreened -= 1
            return None
        return self.regex.possible(doc.text)

    def _anchors_present(self, doc: Document) -> dict[int, list[tuple[str, int, int]]]:
        """For each anchored rule, where its token sequences occur in ``doc`` (rules none of
        whose sequences occur are left out)."""
        present: dict[int, list[tuple[str, int, int]]] = {}
        for word, number, start in self._anchors.find(doc):
            rule, own = self._owners[word][number]
            present.setdefault(rule, []).append((word, own, start))
        return present


def _anchor_table(
    rules: Sequence[Rule],
) -> tuple[dict[str, list[tuple[int, tuple[str, ...]]]], dict[str, list[tuple[int, int]]]]:
    """Every anchored rule's sequences under their anchor word, and beside each its rule's
    position and its number among that rule's sequences under the word."""
    table: dict[str, list[tuple[int, tuple[str, ...]]]] = {}
    owners: dict[str, list[tuple[int, int]]] = {}
    for position, rule in enumerate(rules):
        for word, sequences in (getattr(rule.check, "anchors", None) or {}).items():
            table.setdefault(word, []).extend(sequences)
            owners.setdefault(word, []).extend((position, n) for n in range(len(sequences)))
    return table, owners


def regex_screen(sources: Sequence[str | None]) -> Screen | HyperscanScreen:
    """The regex screen of the copies ``sources``: Hyperscan's when it is installed and its
    database can be cached (compiling it costs about a second, once), else RE2 sets. Both
    let through the same rules on the texts they judge."""
    if hyperscan_screen.available() and store.enabled():
        return HyperscanScreen(sources)
    return Screen(sources)


def applies(rule: Rule, language: str | None, source_language: str | None) -> bool:
    """Whether ``rule`` runs on a text in ``language`` translated from ``source_language``."""
    language_ok = not rule.languages or language is None or language in rule.languages
    source_ok = not rule.source or source_language is None or source_language in rule.source
    return language_ok and source_ok
