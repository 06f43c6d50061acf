"""The demo as a user meets it: its runs, behind the local login, served by a real api-server.

``demo_stack`` (a session fixture in conftest.py) runs every day of the demo corpus through
scripts/run_dag_days.py, as scripts/demo.sh does, into a fresh PostgreSQL database, with the
auth settings of scripts/airflow_env.sh, and starts an api-server on 127.0.0.1 that loads the
plugins folder. The tests then talk to it over HTTP (REST API, engagement view) or Chromium.
"""

from __future__ import annotations

import json
import os
import subprocess
from dataclasses import dataclass
from pathlib import Path

import httpx

from tests.conftest import REPO
from tests.integration.airflow_stack import AirflowStack

DEMO_CORPUS = REPO / "include" / "demo_corpus"
AUTH_KEYS = (
    "AIRFLOW__CORE__AUTH_MANAGER",
    "AIRFLOW__CORE__SIMPLE_AUTH_MANAGER_ALL_ADMINS",
    "AIRFLOW__CORE__SIMPLE_AUTH_MANAGER_USERS",
    "AIRFLOW__CORE__SIMPLE_AUTH_MANAGER_PASSWORDS_FILE",
    "AIRFLOW__API__HOST",
)


def local_settings(home: Path) -> dict[str, str]:
    """What scripts/airflow_env.sh exports for an AIRFLOW_HOME, with none of this shell's values."""
    clean = {k: v for k, v in os.environ.items() if not k.startswith("AIRFLOW__") and k != "AIRFLOW_HOME"}
    out = subprocess.run(
        ["bash", "-c", "source scripts/airflow_env.sh && env -0"],
        cwd=REPO,
        env={**clean, "AIRFLOW_HOME": str(home)},
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return dict(line.split("=", 1) for line in out.split("\0") if "=" in line)


def auth_settings(home: Path) -> dict[str, str]:
    """The local setup's login settings (auth manager, users, passwords file, bind address)."""
    settings = local_settings(home)
    return {key: settings[key] for key in AUTH_KEYS}


@dataclass
class DemoStack:
    """A running api-server over the demo's runs, and where its data and passwords live."""

    airflow: AirflowStack
    published: Path

    @property
    def base_url(self) -> str:
        return self.airflow.base_url

    def password(self, user: str) -> str:
        path = Path(self.airflow.env["AIRFLOW__CORE__SIMPLE_AUTH_MANAGER_PASSWORDS_FILE"])
        return json.loads(path.read_text(encoding="utf-8"))[user]

    def token(self, user: str) -> str:
        response = httpx.post(
            f"{self.base_url}/auth/token", json={"username": user, "password": self.password(user)}, timeout=30
        )
        response.raise_for_status()
        return response.json()["access_token"]

    def client(self, user: str | None = None) -> httpx.Client:
        """An HTTP client for the api-server, logged in as ``user`` (anonymous when None)."""
        headers = {"Authorization": f"Bearer {self.token(user)}"} if user else {}
        return httpx.Client(base_url=self.base_url, headers=headers, timeout=60)
