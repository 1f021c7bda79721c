"""The package is laid out as the data flow: every import points down it, none goes round.

Each module of ``audit`` belongs to a stage; a stage may import its own
modules and those of the stages before it, never a later one. The test
reads the imports from the source (all of them: at the top, inside
functions, under ``TYPE_CHECKING``), so a lazy import cannot hide an arrow
pointing back up.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "audit"
ROOT = PACKAGE.parent
MAX_LINES = 400

# The stages, in the order of the flow; a module may import only from its rank or below.
STAGES: tuple[tuple[str, ...], ...] = (
    ("audit.version", "audit.errors", "audit.mqm", "audit.store"),
    ("audit.text",),
    ("audit.matching",),
    ("audit.rulebook",),
    ("audit.checks",),
    ("audit.engine",),
    ("audit.scores",),
    ("audit.gate",),
    ("audit.auditor",),
    ("audit.reports",),
    ("audit.cli",),
    ("audit.serve",),
    ("audit.distributed",),
    ("audit", "audit.__main__"),
)
OUTPUT_CALLS = {"print", "echo", "secho"}
OUTPUT_STREAMS = {"stdout", "stderr"}


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {module_name(path): path for path in sorted(PACKAGE.rglob("*.py"))}


def rank(module: str) -> int:
    """The stage of ``module``: the longest stage prefix it falls under."""
    matches = [
        (len(prefix), position)
        for position, prefixes in enumerate(STAGES)
        for prefix in prefixes
        if module == prefix or module.startswith(f"{prefix}.")
    ]
    assert matches, f"{module} belongs to no stage: add it to STAGES"
    return max(matches)[1]


def imported_modules(module: str) -> Iterator[tuple[int, str]]:
    """(line, module) of every ``audit`` module that ``module`` imports."""
    tree = ast.parse(MODULES[module].read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.split(".")[0] == "audit":
                    yield node.lineno, alias.name
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            if node.module.split(".")[0] != "audit":
                continue
            for alias in node.names:
                submodule = f"{node.module}.{alias.name}"
                yield node.lineno, submodule if submodule in MODULES else node.module


def test_every_module_belongs_to_a_stage():
    for module in MODULES:
        rank(module)


@pytest.mark.parametrize("module", sorted(MODULES))
def test_imports_point_down_the_flow(module):
    upward = [
        f"line {line}: {target} (stage {rank(target)}) from stage {rank(module)}"
        for line, target in imported_modules(module)
        if rank(target) > rank(module)
    ]
    assert not upward, f"{module} imports a later stage: {upward}"


def test_no_import_cycle():
    graph = {module: {target for _, target in imported_modules(module)} for module in MODULES}
    cycles = [component for component in _strongly_connected(graph) if len(component) > 1]
    assert not cycles, f"import cycles: {cycles}"


def _strongly_connected(graph: dict[str, set[str]]) -> list[list[str]]:
    """Tarjan's algorithm: the strongly connected components of ``graph``."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    components: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for successor in graph.get(node, ()):
            if successor not in index:
                visit(successor)
                low[node] = min(low[node], low[successor])
            elif successor in on_stack:
                low[node] = min(low[node], index[successor])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            components.append(sorted(component))

    for node in graph:
        if node not in index:
            visit(node)
    return components


def test_a_cycle_is_found_when_there_is_one():
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}
    assert [c for c in _strongly_connected(graph) if len(c) > 1] == [["a", "b", "c"]]


@pytest.mark.parametrize("module", sorted(m for m in MODULES if rank(m) < rank("audit.cli")))
def test_only_the_cli_prints(module):
    tree = ast.parse(MODULES[module].read_text(encoding="utf-8"))
    printing = [
        node.lineno
        for node in ast.walk(tree)
        if (
            isinstance(node, ast.Call)
            and getattr(node.func, "id", getattr(node.func, "attr", None)) in OUTPUT_CALLS
        )
        or (isinstance(node, ast.Attribute) and node.attr in OUTPUT_STREAMS)
    ]
    assert not printing, f"{module} writes to the terminal at lines {printing}"


@pytest.mark.parametrize(
    "path",
    sorted([*PACKAGE.rglob("*.py"), *(ROOT / "bench").glob("*.py")]),
    ids=lambda path: path.relative_to(ROOT).as_posix(),
)
def test_no_module_is_over_the_line_limit(path):
    lines = len(path.read_text(encoding="utf-8").splitlines())
    assert lines <= MAX_LINES, f"{lines} lines: split it by what it does"


@pytest.mark.parametrize(
    "package",
    sorted(path.parent for path in PACKAGE.rglob("__init__.py") if path.parent != PACKAGE),
)
def test_each_stage_says_what_it_receives_adds_and_where_to_start(package):
    doc = ast.get_docstring(ast.parse((package / "__init__.py").read_text(encoding="utf-8")))
    assert doc, f"{package.name}/__init__.py has no docstring"
    assert "Receives" in doc and "Adds" in doc and "first" in doc, doc
