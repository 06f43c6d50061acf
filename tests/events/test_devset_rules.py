"""Trigger, cue and knowledge-base rows added from the dev set's tuning errors (issue 10).

Every sentence here is written for the test (none is taken from the dev set); each checks the
pair, CAMEO family and, where the rule is about it, the direction or status of what is coded.
"""

from __future__ import annotations

from datetime import date

import pytest

from tests.events.test_coder import events as coded
from tests.events.test_coder import only as one


@pytest.mark.parametrize(
    ("text", "pair", "cameo", "source"),
    [
        ("पाकिस्तान ने शुक्रवार को अफगानिस्तान के कई इलाकों पर हवाई हमला किया।", ["AFG", "PAK"], "195", "PAK"),
        ("ईरान ने मंगलवार को पाकिस्तान के भीतर आतंकी ठिकानों पर मिसाइल हमले किए।", ["IRN", "PAK"], "195", "IRN"),
        ("भारत ने दावा किया कि चीन ने सीमा पर उसकी चौकियों पर हमला किया।", ["CHN", "IND"], "190", None),
        ("उत्तर कोरियाई सैनिकों ने सोमवार को दक्षिण कोरिया की सीमा चौकी पर गोलियां चलाई।", ["KOR", "PRK"], "193", None),
        (
            "सेना के अनुसार पाकिस्तान ने इस महीने सात बार संघर्ष विराम का उल्लंघन किया और भारत की चौकियों को निशाना बनाया।",
            ["IND", "PAK"],
            "196",
            None,
        ),
    ],
)
def test_hindi_armed_clashes_and_strikes_are_family_19(text, pair, cameo, source):
    ev = one(text, "hi")
    assert (ev["actors"], ev["cameo"], ev["status"]) == (pair, cameo, "held")
    if source:
        assert ev["source"] == source


@pytest.mark.parametrize(
    ("text", "pair", "family", "source"),
    [
        ("पाकिस्तान के विदेश मंत्रालय ने ईरानी सेना की कार्रवाई पर कड़ी नाराजगी जताई।", ["IRN", "PAK"], "11", "PAK"),
        ("मालदीव के एक मंत्री ने प्रधानमंत्री मोदी के बारे में आपत्तिजनक टिप्पणी की थी।", ["IND", "MDV"], "11", None),
        ("दक्षिण कोरिया की सेना का आरोप है कि उत्तर कोरिया के सैनिकों ने सीमा पार की।", ["KOR", "PRK"], "11", None),
        ("भारत ने कनाडा से इस घटना पर स्पष्टीकरण मांगा है।", ["CAN", "IND"], "10", "IND"),
        ("भारत चीन पर विवादित क्षेत्रों से सैनिकों को हटाने के लिए दबाव बना रहा है।", ["CHN", "IND"], "10", None),
        (
            "प्रधानमंत्री शहबाज शरीफ ने कहा कि अफगानिस्तान की किसी भी हरकत का माकूल जवाब दिया जाएगा।",
            ["AFG", "PAK"],
            "13",
            "PAK",
        ),
    ],
)
def test_hindi_displeasure_accusation_demand_and_warning(text, pair, family, source):
    ev = one(text, "hi")
    assert (ev["actors"], ev["cameo"][:2]) == (pair, family)
    assert ev["source"] == source


@pytest.mark.parametrize(
    ("text", "pair", "cameo", "status"),
    [
        ("रूस और यूक्रेन ने पांच-पांच सौ बंदियों की अदला-बदली पर सहमति जताई है।", ["RUS", "UKR"], "030", "held"),
        ("बांग्लादेश और म्यांमार के बीच शरणार्थियों की वापसी को लेकर सहमति बन गई है।", ["BGD", "MMR"], "030", "held"),
        (
            "श्रीलंका के राष्ट्रपति ने भारत को आश्वासन दिया कि उनकी जमीन का इस्तेमाल भारत के खिलाफ नहीं होगा।",
            ["IND", "LKA"],
            "030",
            "held",
        ),
        ("जापान भारत को बंदरगाहों के विकास के लिए पांच अरब डॉलर की मदद देगा।", ["IND", "JPN"], "033", "held"),
        ("राष्ट्रपति पुतिन ने अमेरिकी राष्ट्रपति ट्रंप को मॉस्को आने का निमंत्रण भी दिया।", ["RUS", "USA"], "036", "planned"),
        ("अफगानिस्तान की सरकार ने पाकिस्तान की चौकियों पर हुई घटना पर अफसोस जाहिर किया है।", ["AFG", "PAK"], "055", "held"),
        ("रूस के वार्ताकार ने कहा कि यूक्रेन के साथ बातचीत जारी रहेगी।", ["RUS", "UKR"], "040", "planned"),
    ],
)
def test_hindi_pledges_assurances_invitations_and_regret(text, pair, cameo, status):
    ev = one(text, "hi")
    assert (ev["actors"], ev["cameo"], ev["status"]) == (pair, cameo, status)


