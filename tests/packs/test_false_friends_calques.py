"""The French->English false-friend and calque packs.

Every lexicon entry must fire on a sentence written for it, every pattern
rule on its sentences, native English using the same words must stay
quiet, and the packs must flag the false friends and calques of the sample
articles while leaving the native article (seed 002) alone.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from audit import Auditor
from audit.engine.packs import load_packs
from audit.rulebook.packs import Rule

ROOT = Path(__file__).resolve().parents[2]
FALSE_FRIENDS = ROOT / "rules" / "en" / "from-fr" / "false-friends.yaml"
CALQUES = ROOT / "rules" / "en" / "from-fr" / "calques.yaml"
SEEDS = ROOT / "seeds"
PACKS = {pack.id: pack for pack in load_packs([FALSE_FRIENDS, CALQUES], builtin=False)}

FALSE_FRIEND_SENTENCES = {
    "conspire": "Supporters gathered to conspire the president outside the stadium.",
    "conspires": "Every week the crowd conspires the government in the main square.",
    "conspired": "Students conspired the minister during his visit.",
    "conspiring": "Fans were conspiring the referee at half-time.",
    "manifestation": "A manifestation against the new law was held in Nantes.",
    "manifestations": "Manifestations took place in several cities.",
    "manifest against": "Teachers will manifest against the cuts on Tuesday.",
    "manifests against": "The union manifests against the reform every Thursday.",
    "manifested against": "Farmers manifested against the trade deal.",
    "manifesting against": "Thousands are manifesting against the government.",
    "manifested in the streets": "Young people manifested in the streets of Algiers.",
    "manifestant": "A manifestant was hit by a rubber bullet.",
    "manifestants": "The manifestants marched to parliament.",
    "syndicate": "The police syndicate denounced the attack.",
    "syndicates": "The main syndicates of teachers called a strike.",
    "syndical": "The syndical leaders met the minister.",
    "intersyndical": "The intersyndical called a new day of strikes.",
    "intersyndicale": "The intersyndicale rejected the offer.",
    "revendication": "The group issued a revendication of the attack.",
    "revendications": "The strikers listed their revendications.",
    "revendicated": "The jihadist group revendicated the attack.",
    "revendicates": "The movement revendicates higher wages.",
    "reclaim": "Protesters reclaim the departure of the president.",
    "reclaims": "The opposition reclaims the release of political prisoners.",
    "reclaimed": "The families reclaimed the withdrawal of the troops.",
    "reclaiming": "Workers are reclaiming wage increases.",
    "resigned": "The resigned government handles current affairs.",
    "actual": "The actual mayor, Anne Martin, is running again.",
    "ancient": "The ancient president was sentenced to five years.",
    "scrutiny": "Turnout was low in the municipal scrutiny.",
    "instances": "The international instances condemned the coup.",
    "tribune": "In a tribune published on Sunday, fifty doctors called for action.",
    "polemic": "The remark triggered a new polemic in parliament.",
    "reunion": "The ministers held an emergency reunion on Sunday.",
    "engaged": "The singer is known for his engaged songs.",
    "engage": "The workers plan to engage legal proceedings against the firm.",
    "engagements": "The country has not respected its engagements on climate.",
    "militaries": "Four militaries were wounded in the explosion.",
    "a military": "A military was killed by a sniper.",
    "civils": "The rockets killed five civils.",
    "responsible of": "She is responsible of the security of the site.",
    "responsibles": "Local responsibles met the prefect.",
    "collectivities": "Local collectivities will receive more funds.",
    "collectivity": "The territorial collectivity voted its budget.",
    "proximity": "The minister promised more proximity police.",
    "subvention": "The club receives a subvention from the region.",
    "subventions": "Farm subventions will be cut.",
    "subventioned": "The subventioned theatre closed.",
    "interpellated": "Police interpellated eight suspects at dawn.",
    "interpellation": "His interpellation took place at the airport.",
    "interpellations": "The night ended with twenty interpellations.",
    "sanitary": "The sanitary situation worsened in the camps.",
    "retire": "Paris decided to retire its troops from Mali.",
    "retires": "The party retires its support for the bill.",
    "retired": "The mayor retired his complaint.",
    "pretends": '"We did nothing wrong", pretends the company.',
    "pretended": '"The strike is illegal", pretended the director.',
    "pacific": "Organisers called for a pacific rally on Saturday.",
    "identity control": "He was arrested after an identity control in the metro.",
    "control of identity": "Police carried out a control of identity at the exit.",
    "controls of identity": "Controls of identity increased near the border.",
    "controlled positive": "The rider was controlled positive to a steroid.",
    "controlled positively": "The swimmer was controlled positively in June.",
    "police control": "The driver fled a police control near Lille.",
    "routine control": "The lorry was stopped for a routine control.",
    "controlled at": "The driver was controlled at 190 km/h on the motorway.",
    "instruction judge": "An instruction judge is handling the case.",
    "instruction judges": "Two instruction judges were appointed.",
    "judge of instruction": "The judge of instruction heard the witness.",
    "moral prejudice": "The court awarded damages for moral prejudice.",
    "repair the prejudice": "The company must repair the prejudice caused to residents.",
    "compensate the prejudice": "The state must compensate the prejudice suffered by the family.",
    "caution of": "He was released against a caution of 5,000 euros.",
    "audience": "The audience before the court lasted four hours.",
    "avocado": "The avocado of the family demanded an inquiry.",
    "avocados": "The avocados of the defendant appealed.",
    "seize": "The opposition will seize the Constitutional Council.",
    "seizes": "The union seizes the courts to block the plan.",
    "seized": "Residents seized the justice over the noise.",
    "seizing": "By seizing the Council of State, the mayor hopes to win.",
    "molested": "A photographer was molested by demonstrators.",
    "injuries": "The player received racist injuries from the stands.",
    "injury": "He was fined for a homophobic injury against a referee.",
    "injuries and threats": "The mayor received injuries and threats on social media.",
    "author of the": "The author of the shooting was arrested.",
    "authors of the": "The authors of the robbery escaped.",
    "implicated in": "Three vehicles were implicated in the accident.",
    "expertise": "The lawyer requested a new expertise.",
    "counter expertise": "The family asked for a counter-expertise.",
    "lecture of the": "The lecture of the verdict lasted an hour.",
    "voluntary homicide": "He was convicted of voluntary homicide.",
    "involuntary homicide": "The driver faces a charge of involuntary homicide.",
    "voluntary fire": "Investigators suspect a voluntary fire.",
    "blessed": "Two passers-by were slightly blessed.",
    "circulation": "Circulation was interrupted on the ring road.",
    "conductor of the": "The conductor of the truck was drunk.",
    "prevent": "Her task was to prevent the family as soon as possible.",
    "prevents": "The system prevents the firefighters by text.",
    "prevented": "A neighbour prevented the police, who arrived quickly.",
    "advertise": "Remember to advertise the authorities of any change.",
    "advertised": "The guard advertised the police at once.",
    "formation": "He completed a vocational formation in carpentry.",
    "library": "The memoir arrives in library on Thursday.",
    "libraries": "The book is on sale in libraries.",
    "licensed": "The factory licensed 120 workers last year.",
    "rentable": "The plant is no longer economically rentable.",
    "rentability": "Investors doubt the rentability of the line.",
    "concurrence": "Local shops face fierce concurrence from online giants.",
    "concurrents": "The airline lost clients to its concurrents.",
    "concurrent": "It lost market share to its main concurrent.",
    "patron": "The patron of the bank announced job cuts.",
    "patrons": "The patrons of the CAC 40 met the president.",
    "cabinet": "She joined a consulting cabinet in London.",
    "assurance": "Car assurance prices are rising.",
    "rejected the application": "The ministry categorically rejected the application, calling it "
    "unacceptable.",
    "rejects the application": "The government firmly rejects the application.",
    "refused the application": "The president bluntly refused the application.",
    "turned down the application": "Washington flatly turned down the application on Monday.",
    "disposes of": "The party disposes of a comfortable majority in the assembly.",
    "dispose of": "The regions dispose of a budget of two billion.",
    "disposing of": "Disposing of an absolute majority, the government passed the law.",
    "conjuncture": "The economic conjuncture remains difficult.",
    "fabrication of": "The factory switched to the fabrication of masks.",
    "petrol": "The country has huge petrol reserves.",
    "important": "The floods caused important damage.",
    "consequent": "The club paid a consequent sum for the striker.",
    "abusive": "He won his case for abusive dismissal.",
    "mark": "The luxury mark opened a shop in Tokyo.",
    "marks": "Clothing marks are moving production to Europe.",
    "particular": "He bought the car from a particular.",
    "particulars": "The platform lets particulars and companies rent rooms.",
    "the proprietary of": "The proprietary of the flat refused to repair it.",
    "proprietaries": "The proprietaries of the building were fined.",
    "private propriety": "The land is private propriety.",
    "propriety of the": "The castle is the propriety of the state.",
    "reclamation": "She filed a reclamation with the airline.",
    "reclamations": "Customer reclamations doubled this year.",
    "publicity": "The brand paid for a publicity spot during the final.",
    "grade of": "He was promoted to the grade of colonel.",
    "scholar": "The scholar year starts in September.",
    "monitor": "Her ski monitor broke his leg.",
    "monitors": "Driving monitors are in short supply.",
    "station": "The ski station opened early this year.",
    "stations": "Seaside stations are full in August.",
    "retreat": "Unions oppose the retreat reform.",
    "retreats": "The reform of the retreats sparked strikes.",
    "isolation of": "The state funds the isolation of homes.",
    "direction of the": "The direction of the factory denied the claims.",
    "disposition": "The minister put his car at the disposition of the family.",
    "dispositions": "The dispositions of the treaty take effect in May.",
    "experiences": "Laboratories conducted experiences on monkeys.",
    "within a delay of": "Payment must be made within a delay of 30 days.",
    "within the delays": "The work was finished within the delays.",
    "respect the delays": "Contractors must respect the delays.",
    "delay of": "Buyers have a delay of reflection of ten days.",
    "deception": "To our great deception, the concert was cancelled.",
    "deceptions": "The fans voiced their deceptions after the defeat.",
    "deceived": "The coach said he was very deceived by the result.",
    "deceiving": "Lyon had a deceiving start to the season.",
    "sympathetic": "It is a sympathetic restaurant near the port.",
    "sensible": "The minister avoided sensible topics.",
    "sensibly": "Sales were sensibly lower in March.",
    "preoccupation": "Unions voiced their preoccupation over job cuts.",
    "preoccupations": "The mayor shared the preoccupations of residents.",
    "preoccupying": "Doctors describe a preoccupying trend.",
    "formidable": "Thanks for a formidable evening!",
    "fastidious": "Sorting the archives was fastidious work.",
    "versatile": "Candidates court versatile voters.",
    "comprehensive with": "The teacher was very comprehensive with the pupils.",
    "comprehensive towards": "The boss was comprehensive towards his staff.",
    "enervated": "The players were getting enervated by the delays.",
    "derange": "I am sorry to derange you so late.",
    "deranges": "The noise deranges the neighbours every night.",
    "emotion": "The murder provoked a strong emotion in the village.",
    "primordial": "It is primordial that everyone votes.",
    "determinant": "Women played a determinant role in the revolt.",
    "rude": "The closure is a rude blow for the town.",
    "affluence": "Museums expect an affluence of visitors.",
    "souvenir": "The village keeps a painful souvenir of the flood.",
    "surname": 'He earned the surname "the Bulldozer" in parliament.',
    "surnamed": 'The striker, surnamed "The Panther", scored twice.',
    "an evidence": "For the coach, victory is an evidence.",
    "the opportunity of": "Experts doubt the opportunity of such a measure.",
    "interrogations": "The accident raises interrogations about safety.",
    "actually": "The suspect is actually hospitalised in Marseille.",
    "eventual": "The law protects staff against eventual reprisals.",
    "actuality": "The show covers international actuality.",
    "actualised": "Officials actualised the figures at noon.",
    "actualized": "The ministry actualized its forecasts.",
    "actualise": "The site will actualise the list every hour.",
    "actualize": "Staff must actualize the data each week.",
    "actualises": "The agency actualises its estimates daily.",
    "actualizes": "The app actualizes the map in real time.",
    "vacancies": "Many families go on vacancies in July.",
    "journey of": "Unions announced a journey of mobilisation on Thursday.",
    "had chance": "Nobody was hurt; we had chance.",
    "has chance": "The driver has chance, he survived.",
    "have chance": "You have chance that the shop is open.",
    "by hazard": "Police found the weapon by hazard.",
    "apparition": "Since the apparition of the virus, tourism has collapsed.",
    "inconvenients": "The plan has many inconvenients.",
    "inconvenient": "The only inconvenient is the noise.",
    "tentatives": "Several tentatives of escape failed.",
    "tentative": "He was arrested for a murder tentative.",
    "mannequin": "The top mannequin walked for Dior.",
    "sportive": "The town invested in sportive facilities.",
    "prolongations": "The final went to prolongations.",
    "prolongation": "Marseille scored in prolongation.",
    "terrain": "The rugby terrain was flooded.",
    "mediatic": "The trial became a mediatic circus.",
    "mediatised": "It was a highly mediatised trial.",
    "mediatized": "The very mediatized case ended in acquittal.",
    "regretted": "The festival honours the regretted Johnny Hallyday.",
    "the unique currency": "Estonia adopted the unique currency in 2011.",
    "balance": "The official balance is 40 dead.",
    "food intoxication": "Ten guests suffered food intoxication.",
    "alimentary intoxication": "An alimentary intoxication hit the school.",
    "occupy": "Grandparents occupy themselves of the children.",
    "occupies": "A nurse occupies herself of the patients.",
    "occupied": "The aunt occupied herself of the funeral.",
    "occupying": "Occupying himself of the farm, he never travelled.",
    "support": "Older people cannot support the heat.",
    "defended to": "It is strictly defended to feed the animals.",
    "demand": "Parents demand them to apologise.",
    "demands": "The coach demands us to run every day.",
    "demanded": "The officer demanded her to show her papers.",
    "ignore": "Investigators still ignore why the plane fell.",
    "ignores": "The police ignores the identity of the victim.",
    "ignored": "Rescuers still ignored whether anyone survived.",
    "assist at": "Fans came to assist at the final.",
    "assists at": "The president assists at the parade every year.",
    "assisted at": "Thousands assisted at the funeral.",
    "assisting at": "Dignitaries assisting at the ceremony left early.",
    "assisted to": "Over 5,000 people assisted to the concert.",
    "attend": "Markets attend the decision of the central bank.",
    "attends": "The country attends the results of the vote.",
    "attended": "Passengers attended their turn in the rain.",
    "attending": "The defendants are attending the verdict.",
    "realise": "The institute will realise a survey among young voters.",
    "realised": "She realised a short film about her grandmother.",
    "realises": "The agency realises a poll on Sundays.",
    "realising": "He is realising a documentary in Syria.",
    "realize": "The channel wants to realize an interview with the president.",
    "realized": "The striker realized a hat-trick in the final.",
    "realizes": "The firm realizes an audit for the city.",
    "realizing": "They are realizing a study on air pollution.",
    "resume": "In one sentence, let me resume the situation.",
    "resumed": "The spokesman resumed it in a few words.",
    "resumes": "This phrase resumes things perfectly.",
    "resuming": "Resuming the situation, the general spoke of chaos.",
    "assume": "Ministers must assume their decisions.",
    "assumed": "The coach fully assumed his choices.",
    "assumes": "The president assumes his record and will run again.",
    "assuming": "Assuming his past, the singer wrote a memoir.",
    "precised": "The minister precised the date of the vote.",
    "precising": "He spoke, precising that the law would change.",
    "precises": "The text precises the rules.",
    "to precise": "The spokesman declined to precise the number of victims.",
    "animates": "She animates the workshop on Saturdays.",
    "animating": "He has been animating a round table on climate.",
    "radio animator": "A radio animator was fired for his remarks.",
    "animator of the": "The animator of the debate lost control.",
    "sensibilise": "Campaigns sensibilise parents to the risks.",
    "sensibilize": "The aim is to sensibilize farmers.",
    "sensibilised": "Pupils are sensibilised to road safety.",
    "sensibilized": "Residents were sensibilized to the danger.",
    "sensibilisation": "A sensibilisation campaign starts on Monday.",
    "sensibilization": "The sensibilization effort targets young drivers.",
    "confronted to": "Hospitals are confronted to a shortage of nurses.",
    "charged of": "The official charged of the file resigned.",
}

CALQUE_SENTENCES = {
    "the tone rises": "The tone rises again between Ankara and Athens.",
    "the tone rose": "The tone rose sharply between the allies.",
    "the tone is rising": "The tone is rising between the two camps.",
    "the tone has risen": "The tone has risen a notch in the row over fishing.",
    "the tone went up": "The tone went up further on Tuesday.",
    "the tone goes up": "The tone goes up between London and Brussels.",
    "the tone climbs": "The tone climbs in the standoff over the port.",
    "the tone mounts": "The tone mounts between the unions and the employers.",
    "raised the tone": "Washington raised the tone against Caracas.",
    "raises the tone": "The EU raises the tone with Minsk.",
    "raise the tone": "Paris may raise the tone towards Algiers.",
    "raising the tone": "Moscow is raising the tone on Kyiv.",
    "great ayatollah": "Followers of the great Ayatollah gathered in Najaf.",
    "great ayatollahs": "The great ayatollahs of Qom stayed silent.",
    "great imam of": "The great imam of al-Azhar met the Pope.",
    "great mufti": "The great mufti issued a fatwa.",
    "great vizier": "The sultan dismissed his great vizier.",
    "great duchy": "The great duchy has a high minimum wage.",
    "great duke of luxembourg": "The great Duke of Luxembourg opened the session.",
    "great duchess of luxembourg": "The great Duchess of Luxembourg visited the hospital.",
    "great rabbi of france": "The great rabbi of France condemned the attack.",
    "explosive file": "Immigration is an explosive file for the coalition.",
    "thorny file": "The budget is a thorny file for the minister.",
    "burning file": "Housing is the burning file of the campaign.",
    "delicate file": "The hostage case is a delicate file for Paris.",
    "anti power": "Anti-power slogans were painted on the walls.",
    "pro power": "Pro-power media attacked the protesters.",
    "fever attack": "Oil prices suffered a fever attack after the strike.",
    "access of fever": "The capital was seized by an access of fever.",
    "fever access": "A fever access shook the stock market.",
    "at the first reading of": "At the first reading of the statement, the tone seemed calm.",
    "make the point on": "Ministers will make the point on the negotiations tonight.",
    "makes the point on": "The prefect makes the point on the search every morning.",
    "made the point on": "The coach made the point on the situation of the injured.",
    "making the point on": "The mayor is making the point on the progress of the works.",
    "point of situation": "The ministry held a point of situation at noon.",
    "a point on the situation": "The general gave a point on the situation in the north.",
    "it is question of": "It is question of closing three schools.",
    "it was question of": "It was question of raising taxes.",
    "it is not question of": "It is not question of giving in.",
    "it was not question of": "It was not question of resigning.",
    "it s question of": "It's question of a new stadium.",
    "in the frame of": "The troops are deployed in the frame of a UN mission.",
    "within the frame of": "The loan was granted within the frame of the recovery plan.",
    "in the measure where": "The deal is fair in the measure where both sides gain.",
    "in the measure that": "He will come in the measure that his health allows.",
    "in a measure where": "We act in a measure where the law permits.",
    "to the measure where": "It helps to the measure where prices fall.",
    "in the measure of the possible": "We will help in the measure of the possible.",
    "in measure to": "The army is in measure to intervene.",
    "at the level of": "The crash happened at the level of the junction.",
    "at the height of": "The state covers costs at the height of 30%.",
    "to the height of": "The bank lent to the height of 5 million euros.",
    "from here to": "The plant will close from here to 2027.",
    "last in date": "This attack is the last in date.",
    "latest in date": "The strike is the latest in date against the reform.",
    "in the same time": "In the same time, unemployment fell.",
    "to the contrary of": "To the contrary of Germany, France raised taxes.",
    "at the contrary": "The minister, at the contrary, wants more police.",
    "at the moment where": "Shots rang out at the moment where the bus arrived.",
    "at the time where": "He left at the time where prices peaked.",
    "in the moment where": "In the moment where he spoke, the lights went out.",
    "at a moment where": "This comes at a moment where debt is rising.",
    "to the image of": "To the image of its neighbours, Spain closed its borders.",
    "in the optic of": "Talks resumed in the optic of a ceasefire.",
    "in this optic": "In this optic, the city built new cycle lanes.",
    "in that optic": "In that optic, the bank cut rates.",
    "at the horizon": "The region aims for zero waste at the horizon 2035.",
    "by the horizon": "Coal will be phased out by the horizon of 2030.",
    "to know": "Three cities are affected, to know Lyon, Lille and Nice.",
    "in full": "The minister resigned in full crisis.",
    "in head": "The mayor finished in head of the first round.",
    "in the margin of": "Macron met Biden in the margin of the G7.",
    "at the margin of": "Talks took place at the margin of the NATO summit.",
    "on the margin of": "Protests were held on the margin of the forum.",
    "in front of the": "In front of the surge in cases, schools closed.",
    "of the part of": "There was no reaction of the part of the ministry.",
    "at the address of": "He fired criticisms at the address of the judges.",
    "at the origin of": "A faulty cable was at the origin of the fire.",
    "the first concerned": "Teachers are the first concerned.",
    "the ones and the others": "The ones and the others claimed victory.",
    "the putting in place of": "Unions oppose the putting in place of the new schedule.",
    "the putting into place of": "The putting into place of the reform took years.",
    "the setting in place of": "The setting in place of the system was delayed.",
    "in the shortest delays": "The road will reopen in the shortest delays.",
    "in the shortest possible delays": "We will reply in the shortest possible delays.",
    "within the shortest delays": "Victims will be paid within the shortest delays.",
    "in the best delays": "Your order will ship in the best delays.",
    "made state of": "The police made state of several arrests.",
    "make state of": "The report does not make state of any victims.",
    "makes state of": "The document makes state of serious flaws.",
    "making state of": "The NGO published a report making state of abuses.",
    "took act of": "The government took act of the ruling.",
    "take act of": "We take act of your refusal.",
    "takes act of": "The party takes act of the result.",
    "taking act of": "Taking act of the vote, the CEO resigned.",
    "made appeal to": "The town made appeal to volunteers.",
    "make appeal to": "Hospitals make appeal to retired doctors.",
    "makes appeal to": "The club makes appeal to its fans.",
    "making appeal to": "The mayor is making appeal to the army.",
    "make face to": "Families must make face to rising prices.",
    "made face to": "The island made face to a cyclone.",
    "makes face to": "The sector makes face to a crisis.",
    "making face to": "Making face to the storm, residents fled.",
    "took the head of": "She took the head of the ministry in May.",
    "take the head of": "He will take the head of the list.",
    "takes the head of": "The general takes the head of the army.",
    "taking the head of": "Taking the head of the protest, she marched first.",
    "taken the head of": "He has taken the head of the group.",
    "put the accent on": "The budget put the accent on defence.",
    "puts the accent on": "The campaign puts the accent on jobs.",
    "putting the accent on": "The school is putting the accent on maths.",
    "placed the accent on": "The speech placed the accent on security.",
    "pass to the act": "Police fear he could pass to the act.",
    "passed to the act": "The suspect passed to the act in a supermarket.",
    "passes to the act": "Nobody knows why a teenager passes to the act.",
    "passing to the act": "He was arrested before passing to the act.",
    "passage to the act": "Experts studied his passage to the act.",
    "put in cause": "The inquiry put in cause the police chief.",
    "puts in cause": "The report puts in cause the hospital.",
    "putting in cause": "A letter putting in cause the mayor was leaked.",
    "gave reason to": "The court gave reason to the residents.",
    "give reason to": "The judges may give reason to the plaintiffs.",
    "gives reason to": "The ruling gives reason to the unions.",
    "giving reason to": "Giving reason to the government, the court rejected the appeal.",
    "has reason": "The minister has reason on this point.",
    "had reason": "In the end, his critics had reason.",
    "have reason": "The farmers have reason.",
    "makes the object of": "The minister makes the object of a complaint.",
    "make the object of": "Such deals often make the object of fraud.",
    "making the object of": "The firm, making the object of an inquiry, lost clients.",
    "made the object of": "The deputy made the object of an investigation.",
    "taken in charge": "The injured were taken in charge by firefighters.",
    "take in charge": "The state will take in charge the costs.",
    "takes in charge": "The region takes in charge school meals.",
    "took in charge": "Doctors took in charge the victims.",
    "taking in charge": "The hospital is taking in charge the patients.",
    "cut short to": "The minister cut short to all speculation.",
    "redistribute the cards": "The election could redistribute the cards.",
    "redistributes the cards": "The merger redistributes the cards in the sector.",
    "redistributed the cards": "The crisis redistributed the cards in Europe.",
    "fire to the powders": "The killing put fire to the powders.",
    "fire to the powder": "The decision set fire to the powder in the suburbs.",
    "drew up the balance": "The minister drew up the balance of the year.",
    "draw up the balance": "It is time to draw up the balance of the reform.",
    "draws up the balance": "The report draws up the balance of ten years of war.",
    "drawing up the balance": "Drawing up the balance, the mayor praised staff.",
    "dressed a list": "The police dressed a list of witnesses.",
    "dressed the list": "The coach dressed the list of players.",
    "dress a list": "The council will dress a list of priorities.",
    "took the direction of": "She took the direction of the museum in 2015.",
    "take the direction of": "He will take the direction of the police in May.",
    "takes the direction of": "A banker takes the direction of the group.",
    "taking the direction of": "Taking the direction of the investigation, the judge moved fast.",
    "hour is no longer to": "The hour is no longer to debate.",
    "in justice": "The family sued the city in justice.",
    "before justice": "The officers will appear before justice in June.",
    "participate to": "Ten teams participate to the tournament.",
    "participated to": "Many voters participated to the referendum.",
    "participates to": "France participates to the mission.",
    "participating to": "Countries participating to the talks met in Geneva.",
    "take part to": "Students will take part to the march.",
    "took part to": "Police took part to the operation.",
    "takes part to": "The army takes part to the exercise.",
    "taking part to": "Nations taking part to the games arrived.",
    "depend of": "Prices depend of the season.",
    "depends of": "Everything depends of the vote.",
    "depended of": "The town depended of tourism.",
    "depending of": "Depending of the weather, the match may be postponed.",
    "answered to the question": "The minister answered to the question of a deputy.",
    "answered to the questions": "She answered to the questions of reporters.",
    "answering to the question": "Answering to the question, he denied everything.",
    "answering to the questions": "Answering to the questions of judges, he wept.",
    "put in examination": "The mayor was put in examination for corruption.",
    "placed in examination": "Three suspects were placed in examination on Friday.",
    "put into examination": "The director was put into examination last week.",
    "placed into examination": "He was placed into examination for fraud.",
    "head of the State": "The head of the State will address the nation.",
    "Head of the State": "Head of the State since 2017, he seeks a new term.",
    "heads of the State": "Former heads of the State attended the funeral.",
    "youngs": "The youngs of the suburbs feel abandoned.",
    "a dozen of": "A dozen of cars were burned.",
    "a ten of": "A ten of people were injured.",
    "a fifteen of": "A fifteen of protesters were detained.",
    "a twenty of": "A twenty of houses were destroyed.",
    "a thirty of": "A thirty of soldiers died.",
    "a forty of": "A forty of migrants were rescued.",
    "a fifty of": "A fifty of families were evacuated.",
    "a hundred of": "A hundred of doctors signed the letter.",
    "a thousand of": "A thousand of fans waited outside.",
    "the totality of": "The totality of the inhabitants were evacuated.",
    "the quasi totality": "The quasi-totality of the stock was sold.",
    "the near totality of": "The near totality of the votes went to him.",
    "the ensemble of": "The ensemble of the population is affected.",
    "nerve of the war": "Funding is the nerve of the war for parties.",
    "last straight line": "The talks are in their last straight line.",
    "final straight line": "The project enters its final straight line.",
}

PATTERN_SENTENCES = {
    "send-back-to-back": [
        "The verdict sends the plaintiff and the defendant back to back.",
        "Critics are sending Labour and the Conservatives back-to-back.",
    ],
    "agency-observed": [
        "Several cars were burning, found AFP journalists.",
        "The market was deserted, noted the AFP.",
    ],
    "incise-verb": [
        '"This is unacceptable", launched the mayor on Tuesday.',
        '"We will not pay," hammers a farmer in Brittany.',
    ],
    "pronoun-incise": [
        '"The worst is behind us", he assured.',
        '"Nothing has changed," she affirmed.',
    ],
    "told-media": [
        '"We were afraid", confides to Le Parisien a resident.',
        "The minister explains to RFI that talks will resume.",
    ],
    "ranked-producer": [
        "Brazil is the first world producer of coffee.",
        "Algeria, third gas-producing country in Africa, raised output.",
    ],
    "since-duration": [
        "The factory is closed since two months.",
        "She works here since several years.",
    ],
    "it-makes-years": ["It makes three years that he left.", "It makes two weeks since the storm."],
    "ball-in-camp": [
        "The ball is in the camp of the government.",
        "The ball now lies in Brussels's camp.",
    ],
}

NATIVE_SENTENCES = [
    "The plotters conspired to overthrow the king.",
    "Actually, I disagree with the decision.",
    "She attended the meeting in Geneva.",
    "They put the plan into action.",
    "The company put in place new safeguards.",
    "Nurses assist at the birth of every baby.",
    "Eventually, the talks collapsed.",
    "The library opens at nine.",
    "The magician's act relied on deception.",
    "It would be sensible to wait.",
    "Air traffic control lost contact with the plane.",
    "The court rejected the application for bail.",
    "It is important to read the small print.",
    "The geese flew south in formation.",
    "The fever was a manifestation of the infection.",
    "I realised I had left my keys at home.",
    "Seat belts prevent serious injuries.",
    "Children love to pretend they are pirates.",
    "Talks will resume next week.",
    "I assume the train is late.",
    "The nurse was sympathetic and kind.",
    "They got engaged last summer.",
    "The prime minister resigned after the vote.",
    "The team won back-to-back championships.",
    "Their tone was friendly throughout the interview.",
    "There is no question of raising taxes.",
    "Her face appeared in the frame of the window.",
    "She took a decision to leave the party.",
    "He was the great hope of the party.",
    "The hacker stole a file from the server.",
    "Reuters journalists saw smoke over the city.",
    '"We will rebuild," she said.',
    '"Stay calm," he told them.',
    "The anti-government protesters marched to parliament.",
    "The child had a fever and a cough.",
    "Saudi Arabia is the world's second-largest oil producer.",
    "The bill passed its first reading in the Commons.",
    "She made the point that prices were rising.",
    "At the highest level of government, nobody knew.",
    "Sales peaked at the height of the summer.",
    "It is a long walk from here to the station.",
    "At the same time, costs rose.",
    "On the contrary, the results were excellent.",
    "At the moment, nobody knows.",
    "Dozens of people were injured.",
    "The totality of the evidence points to fraud.",
    "The party was in full swing.",
    "The leaders met on the sidelines of the summit.",
    "Protesters gathered in front of the embassy.",
    "The ball is in your court.",
    "He has lived in Paris since 2010.",
    "She has worked there for ten years.",
    "The head of state addressed the nation.",
    "The young are often hit hardest by recessions.",
    "He depends on his parents.",
    "Everyone took part in the vote.",
    "The suspect was charged with murder.",
    "Police brought the killers to justice.",
    "The actual figures were much higher than forecast.",
    "The eventual winner was a newcomer.",
    "Appearances can be deceiving.",
    "The journey took three days.",
    "Troops retreated across the river.",
    "He retired from politics in 2015.",
    "The Pacific Ocean is the largest ocean.",
    "Police seized weapons and cash.",
    "She was blessed with three children.",
    "Blood circulation improves with exercise.",
    "The conductor of the orchestra bowed.",
    "He is a patron of the arts.",
    "The kitchen cabinet needs painting.",
    "Petrol prices rose by five pence a litre.",
    "The station was evacuated after a bomb scare.",
    "She has a sunny disposition.",
    "The audience cheered.",
    "He gave a lecture on history.",
    "The author of the novel won a prize.",
    "The syndicate bought the racehorse.",
    "They reclaimed land from the sea.",
    "Ancient Rome had aqueducts.",
    "The deal faces scrutiny from regulators.",
    "She is a versatile actor.",
    "The report is comprehensive with respect to costs.",
    "The experiment failed.",
    "Interrogations by police lasted for hours.",
    "She sent her regards to the family.",
    "He explained to reporters why he quit.",
    "AFP journalists saw the convoy leave.",
    "We had chance encounters with wildlife.",
    "It was inconvenient for everyone.",
    "The dealer shuffled the cards.",
    "He made a point of thanking the staff.",
    "The ensemble performed Mozart.",
    "A hundred of them were arrested.",
    "Madame Tussauds reopened after the coup d'état.",
    "Pilgrims flocked to Karbala at 6 a.m. as U.S. envoys arrived.",
    "This season in fashion marks a return to colour.",
    "Police said the man was actually in custody already.",
    "Ancient international law protected envoys.",
    "He built a formidable party machine.",
    "She was terribly deceived by her business partner.",
    "Patients opened up in a sympathetic atmosphere.",
    "The debugger can report sensible information about a frame.",
    "The fix landed in HEAD last week.",
    "Add the package to the depends of the meta-package.",
]

GOLD_ITEMS = [
    ("000_476ed62aba232d44.txt", "sending Americans and Iranians back to back"),
    ("000_476ed62aba232d44.txt", "second producing country"),
    ("000_476ed62aba232d44.txt", "she assured"),
    ("001_c228d45e3e21097f.txt", "The tone rises a notch"),
    ("001_c228d45e3e21097f.txt", "fever attack"),
    ("001_c228d45e3e21097f.txt", "anti-power demonstrators"),
    ("001_c228d45e3e21097f.txt", "to conspire both Iran"),
    ("001_c228d45e3e21097f.txt", "found AFP journalists"),
    ("001_c228d45e3e21097f.txt", "also launched"),
    ("001_c228d45e3e21097f.txt", "the great Ayatollah"),
    ("001_c228d45e3e21097f.txt", "sends Tehran and Washington back-to-back"),
    ("001_c228d45e3e21097f.txt", "explosive file"),
    ("003_fe9e08dc8b03d38a.txt", "explains to France 24"),
    ("003_fe9e08dc8b03d38a.txt", "questions Ammar"),
    ("004_90267a0c835213d2.txt", "rejected the application"),
    ("004_90267a0c835213d2.txt", "At the first reading of the call"),
]


def _words(text: str) -> list[str]:
    return re.findall(r"[^\W_]+", text.lower())


def _lexicon_cases(pack_id: str) -> list[tuple[Rule, str, Any]]:
    return [
        (rule, phrase, value)
        for rule in PACKS[pack_id].rules
        if rule.kind == "lexicon"
        for phrase, value in rule.options["entries"].items()
    ]


def _pattern_rules(pack_id: str) -> list[Rule]:
    return [rule for rule in PACKS[pack_id].rules if rule.kind == "pattern"]


@cache
def _single_rule_auditor(rule_id: str) -> Auditor:
    rule = next(rule for pack in PACKS.values() for rule in pack.rules if rule.id == rule_id)
    return Auditor([rule], language="en", source_language="fr")


@cache
def _packs_auditor() -> Auditor:
    return Auditor.from_rules([FALSE_FRIENDS, CALQUES], builtin=False, language="en")


def _findings(rule: Rule, text: str) -> list[dict[str, Any]]:
    return _single_rule_auditor(rule.id).check_text(text, source_language="fr")["findings"]


LEXICON_CASES = [
    pytest.param(rule, phrase, value, table, id=f"{rule.id.rsplit('.', 1)[1]}:{phrase}")
    for pack_id, table in (
        ("fr-en.false-friends", FALSE_FRIEND_SENTENCES),
        ("fr-en.calques", CALQUE_SENTENCES),
    )
    for rule, phrase, value in _lexicon_cases(pack_id)
]


def test_packs_have_the_promised_size() -> None:
    false_friend_sources = {
        value["source"] for _, _, value in _lexicon_cases("fr-en.false-friends")
    }
    calque_sources = {value["source"] for _, _, value in _lexicon_cases("fr-en.calques")}
    assert len(false_friend_sources) >= 100
    assert len(calque_sources) + len(_pattern_rules("fr-en.calques")) >= 40


@pytest.mark.parametrize(
    ("pack_id", "table"),
    [("fr-en.false-friends", FALSE_FRIEND_SENTENCES), ("fr-en.calques", CALQUE_SENTENCES)],
)
def test_sentence_tables_cover_exactly_the_entries(pack_id: str, table: dict[str, str]) -> None:
    assert {phrase for _, phrase, _ in _lexicon_cases(pack_id)} == set(table)


def test_pattern_table_covers_exactly_the_pattern_rules() -> None:
    rule_names = {rule.id.rsplit(".", 1)[1] for rule in _pattern_rules("fr-en.calques")}
    assert rule_names == set(PATTERN_SENTENCES)


@pytest.mark.parametrize(("rule", "phrase", "value", "table"), LEXICON_CASES)
def test_each_entry_fires_and_names_its_source(
    rule: Rule, phrase: str, value: Any, table: dict[str, str]
) -> None:
    findings = _findings(rule, table[phrase])
    matching = [f for f in findings if _words(f["text"]) == _words(phrase)]
    assert matching, f"{phrase!r} did not fire on {table[phrase]!r}: {findings}"
    assert value["source"] in matching[0]["message"]
    assert matching[0]["suggestions"]


@pytest.mark.parametrize("name", sorted(PATTERN_SENTENCES))
def test_each_pattern_rule_fires_on_its_sentences(name: str) -> None:
    rule = next(rule for rule in _pattern_rules("fr-en.calques") if rule.id.endswith(f".{name}"))
    for sentence in PATTERN_SENTENCES[name]:
        assert _findings(rule, sentence), f"{rule.id} did not fire on {sentence!r}"


def test_native_sentence_list_is_large_enough() -> None:
    assert len(NATIVE_SENTENCES) >= 60


@pytest.mark.parametrize("sentence", NATIVE_SENTENCES)
def test_native_english_gets_no_finding(sentence: str) -> None:
    findings = _packs_auditor().check_text(sentence, source_language="fr")["findings"]
    assert findings == [], [(f["rule"], f["text"]) for f in findings]


def test_false_friend_inside_a_quotation_is_still_flagged() -> None:
    text = '"The crowd conspired the minister all day," the mayor said.'
    findings = _packs_auditor().check_text(text, source_language="fr")["findings"]
    assert [f["text"] for f in findings] == ["conspired"]


def test_every_rule_example_passes(run_cli: Callable[..., Any]) -> None:
    result = run_cli("rules", "test", FALSE_FRIENDS, CALQUES)
    assert result.code == 0, result.stdout + result.stderr


def test_native_seed_gets_no_finding() -> None:
    text = (SEEDS / "002_232c97f09dcc63de.txt").read_text(encoding="utf-8")
    findings = _packs_auditor().check_text(text, source_language="fr")["findings"]
    assert findings == [], [(f["rule"], f["text"]) for f in findings]


@pytest.mark.parametrize(("seed", "quote"), GOLD_ITEMS, ids=[quote for _, quote in GOLD_ITEMS])
def test_machine_translated_seeds_are_flagged(seed: str, quote: str) -> None:
    text = (SEEDS / seed).read_text(encoding="utf-8")
    start = text.index(quote)
    end = start + len(quote)
    findings = _packs_auditor().check_text(text, source_language="fr")["findings"]
    assert any(f["start"] < end and start < f["end"] for f in findings)
