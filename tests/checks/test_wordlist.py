"""The ``wordlist`` kind: one lookup per distinct token against a plain-text word list."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from audit import Auditor
from audit.checks import wordlist
from audit.engine.packs import load_packs
from audit.errors import RulebookError
from audit.rulebook import wordlists
from audit.rulebook.kind import FieldError
from audit.rulebook.packs import shipped_rules_dir
from audit.text.document import Document

LIST_TEXT = "# French words\n\nselon\ncenacle\tcénacle\ncénacle\nchômage\nvoir\n"


@pytest.fixture
def word_file(tmp_path: Path) -> Path:
    path = tmp_path / "words.txt"
    path.write_text(LIST_TEXT, encoding="utf-8")
    return path


def options(path: Path, **changes: object) -> dict[str, object]:
    return {**wordlist.DEFAULTS, "list": str(path), **changes}


def flagged(path: Path, text: str, **changes: object) -> list[tuple[str, str]]:
    check = wordlist.compile(options(path, **changes))
    return [
        (text[hit.start : hit.end], hit.values["source"])
        for hit in check.check(Document.from_text(text), {})
    ]


def test_flags_every_occurrence_of_listed_words(word_file: Path) -> None:
    text = "The cenacle met; chômage rose, selon the report, and the cenacle left."
    assert sorted(flagged(word_file, text)) == [
        ("cenacle", "cénacle"),
        ("cenacle", "cénacle"),
        ("chômage", "chômage"),
        ("selon", "selon"),
    ]


def test_unlisted_words_and_comment_lines_pass(word_file: Path) -> None:
    assert flagged(word_file, "French words about the table and the question.") == []


def test_capitalised_tokens_are_skipped_unless_asked(word_file: Path) -> None:
    text = "Selon said so. CHÔMAGE rose."
    assert flagged(word_file, text) == []
    assert sorted(flagged(word_file, text, skip_capitalised=False)) == [
        ("CHÔMAGE", "chômage"),
        ("Selon", "selon"),
    ]


def test_min_length_and_ignore(word_file: Path) -> None:
    def words(**changes: object) -> list[str]:
        return sorted(word for word, _ in flagged(word_file, "voir selon chômage", **changes))

    assert words() == ["chômage", "selon", "voir"]
    assert words(min_length=5) == ["chômage", "selon"]
    assert words(ignore=("Selon",)) == ["chômage", "voir"]


def test_hits_are_token_spans(word_file: Path) -> None:
    text = "Rates of chômage-related claims"
    check = wordlist.compile(options(word_file))
    (hit,) = check.check(Document.from_text(text), {})
    assert (hit.start, hit.end) == (9, 16)


def test_relative_paths_resolve_beside_the_pack_then_in_the_shipped_rules(
    word_file: Path,
) -> None:
    pack = word_file.parent / "pack.yaml"
    rule = (
        "rules:\n  - {{id: w, kind: wordlist, list: {},"
        " message: m, severity: minor, category: style}}\n"
    )
    pack.write_text(rule.format("words.txt"), encoding="utf-8")
    [beside] = load_packs([pack], builtin=False)[0].rules
    assert beside.options["list"] == str(word_file)
    pack.write_text(rule.format("en/from-fr/data/french-words.txt"), encoding="utf-8")
    [shipped] = load_packs([pack], builtin=False)[0].rules
    assert shipped.options["list"] == str(shipped_rules_dir() / "en/from-fr/data/french-words.txt")


def test_a_list_is_read_once(word_file: Path) -> None:
    first = wordlists.require(str(word_file), "list")
    word_file.write_text("other\n", encoding="utf-8")
    assert wordlists.require(str(word_file), "list") is first


def test_missing_and_empty_lists_are_field_errors(tmp_path: Path) -> None:
    with pytest.raises(FieldError) as missing:
        wordlist.compile(options(tmp_path / "absent.txt"))
    assert missing.value.path == ("list",)
    empty = tmp_path / "empty.txt"
    empty.write_text("# nothing here\n", encoding="utf-8")
    with pytest.raises(FieldError, match="no words"):
        wordlist.compile(options(empty))
    with pytest.raises(FieldError) as bad_length:
        wordlist.compile(options(empty, min_length=0))
    assert bad_length.value.path == ("min_length",)


def test_a_pack_with_a_missing_list_fails_at_its_line(
    write_pack: Callable[[str, str], Path], tmp_path: Path
) -> None:
    pack = write_pack(
        "pack: t\nrules:\n  - id: words\n    kind: wordlist\n"
        f"    list: {tmp_path / 'absent.txt'}\n"
        "    message: m\n    severity: major\n    category: accuracy/untranslated\n",
        "pack.yaml",
    )
    with pytest.raises(RulebookError) as error:
        load_packs([pack], builtin=False)
    assert "pack.yaml:5" in str(error.value)
    assert "cannot read word list" in str(error.value)


def test_a_pack_rule_reports_the_source_spelling(
    write_pack: Callable[[str, str], Path], word_file: Path
) -> None:
    pack = write_pack(
        "pack: t\nrules:\n  - id: words\n    kind: wordlist\n"
        f"    list: {word_file}\n"
        "    message: \"'{match}' is French '{source}'\"\n"
        "    severity: major\n    category: accuracy/untranslated\n",
        "pack.yaml",
    )
    result = Auditor.from_rules([pack], builtin=False).check_text("The political cenacle met.")
    assert [f["message"] for f in result["findings"]] == ["'cenacle' is French 'cénacle'"]
