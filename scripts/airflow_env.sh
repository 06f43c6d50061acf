# Source this file: Airflow settings for running the project locally (demo, tests, standalone UI).
# One place for them, so the demo, the tests and `airflow standalone` see the same configuration.
ENGAGEMENT_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export ENGAGEMENT_ROOT
export AIRFLOW_HOME="${AIRFLOW_HOME:-$ENGAGEMENT_ROOT/.airflow}"
export AIRFLOW__CORE__DAGS_FOLDER="$ENGAGEMENT_ROOT/dags"
export AIRFLOW__CORE__PLUGINS_FOLDER="$ENGAGEMENT_ROOT/plugins"
export AIRFLOW__CORE__LOAD_EXAMPLES=False
# Scheduler and slot tuning (one file shared with docker-compose and the tests); a value already
# in the environment wins.
while IFS='=' read -r key value; do
  [[ -z "$key" || "$key" == \#* ]] && continue
  [[ -n "${!key:-}" ]] || export "$key=$value"
done <"$ENGAGEMENT_ROOT/include/config/airflow.env"
export AIRFLOW__CORE__DAGS_ARE_PAUSED_AT_CREATION=True
export AIRFLOW__CORE__SIMPLE_AUTH_MANAGER_ALL_ADMINS="${AIRFLOW__CORE__SIMPLE_AUTH_MANAGER_ALL_ADMINS:-True}"
export AIRFLOW__API__PORT="${AIRFLOW__API__PORT:-8080}"
export AIRFLOW__LOGGING__LOGGING_LEVEL="${AIRFLOW__LOGGING__LOGGING_LEVEL:-INFO}"
export PATH="$ENGAGEMENT_ROOT/.venv/bin:$PATH"
