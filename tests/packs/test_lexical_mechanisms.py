"""Lexical families found by a mechanism rather than a phrase list: frequent French words
left in English prose (fr-en.untranslated), French public life and administration taken
literally (fr-en.gazetteer) and faux amis in the frames that force the French sense
(fr-en.false-friends).

Each family is tried on variants written for this test (none is a rule example) and on
native English that uses the same words, each sentence as an article of its own."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PACKS = [
    ROOT / "rules/en/from-fr" / name
    for name in (
        "untranslated.yaml",
        "gazetteer.yaml",
        "false-friends.yaml",
        "senses.yaml",
        "pronouns.yaml",
    )
] + [ROOT / "rules/en/boilerplate.yaml"]

UNSEEN = {
    "en.boilerplate.truncated-title": [
        "Storm Ciaran: three regions on alert as the\n\nThe wind reached 150 km/h.",
        "Budget vote tonight in the Senate and\n\nSenators will vote at 9 p.m.",
        "Transfer window: the striker signs with the\n\nThe club confirmed the deal.",
        "The minister quits.\n\nPension reform what changes for your\n\nThe law starts in May.",
        "Rugby World Cup the coach names his squad for the\n\nThe list has 33 names.",
        "2024 Olympics how to get tickets for an\n\nSales open on Monday.",
        "Wildfires in the south the firefighters battle a\n\nThe fire is contained.",
        "Paris 2024 the mayor unveils its\n\nThe plan costs 1.4 billion euros.",
        "Inflation: prices rise again in the\n\nThe index rose 0.3% in March.",
        "Tour de France a new leader takes the\n\nThe stage ended in Pau.",
    ],
    "fr-en.untranslated.french-frequent-word": [
        "The procès of the four suspects opens in June.",
        "The new coach wants a younger équipe next season.",
        "Shops in the quartier stayed shut during the riots.",
        "The jeunesse of the town gathered on the square.",
        "The problème was raised with the prefect.",
        "The voiture caught fire on the ring road.",
        "His santé worsened after the crash.",
        "The débat on pensions lasted until midnight.",
        "The pharmacie will reopen on Monday morning.",
        "The médecin on call refused to sign the certificate.",
    ],
    "fr-en.gazetteer.welfare-and-work": [
        "The nurse has been on a stop of work since March.",
        "Doctors issued fewer stops of work last year.",
        "The association works on the professional insertion of refugees.",
        "Social and professional insertion is the charity's aim.",
        "Many miners chose a professional reconversion after the closure.",
        "The income of active solidarity rises by 4.6% in April.",
        "Pensioners on the old-age minimum get a bonus.",
        "He lost his Vitale card on the train.",
        "Register with the employment pole within a week.",
    ],
    "fr-en.gazetteer.schools-and-exams": [
        "Over 800,000 pupils sit the patent of colleges this week.",
        "He failed the college patent twice.",
        "Graduates of the grand schools dominate the civil service.",
        "The school of commerce in Reims raised its fees.",
        "Commerce schools now recruit abroad.",
        "A professor of schools in Lille was suspended.",
        "The rectorate announced extra teachers for the autumn.",
        "The academy of Versailles reported two cases.",
        "Teachers of the academy of Nantes went on strike.",
        "Two schools of engineers will merge next year.",
    ],
    "fr-en.gazetteer.justice-and-parliament-terms": [
        "The two hikers were prosecuted for non-assistance to a person in danger.",
        "The court condemned to perpetuity the man who shot the officer.",
        "Prosecutors asked for real perpetuity for the attacker.",
        "The public ministry has requested a suspended sentence.",
        "The public ministry demanded a five-year ban.",
        "The finances commission rejected the amendment.",
        "Deputies of the commission of laws heard the minister.",
        "The text was adopted in Council of Ministers on Monday.",
        "An incompressible perpetuity was handed down in Paris.",
        "The commission of the finances meets on Tuesday.",
    ],
    "fr-en.gazetteer.sport-competitions": [
        "Monaco reached the final of the Cup of the League.",
        "He became champion of France at 19.",
        "The championship of France of cyclo-cross takes place in Quelneuc.",
        "The Tour of Spain starts in Lisbon this year.",
        "PSG won the Trophy of Champions in Tel Aviv.",
        "Benzema received the Ball of Gold in 2022.",
        "Spain host the Euro of basketball qualifiers.",
        "The Worlds of athletics open in Tokyo.",
        "They were crowned champions of France after a penalty shoot-out.",
        "Norway won the Euro of handball for women.",
    ],
    "fr-en.gazetteer.offices-and-ranks": [
        "She was director of the cabinet of the prime minister for two years.",
        "The general direction of customs seized 3 tonnes of tobacco.",
        "Agents of the general direction of external security were expelled.",
        "The president director general of the airline apologised.",
        "The director of the redaction of Libération left the paper.",
        "The chief redactor of the weekly was fired.",
        "The wise men of the Constitutional Council struck down the article.",
        "The Superior Council of the Magistracy gave its opinion.",
        "The general inspection of the national police was seized of the case.",
        "A marshal of the lodgings died in the crash of the helicopter.",
    ],
    "fr-en.senses.reporting-and-deciding": [
        "The prosecutor evoked the track of a settling of scores.",
        "She evokes a provisional toll of twelve dead.",
        "Several ministers evoked the hypothesis of a reshuffle.",
        "The opposition salutes the release of the hostages.",
        "Brussels saluted the adoption of the text.",
        "The report pleads for a lowering of the speed limit.",
        "He has long pleaded for a European tax on kerosene.",
        "The retained scenario foresees a deficit of 5%.",
        "The storm is susceptible to cause flooding in the valley.",
        "Four candidates are susceptible of being elected.",
        "The king pronounced a speech before the two chambers.",
    ],
    "en.boilerplate.page-controls": [
        "The mayor resigned.\n\nTo discover also\n\nThe council met.",
        "In the same section",
        "Also discover:",
        "Our editorial team recommends",
        "REPORT AN ERROR",
        "Ouest-France with AFP",
        "Key words: floods, Somme, rain",
        "[Photos] The storm in the Var",
        "Enlarge the image",
        "Your browser does not support the audio element.",
    ],
    "en.boilerplate.markup-residue": [
        '<img src="storm.jpg" alt="The storm">',
        "The mayor spoke.</p>",
        '<div class="caption">The mayor</div>',
        'The storm hit the coast. alt="Waves on the pier"',
    ],
    "fr-en.pronouns.body-owns-his": [
        "The prefecture indicated in her communiqué that the road was closed.",
        "The airline posted the new timetable on her website.",
        "The group will move his headquarters to Lyon.",
        "The bank informed his shareholders of the loss.",
        "The company cut her workforce by a tenth.",
        "The federation published on his official account a list of names.",
        "The association announced on her social networks that it would sue.",
        "The broadcaster raised his turnover by 4%.",
        "The university will sell part of his premises.",
        "The insurer sent a letter to his shareholders in May.",
    ],
    "fr-en.untranslated.french-determiners": [
        "Police questioned les witnesses near the station.",
        "The prices des apartments rose again in Lyon.",
        "She is the director du museum since 2019.",
        "He scored une goal in the second half.",
        "The fans waved ses flags in the stands.",
        "The farmers lost une harvest in the storm.",
        "The coach praised ses players after the win.",
        "The ministers met une delegation on Friday.",
        "The mayor thanked vous all for coming.",
        "The plan is ambitious, mais the money is missing.",
    ],
    "fr-en.senses.rewritten-cognates": [
        "Poverty is not a fatality, the report concludes.",
        "For the coach, the defeat is not a fatality.",
        "The villagers refused the fatality of the floods.",
        "Soldiers entered the locality of Kumba at dawn.",
        "Fighting spread to the localities of Ngo and Pama.",
        "They fled to a locality called Mile 16.",
        "Shots were heard in the locality of Bui.",
        "It is not an inevitable fatality, the mayor insists.",
        "Heavy rain flooded the localities of Bafia and Ombessa.",
        "Two mortal crashes on the A7 this weekend.",
        "The mortal fire started in a kitchen.",
        "Saint-Étienne scored in the supplementary minutes.",
        "The prefect asked for supplementary gendarmes.",
    ],
    "fr-en.senses.dictionary-faux-amis": [
        "Greenpeace activists entered the nuclear central of Tricastin.",
        "Germany closed its last nuclear centrals in 2023.",
        "The coal central of Cordemais will close in 2027.",
        "Leclerc and Système U share a purchasing central.",
        "The new collective convention raises wages by 3%.",
        "The concert is reported to next year.",
        "The hearing was reported to next month at the request of the defence.",
        "The summit has been reported sine die.",
        "The vote will be reported to a later date.",
        "Unions want to renegotiate the collective conventions.",
    ],
    "fr-en.untranslated.french-elision": [
        "The prefect praised l'action of the firefighters.",
        "He spoke of l'histoire of the town.",
        "Victims d'agressions can call this number.",
        "The mayor said qu'elle would resign.",
        "Residents n'ont no water since Monday.",
        "The report on l'immigration is due in June.",
        "The price d'un ticket rose to 2 euros.",
        "The law protects l'environnement of the coast.",
        "The head of l'hôpital resigned.",
        "They met at l'école on Friday.",
    ],
    "fr-en.untranslated.sport-words": [
        "Thierry Henry named his Bleuets for the Games.",
        "The Bleuettes won the under-17 World Cup.",
    ],
}

NATIVE = [
    "They dined en famille at the farmhouse.",
    "The chanson she sang was written in 1962.",
    "He offered a brief aperçu of the plan.",
    "The entrée was served with a light sauce.",
    "Such fashions are passé in Milan.",
    "The milliard is an old word for a thousand million.",
    "His clothes were outre and his manners worse.",
    "The Famille Perrin estate sells wine in forty countries.",
    "Quartier Latin is the name of the bookshop.",
    "L'Équipe reported the transfer on its front page.",
    "The strike caused a work stoppage at three plants.",
    "The reconversion of the old barracks into housing is complete.",
    "He holds a chair at the Rotman School of Commerce.",
    "The Rectorate of the University of Zagreb met on Friday.",
    "The Academy of Sciences elected two women this year.",
    "The trust will hold the land in perpetuity.",
    "Paul's public ministry lasted about thirty years.",
    "The Law Commission recommended reform of the statute.",
    "Liverpool won the League Cup at Wembley.",
    "She trained hard for the French championship in Albi.",
    "The wind rose and the\nrain began before dawn.\n\nThe roads were shut.",
    "The minister resigned.\n\nShe thanked her staff and the",
    "Storm Ciaran: three regions on alert.\n\nThe wind reached 150 km/h.",
    "The redaction of the memo took a week.",
    "A cabinet director in Tokyo named the new chief of staff.",
    "The brigadier general inspected the lines.",
    "The film evokes the idea of loss.",
    "The cadets saluted the general as he passed.",
    "She pleaded for her son's life.",
    "The team retained its place in the league.",
    "Old pipes are susceptible to corrosion and to change.",
    "How do you pronounce his name?",
    "Pupils learn to read and to discover the world.",
    "He lives on the same street as the mayor.",
    "She works with AFP in Nairobi and with Reuters in Lagos.",
    "The close of trading came early.",
    "Turnout was < 40% in the city and > 60% in the villages.",
    "The company said its founder had sold his shares.",
    "The club fined the player, who apologised on his website.",
    "The court heard that the boss had hidden cash in his premises.",
    "The ministry said Dupont had left his post.",
    "We ate at the Café des Arts near the Rue du Bac.",
    "The race ends in Saint-Jean-de-Luz after Aix-les-Bains.",
    "She ordered the soup du jour and a glass of wine.",
    "Les Misérables opened in London in 1985.",
    "His son won a medal at the des res sale.",
    "The pile-up caused one fatality and four injuries.",
    "Police said there was no fatality in the crash.",
    "The theft was reported to police next week, the insurer said.",
    "Central banks met in Basel.",
    "The painter loved trompe l'oeil and the poets of the langue d'oc.",
    "D'you think d'Artagnan ate hors d'oeuvres at L'Auberge?",
    "All men are mortal, and the wound proved mortal.",
    "The report has a supplementary appendix.",
    "Shops in the locality closed early.",
    "Its proprietary chips power the new phone.",
    "He wrote, signed and sent the\n\nletter the next day.",
]


@pytest.mark.parametrize(
    ("sentence", "rule"), [(sentence, rule) for rule, items in UNSEEN.items() for sentence in items]
)
def test_an_unseen_variant_of_the_family_is_flagged(
    translated_findings, sentence: str, rule: str
) -> None:
    assert rule in {f["rule"] for f in translated_findings(sentence, *PACKS)}


@pytest.mark.parametrize("sentence", NATIVE)
def test_native_english_with_the_same_words_stays_quiet(translated_findings, sentence: str) -> None:
    assert {f["rule"] for f in translated_findings(sentence, *PACKS)} == set()
