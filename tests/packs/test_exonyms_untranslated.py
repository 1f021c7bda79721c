"""The fr-en.exonyms and fr-en.untranslated packs: examples, gold items, recall, native precision.

Recall is measured on the seeds' gold exonym and untranslated items and on
machine-translation-style sentences the seeds do not contain; precision on
native English sentences full of what the packs hunt for (Karbala,
Madame Tussauds, coup d'état, M. Night Shyamalan, La Paz, French loanwords).
"""

from __future__ import annotations

import re
from functools import cache
from itertools import pairwise
from pathlib import Path

import pytest
import yaml

from audit import Auditor
from audit.engine.packs import load_packs
from audit.rulebook import wordlists

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "seeds"
EXONYMS = ROOT / "rules/en/from-fr/exonyms.yaml"
UNTRANSLATED = ROOT / "rules/en/from-fr/untranslated.yaml"
WORDS = ROOT / "rules/en/from-fr/data/french-words.txt"
NATIVE_SEED = "002_232c97f09dcc63de.txt"
TOKEN_RE = re.compile(r"[^\W_]+")

# (seed prefix, gold quote, rule that must flag it)
GOLD = [
    ("000", "Kerbala", "fr-en.exonyms.places"),
    ("001", "Abou Mehdi al-Mouhandis", "fr-en.exonyms.abou"),
    ("001", "Abou Mehdi al-Mouhandis", "fr-en.exonyms.people"),
    ("004", "BAGDAD", "fr-en.exonyms.places"),
    ("004", "Diwanieh", "fr-en.exonyms.places"),
    ("000", "Mme Ortagus", "fr-en.untranslated.madame"),
    ("003", "cenacle", "fr-en.untranslated.french-word"),
]

# Machine-translation-style sentences (not from the seeds) and the rule that must flag them.
UNSEEN = [
    ("Clashes erupted overnight in Kerbela and Nadjaf.", "fr-en.exonyms.places"),
    ("The delegation left Téhéran for Moscou on Monday.", "fr-en.exonyms.places"),
    ("Talks resumed in Le Caire after a week.", "fr-en.exonyms.places"),
    ("Iran's supreme leader, Ali Khameneï, warned of revenge.", "fr-en.exonyms.people"),
    ("Supporters of Haïdar al-Abadi blocked the roads.", "fr-en.exonyms.people"),
    ("Mohammed ben Salmane received the envoy.", "fr-en.exonyms.ben-patronymic"),
    ("Abou Bakr al-Baghdadi was killed in Syria.", "fr-en.exonyms.abou"),
    ("Fighters of al-Chabab claimed the attack.", "fr-en.exonyms.al-digraph"),
    ("A car bomb exploded in Mahmoudieh.", "fr-en.exonyms.ieh-ending"),
    ("Vladimir Poutine spoke for two hours.", "fr-en.exonyms.putin"),
    ("The chiites of the south marched on the capital.", "fr-en.exonyms.peoples"),
    ("Trade with Chine collapsed last year.", "fr-en.exonyms.places-case-sensitive"),
    ("A statement from Mme Dupont's office denied it.", "fr-en.untranslated.madame"),
    ("M. Barnier said the talks were over.", "fr-en.untranslated.monsieur"),
    ("Her lawyer, Me Temime, said she would appeal.", "fr-en.untranslated.maitre"),
    ("The protesters gathered in la place centrale.", "fr-en.untranslated.articles"),
    ("The ministre announced a ban on gatherings.", "fr-en.untranslated.institutions"),
    ("The OTAN allies met in Brussels.", "fr-en.untranslated.acronyms"),
    ("Fighting continued, selon local sources.", "fr-en.untranslated.function-words"),
    ("The announcement caused a polémique in Paris.", "fr-en.untranslated.french-word"),
    ("Rescuers searched the décombres for survivors.", "fr-en.untranslated.french-word"),
    ("The police bavure sparked riots in the suburbs.", "fr-en.untranslated.french-word"),
    ("The convoy left at 6:40 am Tu (universal time).", "fr-en.untranslated.time-zone"),
    ("The match ends at 21:30 HNE.", "fr-en.untranslated.time-zone"),
    ("Lyon lost 2-1 ap in the semi-final.", "fr-en.untranslated.score-after-extra-time"),
    ("Two SDF died of the cold in Lille.", "fr-en.untranslated.acronyms"),
    ("The whole macronie was silent.", "fr-en.untranslated.french-common-word"),
    ("She is the first Senegalian to win.", "fr-en.exonyms.demonyms"),
    ("Talks in Kamichli resumed.", "fr-en.exonyms.places"),
    ("After Shanghai, the delegation flew to Canton.", "fr-en.exonyms.canton"),
]

