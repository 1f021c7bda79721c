"""The ``en.boilerplate`` pack: page residue is flagged, prose about the same things is not.

Recall is measured on the gold boilerplate items of the seeds and on residue
lines of pages the seeds do not contain; precision on native English news
paragraphs that talk about subscribing, comments, advertisements, cookies,
photos and further reading in ordinary sentences.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any

import pytest
import yaml

from audit import Auditor
from audit.engine.packs import load_packs
from audit.mqm import SEVERITIES

ROOT = Path(__file__).resolve().parents[2]
PACK = ROOT / "rules" / "en" / "boilerplate.yaml"
SEEDS = ROOT / "seeds"
GOLD = ROOT / "tests" / "gold" / "seeds.yaml"
NATIVE_SEED = "002_232c97f09dcc63de.txt"

ARTICLE_START = "Iraq's parliament voted on Sunday to expel foreign troops from the country."
ARTICLE_END = "The vote is not binding on the government, which has yet to respond."

UNSEEN_RESIDUE = [
    "Home › News › Middle East",
    "News > World > Iraq > Parliament votes to expel US troops",
    "ADVERTISEMENT",
    "Story continues below advertisement",
    "Sponsored content",
    "Read more: Iran fires missiles at two bases housing US troops",
    "RELATED STORIES",
    "3 min read",
    "Leave a Reply",
    "Your email address will not be published. Required fields are marked *",
    "Comments are closed.",
    "Sign up for our newsletter",
    "Share this article",
    "Share on Facebook Share on Twitter",
    "Follow us on Twitter and Instagram",
    "Get the app",
    "Download on the App Store",
    "We use cookies to improve your experience on our site. Accept all cookies",
    "Accept cookies",
    "Loading...",
    "Published January 10, 2020 at 5:30 p.m.",
    "Updated 2 hours ago",
    "Photo: AFP",
    "(Getty Images)",
    "AFP via Getty Images",
    "app-store-badge_EN.png",
    "Tags: Iraq, Iran, Muqtada al-Sadr",
    "Like this:",
    "Copyright 2020 The Associated Press. All rights reserved.",
    "Reading time: 4 min",
    "Read also:The striker has signed for two more seasons!The coach stays",
    ">> All our coverage of the strike",
    "This article is reserved for subscribers. You have 60% left to read.",
    "Continue reading for €1 the first month",
    "Leave your comment and share it with the whole community",
    "Join our WhatsApp group for breaking news",
    "%d bloggers like this:",
    "back to top of page",
]

# Residue inside a line of the text, and the part of it that a finding must hold.
INLINE_RESIDUE = [
    ("Rescuers search the valley on Sunday. PIERRE MARTIN / AFP", "PIERRE MARTIN / AFP"),
    ("The ship docked at dawn © Lucie Bernard / RFI", "© Lucie Bernard / RFI"),
    ("ANALYSIS – The reform splits the majority again.", "ANALYSIS –"),
]

NATIVE_PARAGRAPHS = [
    "PARIS — The unions called a new strike for Thursday, the third this month.",
    "The offer, limited to two months for new customers, ended on Friday.",
    "He was written by critics as a has-been, and came back with two hits.",
    "Analysis of the vote shows that turnout fell in every region.",
    "Leave the car at home, the mayor told commuters on Monday.",
    "The band AC/DC played two nights in Sydney.",
    "Readers who subscribe to the paper will get the archive for free this month.",
    "More than 40,000 people subscribe to the council's weekly bulletin.",
    "She stopped paying to subscribe after the paper raised its prices.",
    "The newsletter, sent to 20,000 readers, listed the names of the dead.",
    "He signed up for the army at 17 and served two tours in Iraq.",
    "Officials declined to comment on the report.",
    "The minister would not comment.",
    "No comment, the spokesman said.",
    "His comments drew a sharp rebuke from Tehran.",
    "Twelve comments were removed by the moderators on Friday.",
    "The comment section of the ministry's website was shut down after threats.",
    "Leave aside the rhetoric, and the two sides agree on more than they admit.",
    "The advertisement ran in three national newspapers on Sunday.",
    "Advertising revenue fell by a third last year.",
    "The campaign spent $2m on television ads in the final week.",
    "The ad showed the prime minister shaking hands with the cleric.",
    "Sponsored by the ministry, the festival drew thousands of families.",
    "The regulator found that the website used cookies to track children.",
    "This website uses cookies to track users, the regulator said.",
    "Bakeries in Basra sold cookies shaped like ballot boxes.",
    "Parliament refused to accept the resignation.",
    "Users who accept all cookies are followed across dozens of sites.",
    "The photo shows a crowd gathered in Tahrir Square.",
    "Photographs of the funeral were shared widely on social media.",
    "A photo of the burning convoy was published by the militia.",
    "Getty Images bought the archive in 2019.",
    "The image, taken by a drone, shows the damaged airport road.",
    "Those who read more than one newspaper were better informed, the study found.",
    "She urged voters to read the bill before the vote.",
    "The two deaths are related, police said.",
    "Related talks in Geneva stalled on Tuesday.",
    "You may also like to know that the embassy is closed on Friday, he joked.",
    "Both countries share a border of 1,400 kilometres.",
    "He posted on Facebook that he would resign.",
    "The video was shared on Twitter more than a million times.",
    "Follow the money, the prosecutor told the jury.",
    "The app is available on Google Play and the App Store, the ministry said.",
    "Loading of the tankers resumed at 5 a.m. on Monday.",
    "The law was published on Friday after a long delay.",
    "Updated figures show more than 600 deaths since October.",
    "The date of the vote, January 10, 2020, was set by parliament.",
    "Don't miss the chance to vote, the cleric told his followers.",
    "Click here, the form said, and the money was gone.",
    "With the agencies divided, the ministry took over the inquiry.",
    "Reuters reported the strike on Friday.",
    "Agencies in Baghdad reported heavy gunfire overnight.",
    "The ratio is 3 / 4 of the vote, officials said.",
    "He shouted « go home » twice and then left the square.",
    "The protest was filmed by a drone.",
    "Share prices fell sharply in Tehran on Monday.",
    "Copyright law was changed in 2019 after a long campaign.",
    "Topics discussed included oil exports: the minister gave no figures.",
    "Like this year's budget, the plan relies on oil revenue.",
]

REPEATED_PHRASE_ARTICLE = """\
Thousands march in Baghdad to demand US exit

