"""Round 16 rules (issue 10), from the tuning part's status errors: a stay of several days that
the text says began is going on when no publication date says otherwise (codebook §5, "arrived
today for a four-day tour"); postponements in any tense are cancelled engagements; "further
talks" lie ahead. Every sentence is written for the test."""

from __future__ import annotations

from datetime import date

import pytest

from tests.events.test_coder import events as coded


def _statuses(text: str, lang: str = "en", published: date | None = None) -> list[tuple]:
    return [(e["actors"], e["cameo"][:2], e["status"]) for e in coded(text, lang, published)]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Mongolian President Khurelsukh Ukhnaa arrived in India on Monday on a four-day State visit.", "en"),
        ("The Mongolian President began a three-day visit to India with talks in New Delhi.", "en"),
        ("मंगोलिया के राष्ट्रपति सोमवार को चार दिवसीय राजकीय यात्रा पर भारत पहुंचे।", "hi"),
    ],
)
def test_a_begun_stay_of_several_days_is_going_on_without_a_publication_date(text, lang):
    assert ("IND", "MNG") in {tuple(actors) for actors, root, status in _statuses(text, lang) if status == "ongoing"}


@pytest.mark.parametrize(
    "text",
    [
        "The Mongolian President concluded his four-day State visit to India on Thursday.",
        "Last year the Mongolian President arrived in India on a four-day State visit.",
        "The Mongolian President arrived in India on Monday.",  # no stay of several days
    ],
)
def test_an_ended_background_or_one_day_arrival_stays_held(text):
    assert _statuses(text) == [(["IND", "MNG"], "04", "held")]


def test_a_dated_arrival_is_read_against_the_publication_day():
    text = "Mongolian President Khurelsukh Ukhnaa arrived in India on Monday on a four-day State visit."
    assert _statuses(text, published=date(2025, 10, 14)) == [(["IND", "MNG"], "04", "ongoing")]
    assert _statuses(text, published=date(2025, 11, 1)) == [(["IND", "MNG"], "04", "held")]  # Oct 27-30


@pytest.mark.parametrize(
    "text",
    [
        "Prime Minister Imran Khan has decided to postpone his visit to Britain.",
        "Prime Minister Imran Khan postpones his visit to Britain.",
        "Prime Minister Imran Khan calls off his visit to Britain.",
        "Prime Minister Imran Khan is cancelling his visit to Britain.",
    ],
)
def test_a_postponement_in_any_tense_is_a_cancelled_visit(text):
    assert _statuses(text) == [(["GBR", "PAK"], "04", "cancelled")]


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("China and Pakistan said further talks would fix the details of the loan.", "planned"),
        ("China and Pakistan vow more talks after the freeze in ties.", "planned"),
        ("China and Pakistan held more talks on the loan on Monday.", "held"),
    ],
)
def test_further_talks_lie_ahead_unless_they_were_held(text, status):
    assert _statuses(text) == [(["CHN", "PAK"], "04", status)]


@pytest.mark.parametrize(
    "text",
    [
        "MEXICO CITY (UrduPoint News / Sputnik - 24th January, 2023) Brazilian and Argentine presidents"
        " Luis Inacio da Silva and Alberto Fernandez met in Buenos Aires to discuss gas supplies.",
        "RIO DE JANEIRO | Xinhua | Delegations of Brazil and Argentina concluded their meeting in Buenos Aires.",
    ],
)
def test_a_dateline_city_before_an_agency_tag_or_bar_is_no_party(text):
    assert _statuses(text) == [(["ARG", "BRA"], "04", "held")]


def test_two_nationalities_before_a_plural_office_are_both_governments():
    assert _statuses("Brazilian and Argentine presidents met in Buenos Aires on Monday.") == [
        (["ARG", "BRA"], "04", "held")
    ]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Apart from Lavrov, Jaishankar also held discussions with Cyprus Foreign Minister Ioannis Kasoulides.", "en"),
        ("Besides Russia, India also held talks with Cyprus on Monday.", "en"),
        ("लावरोव के अलावा जयशंकर ने साइप्रस के विदेश मंत्री से भी बातचीत की।", "hi"),
    ],
)
def test_a_country_set_apart_from_the_act_is_no_party(text, lang):
    assert _statuses(text, lang) == [(["CYP", "IND"], "04", "held")]


def test_talks_a_past_participle_modifies_are_held_though_the_sentence_goes_on():
    text = "प्रधानमंत्री नरेंद्र मोदी और शी जिनपिंग के बीच अप्रैल में हुई वुहान शिखर वार्ता के बाद दोनों देशों के संबंध सुधरे।"
    assert _statuses(text, "hi") == [(["CHN", "IND"], "04", "held")]


