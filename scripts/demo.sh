#!/usr/bin/env bash
# The main job, from a fresh clone: install everything, then let Airflow run the
# bilateral_engagement DAG for every day of the bundled demo corpus into DuckDB, and print the
# top country pairs read back from the published reporting database.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
bash scripts/setup.sh
# shellcheck source=scripts/airflow_env.sh
source scripts/airflow_env.sh
export ENGAGEMENT_LANDING_DIR="${ENGAGEMENT_LANDING_DIR:-$ROOT/include/demo_corpus}"
mkdir -p "$AIRFLOW_HOME"

echo "== Airflow metadata database ($AIRFLOW_HOME)"
airflow db migrate >"$AIRFLOW_HOME/db-migrate.log" 2>&1 || { tail -20 "$AIRFLOW_HOME/db-migrate.log"; exit 1; }
airflow pools import "$ROOT/include/config/pools.json" >/dev/null
# Passwords of the UI's users: generated and printed on the first run only.
python scripts/airflow_users.py 2>/dev/null | grep -E "^(Simple auth manager|Airflow users)"

echo "== Running bilateral_engagement through Airflow for every day of $ENGAGEMENT_LANDING_DIR"
# One dag.test() run per day, in day order, in one process: the runs are recorded in Airflow's
# database (visible in the UI) without a scheduler racing SQLite. Task logs go to the file.
python scripts/run_dag_days.py --from-landing 2>"$AIRFLOW_HOME/demo-runs.log" | grep '^run ' \
  || { echo "demo: a DAG run failed; see $AIRFLOW_HOME/demo-runs.log" >&2; tail -30 "$AIRFLOW_HOME/demo-runs.log" >&2; exit 1; }

PUBLISHED="$(python -c 'from engagement.config import load_settings; print(load_settings().published_path)')"
echo
echo "== Top country pairs (distinct events; from $PUBLISHED)"
engagement top-pairs --limit 10
cat <<EOF

Next steps
  Airflow UI:  source scripts/airflow_env.sh && airflow standalone
               then open http://127.0.0.1:8080 and log in as admin or viewer (passwords in
               $AIRFLOW__CORE__SIMPLE_AUTH_MANAGER_PASSWORDS_FILE); runs above are under DAG
               bilateral_engagement, the engagement view under Browse > Engagement;
               stop it with Ctrl-C, or kill its process group: kill -- -<pid>
  BI tools:    open $PUBLISHED read-only, e.g. SQLAlchemy URL
               duckdb:///$PUBLISHED?access_mode=read_only&late_materialization_max_rows=1000
               (tables in schema core, views in schema reporting; see docs/warehouse.md)
  CLI:         .venv/bin/engagement status | top-pairs | extract --lang hi --published 2025-11-17 FILE
EOF
