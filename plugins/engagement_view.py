"""Airflow 3 plugin: the engagement view, mounted in the api-server at /engagement.

Thin on purpose: the page, its queries and endpoints live in ``engagement.ui`` (tested without
Airflow). This file adds what only Airflow has: its login check on every route (the same JWT
check the REST API makes: a bearer token or the UI's session cookie, then the auth manager's
permission to read assets, since the view shows the published asset), the lookup of a DAG run's
day, and the UI entries: "Engagement" under Browse, and an "Engagement" tab on every DAG run
that opens the day's counts.
"""

from __future__ import annotations

from datetime import date

from airflow.api_fastapi.core_api.security import requires_access_asset
from airflow.plugins_manager import AirflowPlugin
from engagement.config import load_settings
from engagement.partitions import day_of_run
from engagement.ui.app import create_app
from fastapi import Depends

URL_PREFIX = "/engagement"


def run_day(dag_id: str, run_id: str) -> date | None:
    """The day a DAG run processed (its logical date, see engagement.partitions)."""
    from airflow.models.dagrun import DagRun
    from airflow.utils.session import create_session
    from sqlalchemy import select

    with create_session() as session:
        logical_date = session.scalar(
            select(DagRun.logical_date).where(DagRun.dag_id == dag_id, DagRun.run_id == run_id)
        )
    return day_of_run(logical_date) if logical_date else None


class EngagementViewPlugin(AirflowPlugin):
    name = "engagement_view"
    fastapi_apps = [
        {
            "app": create_app(load_settings(), [Depends(requires_access_asset("GET"))], run_day),
            "url_prefix": URL_PREFIX,
            "name": "Engagement view",
        }
    ]
    external_views = [
        {
            "name": "Engagement",
            "href": f"{URL_PREFIX}/",
            "destination": "nav",
            "category": "browse",
            "url_route": "engagement",
        },
        {
            "name": "Engagement",
            "href": f"{URL_PREFIX}/run/{{DAG_ID}}/{{RUN_ID}}",
            "destination": "dag_run",
            "url_route": "engagement-run",
        },
    ]
