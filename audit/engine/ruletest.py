"""Running every rule's examples: examples are the rules' tests.

A ``flag`` example must yield at least one finding of its rule and a
``pass`` example none, as LanguageTool's rule tests and proselint's
examples do. A rule is checked alone, on a document whose language is the
rule's first language (examples are too short to detect one) and whose
source language is its first source language; a rule for any language
(no ``languages``) sees, in a monolingual example, the language the
language stage detects, with the passages it finds in other languages. A
bilingual example (source and target segments) is checked as a bilingual
file of those segments, in that source language. A rule without a
``flag`` example is reported too: nothing shows it works.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace

from audit.engine.engine import Engine
from audit.rulebook.examples import BilingualExample, describe
from audit.rulebook.packs import Rule
from audit.text import language as language_detection
from audit.text.bilingual.segments import Alignment
from audit.text.document import Document, Language


@dataclass(frozen=True)
class ExampleFailure:
    rule: Rule
    expected: str
    example: str | None

    def __str__(self) -> str:
        if self.example is None:
            return f"{self.rule.location}: {self.rule.id}: no 'flag' example to test the rule with"
        if self.expected == "flag":
            return f"{self.rule.location}: {self.rule.id}: missed flag example: {self._shown()}"
        return f"{self.rule.location}: {self.rule.id}: flags pass example: {self._shown()}"

    def _shown(self) -> str:
        example = self.example or ""
        return describe(example) if isinstance(example, BilingualExample) else repr(example)


def findings_of(rule: Rule, text: str) -> list[str]:
    """The ids of the findings ``rule`` alone yields on ``text`` (a string, or segment pairs)."""
    source = rule.source[0] if rule.source else None
    segments = None
    if isinstance(text, BilingualExample):
        segments = Alignment.from_pairs(text.pairs, source)
    doc = Document.from_text(segments.text if segments else text, segments)
    if rule.languages or segments:
        language = rule.languages[0] if rule.languages else None
        doc = doc.with_language(Language(code=language, confidence=None, given=True))
    else:
        doc = doc.with_language(language_detection.detect(doc))
    engine = Engine([replace(rule, enabled=True)])
    return [finding.rule for finding in engine.run(doc, source)]


def failures(rule: Rule) -> Iterator[ExampleFailure]:
    if not rule.examples["flag"]:
        yield ExampleFailure(rule, "flag", None)
    for example in rule.examples["flag"]:
        if not findings_of(rule, example):
            yield ExampleFailure(rule, "flag", example)
    for example in rule.examples["pass"]:
        if findings_of(rule, example):
            yield ExampleFailure(rule, "pass", example)


def run(rules: Iterable[Rule]) -> tuple[int, list[ExampleFailure]]:
    """(number of examples run, failures) over ``rules``."""
    count, found = 0, []
    for rule in rules:
        count += len(rule.examples["flag"]) + len(rule.examples["pass"])
        found.extend(failures(rule))
    return count, found
