"""Language detection with langdetect, seeded so that output is deterministic.

The article's language comes from one langdetect run over a bounded sample
of its paragraphs (``SAMPLE_CHARS``) with ``ARTICLE_TRIALS`` random trials
(langdetect's default is 7; a news article's opening is decided by far fewer,
and a paragraph reported as foreign still gets ``PARAGRAPH_TRIALS``). Text
with fewer than ``MIN_LETTERS`` letters is too short to judge and is
reported as unknown, never guessed.

langdetect judges letters, not grammar: a short English paragraph full of
French names and words ("the ministre de l'Intérieur told the préfecture
...") looks French to it. So the function words decide when they are clear:
over the first ``VOTE_WORDS`` words that start in lower case outside
quotations (names and quoted words say nothing of the language the article
is written in), when another listed language's function words make at least
``FUNCTION_WORD_SHARE`` of them and outnumber those of langdetect's choice,
that language is the article's.

Paragraphs in another language (a paragraph left untranslated, say) are
found without running langdetect on every paragraph. A paragraph goes
through langdetect only when it looks foreign: fewer than
``FUNCTION_WORD_SHARE`` of its words are the article language's commonest
function words, and either as many are another listed language's function
words or most of its letters are outside the article's script (Latin or
not). In an article whose language has no function-word list, every
paragraph goes through langdetect. A paragraph is reported when langdetect
names another language with probability at least ``MIN_CONFIDENCE``. Its
first trial (``FIRST_TRIALS``) runs alone first: when no other language can
reach that average over ``PARAGRAPH_TRIALS`` trials any more
(``_may_reach``), the paragraph is not foreign and the other trials are not
run. The sentences of the other paragraphs (those with more than one
sentence) go through the same test one by one, so a sentence left in French
inside an English paragraph is reported too.

Detection runs langdetect's algorithm through ``audit.text.detector``, which
extracts n-grams faster and returns the same probabilities.
Only the profiles of ``CANDIDATES`` are loaded (langdetect's 55 profiles
take half a second to load; these take a tenth of that), and the table
langdetect builds from them is kept in the cache of ``audit.store``, keyed
by the profile files, which halves that again.
"""

from __future__ import annotations

import bisect
import json
from collections.abc import Iterator, Sequence
from functools import cache
from pathlib import Path
from typing import Any

from audit.store import cached
from audit.text.document import Document, Language, ParagraphLanguage, SentenceLanguage
from audit.text.spans import Span

CANDIDATES = ("en", "fr", "de", "es", "it", "pt", "nl", "ar", "fa", "ru", "tr", "pl")
SEED = 0
SAMPLE_CHARS = 200
PARAGRAPH_SAMPLE_CHARS = 200
ARTICLE_TRIALS = 3
PARAGRAPH_TRIALS = 7
FIRST_TRIALS = 1
MIN_LETTERS = 40
MIN_CONFIDENCE = 0.9
ROUNDING = 1e-9
FUNCTION_WORD_SHARE = 0.2
VOTE_WORDS = 400

FUNCTION_WORDS = {
    "en": "the of and to in a is that for on with as was by at it from are be this have has "
    "had not but they he she his her their which who were will would an or its been said",
    "fr": "le la les de des du et en un une est que qui dans pour pas sur au aux par plus ne "
    "se ce il elle ils sont a été avec son sa ses leur cette mais ou",
    "de": "der die das und ist nicht zu den von mit sich des auf für im dem ein eine als auch "
    "es an er sie wird bei hat sind aus nach wie",
    "es": "el la los las de del y en que un una es por con para se no al lo su sus como más "
    "pero ha sido fue este esta entre",
    "it": "il lo la i gli le di del della e che un una è per non con si da al nel sono come "
    "più ma anche ha questo",
    "pt": "o a os as de do da dos das e que um uma é em no na por para com não se ao mais "
    "como mas foi ser pelo",
    "nl": "de het een en van in is dat op te zijn met voor niet er aan als ook door maar om "
    "bij nog wordt werd",
}
_FUNCTION_WORD_SETS = {code: frozenset(words.split()) for code, words in FUNCTION_WORDS.items()}


