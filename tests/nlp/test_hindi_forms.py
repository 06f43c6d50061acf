"""Spelling variants, postpositions, mixed scripts and date-dependent roles on short sentences."""

from datetime import date

from engagement.nlp.entities import extract_entities
from engagement.nlp.folding import fold

DAY = date(2025, 11, 17)


def found(text, lang="hi", published=DAY):
    return [
        (m.text, m.label, m.entity_id) for m in extract_entities(text, lang, published).mentions if m.label != "DATE"
    ]


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
    assert found("जयशं\u200dकर कजान पहुँचे।") == [
        ("जयशं\u200dकर", "PERSON", "S_JAISHANKAR"),
        ("कजान", "PLACE", "KAZAN"),
    ]


def test_hyphenated_pairs_give_both_countries():
    assert found("भारत-रूस शिखर सम्मेलन") == [("भारत", "COUNTRY", "IND"), ("रूस", "COUNTRY", "RUS")]
    assert found("The India-China border talks", "en") == [
        ("India", "COUNTRY", "IND"),
        ("China", "COUNTRY", "CHN"),
    ]
    # an abbreviation's full stop before the hyphen must not glue the pair into one token
    assert found("U.S.-Iraq talks resumed.", "en") == [
        ("U.S.", "COUNTRY", "USA"),
        ("Iraq", "COUNTRY", "IRQ"),
    ]
    assert found("the U.S.-led coalition", "en") == []


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
    assert found("रूसी विदेश मंत्री ने कहा।", published=date(2012, 3, 1))[1] == (
        "विदेश मंत्री",
        "ROLE",
        "SERGEY_LAVROV",
    )
    assert found("विदेश मंत्री ने कहा।", published=date(2015, 6, 1)) == [("विदेश मंत्री", "ROLE", "SUSHMA_SWARAJ")]
    assert found("विदेश मंत्री ने कहा।") == [("विदेश मंत्री", "ROLE", "S_JAISHANKAR")]
    assert found("the Chinese premier arrived", "en", date(2020, 1, 1))[1] == (
        "premier",
        "ROLE",
        "LI_KEQIANG",
    )
    assert found("the foreign minister of Russia spoke", "en")[0] == (
        "foreign minister",
        "ROLE",
        "SERGEY_LAVROV",
    )
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
    assert [s.text for s in result.sentences] == [
        "एस. जयशंकर मास्को गए।",
        "वहाँ बातचीत हुई",
        "अगली पंक्ति?",
        "हाँ!",
    ]
    assert [(m.sentence_idx, m.entity_id) for m in result.mentions] == [
        (0, "S_JAISHANKAR"),
        (0, "MOSCOW"),
    ]


def resolved(text, lang="hi", published=date(2025, 11, 20)):
    """(text, label, id, country, role) of every name, role phrase and country."""
    return [
        (m.text, m.label, m.entity_id, m.country, m.role)
        for m in extract_entities(text, lang, published).mentions
        if m.label != "DATE"
    ]


def test_misri_is_the_foreign_secretary_in_context_and_egyptian_otherwise():
    article = "विदेश सचिव विक्रम मिस्री ने काठमांडू में कार्की से मुलाकात की। मिस्री बुधवार को नेपाल पहुंचे थे।"
    assert [m for m in resolved(article) if m[0] == "मिस्री"] == [
        ("मिस्री", "PERSON", "VIKRAM_MISRI", "IND", "foreign_secretary")
    ]
    assert resolved("विदेश सचिव मिस्री काठमांडू में")[0][:3] == ("मिस्री", "PERSON", "VIKRAM_MISRI")
    assert resolved("मिस्री राष्ट्रपति ने भारत का दौरा किया।")[:2] == [
        ("मिस्री", "COUNTRY", "EGY", "EGY", None),
        ("राष्ट्रपति", "ROLE", "ABDEL_FATTAH_EL_SISI", "EGY", "head_of_state"),  # Egypt's president that day
    ]
    # named in full, yet an adjective before a role phrase is still Egypt's
    assert resolved("विक्रम मिस्री ने मिस्री विदेश मंत्री से बात की।")[1][:3] == ("मिस्री", "COUNTRY", "EGY")


