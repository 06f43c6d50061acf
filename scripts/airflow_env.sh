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
# A locked door: Airflow's simple auth manager with real users (not everyone-is-admin). Their
# passwords are generated once (scripts/airflow_users.py, run by the demo) into the passwords file
# under AIRFLOW_HOME. docker-compose.yaml uses FAB with the admin from .env instead.
export AIRFLOW__CORE__AUTH_MANAGER="${AIRFLOW__CORE__AUTH_MANAGER:-airflow.api_fastapi.auth.managers.simple.simple_auth_manager.SimpleAuthManager}"
export AIRFLOW__CORE__SIMPLE_AUTH_MANAGER_ALL_ADMINS="${AIRFLOW__CORE__SIMPLE_AUTH_MANAGER_ALL_ADMINS:-False}"
export AIRFLOW__CORE__SIMPLE_AUTH_MANAGER_USERS="${AIRFLOW__CORE__SIMPLE_AUTH_MANAGER_USERS:-admin:admin,viewer:viewer}"
export AIRFLOW__CORE__SIMPLE_AUTH_MANAGER_PASSWORDS_FILE="${AIRFLOW__CORE__SIMPLE_AUTH_MANAGER_PASSWORDS_FILE:-$AIRFLOW_HOME/simple_auth_manager_passwords.json.generated}"
# Only this machine reaches the UI and API unless told otherwise (AIRFLOW__API__HOST=0.0.0.0).
export AIRFLOW__API__HOST="${AIRFLOW__API__HOST:-127.0.0.1}"
export AIRFLOW__API__PORT="${AIRFLOW__API__PORT:-8080}"
export AIRFLOW__LOGGING__LOGGING_LEVEL="${AIRFLOW__LOGGING__LOGGING_LEVEL:-INFO}"
export PATH="$ENGAGEMENT_ROOT/.venv/bin:$PATH"