Protesters chanted "No, no America" as they marched through central Baghdad on Friday.

No, no America.

The crowd, many waving Iraqi flags, chanted "No, no America" again outside the embassy.

No, no America.

"We will not stop until they leave," said one protester, a 24-year-old student.

"We will not stop," he repeated.
"""

WritePack = Callable[[str, str], Path]


@cache
def auditor(language: str | None = None) -> Auditor:
    return Auditor.from_rules([PACK], builtin=False, language=language)


def findings(text: str, language: str | None = None) -> list[dict[str, Any]]:
    return auditor(language).check_text(text)["findings"]


def gold_items(seed: str | None = None) -> list[dict[str, Any]]:
    items = yaml.safe_load(GOLD.read_text(encoding="utf-8"))["items"]
    return [
        item
        for item in items
        if item["category"] == "boilerplate" and (seed is None or item["seed"] == seed)
    ]


def gold_span(text: str, item: dict[str, Any]) -> tuple[int, int]:
    start = -1
    for _ in range(item.get("occurrence", 1)):
        start = text.index(item["quote"], start + 1)
    return start, start + len(item["quote"])


def overlaps(finding: dict[str, Any], span: tuple[int, int]) -> bool:
    return finding["start"] < span[1] and span[0] < finding["end"]


def test_the_pack_validates_and_its_examples_pass(run_cli: Callable[..., Any]) -> None:
    result = run_cli("rules", "test", PACK)
    assert result.code == 0, result.stdout + result.stderr
    assert "0 failures" in result.stdout


def test_every_rule_has_flag_and_pass_examples() -> None:
    [pack] = load_packs([PACK], builtin=False)
    assert pack.id == "en.boilerplate"
    for rule in pack.rules:
        assert rule.examples["flag"] and rule.examples["pass"], rule.id
        assert rule.category == "other/boilerplate", rule.id


@pytest.mark.parametrize(
    "item", gold_items(), ids=lambda item: f"{item['seed'][:3]}:{item['quote'][:30]}"
)
def test_every_gold_boilerplate_item_is_hit(item: dict[str, Any]) -> None:
    text = (SEEDS / item["seed"]).read_text(encoding="utf-8")
    span = gold_span(text, item)
    hits = [f for f in findings(text) if overlaps(f, span) and f["severity"] == "major"]
    assert hits, item["quote"]


def test_the_native_seed_has_nothing_above_neutral_but_its_residue() -> None:
    text = (SEEDS / NATIVE_SEED).read_text(encoding="utf-8")
    spans = [gold_span(text, item) for item in gold_items(NATIVE_SEED)]
    serious = [f for f in findings(text) if SEVERITIES.index(f["severity"]) > 0]
    assert len(serious) == len(spans) == 2
    assert all(any(overlaps(f, span) for span in spans) for f in serious)
    assert all(any(overlaps(f, span) for f in serious) for span in spans)


@pytest.mark.parametrize("line", UNSEEN_RESIDUE)
def test_residue_lines_of_other_pages_are_flagged(line: str) -> None:
    text = f"{ARTICLE_START}\n\n{line}\n\n{ARTICLE_END}\n"
    start = text.index(line)
    hits = [f for f in findings(text) if overlaps(f, (start, start + len(line)))]
    assert [f["severity"] for f in hits] == ["major"], line
    assert all(ARTICLE_START not in f["text"] and ARTICLE_END not in f["text"] for f in hits)


@pytest.mark.parametrize(("line", "credit"), INLINE_RESIDUE)
def test_residue_inside_a_line_is_flagged_alone(line: str, credit: str) -> None:
    text = f"{ARTICLE_START}\n\n{line}\n\n{ARTICLE_END}\n"
    start = text.index(credit)
    hits = [f for f in findings(text) if overlaps(f, (start, start + len(credit)))]
    assert hits, line
    assert all(f["text"] in credit for f in hits), [f["text"] for f in hits]


def test_a_byline_is_neutral() -> None:
    text = f"{ARTICLE_START}\n\nBy Anna Lindqvist\n\n{ARTICLE_END}\n"
    assert [(f["rule"], f["severity"]) for f in findings(text)] == [
        ("en.boilerplate.byline", "neutral")
    ]


@pytest.mark.parametrize("paragraph", NATIVE_PARAGRAPHS)
def test_native_prose_about_the_same_things_is_not_flagged(paragraph: str) -> None:
    assert findings(paragraph, language="en") == []


def test_native_prose_as_one_article_is_not_flagged() -> None:
    assert len(NATIVE_PARAGRAPHS) >= 40
    assert findings("\n\n".join(NATIVE_PARAGRAPHS)) == []


def test_an_article_repeating_a_short_phrase_is_not_flagged() -> None:
    assert findings(REPEATED_PHRASE_ARTICLE) == []