def test_surnames_alone_need_the_full_name_in_the_article():
    article = "ऑस्ट्रेलिया की विदेश मंत्री पेनी वोंग भारत पहुंचीं। वोंग ने जयशंकर से मुलाकात की।"
    assert ("वोंग", "PERSON", "PENNY_WONG", "AUS", "foreign_minister") in resolved(article)
    assert resolved("पुलवामा में आदिल डार ने हमला किया।") == []  # another Dar
    assert ("मिशुस्तिन", "PERSON", "MIKHAIL_MISHUSTIN", "RUS", "head_of_government") in resolved(
        "रूसी प्रधानमंत्री मिखाइल मिशुस्तिन ने बैठक की अध्यक्षता की। मिशुस्तिन ने ली कियांग से बात की।"
    )
    assert resolved("वाडेफुल सितंबर में भारत आए थे।")[0][:3] == ("वाडेफुल", "PERSON", "JOHANN_WADEPHUL")
    english = "Pakistan's Defence Minister Khawaja Asif spoke on Thursday. Asif accused India of backing militants."
    asif = [m for m in resolved(english, "en") if m[2] == "KHAWAJA_ASIF"]
    assert [m[0] for m in asif] == ["Khawaja Asif", "Asif"]
    assert asif[1][3:] == ("PAK", "defence_minister")


def test_michelle_obama_is_not_barack():
    assert resolved("मिशेल ओबामा ने स्कूल का दौरा किया।", published=date(2010, 5, 1))[0][:3] == (
        "मिशेल ओबामा",
        "PERSON",
        "MICHELLE_OBAMA",
    )


def test_deputy_prime_minister_is_its_own_role_of_the_country_before_it():
    mentions = resolved("पाकिस्तान के उप प्रधानमंत्री ने बीजिंग में वांग यी से मुलाकात की।")
    assert mentions[1] == ("उप प्रधानमंत्री", "ROLE", "ISHAQ_DAR", "PAK", "deputy_prime_minister")
    assert "NARENDRA_MODI" not in {m[2] for m in mentions}
    english = resolved("Pakistan's Deputy Prime Minister met Wang Yi.", "en")
    assert english[1] == (
        "Deputy Prime Minister",
        "ROLE",
        "ISHAQ_DAR",
        "PAK",
        "deputy_prime_minister",
    )


def test_a_bare_diplomatic_rank_names_no_country():
    assert resolved("पाकिस्तान ने कहा कि प्रभारी राजदूत काबुल में रहेंगे।")[1] == (
        "प्रभारी राजदूत",
        "ROLE",
        None,
        None,
        "charge_d_affaires",
    )
    assert resolved("The ambassador was summoned on Monday.", "en") == [
        ("ambassador", "ROLE", None, None, "ambassador")
    ]
    assert resolved("काबुल में भारत के राजदूत ने कहा।")[2] == ("राजदूत", "ROLE", None, "IND", "ambassador")
    assert resolved("The Indian envoy met officials.", "en")[1] == (
        "envoy",
        "ROLE",
        None,
        "IND",
        "envoy",
    )
    # a bare role of government still means the home country of the Hindi press
    assert resolved("प्रधानमंत्री ने कहा।")[0][2:4] == ("NARENDRA_MODI", "IND")


def test_a_full_stop_without_a_space_still_ends_a_hindi_sentence():
    """Scraped Hindi often drops the space after "."; spaCy's URL rule took "हैं.इन" for a domain."""
    result = extract_entities("जयशंकर मॉस्को में हैं.इन वार्ताओं में रूस शामिल है। देखें www.mea.gov.in/hi पर", "hi", DAY)
    assert [s.text for s in result.sentences] == [
        "जयशंकर मॉस्को में हैं.",
        "इन वार्ताओं में रूस शामिल है।",
        "देखें www.mea.gov.in/hi पर",
    ]
    assert [(m.sentence_idx, m.entity_id) for m in result.mentions] == [
        (0, "S_JAISHANKAR"),
        (0, "MOSCOW"),
        (1, "RUS"),
    ]


