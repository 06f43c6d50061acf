#!/usr/bin/env bash
# Create bi/.venv (Python 3.11) with Superset and the DuckDB driver from the lock bi/requirements.txt.
# Superset gets its own venv: it pins SQLAlchemy 1.4 and Flask versions the pipeline's venv does not
# use. Idempotent: skipped when the venv was built from the same lock (stamp file in the venv).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
PYTHON="${PYTHON:-python3.11}"
LOCK=bi/requirements.txt
STAMP=bi/.venv/.requirements.sha256
wanted="$(sha256sum "$LOCK" | cut -d' ' -f1)"
if [ -x bi/.venv/bin/superset ] && [ "$(cat "$STAMP" 2>/dev/null)" = "$wanted" ]; then
  echo "bi: bi/.venv up to date"
  exit 0
fi
if [ ! -x .venv/bin/uv ]; then
  bash scripts/setup.sh  # provides uv (pinned) in .venv
fi
.venv/bin/uv venv --quiet --allow-existing --python "$PYTHON" bi/.venv
.venv/bin/uv pip install --quiet --compile-bytecode --python bi/.venv/bin/python -r "$LOCK"
echo "$wanted" >"$STAMP"
echo "bi: bi/.venv ready (superset $(bi/.venv/bin/python -c 'import importlib.metadata as m; print(m.version("apache-superset"))'))"