# French transliterations of full names: each part is reported by one rule at most.
FULL_NAMES = [
    "Abou Mehdi al-Mouhandis",
    "Abou Moussab al-Zarqaoui",
    "Abou Mohammed al-Joulani",
    "Omar el-Béchir",
    "Ayman al-Zaouahiri",
    "Youssef al-Qaradaoui",
    "Hachd al-Chaabi",
    "Mohammed ben Salmane",
    "Oussama ben Laden",
    "Bachar al-Assad",
    "Abdel Fattah al-Sissi",
    "Moustafa al-Kazimi",
    "Iyad Allaoui",
    "Haïdar al-Abadi",
    "Charm el-Cheikh",
    "Abou Bakr al-Baghdadi",
    "Ismaïl Haniyeh",
    "Mouammar Kadhafi",
    "Mikhaïl Gorbatchev",
]

# Native English: none of these may draw a finding from either pack.
NATIVE = [
    "Clashes broke out in Karbala and Najaf on Friday, police said.",
    "The U.S. Embassy in Baghdad said the strike took place at 2 a.m. local time.",
    "Tourists queued for hours outside Madame Tussauds in London.",
    "The general was ousted in a coup d'état that few saw coming.",
    "She met her editor at a café on the Left Bank.",
    "Walking into the room gave him a strong sense of déjà vu.",
    "Le Monde reported that the minister had offered to resign.",
    "The delegation flew from La Paz to Des Moines via Los Angeles.",
    "The film was directed by M. Night Shyamalan and shot in Philadelphia.",
    "The Bolshoi Ballet returned to London after a long absence.",
    "Critics said the regime had tightened its grip on the press.",
    "The détente between the superpowers lasted less than a decade.",
    "The rapprochement between Paris and Algiers surprised diplomats.",
    "The joint communiqué made no mention of sanctions.",
    "The annexation was presented to the world as a fait accompli.",
    "For the party's old guard, winning was its whole raison d'être.",
    "The French chargé d'affaires was summoned to the foreign ministry.",
    "Marine Le Pen's party finished first in the European elections.",
    "Côte d'Ivoire is the world's largest cocoa producer.",
    "He ordered the crème brûlée and a glass of pinot noir.",
    "The hotel's maître d' showed us to a table by the window.",
    "Analysts described the new cabinet as a tour de force of coalition-building.",
    "The strikes brought the Paris métro to a standstill on Thursday.",
    "The gilets jaunes protests began over a fuel tax in 2018.",
    "His critics accuse him of running a dirigiste economy.",
    "The prime minister met President Emmanuel Macron at the Élysée Palace.",
    "Ms Ortagus said the delegation would discuss the strategic partnership.",
    "John M. Smith, a professor at Georgetown, wrote the report.",
    "J. M. Coetzee won the Booker Prize twice.",
    "Muqtada al-Sadr called for a million-man march in Baghdad.",
    "Abu Mahdi al-Muhandis was killed in the same strike near Baghdad airport.",
    "Crown Prince Mohammed bin Salman met Benjamin Netanyahu's envoy in Riyadh.",
    "Osama bin Laden was killed in Abbottabad in 2011.",
    "Al-Shabab fighters attacked a base near Mogadishu.",
    "Sulaymaniyah and Erbil are the largest cities in the Kurdish region.",
    "Ismail Haniyeh spoke from Doha while supporters rallied in Dahiyeh.",
    "The Houthis fired missiles at ships in the Red Sea.",
    "Tchaikovsky's Swan Lake opened the season at the Bolshoi.",
    "Eliezer ben Yehuda is credited with reviving Hebrew.",
    "The Me Too movement reached French cinema late.",
    "We had poutine and beer in Montreal.",
    "The collapse of Credit Suisse rattled markets.",
    "Horatio Alger wrote novels that celebrated hard work.",
    "Dishes à la carte cost extra; the prix fixe menu is better value.",
    "The sommelier recommended a Sancerre with the fish.",
    "The avant-garde gallery hosted a retrospective of Art Deco posters.",
    "His memoir is full of bons mots and savoir-faire.",
    "Her naïveté was matched only by her ambition.",
    "The two leaders spoke of a new entente between their countries.",
    "The protégé became a rival within a year.",
    "The film noir season at the BFI includes twelve titles.",
    "Her résumé listed three years at a bank in Geneva.",
    "Dancers rehearsed in the foyer before the matinée.",
    "The cul-de-sac was lined with identical houses.",
    "The rouble fell sharply against the dollar.",
    "The army carried out manoeuvres near the border.",
    "The programme will be broadcast on BBC One next week.",
    "The organisation's headquarters are in the city centre.",
    "Police fired tear gas at protesters in the Place de la République.",
    "The Quai d'Orsay declined to comment on the report.",
    "Thousands gathered on the Champs-Élysées to celebrate the World Cup.",
    "The UN Security Council met at 10 a.m. in New York.",
    "The NGO said it had documented more than 600 deaths since October.",
    "The genre of the roman à clef has a long history.",
    "The Tour de France passes through the Pyrenees next week.",
    "He is a bon vivant with a taste for foie gras.",
    "Her laissez-faire approach to management irritated colleagues.",
    "The café au lait was cold by the time it arrived.",
    "The concierge handed over the keys and wished us bon voyage.",
    "The entrepreneur opened a boutique hotel in Marrakech.",
    "Brigitte Macron, née Trogneux, married the future president in 2007.",
    "They spent the summer in a gîte in the Dordogne.",
    "The chanteuse sang a medley of Piaf songs.",
    'Sarkozy once called the rioters "racaille", a word he later regretted.',
    "The ballet's pas de deux drew a standing ovation.",
    "The newspaper Libération ran a front-page editorial on the strikes.",
    "Her wardrobe was full of haute couture and prêt-à-porter.",
    "The heirs of du Pont sold the estate in Delaware.",
    "The wine's terroir gives it a mineral finish, the vigneron said.",
    "They dined on moules frites in a bistro near the Grand-Place.",
    "The ingénue in the play was a newcomer from Lyon.",
    "A spokesman for the Élysée said the president would attend.",
    "The mayor of Paris, Anne Hidalgo, unveiled plans for more cycle lanes.",
    "The Kurdish Peshmerga and Iraqi forces retook Mosul in 2017.",
    "The militia, Kataib Hezbollah, denied involvement.",
    "Empress Sissi of Austria was assassinated in Geneva in 1898.",
    "Abou Diaby's years at Arsenal were blighted by injuries.",
    "She sang with M. Ward at the festival in Portland.",
    "His lawyer, Eric Dupond-Moretti, called the verdict unfair.",
    "Bagdad Cafe is a 1987 film set in the Mojave Desert.",
    "The table, the question and the mission were all important to the committee.",
    "Finance Minister Bruno Le Maire told Le Parisien the reform must go ahead.",
    "He drove an Audi A4 Avant to the meeting in Lyon.",
    "France's Conseil d'État ruled against the ban on Friday.",
    "Sciences Po graduates dominate the upper ranks of the civil service.",
    "Supporters of Shiite cleric Moqtada Sadr rallied in Tahrir Square.",
    "Moamer Kadhafi was killed near Sirte in October 2011.",
    "The jihadists were driven out of Raqa and Deir Ezzor in 2017.",
    "The Académie française admitted its first woman in 1980.",
]


