#!/usr/bin/env bash
# Create .venv (Python 3.11) and install the locked dependencies plus the project package.
# Idempotent: a second run only checks that everything is in place.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
PYTHON="${PYTHON:-python3.11}"
if ! command -v "$PYTHON" >/dev/null; then
  echo "setup: $PYTHON not found; install Python 3.11 or set PYTHON=/path/to/python3.11" >&2
  exit 1
fi
if [ ! -x .venv/bin/python ]; then
  "$PYTHON" -m venv .venv
fi
# uv resolves exactly the versions in constraints.txt and, unlike the pip a new venv ships,
# installs every extra (trafilatura's lxml_html_clean) reliably. --compile-bytecode: uv writes no
# .pyc by default, and where PYTHONDONTWRITEBYTECODE is set (as on CI machines) nothing caches them
# later either, so every task process would compile Airflow, polars and scipy from source (about
# 0.6-1 s of CPU per process; a year's backfill starts thousands of them).
.venv/bin/python -m pip install --quiet --disable-pip-version-check "uv==0.13.8"
.venv/bin/uv pip install --quiet --compile-bytecode --python .venv/bin/python -r requirements.txt -c constraints.txt
.venv/bin/uv pip install --quiet --compile-bytecode --python .venv/bin/python --no-deps -e .
# Our own modules too (stale ones are recompiled in memory after an edit, so this is only a head start).
.venv/bin/python -m compileall -q -j 0 include dags plugins >/dev/null
echo "setup: .venv ready ($(.venv/bin/python --version), airflow $(.venv/bin/python -c 'import airflow; print(airflow.__version__)'))"
