"""The fr-en.typography and en.garbled packs: examples, gold items, native precision."""

from __future__ import annotations

from pathlib import Path

import pytest

from audit.engine.packs import load_packs
from audit.mqm import at_least

ROOT = Path(__file__).resolve().parents[2]
SEEDS = ROOT / "seeds"
PACKS = (ROOT / "rules/en/from-fr/typography.yaml", ROOT / "rules/en/garbled.yaml")

# (seed prefix, text of the artifact, rule that must flag it)
GOLD = [
    ("000", '"Incompetent"', "fr-en.typography.capitalised-quotation"),
    ("000", '"Thieves"', "fr-en.typography.capitalised-quotation"),
    ("000", '"Occupying force"', "fr-en.typography.capitalised-quotation"),
    ("000", '"Discussion"', "fr-en.typography.capitalised-quotation"),
    ("000", '"Not only', "fr-en.typography.capitalised-quotation"),
    ("000", 'America! "', "fr-en.typography.spaced-straight-quote"),
    ("000", 'troops"said', "fr-en.typography.glued-quote"),
    ("000", "partnership ”", "fr-en.typography.space-before-closing-mark"),
    ("001", "Iraq “.", "fr-en.typography.opening-mark-closes"),
    ("001", "its ” increased", "fr-en.typography.closing-mark-opens"),
    ("001", "in Iraq. “", "fr-en.typography.opening-mark-closes"),
    ("004", "interests. “", "fr-en.typography.opening-mark-closes"),
    ("000", 'a "Occupying', "en.garbled.a-before-vowel"),
    ("001", "replied. .", "en.garbled.stray-full-stop"),
    ("001", "authorities. , written", "en.garbled.punctuation-after-full-stop"),
    ("003", "soil. .", "en.garbled.stray-full-stop"),
    ("003", "said Khalid. Alrawi.", "en.garbled.name-split-by-full-stop"),
    ("004", "Dynamic after the regional tensions", "en.garbled.verbless-fragment"),
    ("000", "dominated by the pro-Iran,", "en.garbled.adjective-without-noun"),
    ("001", "Prime Minister resigned Adel", "en.garbled.title-resigned-name"),
]

