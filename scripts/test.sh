#!/usr/bin/env bash
# The whole test suite, from a fresh clone: install everything (.venv and Superset's bi/.venv),
# start the services the integration tests need (PostgreSQL for Airflow's metadata database in
# the backfill, Celery and UI tests, redis-server for the Celery test, Chromium for the browser
# test), then run pytest. Extra arguments go to pytest (e.g. -m "not integration" for the fast
# tests).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
bash scripts/setup.sh
# The knowledge-base build scripts' inputs, so tests can check the committed generated files.
.venv/bin/uv pip install --quiet --python .venv/bin/python -r requirements-build.txt
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
# The Celery test runs its own Redis broker from Debian's redis-server (on a free loopback port;
# the package's system service is not used).
if ! command -v redis-server >/dev/null; then
  if [ "$(id -u)" -eq 0 ]; then
    echo "test: installing Debian's redis-server for the Celery test" >&2
    { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends redis-server; } >&2
  else
    echo "test: redis-server missing and not root; the Celery test will be skipped" >&2
  fi
fi
# The engagement view's browser test drives Debian's Chromium through its chromedriver (with a
# Devanagari font, so its screenshots show the Hindi evidence).
if ! { [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ]; }; then
  if [ "$(id -u)" -eq 0 ]; then
    echo "test: installing Debian's chromium and chromium-driver for the browser test" >&2
    { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver fonts-lohit-deva; } >&2
  else
    echo "test: chromium or chromedriver missing and not root; the browser test will fail" >&2
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