def test_a_bare_role_before_a_name_the_kb_does_not_know_is_not_the_home_country():
    assert resolved("राष्ट्रपति ओलांड ने कहा कि फ्रांस तैयार है।")[0] == (
        "राष्ट्रपति",
        "ROLE",
        None,
        None,
        "head_of_state",
    )
    assert resolved("President Hollande said France was ready.", "en")[0][3] is None
    # an honorific or a word like "स्तर" is not a name: the home country still holds
    assert resolved("प्रधानमंत्री श्री ने कहा।")[0][3] == "IND"
    assert resolved("राष्ट्रपति ने कहा।")[0][2:4] == ("DROUPADI_MURMU", "IND")


def test_a_deputy_is_of_the_country_but_not_the_office_holder():
    assert resolved("भारत ने पाकिस्तान के उप उच्चायुक्त को तलब किया।")[2] == (
        "उच्चायुक्त",
        "ROLE",
        None,
        "PAK",
        "high_commissioner",
    )
    assert resolved("India's deputy national security adviser met him.", "en")[1][2:4] == (None, "IND")
    assert resolved("भारत के राष्ट्रीय सुरक्षा सलाहकार ने कहा।")[1][2:4] == ("AJIT_DOVAL", "IND")


def test_a_bare_diplomatic_rank_is_the_one_the_article_named_before():
    text = "विदेश मंत्रालय ने पाकिस्तान के उच्चायुक्त को तलब किया। बाद में उच्चायुक्त ने कहा कि वह संदेश भेजेंगे।"
    assert [m[3] for m in resolved(text) if m[4] == "high_commissioner"] == ["PAK", "PAK"]
    # a rank of another role, or one titling an unknown name, borrows nothing
    assert [m[3] for m in resolved("पाकिस्तान के उच्चायुक्त ने कहा। राजदूत ने भी कहा।") if m[4] == "ambassador"] == [None]


def test_a_capital_names_whose_office_it_is_and_india_has_no_crown_prince():
    text = "अबू धाबी के क्राउन प्रिंस शेख खालिद दिल्ली पहुंचे। क्राउन प्रिंस ने प्रधानमंत्री से मुलाकात की।"
    assert [m[3] for m in resolved(text) if m[4] == "crown_prince"] == ["ARE", "ARE"]
    assert [m[3] for m in resolved("क्राउन प्रिंस ने प्रधानमंत्री से मुलाकात की।") if m[4] == "crown_prince"] == [None]


def test_indian_ministers_and_officials_of_2004_to_2025_are_known_with_their_offices():
    assert resolved("रक्षा मंत्री ए के एंटनी ने कहा।", published=date(2010, 3, 1))[-1][2:] == (
        "A_K_ANTONY",
        "IND",
        "defence_minister",
    )
    assert resolved("विदेश सचिव निरुपमा राव ने बातचीत की।", published=date(2010, 3, 1))[-1][2:] == (
        "NIRUPAMA_RAO",
        "IND",
        "foreign_secretary",
    )
    # one office after another: Pranab Mukherjee as foreign minister in 2008, president in 2015
    assert [resolved("प्रणब मुखर्जी ने कहा।", published=day)[0][4] for day in (date(2008, 5, 1), date(2015, 5, 1))] == [
        "foreign_minister",
        "head_of_state",
    ]


def test_the_agency_spelling_of_myanmar_is_myanmar():
    """PTI-Bhasha writes म्यांमा (no final र), and so do stories that reprint it."""
    assert ("म्यांमा", "COUNTRY", "MMR") in found("विदेश सचिव दो दिन की म्यांमा की यात्रा पर हैं।")


def test_xi_alone_after_his_title_is_xi_jinping():
    """"राष्ट्रपति शी": Hindi papers, like English ones, drop the given name after the first mention."""
    assert ("शी", "PERSON", "XI_JINPING") in found("राष्ट्रपति शी प्रधानमंत्री नरेन्द्र मोदी के साथ वार्ता के बाद काठमांडू पहुंचे।")


def test_a_bare_spokesperson_speaks_for_no_country_by_default():
    """"कोरियाई पीपुल्स आर्मी के ... प्रवक्ता" is North Korea's army's; "व्हाइट हाउस की प्रवक्ता" the US's."""
    assert resolved("कोरियाई पीपुल्स आर्मी के जनरल स्टाफ के एक प्रवक्ता ने कहा।")[-1] == (
        "प्रवक्ता",
        "ROLE",
        None,
        None,
        "spokesperson",
    )
    assert resolved("चीन के प्रवक्ता ने कहा।")[-1][3] == "CHN"
