"""Word-by-word English glosses of French locutions, as machine translation gives them.

``bench/make_locutions.py`` reads a list of French locutions and keeps the
glosses these functions produce that native English does not use. Each
French word is glossed: function words from ``FUNCTION`` (articles,
prepositions, possessives, which a translation keeps or drops), the verbs
of locutions from ``VERBS`` (as English lemmas in angle brackets, so that
every tense matches), other words from FreeDict's French-English
dictionary (``apt-get install dict-freedict-fra-eng``; GPL-2.0-or-later):
their part of speech and their most frequent English sense (wordfreq)
with the cognate a translation by resemblance picks. An adjective after
its noun moves before it, and a noun complement without article
("sonnette d'alarme") is also given as an English compound ("alarm bell").
Development time only.
"""

from __future__ import annotations

import gzip
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from itertools import product
from pathlib import Path

import wordfreq

FREEDICT = Path("/usr/share/dictd/freedict-fra-eng.dict.dz")


def _table(text: str) -> dict[str, list[str]]:
    """``word=gloss,gloss`` pairs (``_`` for a space, an empty gloss for a word dropped)."""
    pairs = (item.split("=", 1) for item in text.split())
    return {word: [g.replace("_", " ") for g in glosses.split(",")] for word, glosses in pairs}


SENSES = 2
MIN_ZIPF = 3.5
# The English verbs a word-by-word translation gives the French verbs of locutions.
VERBS = _table(
    """
    faire=make prendre=take mettre=put donner=give tirer=pull,draw passer=pass tenir=hold
    jeter=throw lever=lift,raise tomber=fall rester=remain,stay avoir=have être=be
    porter=carry revenir=come_back sortir=come_out battre=beat garder=keep baisser=lower
    monter=climb obtenir=obtain serrer=tighten revoir=review remettre=put_back mâcher=chew
    fondre=melt lâcher=release
    """
)
SLOTS = {
    "{poss}": ["his", "her", "its", "their"],
    "{self}": ["himself", "herself", "itself", "themselves"],
    "{selfp}": ["himself", "herself", "themselves"],
    "{selfi}": ["itself", "themselves"],
    "{possp}": ["his", "her", "their"],
}
FUNCTION = _table(
    """
    le=the la=the les=the l'=the un=a une=a des=,of_the du=of_the, de=of d'=of à=to,at
    au=to_the,at_the aux=to_the,at_the en=in,into dans=in,into sur=on sous=under par=by
    pour=for avec=with sans=without contre=against entre=between vers=towards chez=at
    devant=in_front_of derrière=behind après=after avant=before depuis=since pendant=during
    comme=like,as et=and ou=or pas=not ne= n'= y= plus=more tout=all toute=all tous=all
    toutes=all son=his,her,its,their sa=his,her,its,their ses=his,her,its,their leur=their
    leurs=their notre=our nos=our votre=your vos=your ce=this cet=this cette=this ces=these
    même=same se= s'= qui=who que=that qu'=that
    """
)
_ELISION_RE = re.compile(r"\b([ldsnqu]+')", re.IGNORECASE)
_HEAD_RE = re.compile(r"^(\S[^/<]*?)\s+/[^/]*/\s+<([^>]*)>")


@dataclass
class Word:
    """A French word with its part of speech and its English senses, best first."""

    text: str
    pos: str = ""
    senses: list[str] = field(default_factory=list)


def load_freedict(path: Path) -> dict[str, tuple[str, list[str]]]:
    """Headword -> (part of speech, single-word senses) from the dictd file."""
    entries: dict[str, tuple[str, list[str]]] = {}
    head: tuple[str, str] | None = None
    with gzip.open(path, "rt", encoding="utf-8") as stream:
        lines = stream.read().splitlines()
    for line in lines:
        match = _HEAD_RE.match(line)
        if match:
            head = (match.group(1).strip().lower(), match.group(2).split(",")[0].strip())
            entries.setdefault(head[0], (head[1], []))
        elif head and line.strip():
            senses = re.sub(r"^\s*\d+\.\s*", "", line.strip())
            for sense in re.split(r"[,;]\s*", senses):
                sense = re.sub(r"^to\s+", "", sense.strip())
                if re.fullmatch(r"[a-z]+(?: (?:on|up|out|off|in|down|back|away))?", sense):
                    entries[head[0]][1].append(sense)
    return entries


def expanded(gloss: str) -> list[str]:
    """``gloss`` with each slot filled, the same way wherever it recurs: ``{poss}`` a
    possessive, ``{self}`` a reflexive pronoun (``{selfp}`` of a person, ``{selfi}`` of a
    thing or a group)."""
    for slot, fillers in SLOTS.items():
        if slot in gloss:
            return [g for filler in fillers for g in expanded(gloss.replace(slot, filler))]
    return [gloss]


def french_words(french: str, dictionary: dict[str, tuple[str, list[str]]]) -> list[Word]:
    """The words of a locution, each with its part of speech and the senses a translation
    picks: the verbs of ``VERBS``, else the most frequent English sense and the cognate."""
    words = []
    for token in _ELISION_RE.sub(r"\1 ", french.lower()).split():
        if token in FUNCTION:
            words.append(Word(token, "function", FUNCTION[token]))
        elif token in VERBS:
            words.append(Word(token, "v", VERBS[token]))
        else:
            pos, senses = dictionary.get(token, ("", []))
            words.append(Word(token, pos, _chosen(token, senses)))
    return words


def _chosen(french: str, senses: list[str]) -> list[str]:
    """The most frequent of ``senses`` in English and, if another, the one spelt like
    ``french`` (a translation by resemblance)."""
    frequent = [s for s in dict.fromkeys(senses) if wordfreq.zipf_frequency(s, "en") >= MIN_ZIPF]
    if not frequent:
        return []
    best = max(frequent, key=lambda s: wordfreq.zipf_frequency(s, "en"))
    cognates = [s for s in frequent if s != best and s[:4] == _folded(french)[:4]]
    return [best, *cognates[:1]][:SENSES]


def _folded(word: str) -> str:
    return unicodedata.normalize("NFD", word).encode("ascii", "ignore").decode()


def literal_glosses(words: list[Word]) -> Iterator[str]:
    """The word-by-word renderings of ``words``: English order, verbs as lemmas."""
    if any(not w.senses for w in words):
        return
    slots = [_slot(w, i == 0 or words[i - 1].text in ("se", "s'")) for i, w in enumerate(words)]
    orders = [list(range(len(words)))]
    for i in range(1, len(words)):
        if words[i].pos == "adj" and words[i - 1].pos.startswith("n"):
            orders.append(_swapped(orders[0], i - 1, i))
    for i in range(1, len(words) - 1):
        if (
            words[i].text in ("de", "d'")
            and words[i + 1].pos.startswith("n")
            and words[i - 1].pos.startswith("n")
        ):
            orders.append([*orders[0][: i - 1], i + 1, i - 1, *orders[0][i + 2 :]])
    for order in orders:
        for choice in product(*(slots[i] for i in order)):
            yield " ".join(part for part in choice if part)


def _slot(word: Word, verb_position: bool) -> list[str]:
    if word.pos == "v" and verb_position:
        return [" ".join([f"<{s.split()[0]}>", *s.split()[1:]]) for s in word.senses]
    return word.senses


def _swapped(order: list[int], i: int, j: int) -> list[int]:
    swapped = list(order)
    swapped[i], swapped[j] = swapped[j], swapped[i]
    return swapped