@cache
def _factory() -> Any:
    """A langdetect DetectorFactory for ``CANDIDATES``, its table read through the cache."""
    import langdetect
    from langdetect.detector_factory import DetectorFactory

    profiles = Path(langdetect.__file__).parent / "profiles"
    identity = [str(profiles), list(CANDIDATES)]
    factory = DetectorFactory()
    factory.langlist, factory.word_lang_prob_map = cached(
        "langdetect",
        identity,
        lambda: _table(profiles),
        lambda _: {str(profiles / code) for code in CANDIDATES},
    )
    factory.set_seed(SEED)
    return factory


def _table(profiles: Path) -> tuple[list[str], dict[str, list[float]]]:
    """langdetect's language list and n-gram table, built from the ``CANDIDATES`` profiles."""
    from langdetect.detector_factory import DetectorFactory
    from langdetect.utils.lang_profile import LangProfile

    factory = DetectorFactory()
    for index, code in enumerate(CANDIDATES):
        data = json.loads((profiles / code).read_text(encoding="utf-8"))
        factory.add_profile(LangProfile(**data), index, len(CANDIDATES))
    return factory.langlist, factory.word_lang_prob_map


def _letters(text: str) -> int:
    return sum(map(str.isalpha, text))


def _probabilities(text: str, limit: int, trials: int) -> list[Any]:
    from langdetect.lang_detect_exception import LangDetectException

    from audit.text.detector import Detector

    detector = Detector(_factory())
    detector.set_max_text_length(limit)
    detector.n_trial = trials
    detector.append(text)
    try:
        return detector.get_probabilities()
    except LangDetectException:
        return []


def _sample(doc: Document) -> str:
    parts: list[str] = []
    size = 0
    for paragraph in doc.paragraphs:
        if size >= SAMPLE_CHARS:
            break
        parts.append(doc.slice(paragraph))
        size += paragraph.end - paragraph.start + 1
    return "\n".join(parts)


def detect(doc: Document, given: str | None = None) -> Language:
    """The language of ``doc``: ``given`` when the user forced it, else detected."""
    if given:
        return Language(code=given, confidence=None, given=True)
    sample = _sample(doc)
    if _letters(sample) < MIN_LETTERS:
        return Language(code=None, confidence=None)
    ranked = _probabilities(sample, SAMPLE_CHARS, ARTICLE_TRIALS)
    if not ranked:
        return Language(code=None, confidence=None)
    code = _function_word_vote(doc, ranked[0].lang)
    confidence = next((found.prob for found in ranked if found.lang == code), None)
    foreign = tuple(_foreign_paragraphs(doc, code))
    sentences = tuple(_foreign_sentences(doc, code, {p.paragraph for p in foreign}))
    return Language(code=code, confidence=confidence, paragraphs=foreign, sentences=sentences)


def _function_word_vote(doc: Document, detected: str) -> str:
    """The language whose function words clearly dominate the words of ``doc`` that start in
    lower case outside quotations, or else ``detected`` (see the module docstring). When the
    detected language's function words already lead among the first tokens, names and
    quotations included, the vote is taken as settled and the tokens are not sorted out."""
    first = doc.token_texts[:VOTE_WORDS]
    if first and detected in _FUNCTION_WORD_SETS:
        own = _share(first, _FUNCTION_WORD_SETS[detected])
        if all(_share(first, words) <= own for words in _FUNCTION_WORD_SETS.values()):
            return detected
    words = _lower_case_words(doc)
    if not words:
        return detected
    shares = {
        code: _share(words, function_words) for code, function_words in _FUNCTION_WORD_SETS.items()
    }
    best = max(shares, key=shares.__getitem__)
    if shares[best] >= FUNCTION_WORD_SHARE and shares[best] > shares.get(detected, 0.0):
        return best
    return detected


def _lower_case_words(doc: Document) -> list[str]:
    """Up to ``VOTE_WORDS`` tokens of ``doc`` that start with a lower-case letter outside
    quotations, lower-cased; quotations and tokens are read in step, both in order."""
    quotations = iter(doc.quotations)
    quotation = next(quotations, None)
    text, found = doc.text, []
    for start, lowered in zip(doc.token_starts, doc.token_texts, strict=True):
        if not text[start].islower():
            continue
        while quotation is not None and quotation.end <= start:
            quotation = next(quotations, None)
        if quotation is not None and quotation.start <= start:
            continue
        found.append(lowered)
        if len(found) == VOTE_WORDS:
            break
    return found


