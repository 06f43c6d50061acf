"""The docker-compose stack and Dockerfile stay consistent with the project they package.

No Docker daemon runs where these tests run, so the stack is checked by structure (pyyaml) and,
when the `docker-compose` binary is installed, by `docker-compose config`, which interpolates
the .env file exactly as `docker compose up` would.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

REPO = Path(__file__).resolve().parents[1]
COMPOSE_FILE = REPO / "docker-compose.yaml"
ENV_EXAMPLE = REPO / ".env.example"

AIRFLOW_SERVICES = {
    "airflow-apiserver",
    "airflow-scheduler",
    "airflow-dag-processor",
    "airflow-triggerer",
    "airflow-worker",
    "duckdb-worker",
    "airflow-init",
    "flower",
}
LONG_RUNNING = AIRFLOW_SERVICES - {"airflow-init"}
WORKERS = {"airflow-worker", "duckdb-worker"}
DATA_DIR = "/opt/airflow/data"
PROJECT_MOUNTS = {
    "./dags": "/opt/airflow/dags",
    "./plugins": "/opt/airflow/plugins",
    "./include": "/opt/airflow/include",
}
# Shared by every worker on one host; on several hosts the storage URL is s3:// (docs/celery.md).
SHARED_DATA_MOUNTS = {f"./data/{name}": f"{DATA_DIR}/{name}" for name in ("landing", "raw", "staging")}
DUCKDB_FILES = ("/warehouse", "/published")
SECRET_NAME = re.compile(r"PASSWORD|SECRET|FERNET|_KEY$")
REQUIRED_REFERENCE = re.compile(r"^\$\{[A-Z0-9_]+:\?[^}]+\}$")
URL_CREDENTIALS = re.compile(r"://[^:/@]*:([^@]*)@")
VARIABLE_REFERENCE = re.compile(r"(?<!\$)\$\{([A-Z0-9_]+)(:?[-?])?")


@pytest.fixture(scope="module")
def services() -> dict:
    return yaml.safe_load(COMPOSE_FILE.read_text())["services"]


@pytest.fixture(scope="module")
def env_example() -> dict[str, str]:
    return _read_env_file(ENV_EXAMPLE)


@pytest.fixture(scope="module")
def dockerfile() -> list[tuple[str, str]]:
    """(INSTRUCTION, arguments) pairs with line continuations joined and comments dropped."""
    joined = re.sub(r"\\\n\s*", " ", (REPO / "Dockerfile").read_text())
    lines = [line.strip() for line in joined.splitlines()]
    return [
        (line.split(None, 1)[0].upper(), line.split(None, 1)[1])
        for line in lines
        if line and not line.startswith("#")
    ]


def _mounts(service: dict) -> dict[str, str]:
    """Host path -> container path (with ``:ro`` kept) of a service's volumes."""
    return dict(volume.split(":", 1) for volume in service.get("volumes", []))


def _read_env_file(path: Path) -> dict[str, str]:
    pairs = (line.split("=", 1) for line in path.read_text().splitlines() if "=" in line)
    return {key.strip(): value.strip() for key, value in pairs if not key.lstrip().startswith("#")}


def _variable_references() -> list[tuple[str, str]]:
    """(name, operator) of every `${NAME...}` the compose file interpolates, comments excluded."""
    lines = COMPOSE_FILE.read_text().splitlines()
    code = "\n".join(line for line in lines if not line.lstrip().startswith("#"))
    return VARIABLE_REFERENCE.findall(code)


def _required_variables() -> set[str]:
    """Variables the compose file refuses to run without (`${VAR:?message}`)."""
    return {name for name, operator in _variable_references() if operator == ":?"}


def test_stack_has_the_services_of_airflows_official_celery_compose(services):
    assert set(services) == AIRFLOW_SERVICES | {"postgres", "redis", "superset"}
    assert services["airflow-apiserver"]["command"] == "api-server"
    assert "8080:8080" in services["airflow-apiserver"]["ports"]
    assert services["airflow-worker"]["command"] == "celery worker --queues default"
    assert services["airflow-dag-processor"]["command"] == "dag-processor"
    assert services["flower"]["profiles"] == ["flower"]


