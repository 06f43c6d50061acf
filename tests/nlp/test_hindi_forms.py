"""Spelling variants, postpositions, mixed scripts and date-dependent roles on short sentences."""

from datetime import date

from engagement.nlp.entities import extract_entities
from engagement.nlp.folding import fold

DAY = date(2025, 11, 17)


def found(text, lang="hi", published=DAY):
    return [(m.text, m.label, m.entity_id) for m in extract_entities(text, lang, published).mentions if m.label != "DATE"]


def test_postpositions_and_oblique_forms_do_not_hide_names():
    assert found("भारत के प्रधानमंत्री ने रूस से तेल खरीदा और अमेरिका की आपत्ति खारिज की।") == [
        ("भारत", "COUNTRY", "IND"),
        ("प्रधानमंत्री", "ROLE", "NARENDRA_MODI"),
        ("रूस", "COUNTRY", "RUS"),
        ("अमेरिका", "COUNTRY", "USA"),
    ]
    assert [e for _, _, e in found("रूसी राजनयिक और अमरीकी अधिकारी मिले।")] == ["RUS", "USA"]


def test_nukta_chandrabindu_and_joiners_fold_to_one_spelling():
    assert fold("कज़ान") == fold("कजान") == "कजान"
    assert fold("पहुँचे") == fold("पहुंचे")
    assert fold("सड़क") != fold("सडक")  # ड़ is a letter of its own, not a loan-word nukta
    assert fold("मॉस्को") == fold("मास्को")
    assert found("जयशं\u200dकर कजान पहुँचे।") == [("जयशं\u200dकर", "PERSON", "S_JAISHANKAR"), ("कजान", "PLACE", "KAZAN")]


def test_hyphenated_pairs_give_both_countries():
    assert found("भारत-रूस शिखर सम्मेलन") == [("भारत", "COUNTRY", "IND"), ("रूस", "COUNTRY", "RUS")]
    assert found("The India-China border talks", "en") == [("India", "COUNTRY", "IND"), ("China", "COUNTRY", "CHN")]


def test_latin_names_in_hindi_and_devanagari_in_english():
    assert found("Bahrain और Israel के विदेश मंत्री भारत आए।")[:2] == [
        ("Bahrain", "COUNTRY", "BHR"),
        ("Israel", "COUNTRY", "ISR"),
    ]
    assert found("Officials in नई दिल्ली said so.", "en") == [("नई दिल्ली", "PLACE", "NEW_DELHI")]


def test_english_possessives_us_and_acronyms():
    assert found("Russia's foreign ministry and the U.S. State Department spoke.", "en") == [
        ("Russia", "COUNTRY", "RUS"),
        ("foreign ministry", "ORG", "MFA_RUS"),
        ("U.S.", "COUNTRY", "USA"),
        ("State Department", "ORG", "MFA_USA"),
    ]
    assert found("Jaishankar's visit was welcomed by the US, not by us.", "en") == [
        ("Jaishankar", "PERSON", "S_JAISHANKAR"),
        ("US", "COUNTRY", "USA"),
    ]
    assert found("The foreign ministry said WHO experts would come.", "en") == [
        ("foreign ministry", "ORG", None),
        ("WHO", "ORG", "WHO"),
    ]


def test_role_phrases_resolve_to_the_holder_on_the_publication_day():
    assert found("रूसी विदेश मंत्री ने कहा।", published=date(2012, 3, 1))[1] == ("विदेश मंत्री", "ROLE", "SERGEY_LAVROV")
    assert found("विदेश मंत्री ने कहा।", published=date(2015, 6, 1)) == [("विदेश मंत्री", "ROLE", "SUSHMA_SWARAJ")]
    assert found("विदेश मंत्री ने कहा।") == [("विदेश मंत्री", "ROLE", "S_JAISHANKAR")]
    assert found("the Chinese premier arrived", "en", date(2020, 1, 1))[1] == ("premier", "ROLE", "LI_KEQIANG")
    assert found("the foreign minister of Russia spoke", "en")[0] == ("foreign minister", "ROLE", "SERGEY_LAVROV")
    assert found("the foreign minister spoke", "en") == [("foreign minister", "ROLE", None)]
    assert found("पूर्व विदेश मंत्री ने कहा।") == [("विदेश मंत्री", "ROLE", None)]


def test_a_role_phrase_followed_by_a_name_belongs_to_that_person():
    result = extract_entities("रूसी प्रधानमंत्री मिखाइल मिशुस्तीन और विदेश मंत्री सर्गेई लावरोव", "hi", DAY)
    assert [(m.label, m.entity_id, m.country, m.role) for m in result.mentions] == [
        ("COUNTRY", "RUS", "RUS", None),
        ("PERSON", "MIKHAIL_MISHUSTIN", "RUS", "head_of_government"),
        ("PERSON", "SERGEY_LAVROV", "RUS", "foreign_minister"),
    ]
    out_of_office = extract_entities("Former President Barack Obama spoke.", "en", DAY).mentions
    assert [(m.entity_id, m.country, m.role) for m in out_of_office] == [("BARACK_OBAMA", "USA", None)]


def test_sentences_split_on_danda_and_newlines_but_not_initials():
    result = extract_entities("एस. जयशंकर मास्को गए। वहाँ बातचीत हुई\nअगली पंक्ति? हाँ!", "hi", DAY)
    assert [s.text for s in result.sentences] == ["एस. जयशंकर मास्को गए।", "वहाँ बातचीत हुई", "अगली पंक्ति?", "हाँ!"]
    assert [(m.sentence_idx, m.entity_id) for m in result.mentions] == [(0, "S_JAISHANKAR"), (0, "MOSCOW")]
