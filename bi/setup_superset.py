"""Set up Superset for the bilateral-engagement dashboard: metadata database, admin user, roles,
then the dashboard imported from bi/dashboard/ pointed at a published DuckDB file.

Run with bi/.venv's Python (bi/install.sh), with SUPERSET_CONFIG_PATH=bi/superset_config.py,
SUPERSET_HOME and SUPERSET_SECRET_KEY set:

    bi/.venv/bin/python bi/setup_superset.py --duckdb /abs/path/engagement_reporting.duckdb

The dashboard lives in the repository as Superset's own export format unpacked (one YAML file
per database, dataset, chart and dashboard); this script zips it at import time, with the
database's URL set to the given file opened read-only. Re-running it is safe: the admin user is
kept, and the import overwrites the dashboard, charts and datasets by their UUIDs.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

EXPORT_DIR = Path(__file__).resolve().parent / "dashboard"
DATABASE_YAML = Path("databases") / "engagement_reporting.yaml"
BUNDLE_ROOT = "bilateral_engagement_export"


def duckdb_url(path: Path, exported_url: str) -> str:
    """The exported SQLAlchemy URL pointed at ``path`` (four slashes: absolute path), its query
    kept: it holds the DuckDB settings every reader of the published copy uses (read-only, and
    ``engagement.warehouse.connect.READER_SETTINGS``)."""
    _, _, query = exported_url.partition("?")
    return f"duckdb:///{path.resolve()}" + (f"?{query}" if query else "")


def bundle(export_dir: Path, database_file: Path, target: Path) -> Path:
    """Zip the export directory as Superset expects it, with the database URL replaced."""
    with zipfile.ZipFile(target, "w") as archive:
        for path in sorted(export_dir.rglob("*.yaml")):
            relative = path.relative_to(export_dir)
            text = path.read_text(encoding="utf-8")
            if relative == DATABASE_YAML:
                text = (
                    "\n".join(
                        f"sqlalchemy_uri: {duckdb_url(database_file, line.split(':', 1)[1].strip())}"
                        if line.startswith("sqlalchemy_uri:")
                        else line
                        for line in text.splitlines()
                    )
                    + "\n"
                )
            archive.writestr(f"{BUNDLE_ROOT}/{relative}", text)
    return target


def superset(*args: str) -> None:
    """Run one superset CLI command of this venv; its output goes to our output."""
    command = [str(Path(sys.executable).with_name("superset")), *args]
    print("+ superset", " ".join(a if "password" not in a else "***" for a in args), flush=True)
    subprocess.run(command, check=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--duckdb", required=True, type=Path, help="published DuckDB file the dashboard reads")
    parser.add_argument("--admin-user", default=os.environ.get("SUPERSET_ADMIN_USERNAME", "admin"))
    parser.add_argument("--admin-password", default=os.environ.get("SUPERSET_ADMIN_PASSWORD"))
    args = parser.parse_args(argv)
    if not args.admin_password:
        parser.error("set SUPERSET_ADMIN_PASSWORD or pass --admin-password")
    for variable in ("SUPERSET_CONFIG_PATH", "SUPERSET_SECRET_KEY"):
        if not os.environ.get(variable):
            parser.error(f"{variable} must be set (see bi/superset_config.py)")
    superset("db", "upgrade")
    superset(
        "fab",
        "create-admin",
        "--username",
        args.admin_user,
        "--firstname",
        "Superset",
        "--lastname",
        "Admin",
        "--email",
        f"{args.admin_user}@localhost",
        "--password",
        args.admin_password,
    )  # prints "already exists" and succeeds when the user is there
    superset("init")
    with tempfile.TemporaryDirectory() as scratch:
        archive = bundle(EXPORT_DIR, args.duckdb, Path(scratch) / "bilateral_engagement.zip")
        superset("import-dashboards", "--path", str(archive), "--username", args.admin_user)
    return 0


if __name__ == "__main__":
    sys.exit(main())