def test_airflow_services_run_the_project_image_with_project_code_and_shared_data_mounted(services):
    for name in LONG_RUNNING:
        service = services[name]
        assert service["build"] == ".", name
        mounts = _mounts(service)
        wanted = PROJECT_MOUNTS | SHARED_DATA_MOUNTS
        assert {source: mounts.get(source) for source in wanted} == wanted, name
        environment = service["environment"]
        assert environment["ENGAGEMENT_DATA_DIR"] == DATA_DIR, name
        assert environment["ENGAGEMENT_STORAGE_URL"] == "${ENGAGEMENT_STORAGE_URL:-file://" + DATA_DIR + "}", name
    assert _mounts(services["airflow-init"])["./data"] == DATA_DIR


def test_duckdb_queue_has_one_single_slot_worker_and_the_default_queue_scales(services, monkeypatch):
    from engagement.config import load_settings

    monkeypatch.delenv("ENGAGEMENT_DUCKDB_QUEUE", raising=False)
    queue = load_settings().duckdb_queue
    duckdb_worker, default_worker = services["duckdb-worker"], services["airflow-worker"]
    assert duckdb_worker["command"] == f"celery worker --queues {queue} --concurrency 1"
    assert "--queues default" in default_worker["command"] and queue not in default_worker["command"]
    for name in WORKERS:
        # `--scale` needs replicas that differ only by their generated container name and hostname.
        assert not {"container_name", "ports", "hostname"} & set(services[name]), name
        assert services[name]["healthcheck"] == default_worker["healthcheck"], name
    assert "deploy" not in duckdb_worker  # one replica, always: DuckDB has one writing process per file


def test_only_the_duckdb_worker_mounts_the_warehouse_and_published_copy_writable(services):
    writers = {
        name
        for name, service in services.items()
        for source, target in _mounts(service).items()
        if source.endswith(DUCKDB_FILES) and not target.endswith(":ro")
    }
    assert writers == {"duckdb-worker"}
    duckdb_mounts = _mounts(services["duckdb-worker"])
    assert {source: duckdb_mounts[source] for source in ("./data/warehouse", "./data/published")} == {
        "./data/warehouse": f"{DATA_DIR}/warehouse",
        "./data/published": f"{DATA_DIR}/published",
    }
    # The engagement view in the api-server reads the published copy; no other task runner sees the
    # files. Only airflow-init, which creates and chowns the folders and runs no task, mounts ./data.
    readers = {name for name, service in services.items() if any(s.endswith(DUCKDB_FILES) for s in _mounts(service))}
    assert readers == {"duckdb-worker", "airflow-apiserver", "superset"}
    assert {name for name, service in services.items() if "./data" in _mounts(service)} == {"airflow-init"}
    assert _mounts(services["airflow-apiserver"])["./data/published"] == f"{DATA_DIR}/published:ro"


def test_airflow_settings_are_celery_without_examples_and_few_slots(services):
    from tests.integration.airflow_runs import airflow_tuning

    environment = services["airflow-scheduler"]["environment"]
    assert environment["AIRFLOW__CORE__EXECUTOR"] == "CeleryExecutor"
    assert environment["AIRFLOW__CORE__LOAD_EXAMPLES"] == "false"
    assert services["airflow-scheduler"]["env_file"] == ["include/config/airflow.env"]
    assert 1 <= int(airflow_tuning()["AIRFLOW__CORE__PARALLELISM"]) <= 8
    execution_api = environment["AIRFLOW__CORE__EXECUTION_API_SERVER_URL"]
    assert execution_api == "http://airflow-apiserver:8080/execution/"
    assert "_PIP_ADDITIONAL_REQUIREMENTS" not in environment


