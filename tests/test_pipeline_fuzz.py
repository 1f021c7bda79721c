"""The whole pipeline, through the CLI's code path and every shipped pack, on generated texts.

Each example is a text made of paragraphs of any kind (any script, digits
only, punctuation only, combining marks, unbalanced quotes, a NUL, lines of
thousands of words, sentences of the seeds; control characters only as a
NUL, which the file reader rightly refuses as binary) joined by any line end (LF, CR
LF, a lone CR). It goes through ``audit check`` twice: as a JSONL record
read from standard input (NUL included) and as a Markdown file. The run
must end with a verdict (exit 0 or 1, no internal error), and every
finding's span must lie inside the text and hold exactly its ``text``.
"""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from audit.cli import app as cli

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
SEED_LINES = [
    line
    for path in sorted(SEEDS.glob("*.txt"))
    for line in path.read_text(encoding="utf-8").splitlines()
    if line.strip()
][:60]
SCRIPTS = ["Москва заявила", "قال الوزير", "北京表示", "Η Αθήνα", "Le ministre a dit", "東京"]
MARKS = ["\u0301", "\u0308", "\u0327", "\u20dd"]
LINE_ENDS = ["\n", "\n\n", "\r", "\r\n", " "]

paragraphs = st.one_of(
    st.text(st.characters(exclude_categories=("Cs", "Cc")), min_size=1, max_size=60),
    st.from_regex(r"[0-9 .:/-]{1,16}", fullmatch=True),
    st.text(".,;:!?…«»“”\"'()-–—*#[]`", min_size=1, max_size=12),
    st.sampled_from(SCRIPTS),
    st.builds(lambda base, mark: base + mark, st.sampled_from("aeiouAEc"), st.sampled_from(MARKS)),
    st.builds(lambda line: "“" + line, st.sampled_from(SEED_LINES)),
    st.builds(lambda line: line + "\x00" + line, st.sampled_from(SCRIPTS)),
    st.builds(
        lambda word, count: " ".join([word] * count),
        st.sampled_from(SCRIPTS),
        st.integers(500, 3000),
    ),
    st.sampled_from(SEED_LINES),
)
texts = st.lists(st.tuples(paragraphs, st.sampled_from(LINE_ENDS)), min_size=1, max_size=12).map(
    lambda parts: "".join(text + end for text, end in parts)
)


def run_check(args: list[str], stdin: bytes, monkeypatch_stdin: object) -> int:
    sys.stdin = io.TextIOWrapper(io.BytesIO(stdin), encoding="utf-8")
    try:
        return cli.main(args)
    finally:
        sys.stdin = monkeypatch_stdin  # type: ignore[assignment]


def spans_hold(report: Path, texts: list[str]) -> None:
    articles = json.loads(report.read_text(encoding="utf-8"))["articles"]
    assert len(articles) == len(texts)
    for article, text in zip(articles, texts, strict=True):
        for finding in article["findings"]:
            assert 0 <= finding["start"] <= finding["end"] <= len(text), finding
            assert text[finding["start"] : finding["end"]] == finding["text"], finding


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow,
          HealthCheck.function_scoped_fixture])  # fmt: skip
@given(text=texts)
def test_any_text_gets_a_verdict_and_true_spans(tmp_path_factory, text):
    folder = tmp_path_factory.mktemp("fuzz")
    report = folder / "report.json"
    markdown = folder / "article.md"
    on_disk = text.replace("\x00", " ")
    markdown.write_bytes(on_disk.encode("utf-8"))
    record = json.dumps({"id": "generated", "text": text}).encode("utf-8") + b"\n"
    wanted = [t for t in (on_disk, text) if t.strip()]
    args = ["check", "--no-config", "--quiet", "--jobs", "1", "-f", "json", "-o", str(report)]
    args += [str(markdown)] if on_disk.strip() else []
    code = run_check([*args, "--jsonl", "-"] if text.strip() else args, record, sys.stdin)
    if not wanted:
        return
    assert code in (0, 1)
    spans_hold(report, wanted)
