"""Warming the NLP stages in a parent process (Airflow's scheduler forks every task from it)."""

import os
import subprocess
import sys

from engagement import detect_events, extract_entities
from engagement.config import load_settings
from engagement.events import lexicon
from engagement.events.coding.resources import resources_for
from engagement.nlp.pipeline import Pipelines


def test_warming_builds_what_the_tasks_use(tmp_path, monkeypatch):
    monkeypatch.setenv("ENGAGEMENT_DATA_DIR", str(tmp_path))
    monkeypatch.setenv("ENGAGEMENT_LANGUAGES", "hi,en,fr")  # fr: no knowledge, nothing to build
    settings = load_settings()
    detect_events.warm(settings)
    extract_entities.warm(settings)
    for lang in ("hi", "en"):
        assert all("regex" in vars(trigger) for trigger in lexicon.triggers(lang))  # compiled already
    assert resources_for(settings) is resources_for(load_settings())
    assert Pipelines(settings)("hi").lang == "hi"
    assert len(list((tmp_path / "cache" / "kb_patterns").iterdir())) == 2  # one per language


def test_the_coder_sees_an_organisation_added_to_the_override_folder_after_warming(tmp_path, monkeypatch):
    overrides = tmp_path / "overrides"
    overrides.mkdir()
    monkeypatch.setenv("ENGAGEMENT_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("ENGAGEMENT_KB_OVERRIDES", str(overrides))
    settings = load_settings()
    warmed = resources_for(settings)
    assert "MYS_TRADE_BOARD" not in warmed.kb.organisations
    (overrides / "organisations.csv").write_text(
        "org_id,name_en,kind,country,is_actor\nMYS_TRADE_BOARD,Malaysian Trade Board,ministry,MYS,true\n",
        encoding="utf-8",
    )
    assert "MYS_TRADE_BOARD" in resources_for(settings).kb.organisations


def test_warming_clean_and_dedupe_imports_what_their_tasks_would(tmp_path):
    """Importing the stages leaves scipy out (the CLI's other commands do not pay for it); warming
    brings it in, with the language detector, before the scheduler forks the tasks."""
    script = (
        "import sys\n"
        "from engagement import clean, dedupe\n"
        "from engagement.config import load_settings\n"
        "from engagement.text import language\n"
        "assert 'scipy' not in sys.modules\n"
        "clean.warm(load_settings()); dedupe.warm(load_settings())\n"
        "assert 'datasketch' in sys.modules and 'scipy' in sys.modules\n"
        "assert language._detector.cache_info().currsize == 1\n"
    )
    env = {**os.environ, "ENGAGEMENT_DATA_DIR": str(tmp_path)}
    subprocess.run([sys.executable, "-c", script], check=True, env=env, timeout=120)
