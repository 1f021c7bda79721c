"""The engine stage: compiled Rules run over a Document, hits turned into Findings.

Receives the Rules and a Document with its language. Adds ``Finding``
values: rule, severity, category, message, suggestions and place
(``engine``), with inline ``audit: ignore`` markers applied (``suppress``)
and the RE2 screen of ``audit.matching`` skipping rules that cannot match.
``packs`` loads rule packs with the shipped kinds and the compiled-pack
cache; ``ruletest`` runs a rule's YAML examples. Open ``engine`` first.
"""