def test_hindi_agreement_inside_talks_is_no_separate_pledge():
    """Goodwill agreed in a meeting belongs to the meeting (codebook): only the talks are coded."""
    found = coded("भारत और श्रीलंका के नेताओं ने वार्ता की और मछुआरों के मुद्दे को सुलझाने पर सहमति जताई।", "hi")
    assert [ev["cameo"][:2] for ev in found] == ["04"]


@pytest.mark.parametrize(
    ("text", "published", "pair"),
    [
        ("Maduro met Gustavo Petro in Caracas on Tuesday to discuss the border.", date(2022, 11, 3), ["COL", "VEN"]),
        ("Jeyhun Bayramov and Ararat Mirzoyan held talks in Washington on Monday.", date(2023, 5, 3), ["ARM", "AZE"]),
        ("Shyam Saran held talks with Pakistan's foreign secretary in Islamabad.", date(2005, 9, 1), ["IND", "PAK"]),
        ("Cuban Foreign Minister Bruno Rodriguez met John Kerry in Washington.", date(2015, 7, 20), ["CUB", "USA"]),
        ("Havel praised the United States for its support of the new democracies.", date(1996, 12, 6), ["CZE", "USA"]),
        ("The Czech president met the Austrian chancellor in Prague on Monday.", date(2025, 11, 17), ["AUT", "CZE"]),
        ("A Sudanese delegation held talks with Somali officials on Monday.", date(2025, 11, 17), ["SDN", "SOM"]),
    ],
)
def test_office_holders_and_adjectives_missing_before_resolve_to_their_state(text, published, pair):
    """Leaders and ministers the knowledge base lacked (Kerry out of office still stands for the
    US), and country adjectives it lacked ("Czech", "Austrian", "Sudanese", "Somali")."""
    found = coded(text, "en", published)
    assert [ev["actors"] for ev in found] == [pair]


@pytest.mark.parametrize(
    ("text", "pair", "cameo"),
    [
        ("Qatar and Bahrain restored diplomatic relations on Wednesday after a six-year rift.", ["BHR", "QAT"], "050"),
        ("Morocco and Iran agreed to reopen their embassies next month.", ["IRN", "MAR"], "050"),
        ("Bolivia severing ties with Israel in 2023 drew criticism.", ["BOL", "ISR"], "161"),
        ("The United States withdrew from the nuclear deal with Iran in 2018.", ["IRN", "USA"], "160"),
        ("Japan will provide Sri Lanka with emergency aid after the floods.", ["JPN", "LKA"], "033"),
        ("Germany pledged 50 million euros in humanitarian aid to Jordan on Monday.", ["DEU", "JOR"], "033"),
        ("Thailand said it is committed to the peace process with Cambodia.", ["KHM", "THA"], "030"),
        ("Thailand and Cambodia fought a brief war in 2011.", ["KHM", "THA"], "190"),
        ("Three Thai soldiers were killed in border clashes with Cambodia last week.", ["KHM", "THA"], "190"),
        ("Turkey launched air strikes on Syria on Sunday.", ["SYR", "TUR"], "195"),
        ("Indian troops opened fire on Pakistani posts along the border.", ["IND", "PAK"], "193"),
        ("South Korea scrambled fighter jets as Russia sent bombers near its air defence zone.", ["KOR", "RUS"], "150"),
        (
            "The Chinese coast guard fired water cannon at a Vietnamese fishing boat, Vietnam said.",
            ["CHN", "VNM"],
            "170",
        ),
        ("Ethiopia has given Kenyan diplomats 72 hours to leave the country.", ["ETH", "KEN"], "174"),
        ("Ecuador summoned a Mexican diplomat to protest the remarks.", ["ECU", "MEX"], "111"),
    ],
)
def test_english_relations_pledges_force_and_expulsions(text, pair, cameo):
    ev = one(text, "en")
    assert (ev["actors"], ev["cameo"]) == (pair, cameo)


@pytest.mark.parametrize(
    ("text", "lang", "status"),
    [
        ("चीनी विदेश मंत्री वांग यी अभी नेपाल की यात्रा पर है।", "hi", "ongoing"),
        ("भारत के राष्ट्रपति नेपाल की यात्रा पर गए हैं।", "hi", "ongoing"),
        ("प्रधानमंत्री मोदी अपने दो दिवसीय दौरे पर मालदीव पहुंचे।", "hi", "ongoing"),
        ("प्रधानमंत्री मोदी पिछले साल दौरे पर मालदीव पहुंचे थे।", "hi", "held"),
        ("Brazilian President Lula visits Japan for talks on trade.", "en", "ongoing"),
        ("Lula visits Japan next week for talks on trade.", "en", "planned"),
    ],
)
def test_a_visit_going_on_now_is_ongoing(text, lang, status):
    ev = one(text, lang)
    assert (ev["cameo"], ev["status"]) == ("042", status)