def test_a_dialogue_between_two_states_is_a_meeting_and_a_correspondent_is_not():
    assert _statuses("दोनों देशों के बीच 10 मार्च को पेइचिंग में सऊदी-ईरान संवाद हुआ था।", "hi") == [
        (["IRN", "SAU"], "04", "held")
    ]
    assert _statuses("सऊदी अरब और ईरान के संवाददाता बीजिंग में थे।", "hi") == []


@pytest.mark.parametrize(
    ("text", "acts"),
    [
        (
            "आज नई दिल्ली में पीएम मोदी और सऊदी अरब के क्राउन प्रिंस मोहम्मद बिन सलमान के बीच बातचीत के बाद"
            " इन समझौतों पर हस्ताक्षर किये गये।",
            {"04", "05"},
        ),
        (
            "आज प्रधानमंत्री नरेंद्र मोदी और सऊदी अरब के क्राउन प्रिंस मोहम्मद बिन सलमान ने मुलाकात के बाद साझा बयान जारी किया।",
            {"04", "05"},
        ),
    ],
)
def test_talks_after_which_the_sentence_reports_another_act_are_an_event_of_their_own(text, acts):
    assert {root for actors, root, status in _statuses(text, "hi") if actors == ["IND", "SAU"]} == acts


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("Thai and Cambodian troops clashed again on Saturday on their disputed border.", "en", (["KHM", "THA"], "19")),
        ("Iran shot down a US drone on Thursday.", "en", (["IRN", "USA"], "19")),
        ("Thailand also sealed all land border crossings with Cambodia.", "en", (["KHM", "THA"], "17")),
        ("भारत और चीन की सेनाओं के बीच गलवान घाटी में हिंसक झड़प हुई थी।", "hi", (["CHN", "IND"], "19")),
    ],
)
def test_clashes_downings_and_sealed_borders_between_two_states(text, lang, expected):
    assert [(actors, root) for actors, root, status in _statuses(text, lang)] == [expected]


def test_a_clash_between_parties_of_one_country_is_no_event():
    assert _statuses("संसद में भाजपा और कांग्रेस के बीच तीखी झड़प हुई।", "hi") == []


def test_the_agent_of_a_passive_with_an_irregular_participle_is_the_source():
    (event,) = coded("A US drone was shot down by Iran on Thursday.", "en", None)
    assert (event["source"], event["target"]) == ("IRN", "USA")


def test_both_sides_are_the_story_pair_not_the_mediator_named_in_between():
    text = (
        "आर्मेनिया और अज़रबैजान के बीच रूस की मध्यस्थता में युद्धविराम पर सहमति बनी। रूस के विदेश मंत्री सर्गेई"
        " लावरोव ने मास्को में इसकी घोषणा की। लेकिन कुछ ही मिनटों बाद दोनों देशों ने एक दूसरे पर युद्धविराम"
        " तोड़ने का आरोप लगाया।"
    )
    accusations = {(e["source"], e["target"]) for e in coded(text, "hi", None) if e["cameo"].startswith("11")}
    assert accusations == {("ARM", "AZE"), ("AZE", "ARM")}


@pytest.mark.parametrize(
    "text",
    [
        "Rumsfeld defended the war in Iraq in interviews with radio talk show hosts in the United States.",
        "The two foreign secretaries of India and Pakistan discussed a host of issues.",
    ],
)
def test_a_show_host_or_a_host_of_issues_hosts_no_visit(text):
    assert all(e["cameo"] != "043" for e in coded(text, "en", None))


def test_a_head_of_government_hosting_a_guest_still_hosts():
    assert _statuses("Japan hosted the Indian prime minister in Tokyo on Monday.") == [(["IND", "JPN"], "04", "held")]


def test_their_host_as_a_noun_hosts_no_visit():
    text = "Biden and Putin greeted each other after standing with their host, Swiss President Guy Parmelin, in Geneva."
    assert all(e["cameo"] != "043" for e in coded(text, "en", None))


def test_a_state_that_will_host_a_visitor_hosts():
    assert _statuses("Japan will host the Indian prime minister in Tokyo next week.") == [
        (["IND", "JPN"], "04", "planned")
    ]


def test_a_meeting_someone_had_wanted_is_no_event():
    text = "German Chancellor Helmut Kohl had wanted to meet Indonesian President Suharto, but Suharto was ill."
    assert [e for e in coded(text, "en", None) if e["cameo"].startswith("04")] == []


