"""Families that generalise: French public life, justice, weather, schools and sport taken
literally (fr-en.gazetteer), words given the wrong sense (fr-en.senses), French left in
(fr-en.untranslated) and pronouns that follow French gender (fr-en.pronouns).

Each family is tried on variants written for this test (none is a rule example) and on
native English that uses the same words, each sentence as an article of its own."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PACKS = [
    ROOT / "rules/en/from-fr" / name
    for name in ("gazetteer.yaml", "senses.yaml", "untranslated.yaml", "pronouns.yaml")
]

UNSEEN = {
    "fr-en.gazetteer.juvenile-justice": [
        "The boy, 14, was sent before a children's judge in Créteil.",
        "Two minors appeared before the court for children on Monday.",
        "A tribunal for children will try the three girls.",
    ],
    "fr-en.gazetteer.criminal-procedure": [
        "Prosecutors opened a flagrance investigation for murder.",
        "The flagrant investigation was turned into a preliminary inquiry.",
        "A judicial information was opened for aggravated theft.",
        "The woman faces trial for slanderous denunciation.",
        "The gang stole cars in organized band across three regions.",
        "Four men were indicted for association of malefactors.",
        "The verdict will be delivered in public hearing next week.",
        "The driver was auditioned by the gendarmes on Tuesday.",
        "The suspect was deferred before a judge in Nanterre.",
        "She remains under judicial control until the trial.",
    ],
    "fr-en.gazetteer.police-units": [
        "Investigators of the research brigade questioned the farmer.",
        "The criminal brigade of Paris took over the inquiry.",
        "The narcotics brigade seized two kilos of cocaine.",
        "Agents of the minors brigade heard the child.",
        "A patrol of the anti-crime brigade was attacked.",
    ],
    "fr-en.gazetteer.weather-warnings": [
        "Météo-France placed the Var in red vigilance for rain.",
        "Twelve departments remain in yellow vigilance for snow.",
        "The storm vigilance was lifted at 6 a.m.",
        "A heatwave vigilance covers the whole south-east.",
        "The Gironde was placed on vigilance on Thursday evening.",
        "After an episode of floods, the rivers are still high.",
        "A stormy episode will hit the Alps this weekend.",
        "The decline of the waters is slow in the Somme.",
        "The mayors asked for the state of natural disaster.",
        "Floods hit the valley again; the decline is expected on Sunday.",
    ],
    "fr-en.gazetteer.local-government-and-elections": [
        "The intermunicipality voted a new waste plan.",
        "The prefectoral arrest bans fireworks until Monday.",
        "He lost his seat in the legislatives of 2022.",
        "The senatorials take place in September.",
        "She prepares the presidential of 2027 with her team.",
        "The socialists will vote the censorship, their leader said.",
        "A censorship motion was tabled by the left.",
        "Only 40 deputies voted for censorship.",
        "Presidents of communities of communes met the prefect.",
        "The minister lied to the national representation, the opposition said.",
    ],
    "fr-en.gazetteer.parliament-procedure": [
        "The law proposal on end-of-life care returns to the Senate.",
        "The finance law for 2025 was adopted without a vote.",
        "The government fell after a motion of defiance.",
        "The prime minister will engage the responsibility of the government on Monday.",
        "Her desistment in favour of the left-wing candidate surprised the party.",
        "The candidate desisted in favour of the mayor.",
        "He received the investiture of the party for the Senate.",
        "The minister delegate for Europe flew to Kyiv.",
        "The boss of the French diplomacy met his Chinese counterpart.",
        "The federal parquet is in charge of the terror case in Brussels.",
    ],
    "fr-en.gazetteer.weather-forecast": [
        "The clearings will return in the west by noon.",
        "Stormy degradations are expected over the Pyrenees.",
        "The south-east quarter stays dry and hot.",
        "The maximals reach 38°C in the Rhône valley.",
        "Nights stay fresh for the season in the east.",
        "A rainy perturbation arrives from the Atlantic.",
    ],
    "fr-en.gazetteer.football-match": [
        "The Elephants play the eighths of final on Sunday.",
        "Morocco won the phase of groups without losing.",
        "The outward match ended in a goalless draw.",
        "The young striker was titular for the third time.",
        "He was titularised against Ghana.",
        "Mali opened the score from the penalty spot.",
        "Just back from the locker room, the hosts scored again.",
        "The equalisation came from a corner.",
        "The team reached the quarters of final for the first time.",
        "The coach kept the same titular players.",
    ],
    "fr-en.gazetteer.tax-and-economy": [
        "The bank helped clients hide money in fiscal paradises.",
        "The minister wants to cut tax niches worth 5 billion.",
        "Fiscal fraud costs the state billions every year.",
        "The tariff shield capped power bills at 4%.",
        "The group announced a social plan; 300 jobs will go.",
        "Partial unemployment was extended for the airline staff.",
        "Big distribution is under pressure to cut prices.",
        "Savers withdrew money from their booklet A.",
        "The left wants to return to the 35 hours.",
        "Health insurance primes keep rising in Geneva.",
    ],
    "fr-en.gazetteer.courts-and-sentences": [
        "The facts date back to the night of 3 March.",
        "At the time of the facts, the victim was alone.",
        "The young man admitted the facts before the judge.",
        "He was sentenced for facts of domestic violence.",
        "The prevented told the court he was sorry.",
        "The case was closed without follow-up in 2019.",
        "The shopkeeper invoked legitimate defense.",
        "Two men were tried for blows and injuries.",
        "The teenager remains in provisional detention.",
        "Migrants were held at the retention centre in Vincennes.",
    ],
    "fr-en.gazetteer.prosecutor-requires": [
        "The prosecutor required eight years in prison for the driver.",
        "The prosecution required life imprisonment for the killer.",
    ],
    "fr-en.gazetteer.terms-of-office": [
        "The mayor will not seek a fourth term; his third mandate ends in 2026.",
        "At the end of her mandate, she left politics.",
        "Matignon and the executive want a deal before Christmas.",
        "The President of the Republic, Emmanuel Macron, spoke from the Élysée.",
        "The country heads to anticipated elections in June.",
        "The political rentrée starts with a union rally.",
        "The passation of powers took place on Monday.",
        "The left used its parliamentary niche to table the bill.",
        "The adjoint to the mayor resigned over the scandal.",
        "The council voted a deliberation on parking fees.",
    ],
    "fr-en.gazetteer.polls-provinces-and-belgian-justice": [
        "The Liberals lose three points of percentage.",
        "The Prime Minister of Quebec François Legault resigned.",
        "The suspect was placed under arrest warrant by the judge.",
        "Police dismantled a deal point in Molenbeek.",
    ],
    "fr-en.gazetteer.pollster-as-firm": [
        "The survey by the institute Ipsos was published on Sunday.",
        "A new poll from the Elabe institute shows the gap closing.",
    ],
    "fr-en.gazetteer.sport-levels": [
        "The selector announced his list for the World Cup, the striker said.",
        "The goalkeeper slipped on the lawn in the first half.",
        "The midfielder won the meeting against Lyon almost alone.",
        "Many binationals play for Morocco, the UEFA official said.",
    ],
    "fr-en.senses.school-and-teaching": [
        "The physics professor was suspended after a pupil complained.",
        "The pupils paid tribute to their professor in the courtyard.",
        "Three college students were hurt; the pupils' parents are angry.",
        "The schoolgirl told police that the college was closed that day.",
        "A maths professor at the collège was threatened by a pupil.",
        "The headteacher said the pupils had a course on secularism.",
        "The pupils and professors observed a minute of silence.",
    ],
    "fr-en.senses.media-and-broadcast": [
        "The mayor spoke on a television emission on Sunday.",
        "The guest of the emission walked off the set.",
        "The continuous news chain LCI broke the story.",
        "The TV chains will broadcast the debate live.",
        "The assistance rose to applaud the actress.",
        "The comedian tours with her new spectacle this autumn.",
        "The journal Le Figaro published the letter.",
    ],
    "fr-en.senses.money-and-benefits": [
        "Employers can pay an exceptional prime free of tax.",
        "The energy check reaches 5.8 million households.",
        "Unemployment allocations will be cut for the young.",
        "Small firms pay fewer social charges.",
        "The salaried of the plant learnt the news by email.",
        "The insured can choose a higher franchise to pay lower premiums.",
        "Patients in the valley have no generalist doctor.",
        "The electricity note will rise by 10% in February.",
    ],
    "fr-en.senses.stay-and-quantities": [
        "The investors rest cautious after the vote.",
        "The suspect rests at large, the police said.",
        "The child remains untraceable after ten days.",
        "A quarantine of countries signed the text.",
        "Protesters were numerous to defy the ban.",
        "The leader was criticised by her proper party.",
        "The personal of the prison walked out.",
        "Car location prices doubled this summer.",
    ],
    "fr-en.senses.one-word-senses": [
        "The ministers will decide on the sort of the migrants.",
        "The reprise of negotiations is expected in January.",
        "The economic reprise is slower than forecast.",
        "All tracks are explored, the prosecutor said.",
        "Police favour the track of a settling of scores.",
        "At the issue of the vote, the deputies left the chamber.",
        "At the term of a long trial, he was acquitted.",
        "The Belgian justice refused his extradition.",
        "The man, pursued by justice for fraud, fled to Dubai.",
        "The unions are not consulted on this file.",
    ],
    "fr-en.senses.faux-amis-in-frames": [
        "The writer gave a conference at the university on Monday.",
        "The precedent season ended in relegation.",
        "Ireland confirmed its reconnaissance of the state of Palestine.",
        "The price of essence fell below 1.70 euros.",
        "The meeting lasted three quarts of an hour.",
        "The inscription fees rise by 10% at university.",
        "Two million foyers will receive the aid.",
        "The midfielder saw a yellow carton for a late tackle.",
        "In all franchise, I did not expect to win, the coach said.",
        "The researchers carried out an experience on rats.",
    ],
    "fr-en.senses.challenged-for-arrested": [
        "Gendarmes challenged about 40 people at the rave.",
        "Eight rioters were challenged during the night.",
    ],
    "fr-en.untranslated.latin-and-french-phrases": [
        "The bill passed in extremis on Friday night.",
        "The police evacuated the camp manu militari.",
        "Grosso modo, the budget is balanced.",
        "The tenants were, a priori, not informed.",
        "Prices in Paris intra-muros fell by 2%.",
    ],
    "fr-en.untranslated.acronyms": [
        "The ivorian striker dreams of winning the CAN at home.",
        "The JO of Paris cost 9 billion euros.",
        "He died of an AVC in 2019.",
        "The PDG of the group resigned.",
    ],
    "fr-en.untranslated.sport-words": [
        "The coach of the Espoirs picked four new players.",
        "Our prono for the weekend is online.",
    ],
    "fr-en.pronouns.animal-parts": [
        "The fossil shows a small dinosaur; his tail was a metre long.",
        "The paleontologist says the reptile used his claws to dig.",
    ],
    "fr-en.pronouns.party-sees-his": [
        "The CAQ, who saw his lead vanish, changed leader.",
        "The company, who doubled his profits, paid no tax.",
    ],
}

NATIVE = [
    "The Children's Court of Victoria heard the case.",
    "The juvenile court judge ordered counselling.",
    "The flagrant abuse of power shocked the judges.",
    "Courts share judicial information systems across states.",
    "He auditioned for the band in 1998.",
    "The Senate deferred to the court on the question.",
    "The fire brigade and the army brigade trained together.",
    "Police called for vigilance after the bomb scare.",
    "The decline in sales worried investors after the floods of 2021.",
    "In the final episode, the detective retires.",
    "The government declared a natural disaster after the floods.",
    "The censorship of books in schools is growing, librarians say.",
    "The next presidential election is in 2028.",
    "The bill was sent to a joint committee of both houses.",
    "The bishop's investiture took place in the cathedral.",
    "A triangular garden lies behind the house.",
    "Farmers made clearings in the forest.",
    "The refugees found shelter under a bridge.",
    "The selector named three spinners for the Test series.",
    "He mowed the lawn before the barbecue.",
    "The professor of history at Oxford published a book on Rome.",
    "She met college students at a career fair in Boston.",
    "Carbon emissions from the plant fell by 8%.",
    "The supply chain was disrupted by the strike.",
    "The lawyers offered free legal assistance.",
    "The fireworks were a spectacle for the whole town.",
    "The journal Science published the study.",
    "The franchise owner opened a second shop.",
    "Salaried workers pay income tax at source.",
    "Rest assured that we will refund you.",
    "The cruise ship was put in quarantine in Yokohama.",
    "He found his proper place in the orchestra.",
    "Personal data of millions of users leaked.",
    "She took the stage to loud applause.",
    "What sort of help do the victims need?",
    "The band's reprise of the chorus closed the show.",
    "The runners lapped the track twice.",
    "He raised the issue of the vote at the meeting.",
    "The justice of the peace married them.",
    "Save the file before you close it.",
    "The coach challenged ten players to beat the record.",
    "Kant argued for a priori knowledge.",
    "He can swim and he CAN win.",
    "The dog wagged his tail at the door.",
    "Voters backed Smith, who increased his lead.",
    "The Espoir Foundation opened a clinic.",
    "The quarter-finals start on Friday in Abidjan.",
    "He is the titular head of the party.",
    "The fiscal year ends in March.",
    "The facts of the case are not in dispute.",
    "He felt relaxed after the verdict.",
    "The job required two years of experience.",
    "The UN mandate of the peacekeepers ends in June.",
    "The executive director of the charity resigned.",
    "The President of the Republic of Ireland opened the session.",
    "The firm's partners met in London.",
    "The press conference lasted an hour.",
    "The court set a precedent for other cases.",
    "Scouts went on a reconnaissance mission.",
    "She drank a quart of milk.",
    "The essence of the plan is simple.",
    "The foyer of the theatre was packed.",
    "The experience of war changed him.",
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