@pytest.mark.parametrize(
    ("text", "published", "pair", "cameo"),
    [
        (
            "External Affairs Minister Pranab Mukherjee called on Pakistan President Pervez Musharraf on Tuesday.",
            date(2008, 5, 21),
            ["IND", "PAK"],
            "040",
        ),
        (
            "The United States may impose sanctions on Belarus over the crackdown.",
            date(2025, 11, 17),
            ["BLR", "USA"],
            "132",
        ),
        ("The United States imposed sanctions on Belarus on Monday.", date(2025, 11, 17), ["BLR", "USA"], "163"),
        (
            "Russia said Britain's seizure of the tanker was a violation of international law.",
            date(2025, 11, 17),
            ["GBR", "RUS"],
            "111",
        ),
    ],
)
def test_english_courtesy_calls_sanction_threats_and_breaches_of_law(text, published, pair, cameo):
    ev = one(text, "en", published)
    assert (ev["actors"], ev["cameo"]) == (pair, cameo)


@pytest.mark.parametrize(
    ("text", "lang", "pair", "cameo"),
    [
        ("राष्ट्रपति मुर्मू ने हवाई अड्डे पर श्रीलंका के राष्ट्रपति की अगवानी की।", "hi", ["IND", "LKA"], "043"),
        ("भारत और भूटान के विदेश मंत्रियों ने जलविद्युत परियोजनाओं पर विचार-विमर्श किया।", "hi", ["BTN", "IND"], "040"),
        ("भारत ने बांग्लादेश के उच्चायुक्त को तलब कर कड़ा विरोध जताया।", "hi", ["BGD", "IND"], "114"),
        ("भारत ने पाकिस्तान के उच्चायोग को कड़ा डिमार्श जारी किया।", "hi", ["IND", "PAK"], "114"),
        ("ईरान और सऊदी अरब ने सात साल बाद राजनयिक संबंध बहाल किए।", "hi", ["IRN", "SAU"], "050"),
        # agreeing to a truce is an intent to de-escalate (CAMEO "AGREE (TO &CEASEFIRE)" 0356)
        ("थाईलैंड और कंबोडिया तत्काल युद्धविराम पर सहमत हो गए।", "hi", ["KHM", "THA"], "035"),
        ("चीन ने अमेरिका पर जासूसी के आरोप लगाए।", "hi", ["CHN", "USA"], "112"),
        ("कनाडा ने भारतीय राजनयिक के निष्कासन का आदेश दिया।", "hi", ["CAN", "IND"], "174"),
        ("Xi received his Vietnamese counterpart in Beijing on Monday.", "en", ["CHN", "VNM"], "043"),
        ("India lodged a strong demarche with Pakistan over the killings.", "en", ["IND", "PAK"], "114"),
        ("Seoul recalled its Tokyo ambassador on Friday in protest.", "en", ["JPN", "KOR"], "161"),
        ("Saudi Arabia and Iraq established diplomatic relations in 1990.", "en", ["IRQ", "SAU"], "054"),
        ("Thailand and Cambodia agreed to an immediate ceasefire on Monday.", "en", ["KHM", "THA"], "035"),
        ("Russia launched an offensive against Ukraine in the north.", "en", ["RUS", "UKR"], "190"),
        ("North Korea fired artillery shells into South Korea's waters.", "en", ["KOR", "PRK"], "194"),
        ("Iraq invaded Kuwait in August 1990.", "en", ["IRQ", "KWT"], "192"),
        ("Japan apologised to South Korea for the remarks.", "en", ["JPN", "KOR"], "055"),
        ("India and Japan inked a pact on rare earths.", "en", ["IND", "JPN"], "057"),
    ],
)
def test_common_news_phrasings_of_receptions_summons_ties_truces_and_force(text, lang, pair, cameo):
    """Phrasings frequent in news though rare in the tuning part, added for coverage rather
    than for a tuning error (checked on AG News items outside the dev set)."""
    ev = one(text, lang)
    assert (ev["actors"], ev["cameo"]) == (pair, cameo)


@pytest.mark.parametrize(
    ("text", "lang", "pair", "cameo"),
    [
        ("प्रधानमंत्री ने नेपाल के राष्ट्रपति से शिष्टाचार भेंट की।", "hi", ["IND", "NPL"], "040"),
        ("विदेश मंत्री जयशंकर जापान के प्रधानमंत्री से भेंट करेंगे।", "hi", ["IND", "JPN"], "040"),
        ("कनाडा ने भारत से अपने राजनयिकों को वापस बुला लिया।", "hi", ["CAN", "IND"], "161"),
    ],
)
def test_hindi_courtesy_calls_and_diplomats_called_home(text, lang, pair, cameo):
    ev = one(text, lang)
    assert (ev["actors"], ev["cameo"]) == (pair, cameo)


def test_protesters_invading_an_embassy_is_no_invasion_of_a_state():
    assert coded("Protesters invaded the Danish embassy in Tehran after the cartoons were printed.", "en") == []
