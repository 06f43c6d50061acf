"""A throwaway Redis (Debian's ``redis-server``) on 127.0.0.1 as the Celery broker of a test.

No persistence and a temp dir of its own, so no test ever sees another's queued messages.
"""

from __future__ import annotations

import shutil
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import redis

from tests.integration.airflow_stack import free_port


@contextmanager
def redis_server(workdir: Path, timeout: float = 30) -> Iterator[str]:
    """Run redis-server until the block exits; yields its ``redis://`` URL. Skips when missing."""
    import pytest

    executable = shutil.which("redis-server")
    if executable is None:
        pytest.skip("redis-server not installed: scripts/test.sh installs Debian's redis-server")
    port = free_port()
    workdir.mkdir(parents=True, exist_ok=True)
    command = [executable, "--bind", "127.0.0.1", "--port", str(port), "--dir", str(workdir)]
    command += ["--save", "", "--appendonly", "no", "--daemonize", "no"]
    with (workdir / "redis.log").open("w") as log:
        server = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT)
    client = redis.Redis(host="127.0.0.1", port=port)
    try:
        deadline = time.monotonic() + timeout
        while not _answers(client):
            if server.poll() is not None or time.monotonic() > deadline:
                raise AssertionError(f"redis-server did not start:\n{(workdir / 'redis.log').read_text()}")
            time.sleep(0.2)
        yield f"redis://127.0.0.1:{port}/0"
    finally:
        client.close()
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


def _answers(client: redis.Redis) -> bool:
    try:
        return client.ping()
    except redis.ConnectionError:
        return False
