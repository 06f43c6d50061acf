"""A real S3 endpoint on loopback for tests: moto's standalone server, a stand-in for S3/MinIO.

The server is the ``moto_server`` console script of the test environment, run as a subprocess
bound to 127.0.0.1 on a free port; botocore (under s3fs and boto3) reaches it through the usual
``AWS_*`` variables, exactly as a worker of a cluster would reach MinIO or S3.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

HOST = "127.0.0.1"
BUCKET = "engagement-tests"
START_TIMEOUT = 30.0


@dataclass(frozen=True)
class S3Server:
    endpoint: str
    bucket: str

    @property
    def env(self) -> dict[str, str]:
        """What a worker needs to reach the endpoint (botocore reads these variables)."""
        return {
            "AWS_ENDPOINT_URL": self.endpoint,
            "AWS_ACCESS_KEY_ID": "testing",
            "AWS_SECRET_ACCESS_KEY": "testing",
            "AWS_DEFAULT_REGION": "us-east-1",
            # Never ask the EC2 metadata address (169.254.169.254) for credentials or a region.
            "AWS_EC2_METADATA_DISABLED": "true",
            "AWS_CONFIG_FILE": os.devnull,
            "AWS_SHARED_CREDENTIALS_FILE": os.devnull,
            "NO_PROXY": HOST,  # loopback only, even where a proxy is configured
        }

    def keys(self, prefix: str) -> list[str]:
        """Every object key under ``prefix`` in the bucket, listed by boto3 (not through our code)."""
        import boto3

        client = boto3.client("s3", endpoint_url=self.endpoint, region_name="us-east-1", **_CREDENTIALS)
        pages = client.get_paginator("list_objects_v2").paginate(Bucket=self.bucket, Prefix=prefix)
        return sorted(item["Key"] for page in pages for item in page.get("Contents", []))


_CREDENTIALS = {"aws_access_key_id": "testing", "aws_secret_access_key": "testing"}
_DIRECT = urllib.request.build_opener(urllib.request.ProxyHandler({}))  # never through a proxy


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind((HOST, 0))
        return probe.getsockname()[1]


def _wait_until_answering(endpoint: str, process: subprocess.Popen) -> None:
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"moto_server exited with status {process.returncode}")
        try:
            with _DIRECT.open(f"{endpoint}/moto-api/", timeout=1):
                return
        except (urllib.error.URLError, OSError):
            time.sleep(0.1)
    raise RuntimeError(f"moto_server did not answer on {endpoint} within {START_TIMEOUT:.0f} s")


@contextmanager
def s3_server():
    """Start moto_server on a free loopback port, create the bucket, yield; stop it at the end."""
    moto_server = Path(sys.executable).parent / "moto_server"
    port = _free_port()
    endpoint = f"http://{HOST}:{port}"
    process = subprocess.Popen(
        [str(moto_server), "-H", HOST, "-p", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        _wait_until_answering(endpoint, process)
        import boto3

        boto3.client("s3", endpoint_url=endpoint, region_name="us-east-1", **_CREDENTIALS).create_bucket(
            Bucket=BUCKET
        )
        yield S3Server(endpoint, BUCKET)
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