@cache
def auditor() -> Auditor:
    return Auditor.from_rules([EXONYMS, UNTRANSLATED], builtin=False, language="en")


def findings(text: str) -> list[dict[str, object]]:
    return auditor().check_text(text, source_language="fr")["findings"]


def lexicon_entries(pack: Path) -> dict[str, list[str]]:
    data = yaml.safe_load(pack.read_text(encoding="utf-8"))
    return {
        rule["id"]: [str(key) for key in rule["entries"]]
        for rule in data["rules"]
        if rule["kind"] == "lexicon"
    }


def test_every_example_of_both_packs_passes(run_cli) -> None:
    result = run_cli("rules", "test", EXONYMS, UNTRANSLATED)
    assert result.code == 0, result.stdout + result.stderr
    assert "0 failures" in result.stdout


def test_exonym_lexicons_have_at_least_150_entries() -> None:
    entries = lexicon_entries(EXONYMS)
    assert sum(len(names) for names in entries.values()) >= 150


@pytest.mark.parametrize(("seed", "quote", "rule"), GOLD)
def test_gold_items_are_hit(seed: str, quote: str, rule: str) -> None:
    (path,) = SEEDS.glob(f"{seed}_*.txt")
    text = path.read_text(encoding="utf-8")
    start = text.index(quote)
    end = start + len(quote)
    hits = [
        f
        for f in auditor().check_text(text, source_language="fr")["findings"]
        if f["rule"] == rule and f["start"] < end and start < f["end"]
    ]
    assert hits, f"{rule} missed {quote!r} in {path.name}"


