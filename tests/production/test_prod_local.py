"""`make prod-local` for real: the production stack from Debian's packages on 127.0.0.1, then stopped.

deploy/prod-local.sh starts PostgreSQL, Redis, moto's S3 server, two gunicorn servers with the
production settings, the worker and Varnish in front (deploy/varnish/cluster.vcl) on free ports in
a directory of its own; the test reads the site through Varnish and each gunicorn, then stops the
stack and checks that every port is closed and no process is left. The stack is stopped even when
an assertion fails. Like the other real-server tests: without redis-server, varnishd or PostgreSQL's
server this fails in CI (CI=true; .ci/run installs them) and is skipped elsewhere.
"""

import http.client
import json
import os
import shutil
import socket
import subprocess
import tempfile
import time
from pathlib import Path

import pytest

from .servers import REPO, binary_or_skip, free_port

SCRIPT = REPO / "deploy" / "prod-local.sh"
NETWORK = "Sieć testowa prod-local"
START_TIMEOUT = 900  # seconds: migrate on a new cluster, collectstatic, gunicorn importing Django, on a busy machine
STOP_TIMEOUT = 180


def server_binaries_or_skip():
    binary_or_skip("redis-server")
    if not (shutil.which("varnishd") or Path("/usr/sbin/varnishd").exists()):
        binary_or_skip("varnishd")
    if not (shutil.which("initdb") or any(Path(f"/usr/lib/postgresql/{v}/bin/initdb").exists() for v in (15, 16, 17))):
        binary_or_skip("initdb")


def request(port, path, *, host="127.0.0.1"):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    try:
        connection.request("GET", path, headers={"Host": f"{host}:{port}"})
        response = connection.getresponse()
        return response.status, {k.lower(): v for k, v in response.getheaders()}, response.read().decode()
    finally:
        connection.close()


def eventually(condition, seconds=10) -> bool:
    deadline = time.monotonic() + seconds
    while not condition() and time.monotonic() < deadline:
        time.sleep(0.2)
    return condition()


def listening(port) -> bool:
    try:
        socket.create_connection(("127.0.0.1", port), timeout=1).close()
    except OSError:
        return False
    return True


def alive(pid: int) -> bool:
    """Running, not a zombie waiting to be reaped."""
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return False
    return "\nState:\tZ" not in status


def with_descendants(pids: set[int]) -> set[int]:
    """The processes and, transitively, their children (gunicorn's workers, PostgreSQL's backends)."""
    parents = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        parents[int(stat.parent.name)] = int(fields[1])
    found, changed = set(pids), True
    while changed:
        children = {pid for pid, parent in parents.items() if parent in found} - found
        found |= children
        changed = bool(children)
    return found


class ProdLocal:
    def __init__(self, directory: Path):
        self.directory = directory
        ports = set()
        while len(ports) < 6:
            ports.add(free_port())
        self.varnish, self.web1, self.web2, self.postgres, self.redis, self.s3 = sorted(ports)
        self.env = {key: value for key, value in os.environ.items() if key in ("PATH", "HOME", "LANG", "CI", "TMPDIR")}
        self.env.update(
            PROD_LOCAL_DIR=str(directory),
            PROD_LOCAL_VARNISH_PORT=str(self.varnish),
            PROD_LOCAL_WEB1_PORT=str(self.web1),
            PROD_LOCAL_WEB2_PORT=str(self.web2),
            PROD_LOCAL_PG_PORT=str(self.postgres),
            PROD_LOCAL_REDIS_PORT=str(self.redis),
            PROD_LOCAL_S3_PORT=str(self.s3),
            PROD_LOCAL_NETWORK=NETWORK,
            WEB_CONCURRENCY="1",  # one worker process per gunicorn: two servers are what is tested
        )

    @property
    def ports(self):
        return [self.varnish, self.web1, self.web2, self.postgres, self.redis, self.s3]

    def run(self, command: str, timeout: float) -> subprocess.CompletedProcess:
        return subprocess.run(
            [str(SCRIPT), command], cwd=REPO, env=self.env, capture_output=True, text=True, timeout=timeout
        )

    def pids(self) -> dict[str, int]:
        return {path.stem: int(path.read_text()) for path in (self.directory / "run").glob("*.pid")}

    def log(self, name: str) -> str:
        path = self.directory / "log" / f"{name}.log"
        return path.read_text(errors="replace") if path.exists() else ""


@pytest.fixture
def prod_local():
    server_binaries_or_skip()
    directory = Path(tempfile.mkdtemp(prefix="partnerhub-prod-local-"))
    directory.chmod(0o755)  # PostgreSQL runs as the postgres user when the tests run as root
    stack = ProdLocal(directory)
    try:
        yield stack
    finally:
        stack.run("stop", STOP_TIMEOUT)  # whatever happened above, nothing stays running
        shutil.rmtree(directory, ignore_errors=True)


def test_the_stack_serves_through_varnish_and_both_gunicorns_then_stops_without_leftovers(prod_local):
    started = time.monotonic()
    result = prod_local.run("start", START_TIMEOUT)
    assert result.returncode == 0, result.stdout[-5000:] + result.stderr[-5000:]
    print(result.stdout, f"prod-local started in {time.monotonic() - started:.0f} s", sep="\n")
    pids = prod_local.pids()
    assert set(pids) == {"postgres", "redis", "s3", "web1", "web2", "worker", "varnish"}
    assert all(alive(pid) for pid in pids.values()), pids

    # Each application server is ready: database, Redis and the bucket answer.
    for port in (prod_local.web1, prod_local.web2):
        status, _, body = request(port, "/readyz/")
        assert (status, json.loads(body)) == (
            200,
            {"status": "ok", "database": "ok", "cache": "ok", "storage": "ok"},
        ), port

    # The home page through Varnish: the network's page, then the same page from the cache.
    status, headers, _ = request(prod_local.varnish, "/")
    assert (status, headers["location"]) == (302, "/pl/")
    status, headers, body = request(prod_local.varnish, "/pl/")
    assert status == 200
    assert NETWORK in body
    assert headers["x-varnish-cache"] == "miss"
    assert "s-maxage" in headers["cache-control"]
    status, headers, cached = request(prod_local.varnish, "/pl/")
    assert (status, headers["x-varnish-cache"]) == (200, "hit")
    assert cached == body

    # Varnish's director sends what it does not cache to both servers in turn.
    for number in range(6):
        assert request(prod_local.varnish, f"/healthz/?round-robin={number}")[0] == 200
    assert eventually(lambda: all("round-robin=" in prod_local.log(name) for name in ("web1", "web2")))
    assert eventually(lambda: "Starting worker" in prod_local.log("worker"), seconds=30)

    every_process = with_descendants(set(pids.values()))
    stopping = time.monotonic()
    result = prod_local.run("stop", STOP_TIMEOUT)
    assert result.returncode == 0, result.stdout + result.stderr
    print(f"prod-local stopped in {time.monotonic() - stopping:.0f} s")
    assert [port for port in prod_local.ports if listening(port)] == []
    eventually(lambda: not any(alive(pid) for pid in every_process))
    assert {pid for pid in every_process if alive(pid)} == set()
    assert list((prod_local.directory / "run").glob("*.pid")) == []