def test_stack_logs_in_with_fab_and_the_admin_of_the_env_file(services):
    """Docker keeps FAB; the simple auth manager of the local scripts never leaks into it."""
    from tests.integration.airflow_runs import airflow_tuning

    for name in AIRFLOW_SERVICES:
        environment = services[name]["environment"]
        assert environment["AIRFLOW__CORE__AUTH_MANAGER"].endswith("fab_auth_manager.FabAuthManager"), name
        assert not any("SIMPLE_AUTH_MANAGER" in key or key == "AIRFLOW__API__HOST" for key in environment), name
    assert not any("AUTH_MANAGER" in key or key.startswith("AIRFLOW__API__") for key in airflow_tuning())
    init = services["airflow-init"]["environment"]
    assert init["_AIRFLOW_WWW_USER_PASSWORD"].startswith("${AIRFLOW_ADMIN_PASSWORD:?")


def test_long_running_services_are_health_checked_and_wait_for_init(services):
    for name in LONG_RUNNING:
        assert services[name]["healthcheck"]["test"], name
        waits_for_init = services[name]["depends_on"]["airflow-init"]
        assert waits_for_init == {"condition": "service_completed_successfully"}, name
    for name in ("postgres", "redis"):
        assert services[name]["healthcheck"]["test"], name
    for name in WORKERS:
        assert services[name]["depends_on"]["airflow-apiserver"] == {"condition": "service_healthy"}, name


def test_bi_profile_runs_superset_on_the_published_file_read_only_with_the_dashboard(services):
    superset = services["superset"]
    assert superset["profiles"] == ["bi"]
    assert superset["build"] == {"context": ".", "dockerfile": "bi/Dockerfile"}
    assert "./data/published:/data/published:ro" in superset["volumes"]
    script = superset["command"][-1]
    setup = re.search(r"python bi/setup_superset.py --duckdb (\S+)", script)
    assert setup and setup.group(1) == "/data/published/engagement_reporting.duckdb"
    assert script.index("setup_superset.py") < script.index("exec gunicorn")
    assert superset["ports"] == ["127.0.0.1:8088:8088"]
    assert superset["healthcheck"]["test"]
    assert "superset" not in superset.get("depends_on", {})
    image = (REPO / "bi" / "Dockerfile").read_text()
    assert "pip install --no-cache-dir -r /app/bi/requirements.txt" in image
    assert "COPY bi/dashboard /app/bi/dashboard" in image
    assert "ENV SUPERSET_CONFIG_PATH=/app/bi/superset_config.py" in image
    assert (REPO / "bi" / "dashboard" / "databases" / "engagement_reporting.yaml").exists()


def test_init_migrates_creates_admin_pool_and_data_dirs(services):
    init = services["airflow-init"]
    script = init["command"][-1]
    assert init["user"] == "0:0"
    assert init["environment"]["_AIRFLOW_DB_MIGRATE"] == "true"
    assert init["environment"]["_AIRFLOW_WWW_USER_CREATE"] == "true"
    assert "airflow pools import /opt/airflow/include/config/pools.json" in script
    assert "mkdir -v -p /opt/airflow/data/{landing,raw,staging,warehouse,published}" in script
    assert 'chown -R "${AIRFLOW_UID:-50000}:0" /opt/airflow/data' in script


def test_every_secret_is_a_required_reference_to_the_env_file(services):
    checked = 0
    for name, service in services.items():
        for key, value in service.get("environment", {}).items():
            if SECRET_NAME.search(key):
                assert REQUIRED_REFERENCE.match(value), f"{name}: {key}={value}"
                checked += 1
            for password in URL_CREDENTIALS.findall(str(value)):
                assert password == "" or REQUIRED_REFERENCE.match(password), f"{name}: {key}"
    assert checked >= 5


def test_env_example_documents_every_variable_and_holds_no_secret(env_example):
    referenced = {name for name, _ in _variable_references()}
    assert set(env_example) == referenced
    text = ENV_EXAMPLE.read_text()
    for name in _required_variables():
        assert env_example[name] == "", f"{name} must be left empty in .env.example"
        comment = text.split(f"\n{name}=")[0].rsplit("\n\n", 1)[-1]
        assert "generate with" in comment.lower() or "choose" in comment.lower(), name