@pytest.mark.parametrize(
    ("text", "lang", "year"),
    [
        ("Pakistan urged India to respect the 2003 ceasefire agreement.", "en", "2003"),
        ("Pakistan urged India to respect the ceasefire understanding of 2003.", "en", "2003"),
        ("पाकिस्तान ने भारत से 2003 के संघर्षविराम समझौते का सम्मान करने का आग्रह किया।", "hi", "2003"),
    ],
)
def test_a_past_agreement_named_by_its_year_is_a_background_event_beside_the_demand(text, lang, year):
    found = {(e["cameo"], e["status"], e["date"]) for e in coded(text, lang, None) if e["actors"] == ["IND", "PAK"]}
    assert found == {("057", "held", year), ("100", "held", None)}


def test_a_treaty_named_by_its_year_was_concluded_whatever_is_done_with_it_now():
    text = "भारत ने पाकिस्तान को सूचित किया कि वह सिंधु जल संधि 1960 को स्थगित कर रहा है।"
    assert ("057", "held", "1960") in {(e["cameo"], e["status"], e["date"]) for e in coded(text, "hi", None)}


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("India and China discussed the Paris climate agreement on Monday.", "en"),
        ("भारत और चीन ने पेरिस जलवायु समझौते पर चर्चा की।", "hi"),
    ],
)
def test_a_city_naming_an_agreement_is_no_party(text, lang):
    assert [actors for actors, root, status in _statuses(text, lang)] == [["CHN", "IND"]]


@pytest.mark.parametrize(
    "text",
    [
        "Pro-Moscow leaders in Chechnya have criticised Tim Guldimann, the Swiss diplomat who heads the mission.",
        "Nyerere held talks with the U.S. special envoy to Burundi, Howard Wolpe, in Rome.",
        "The talks were mediated by the Minsk Group, which Russia and the United States lead.",
    ],
)
def test_pro_moscow_groups_a_post_of_an_envoy_and_the_minsk_group_are_no_parties(text):
    assert not any(
        {"RUS", "CHE"} <= set(e["actors"]) or "BDI" in e["actors"] or "BLR" in e["actors"]
        for e in coded(text, "en", None)
    )


def test_fighting_between_rebel_groups_is_no_clash_of_the_states_in_the_sentence():
    text = (
        "Iraq accused Iran of aggression over Tehran's deployment of troops into northern Iraq, where fighting"
        " broke out between the two main Iraqi Kurdish rebel groups two weeks ago."
    )
    assert not any(e["cameo"].startswith("19") for e in coded(text, "en", None))


def test_a_headline_to_visit_is_planned_and_a_body_sentence_is_not_a_headline():
    headline = "British Minister to Visit North Korea in September. The minister will discuss the nuclear issue."
    assert _statuses(headline)[0] == (["GBR", "PRK"], "04", "planned")
    body = "North Korea said today. The British minister came to Pyongyang to visit North Korea's leaders last week."
    assert all(status != "planned" for actors, root, status in _statuses(body))


def test_talks_during_an_announced_visit_take_its_first_day_not_its_whole_stay():
    """Borrowing the visit's 24-25 November would make the talks overlap, and join in the
    warehouse, the visit's other meeting on the 25th."""
    text = (
        "श्रीलंका के विदेश मंत्री विजिता हेराथ 24-25 नवंबर को भारत यात्रा पर आएंगे। यात्रा के दौरान हेराथ विदेश मंत्री"
        " एस. जयशंकर के साथ वार्ता करेंगे।"
    )
    found = {(e["cameo"], e["date"], e["date_end"]) for e in coded(text, "hi", date(2025, 11, 20))}
    assert found == {("042", "2025-11-24", "2025-11-25"), ("040", "2025-11-24", None)}


@pytest.mark.parametrize(
    "text",
    [
        "Ramos thanked Indonesian president Suharto for supporting talks that ended a conflict with Moslem rebels.",
        "Rebel leaders called on Nigeria to intervene and kickstart African Union-sponsored talks on Sudan.",
        "Kinkel spoke as news came of a renewed breakdown in Arab-Israeli peace talks in Jerusalem.",
        "Blair, who has pushed for progress on Middle East peace talks, is one of the United States' closest allies.",
    ],
)
def test_talks_that_are_only_talked_about_are_no_meeting(text):
    assert [e for e in coded(text, "en", None) if e["cameo"].startswith("04")] == []
