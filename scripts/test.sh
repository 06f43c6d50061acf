#!/usr/bin/env bash
# The whole test suite, from a fresh clone: install everything (.venv and Superset's bi/.venv), start the services the
# integration tests need (PostgreSQL for Airflow's metadata database in the backfill test),
# then run pytest. Extra arguments go to pytest (e.g. -m "not integration" for the fast tests).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
bash scripts/setup.sh
# Superset's own venv (bi/.venv) for tests/integration/test_superset.py and the pandas recipe.
bash bi/install.sh
if [ -z "${ENGAGEMENT_TEST_PG_URL:-}" ]; then
  if [ "$(id -u)" -eq 0 ]; then
    ENGAGEMENT_TEST_PG_URL="$(bash scripts/postgres.sh start)"
    export ENGAGEMENT_TEST_PG_URL
  else
    echo "test: not root, PostgreSQL not started; set ENGAGEMENT_TEST_PG_URL to run the backfill test" >&2
  fi
fi
set +e
.venv/bin/python -m pytest "$@"
status=$?
set -e
if [ "$status" -eq 5 ]; then
  echo "test: pytest collected no tests; that is a failure" >&2
  exit 1
fi
exit "$status"