def test_dockerfile_pins_the_airflow_and_python_of_the_project(dockerfile):
    pinned = re.search(r"^apache-airflow==(\S+)$", (REPO / "requirements.txt").read_text(), re.M)
    assert ("FROM", f"apache/airflow:{pinned.group(1)}-python3.11") == dockerfile[0]
    assert '">=3.11,<3.12"' in (REPO / "pyproject.toml").read_text()


def test_dockerfile_installs_locked_requirements_then_the_package_where_mounted(dockerfile):
    runs = [args for instruction, args in dockerfile if instruction == "RUN"]
    copies = [args for instruction, args in dockerfile if instruction == "COPY"]
    assert ("USER", "airflow") in dockerfile
    assert any(
        "pip install" in run
        and "-r /opt/airflow/requirements.txt" in run
        and "-c /opt/airflow/constraints.txt" in run
        for run in runs
    )
    assert any(copy.endswith("include /opt/airflow/include") for copy in copies)
    assert any("pip install" in run and "--no-deps -e /opt/airflow" in run for run in runs)
    assert PROJECT_MOUNTS["./include"] == "/opt/airflow/include"


def test_dockerignore_keeps_secrets_venv_and_data_out_of_the_build():
    ignored = set((REPO / ".dockerignore").read_text().split())
    assert {".env", ".venv", "data", ".git", "bi/.venv"} <= ignored


docker_compose = shutil.which("docker-compose")
needs_docker_compose = pytest.mark.skipif(
    docker_compose is None,
    reason="docker-compose binary not installed (apt-get install docker-compose)",
)


def _compose_config(env_file: Path) -> subprocess.CompletedProcess:
    # A clean environment: exported shell variables would override the .env file under test.
    clean_env = {"PATH": os.environ["PATH"], "HOME": os.environ.get("HOME", "/tmp")}
    return subprocess.run(
        [docker_compose, "-f", str(COMPOSE_FILE), "--env-file", str(env_file), "config"],
        capture_output=True,
        text=True,
        env=clean_env,
        timeout=60,
    )


@needs_docker_compose
def test_docker_compose_config_interpolates_a_filled_env_file(tmp_path, env_example):
    filled = {name: value or f"test-{name.lower()}" for name, value in env_example.items()}
    env_file = tmp_path / ".env"
    env_file.write_text("".join(f"{name}={value}\n" for name, value in filled.items()))

    result = _compose_config(env_file)

    assert result.returncode == 0, result.stderr
    resolved = yaml.safe_load(result.stdout)["services"]
    scheduler = resolved["airflow-scheduler"]["environment"]
    assert scheduler["AIRFLOW__DATABASE__SQL_ALCHEMY_CONN"] == (
        "postgresql+psycopg2://airflow:test-postgres_password@postgres/airflow"
    )
    assert scheduler["AIRFLOW__CORE__FERNET_KEY"] == "test-airflow_fernet_key"
    assert resolved["postgres"]["environment"]["POSTGRES_PASSWORD"] == "test-postgres_password"
    admin_password = resolved["airflow-init"]["environment"]["_AIRFLOW_WWW_USER_PASSWORD"]
    assert admin_password == "test-airflow_admin_password"
    assert resolved["airflow-worker"]["image"] == filled["ENGAGEMENT_IMAGE"]
    for name in WORKERS:
        assert resolved[name]["environment"]["ENGAGEMENT_STORAGE_URL"] == filled["ENGAGEMENT_STORAGE_URL"], name
    assert resolved["duckdb-worker"]["command"] == "celery worker --queues duckdb --concurrency 1"


@needs_docker_compose
def test_docker_compose_config_refuses_the_unfilled_example():
    result = _compose_config(ENV_EXAMPLE)

    assert result.returncode != 0
    assert re.search(r"set [A-Z_]+ in \.env \(see \.env\.example\)", result.stderr)
