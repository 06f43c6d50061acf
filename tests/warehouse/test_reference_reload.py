"""aggregate reloads the reference tables only when the knowledge-base files changed."""

from __future__ import annotations

import dataclasses

import duckdb
from engagement import aggregate
from engagement.kb import loader
from warehouse_staging import DAY_A, DAY_B

MALAYSIA_MITI = "org_id,name_en,kind,country,is_actor\nMITI_MYS,{name},ministry,MYS,true\n"


def reference_state(settings) -> tuple:
    """(fingerprint, loaded_at) on record, and the name of the override's ministry if loaded."""
    with duckdb.connect(str(settings.warehouse_path), read_only=True) as con:
        source = con.execute("SELECT fingerprint, loaded_at FROM main.reference_source").fetchall()
        ministry = con.execute("SELECT name_en FROM core.organisations WHERE org_id = 'MITI_MYS'").fetchall()
    assert len(source) == 1
    return (*source[0], ministry)


def test_unchanged_kb_is_not_reloaded_and_a_changed_override_is(staged, tmp_path):
    aggregate.run(DAY_A, staged)
    first = reference_state(staged)
    aggregate.run(DAY_B, staged)
    assert reference_state(staged) == first  # same files: same record, not even re-stamped
    assert first[2] == []

    overrides = tmp_path / "kb_overrides"
    overrides.mkdir()
    (overrides / "organisations.csv").write_text(MALAYSIA_MITI.format(name="MITI Malaysia"), encoding="utf-8")
    with_override = dataclasses.replace(staged, kb_override_dir=overrides)
    aggregate.run(DAY_A, with_override)
    added = reference_state(with_override)
    assert added[0] != first[0] and added[1] > first[1] and added[2] == [("MITI Malaysia",)]

    (overrides / "organisations.csv").write_text(MALAYSIA_MITI.format(name="Trade Ministry"), encoding="utf-8")
    loader._cached_kb.cache_clear()  # as in the next task's fresh process
    aggregate.run(DAY_B, with_override)
    edited = reference_state(with_override)
    assert edited[0] not in (first[0], added[0]) and edited[2] == [("Trade Ministry",)]

    aggregate.run(DAY_A, staged)  # the override folder no longer given: back to the shipped KB
    assert reference_state(staged)[0::2] == (first[0], [])
