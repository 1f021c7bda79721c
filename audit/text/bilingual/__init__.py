"""Bilingual input: translation files read as aligned source and target segments.

Receives the bytes of an XLIFF 1.2 or 2.0, TMX, PO or two-column TSV/CSV
file (``formats``, through translate-toolkit). Adds an ``Alignment``
(``segments``): each unit's id, source, target and inline tags, and the
offsets of its target in the text the target segments make, one per line,
which is what the monolingual rules read; ``terms`` matches words and
phrases in a segment whatever their inflection. Open ``segments`` first.
"""