def _foreign_paragraphs(doc: Document, article_language: str) -> list[ParagraphLanguage]:
    found = []
    for index, paragraph in enumerate(doc.paragraphs):
        ranked = _foreign(doc, paragraph, doc.paragraph_tokens[index], article_language)
        if ranked is not None:
            found.append(ParagraphLanguage(index, ranked.lang, ranked.prob))
    return found


def _foreign_sentences(
    doc: Document, article_language: str, foreign_paragraphs: set[int]
) -> Iterator[SentenceLanguage]:
    """The sentences in another language of the paragraphs not reported as a whole."""
    sentences, starts = doc.sentences, doc.token_starts
    for index, positions in enumerate(doc.paragraph_sentences):
        if index in foreign_paragraphs or len(positions) < 2:
            continue
        for sentence in (sentences[position] for position in positions):
            tokens = range(
                bisect.bisect_left(starts, sentence.start), bisect.bisect_left(starts, sentence.end)
            )
            found = _foreign(doc, sentence, tokens, article_language)
            if found is not None:
                yield SentenceLanguage(sentence.start, sentence.end, found.lang, found.prob)


def _foreign(doc: Document, span: Span, tokens: range, article_language: str) -> Any:
    """langdetect's best guess for ``span`` when it names another language than the
    article's with ``MIN_CONFIDENCE``, or None (tested cheaply first: see the module)."""
    words = doc.token_texts[tokens.start : tokens.stop]
    text = doc.slice(span)
    if not words or not _looks_foreign(text, words, article_language):
        return None
    if _letters(text) < MIN_LETTERS:
        return None
    first = _probabilities(text, PARAGRAPH_SAMPLE_CHARS, FIRST_TRIALS)
    if not _may_reach(first, article_language, FIRST_TRIALS, PARAGRAPH_TRIALS):
        return None
    ranked = _probabilities(text, PARAGRAPH_SAMPLE_CHARS, PARAGRAPH_TRIALS)
    if ranked and ranked[0].lang != article_language and ranked[0].prob >= MIN_CONFIDENCE:
        return ranked[0]
    return None


def _may_reach(ranked: list[Any], article_language: str, done: int, total: int) -> bool:
    """Whether a language other than the article's, with the average probability ``ranked``
    over langdetect's first ``done`` trials, can still average ``MIN_CONFIDENCE`` over
    ``total``: the same seed draws the same first trials, and a trial gives at most 1."""
    needed = (total * MIN_CONFIDENCE - (total - done)) / done - ROUNDING
    return any(found.lang != article_language and found.prob >= needed for found in ranked)


def _looks_foreign(text: str, words: Sequence[str], article_language: str) -> bool:
    """Whether ``text`` (lower-cased ``words``) may be in another language than the article's
    (see the module docstring)."""
    own = _FUNCTION_WORD_SETS.get(article_language)
    if own is None:
        return True
    if _share(words, own) >= FUNCTION_WORD_SHARE:
        return False
    other = (s for code, s in _FUNCTION_WORD_SETS.items() if code != article_language)
    if any(_share(words, function_words) >= FUNCTION_WORD_SHARE for function_words in other):
        return True
    return _latin_share(text) < 0.5


def _share(words: Sequence[str], function_words: frozenset[str]) -> float:
    return sum(map(function_words.__contains__, words)) / len(words)


def _latin_share(text: str) -> float:
    """The share of letters in the Latin script (Basic Latin and Latin-1/Extended); 1 for a
    text without letters (digits, punctuation), which is in no other script either."""
    letters = [char for char in text if char.isalpha()]
    if not letters:
        return 1.0
    return sum(char < "\u0250" for char in letters) / len(letters)


def text_language(text: str) -> tuple[str, float] | None:
    """The language of one short text (a segment of a bilingual file) and its probability,
    as a paragraph's is judged; None when it is too short to judge or langdetect cannot tell."""
    if _letters(text) < MIN_LETTERS:
        return None
    ranked = _probabilities(text, PARAGRAPH_SAMPLE_CHARS, PARAGRAPH_TRIALS)
    return (ranked[0].lang, ranked[0].prob) if ranked else None
