#!/usr/bin/env bash
# Local PostgreSQL for Airflow's metadata database (development and CI), on 127.0.0.1 only.
#
# Uses a dedicated Debian cluster named "engagement" (pg_createcluster), so it never touches the
# machine's default "main" cluster and works as root on a fresh Debian: the cluster's files belong
# to the `postgres` system user, which is who initdb and the server must run as.
#
# Usage: scripts/postgres.sh [start|stop|status]     (default: start; needs root)
#   start   install PostgreSQL if missing, create/start the cluster, ensure role and db `airflow`;
#           idempotent. Prints the SQLAlchemy URL on stdout (everything else goes to stderr):
#             export AIRFLOW__DATABASE__SQL_ALCHEMY_CONN="$(scripts/postgres.sh)"
#   stop    stop the cluster (data is kept)
#   status  print the cluster state; exit 0 when running, 3 when stopped or absent
#
# Environment: ENGAGEMENT_PG_PORT (default 54329, away from the usual 5432).
set -euo pipefail

CLUSTER=engagement
PORT="${ENGAGEMENT_PG_PORT:-54329}"
DB_USER=airflow
DB_PASSWORD=airflow
DB_NAME=airflow

log() { echo "postgres.sh: $*" >&2; }

require_root() {
  if [[ "$(id -u)" -ne 0 ]]; then
    log "run as root (e.g. with sudo): it installs packages and manages a cluster owned by user postgres"
    exit 1
  fi
}

install_if_missing() {
  if command -v pg_createcluster >/dev/null && compgen -G "/usr/lib/postgresql/*/bin/postgres" >/dev/null; then
    return
  fi
  log "installing PostgreSQL server (apt-get)"
  apt-get update >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends postgresql >&2
}

server_version() {
  # Newest installed server major version, e.g. 15 on Debian 12.
  ls /usr/lib/postgresql | sort -n | tail -1
}

# Prints "<version> <port> <status>" of our cluster, nothing when it does not exist.
cluster_line() {
  pg_lsclusters --no-header 2>/dev/null | awk -v name="$CLUSTER" '$2 == name { print $1, $3, $4 }'
}

as_postgres() { runuser -u postgres -- "$@"; }

psql_admin() {
  as_postgres psql --no-psqlrc --quiet --tuples-only --no-align -p "$PORT" -d postgres \
    -v ON_ERROR_STOP=1 "$@"
}

wait_until_ready() {
  for _ in $(seq 1 30); do
    if pg_isready -q -h 127.0.0.1 -p "$PORT"; then
      return
    fi
    sleep 1
  done
  log "server on 127.0.0.1:$PORT did not become ready; see /var/log/postgresql/postgresql-*-$CLUSTER.log"
  exit 1
}

ensure_role_and_database() {
  if [[ "$(psql_admin -c "SELECT 1 FROM pg_roles WHERE rolname = '$DB_USER'")" != "1" ]]; then
    log "creating role $DB_USER"
    psql_admin -c "CREATE ROLE $DB_USER LOGIN PASSWORD '$DB_PASSWORD'"
  fi
  # The backfill test gives every run a fresh database of its own, so the role creates them.
  psql_admin -c "ALTER ROLE $DB_USER CREATEDB" >/dev/null
  if [[ "$(psql_admin -c "SELECT 1 FROM pg_database WHERE datname = '$DB_NAME'")" != "1" ]]; then
    log "creating database $DB_NAME"
    psql_admin -c "CREATE DATABASE $DB_NAME OWNER $DB_USER"
  fi
}

start() {
  require_root
  install_if_missing
  local version cluster_port status
  read -r version cluster_port status <<<"$(cluster_line)" || true
  if [[ -z "${version:-}" ]]; then
    version="$(server_version)"
    log "creating cluster $version/$CLUSTER on 127.0.0.1:$PORT"
    pg_createcluster --port "$PORT" "$version" "$CLUSTER" >&2
    # A conf.d drop-in, because pg_createcluster --pgoption writes 127.0.0.1 unquoted (invalid).
    echo "listen_addresses = '127.0.0.1'" >"/etc/postgresql/$version/$CLUSTER/conf.d/listen.conf"
    status=down
  elif [[ "$cluster_port" != "$PORT" ]]; then
    log "moving cluster $version/$CLUSTER from port $cluster_port to $PORT"
    [[ "$status" == online ]] && pg_ctlcluster "$version" "$CLUSTER" stop >&2
    pg_conftool "$version" "$CLUSTER" set port "$PORT"
    status=down
  fi
  if [[ "$status" != online ]]; then
    log "starting cluster $version/$CLUSTER"
    pg_ctlcluster "$version" "$CLUSTER" start >&2
  fi
  wait_until_ready
  ensure_role_and_database
  echo "postgresql+psycopg2://$DB_USER:$DB_PASSWORD@127.0.0.1:$PORT/$DB_NAME"
}

stop() {
  require_root
  local version cluster_port status
  read -r version cluster_port status <<<"$(cluster_line)" || true
  if [[ "${status:-}" == online ]]; then
    pg_ctlcluster "$version" "$CLUSTER" stop >&2
    log "stopped cluster $version/$CLUSTER"
  else
    log "cluster $CLUSTER is not running"
  fi
}

status() {
  local version cluster_port status
  read -r version cluster_port status <<<"$(cluster_line)" || true
  if [[ -z "${version:-}" ]]; then
    echo "cluster $CLUSTER: absent"
    exit 3
  fi
  echo "cluster $version/$CLUSTER: $status on 127.0.0.1:$cluster_port"
  [[ "$status" == online ]] || exit 3
}

case "${1:-start}" in
  start) start ;;
  stop) stop ;;
  status) status ;;
  *) log "unknown command '$1'; use start, stop or status"; exit 2 ;;
esac