# Native English, written to look like what the packs hunt for.
NATIVE = [
    'He said: "We will stay until the job is done."',
    '"We will stay," he said, before boarding the plane.',
    '"We will stay." she said, and the room fell silent.',
    "“Iraqis must decide their own future,” the ambassador told reporters.",
    'Protesters chanted, "No, no America," and, "Get out, occupier."',
    "The crowd chanted “Death to America!” outside the embassy gates.",
    'She asked him "Why now?" and waited for an answer.',
    'The sign on the door read: "Keep Out."',
    'They watched "Gone with the Wind" on the first night of the festival.',
    'His favourite novel remains "A Tale of Two Cities" by Charles Dickens.',
    'The campaign adopted the slogan "Iraq First" in its posters.',
    'Officials at "NATO" headquarters declined to comment on the report.',
    'What critics called "Obama\'s war" in Libya was, to his aides, a limited operation.',
    'The militia, known as "Kataib Hezbollah", denied any role in the attack.',
    'A film titled "Parasite" won the top prize at the festival.',
    'Voters cast a "Yes" ballot in record numbers on Sunday.',
    "Mr Sadr had called for a “million-man march” in the capital.",
    "His primary mission was to build a “resistance axis” of allied militias.",
    "An FBI agent and an MP attended the briefing, which lasted an hour.",
    "It was a one-off payment made to a European firm by a university in Ohio.",
    "A Ukrainian delegation met a US envoy and a UN official in Geneva.",
    "The motion won a unanimous vote and a useful boost from a union leader.",
    "It was an honest mistake on an historic day, said an NGO worker.",
    "The senator had had enough of the delays, and said that that was final.",
    "He took a U-turn and reached a euro-zone border town at dawn.",
    "The U.S. Army confirmed the strike at 10:30 a.m. on Friday.",
    "Mr. Smith met Dr. Jones in St. Louis before flying to Washington.",
    "Gen. Mark Milley told lawmakers the plan was sound.",
    "The talks dragged on... and on. Nobody expected a deal by midnight.",
    "He paused . . . then resumed his speech to the assembly.",
    "Inflation rose to 3.5% in March, the highest level in a decade.",
    "More than 25,000 people were injured and about 5,200 US troops remain.",
    "Prices have risen by 1,500% since the currency collapsed in 2019.",
    "The ceasefire took effect at 20:00 GMT on Sunday.",
    "Note: the figures exclude the Kurdistan region.",
    "The final score was 2-1 after extra time in Basra.",
    "The Islamic State (IS) group lost its last stronghold in 2019.",
    "Voters could choose a) the incumbent or b) the challenger.",
    "Wax figures at Madame Tussauds drew long queues on Saturday.",
    "The army staged a coup d'état in 1968, historians say.",
    "Pilgrims streamed into Karbala for the religious festival.",
    "Prosecutors said the men conspired to smuggle weapons into Baghdad.",
    "The prime minister resigned on Friday after weeks of protests.",
    "The president resigned Monday, ending a decade in power.",
    "Power is dominated by the pro-Iran factions in parliament.",
    "He joined a pro-Iran, anti-US militia after the war.",
    "Typical of the mood was a banner that read “Go home”.",
    "Central to the plan is a new tax that few voters like.",
    "Grateful for the support that she received, the mayor thanked the crowd.",
    "Critical of the deal were the lawmakers who voted against it.",
    "eBay shares rose sharply after the announcement.",
    "Analysts expected a drop. iPhone sales, however, climbed again.",
    "A Ph.D. student from Mosul wrote the report.",
    "The Iraqi Parliament voted on Sunday, and the U.K. followed on Monday.",
    "He was sent to Sing Sing in 1950 and released in 1962.",
    'The screen measures 55" across and weighs 20 kg.',
    "She waited for the bus, which was late again (as usual).",
    "The cleric’s followers, who number in the millions, fought US troops.",
    "‘No, no America’: thousands march in Iraq to demand exit of US forces",
    "The first meeting is on 3 January 2020 in Brussels.",
    "Iraq’s parliament passed a non-binding resolution on Sunday.",
    "Tensions between Washington and Tehran have escalated since 2018.",
    "Why is the vote delayed? Nobody in the ministry would say.",
    "Oil exports reached 3.4 million barrels a day in December.",
    "He cited the so-called “Islamic State” as the main threat.",
    "The code-named “Operation Inherent Resolve” began in 2014.",
    "“We will not leave,” she said. “Not this year,” he added, “nor the next.”",
    "Home » News » Europe » Talks resume",
    "He paid £45 for the ticket, and US$60 for the seat beside it.",
    "Fans of rock ’n’ roll queued from dawn ’til noon.",
    "The 1998 World Cup and Euro 2000 made him a star.",
    "The tribunal – sitting in The Hague – ruled on Monday.",
    "Afterwards, Willis flew from Newcastle to Paris with his smartphone.",
    "The YouTube star and the JPMorgan banker met at the Café de Flore.",
    "Vitamin A in carrots, and plan b for the group A in the league.",
    "The captain of the ship, who had sailed for days, spoke first.",
    "Prices rose higher and higher, again and again, time and time again.",
    "They are many, and there are many to choose from.",
    "She received an honorary degree and an honourable mention.",
    "The Pyrenees, the Cote d'Azur and Quebec drew tourists.",
    "The strike began on Tuesday evening and ended in the early hours of Friday.",
    "She has dreamed of Hollywood since childhood.",
    "The union firmly defended its members and publicly thanked its staff.",
    "It is a possibility that the minister does not rule out.",
    "The critics called her song “boring”, and she laughed.",
    "This awards ceremony and these elections drew crowds.",
    "The company and its predecessors, Smith and Jones, grew.",
]

