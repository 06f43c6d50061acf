from datetime import date

from engagement.nlp.entities import extract_entities
from engagement.nlp.pipeline import LEXEME_ATTRIBUTES, TOKENIZER_CACHE_CHUNKS, get_nlp, word_is
from spacy.attrs import IDS


def test_pipeline_is_a_blank_language_with_named_rule_components():
    nlp = get_nlp("hi")
    assert nlp.pipe_names == [
        "engagement_text_fold",
        "engagement_sentences",
        "engagement_kb_matcher",
    ]
    assert get_nlp("hi") is nlp
    assert [token.norm_ for token in nlp("कज़ान पहुँचे")] == ["कजान", "पहुंचे"]


def test_user_overrides_from_the_environment_reach_the_matcher(tmp_path, monkeypatch):
    (tmp_path / "persons.csv").write_text(
        "person_id,name_en\nNEW_ENVOY,New Envoy\n", encoding="utf-8"
    )
    (tmp_path / "person_aliases.csv").write_text(
        "person_id,lang,alias\nNEW_ENVOY,hi,नया दूत\n", encoding="utf-8"
    )
    (tmp_path / "offices.csv").write_text(
        "person_id,country,role,start,end\nNEW_ENVOY,IND,ambassador,2025-01-01,\n", encoding="utf-8"
    )
    monkeypatch.setenv("ENGAGEMENT_KB_OVERRIDES", str(tmp_path))
    mentions = extract_entities("नया दूत मास्को पहुंचे।", "hi", date(2025, 11, 17)).mentions
    assert [(m.entity_id, m.country, m.role) for m in mentions] == [
        ("NEW_ENVOY", "IND", "ambassador"),
        ("MOSCOW", "RUS", None),
    ]


def test_new_words_get_only_the_attributes_the_components_read():
    nlp = get_nlp("en")
    assert set(nlp.vocab.lex_attr_getters) == {IDS[name] for name in LEXEME_ATTRIBUTES}
    doc = nlp.make_doc("Zelenskyy's envoys met the Quintessa delegation, 12 officials.\n")
    words = {token.text: token for token in doc}
    assert words["Zelenskyy"].norm_ == "zelenskyy" and words["\n"].is_space
    assert not words["the"].is_stop  # not computed: asked of single words through word_is
    assert word_is("en", "IS_STOP", "the") and word_is("en", "LIKE_NUM", "12") and word_is("en", "IS_PUNCT", ",")
    assert word_is("en", "IS_TITLE", "Quintessa") and not word_is("en", "IS_STOP", "Quintessa")
    assert word_is("hi", "LIKE_NUM", "१२") and word_is("hi", "IS_STOP", "के")


def test_the_tokenizer_remembers_a_days_worth_of_distinct_words():
    assert get_nlp("hi").tokenizer.max_cache_size == TOKENIZER_CACHE_CHUNKS >= 100_000
