"""Superset settings for the bilateral-engagement dashboard (local venv, tests and docker profile `bi`).

Everything that differs between places comes from the environment: the secret key, where
Superset keeps its own metadata database, and (in bi/setup_superset.py) the DuckDB file.
"""

import os

SECRET_KEY = os.environ["SUPERSET_SECRET_KEY"]
SUPERSET_HOME = os.environ.get("SUPERSET_HOME", os.path.expanduser("~/.superset"))
SQLALCHEMY_DATABASE_URI = os.environ.get(
    "SUPERSET_METADATA_URI", "sqlite:///" + os.path.join(SUPERSET_HOME, "superset.db")
)
# The published DuckDB file is read-only for everyone: no uploads, no DML from SQL Lab.
PREVENT_UNSAFE_DB_CONNECTIONS = False
# No outside calls: no telemetry, no map tiles, no example data.
SCARF_ANALYTICS = False
FEATURE_FLAGS = {"DASHBOARD_RBAC": False}
# Dashboards filter on the ISO3 columns; keep results small and fresh after each publish.
CACHE_CONFIG = {"CACHE_TYPE": "NullCache"}
DATA_CACHE_CONFIG = {"CACHE_TYPE": "NullCache"}
WTF_CSRF_ENABLED = os.environ.get("SUPERSET_CSRF", "1") == "1"
TALISMAN_ENABLED = False