# Machine-translation-style sentences (not from the seeds) and the rule that must flag them.
UNSEEN = [
    ("“We will fight to the end, “insisted the minister.", "fr-en.typography.quote-mark-turned"),
    ("The mayor denounced a ” shameful “ decision.", "fr-en.typography.quote-mark-turned"),
    ("The final is scheduled for Sunday .", "fr-en.typography.space-before-stop"),
    ("Prices rose by 4 % , the agency said.", "fr-en.typography.space-before-stop"),
    ("– Tension in the chamber –", "fr-en.typography.crosshead-dashes"),
    ("He starred at the Mondial-2006 in Germany.", "fr-en.typography.event-year-hyphen"),
    ("Subscribers pay 9,99 € a month.", "fr-en.typography.currency-after-amount"),
    ("The farmers ’union called a strike.", "fr-en.typography.detached-apostrophe"),
    ("The minister said thatthe vote would wait.", "en.garbled.spliced-words"),
    ("The law goes to the Senateis the plan.", "en.garbled.spliced-words"),
    ("Rain hit the northern regionssaid the forecaster.", "en.garbled.spliced-words"),
    ("The team trained in the Pyrnes in June.", "en.garbled.accents-dropped"),
    ("She left the Ecole on Friday.Nobody saw her go.", "en.garbled.glued-full-stop"),
    ("He was the hero l the whole decade.", "en.garbled.stray-letter"),
    ("The troops A in this region left.", "en.garbled.stray-capital-a"),
    ("The cargo ship Blue Whale, who had lost power, drifted.", "en.garbled.thing-who"),
    ("They met on Monday after -noon in Lyon.", "en.garbled.hyphen-after-space"),
    ("He called it “a failure” “without appeal” on Friday.", "en.garbled.adjacent-quotations"),
    ("We are many to think the plan will fail.", "en.garbled.many-to"),
    ("The strike began in the evening of Tuesday.", "en.garbled.daypart-of-weekday"),
    ("Money goes to digitisation and digitisation of archives.", "en.garbled.same-long-word-twice"),
    ("It was not the Europe dreamed of Robert Schuman.", "en.garbled.dreamed-of-name"),
    ("The mayor strengthened even more his grip on the city.", "en.garbled.adverb-before-object"),
    ("Like all its predecessors, Anna Berg promised reform.", "en.garbled.its-for-a-person"),
    ("After the vote, the senator does not exclude.", "en.garbled.no-object"),
    ("The fans mocked her song “boring”.", "en.garbled.postposed-quoted-adjective"),
    ("He won twice at this famous games of the north.", "en.garbled.this-plural"),
]


@pytest.mark.parametrize(("sentence", "rule"), UNSEEN)
def test_unseen_machine_translation_is_flagged(translated_findings, sentence, rule):
    assert rule in {f["rule"] for f in translated_findings(sentence, *PACKS)}


def seed(prefix: str) -> str:
    [path] = SEEDS.glob(f"{prefix}_*.txt")
    return path.read_text(encoding="utf-8")


def test_every_example_passes(run_cli):
    result = run_cli("rules", "test", *PACKS)
    assert result.code == 0, result.stdout + result.stderr


def test_every_rule_has_flag_and_pass_examples_not_taken_from_the_seeds():
    seeds = [seed(prefix) for prefix in ("000", "001", "002", "003", "004")]
    rules = [rule for pack in load_packs(PACKS, builtin=False) for rule in pack.rules]
    assert len(rules) >= 25
    for rule in rules:
        for kind in ("flag", "pass"):
            fresh = [e for e in rule.examples[kind] if not any(e in text for text in seeds)]
            assert fresh, f"{rule.id} has no {kind} example of its own"


@pytest.mark.parametrize(("prefix", "quote", "rule"), GOLD)
def test_gold_items_are_flagged_by_their_rule(translated_findings, prefix, quote, rule):
    text = seed(prefix)
    start = text.index(quote)
    end = start + len(quote)
    overlapping = {
        f["rule"]
        for f in translated_findings(text, *PACKS)
        if f["start"] < end and start < f["end"]
    }
    assert rule in overlapping


def test_native_seed_has_no_finding_of_severity_minor_or_above(translated_findings):
    found = [
        f for f in translated_findings(seed("002"), *PACKS) if at_least(f["severity"], "minor")
    ]
    assert found == []


def test_there_are_enough_native_traps():
    assert len(NATIVE) >= 60


@pytest.mark.parametrize("sentence", NATIVE)
def test_native_sentence_alone_stays_quiet(translated_findings, sentence):
    assert translated_findings(sentence, *PACKS) == []


def test_native_sentences_as_one_article_stay_quiet(translated_findings):
    assert translated_findings("\n\n".join(NATIVE), *PACKS) == []