def test_native_seed_draws_no_finding() -> None:
    text = (SEEDS / NATIVE_SEED).read_text(encoding="utf-8")
    assert findings(text) == []


@pytest.mark.parametrize(("text", "rule"), UNSEEN)
def test_unseen_artifacts_are_flagged(text: str, rule: str) -> None:
    assert rule in {f["rule"] for f in findings(text)}


def test_native_sentences_draw_no_finding() -> None:
    assert len(NATIVE) >= 60
    flagged = {text: [f["text"] for f in findings(text)] for text in NATIVE}
    assert {text: found for text, found in flagged.items() if found} == {}


def test_native_sentences_as_one_article_draw_no_finding() -> None:
    assert findings("\n".join(NATIVE)) == []


def test_messages_name_the_english_form_and_the_french_word() -> None:
    messages = {f["rule"]: f["message"] for f in findings("Fighting in Kerbala. The cenacle met.")}
    assert messages["fr-en.exonyms.places"] == (
        "'Kerbala' is the French spelling; English writes 'Karbala'."
    )
    assert "'cénacle'" in messages["fr-en.untranslated.french-word"]


def overlapping_findings(text: str) -> list[tuple[int, int]]:
    spans = sorted((f["start"], f["end"]) for f in findings(text))
    return [a for a, b in pairwise(spans) if b[0] < a[1]]


def test_no_listed_name_is_reported_twice() -> None:
    for names in lexicon_entries(EXONYMS).values():
        for name in names:
            assert overlapping_findings(f"Officials in {name} said so.") == [], name


@pytest.mark.parametrize("name", FULL_NAMES)
def test_no_full_arabic_name_is_reported_twice(name: str) -> None:
    assert findings(f"The statement named {name} on Friday.")
    assert overlapping_findings(f"The statement named {name} on Friday.") == []


def test_word_list_leaves_out_what_the_lexicons_report() -> None:
    listed = wordlists.require(str(WORDS), "list")
    for pack in (EXONYMS, UNTRANSLATED):
        for names in lexicon_entries(pack).values():
            words = {w for name in names for w in TOKEN_RE.findall(name.lower())}
            clash = sorted(words & listed.words)
            assert clash == [], f"{clash} of {pack.name} are in the word list"


def test_word_list_is_sorted_lower_case_and_french_only() -> None:
    lines = [line for line in WORDS.read_text(encoding="utf-8").splitlines() if line[0] != "#"]
    spellings = [line.split("\t")[0] for line in lines]
    assert spellings == sorted(spellings)
    assert all(s == s.lower() and s.isalpha() and len(s) >= 4 for s in spellings)
    shared = {"table", "question", "mission", "important", "regime", "ballet", "detente", "cafe"}
    assert not shared & set(spellings)
    assert {"cénacle", "cenacle", "selon"} & set(spellings) == {"cénacle", "cenacle"}


def test_word_list_rule_uses_the_shipped_list() -> None:
    (rule,) = [
        rule
        for pack in load_packs([UNTRANSLATED], builtin=False)
        for rule in pack.rules
        if rule.id == "fr-en.untranslated.french-word"
    ]
    assert Path(rule.options["list"]).resolve() == WORDS.resolve()
