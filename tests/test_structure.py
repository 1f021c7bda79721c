"""Every rule kind and report format is registered, documented and tested."""

from __future__ import annotations

import re
import textwrap
from pathlib import Path

import pytest
import yaml

from audit import checks, reports
from audit.engine import ruletest
from audit.engine.packs import load_packs

PACKAGE = Path(checks.__file__).resolve().parent.parent
TESTS = Path(__file__).resolve().parent
KIND_MODULES = sorted(
    p.stem for p in (PACKAGE / "checks").glob("*.py") if p.stem not in ("__init__", "base")
)
FORMAT_MODULES = sorted(
    p.stem for p in (PACKAGE / "reports").glob("*.py") if p.stem not in ("__init__", "base")
)


def docstring_example(module) -> str:
    """The YAML block after ``Example::`` in a kind's docstring."""
    match = re.search(r"Example::\n\n(.*?)(?:\n\S|\Z)", module.__doc__, re.S)
    assert match, f"{module.__name__} has no 'Example::' block"
    return textwrap.dedent(match.group(1))


def test_every_kind_module_is_registered():
    assert sorted(m.__name__.rsplit(".", 1)[1] for m in checks.KINDS.values()) == KIND_MODULES


@pytest.mark.parametrize("kind", sorted(checks.KINDS))
def test_kind_module_shape(kind):
    module = checks.KINDS[kind]
    assert module.__doc__.lstrip().startswith(f"{kind}:"), "the docstring opens with the kind"
    for name in ("FIELDS", "REQUIRED", "DEFAULTS", "PLACEHOLDERS", "compile"):
        assert hasattr(module, name), f"{kind} lacks {name}"
    assert set(module.REQUIRED) <= set(module.FIELDS)
    assert set(module.DEFAULTS) <= set(module.FIELDS)
    assert set(module.FIELDS) == set(module.REQUIRED) | set(module.DEFAULTS), (
        "every optional field has a default"
    )


@pytest.mark.parametrize("kind", sorted(checks.KINDS))
def test_docstring_example_is_a_valid_tested_rule(kind, tmp_path):
    example = docstring_example(checks.KINDS[kind])
    assert yaml.safe_load(example), "the example parses as YAML"
    pack = tmp_path / "example.yaml"
    pack.write_text("rules:\n" + textwrap.indent(example, "  "), encoding="utf-8")
    [rule] = load_packs([pack], builtin=False)[0].rules
    assert rule.kind == kind
    assert rule.examples["flag"] and rule.examples["pass"]
    assert list(ruletest.failures(rule)) == []


@pytest.mark.parametrize("module", KIND_MODULES)
def test_every_kind_has_its_test_file(module):
    assert (TESTS / "checks" / f"test_{module}.py").is_file()


def test_every_report_format_is_registered_and_documented():
    assert sorted(reports.FORMATS) == sorted(FORMAT_MODULES)
    for name in reports.FORMATS:
        module = reports.load(name)
        assert name == module.NAME and module.DESCRIPTION and module.__doc__
        assert callable(module.writer)
