"""Rewriting one section of bench/RESULTS.md, between its markers, keeping the others.

Each benchmark script owns the text between ``<!-- NAME:start -->`` and
``<!-- NAME:end -->``; a section not there yet is appended.
"""

from __future__ import annotations

from pathlib import Path

RESULTS = Path(__file__).resolve().parent / "RESULTS.md"


def write_section(name: str, section: str, path: Path = RESULTS) -> None:
    """Put ``section`` between the markers of ``name`` in ``path``."""
    start, end = f"<!-- {name}:start -->", f"<!-- {name}:end -->"
    block = f"{start}\n{section}{end}"
    current = path.read_text(encoding="utf-8") if path.exists() else "# Benchmarks\n"
    if start in current and end in current:
        before, rest = current.split(start, 1)
        updated = before + block + rest.split(end, 1)[1]
    else:
        updated = current.rstrip("\n") + "\n\n" + block + "\n"
    path.write_text(updated, encoding="utf-8")
