"""Airflow's local settings preload and warm the stages in the scheduler, and only there.

(The LocalExecutor itself freezes the scheduler's objects out of the collector before it forks
its workers, so the tasks forked from them do not walk what was preloaded.)"""

import os
import subprocess
import sys

_IMPORT_AS = (
    "import sys\n"
    "sys.argv = ['airflow', {command!r}]\n"
    "import airflow_local_settings\n"
    "from engagement.events import lexicon\n"
    "preloaded = 'engagement.detect_events' in sys.modules and 'spacy' in sys.modules\n"
    "warmed = lexicon.triggers.cache_info().currsize > 0\n"
    "print(preloaded, warmed)\n"
)


def _import_as(command: str, data_dir) -> tuple[bool, bool]:
    env = {**os.environ, "ENGAGEMENT_DATA_DIR": str(data_dir)}
    script = _IMPORT_AS.format(command=command)
    command_line = [sys.executable, "-c", script]
    out = subprocess.run(command_line, check=True, env=env, timeout=300, capture_output=True, text=True)
    preloaded, warmed = out.stdout.split()
    return preloaded == "True", warmed == "True"


def test_the_scheduler_preloads_and_warms_the_stages(tmp_path):
    assert _import_as("scheduler", tmp_path) == (True, True)


def test_other_airflow_processes_import_nothing_extra(tmp_path):
    assert _import_as("api-server", tmp_path) == (False, False)
