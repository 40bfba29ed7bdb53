"""Real servers on 127.0.0.1 for the production tests: Redis, moto's S3 server, gunicorn.

Each is a context manager that starts the process on a free port, waits until
it answers, and stops it (and only it, by its own process id) on exit.
"""

import contextlib
import http.client
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import quote, urlencode

from django.db import connection

import pytest
import redis

REPO = Path(__file__).resolve().parents[2]
VENV_BIN = Path(sys.executable).parent


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for_port(port: int, *, process: subprocess.Popen, timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"{process.args[0]} exited with {process.returncode} before listening on {port}")
        with contextlib.suppress(OSError), socket.create_connection(("127.0.0.1", port), timeout=0.2):
            return
        time.sleep(0.05)
    raise TimeoutError(f"nothing listens on 127.0.0.1:{port} after {timeout} s")


def wait_for_http(port: int, *, process: subprocess.Popen, path: str = "/", timeout: float = 180) -> None:
    """Until the application answers: gunicorn listens before its worker has imported Django (30 s on a busy machine)."""
    wait_for_port(port, process=process, timeout=timeout)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"{process.args[0]} exited with {process.returncode}")
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
        try:
            conn.request("GET", path, headers={"X-Forwarded-Proto": "https"})
            conn.getresponse().read()
            return
        except OSError:
            time.sleep(0.2)
        finally:
            conn.close()
    raise TimeoutError(f"127.0.0.1:{port} gave no HTTP answer after {timeout} s")


def stop(process: subprocess.Popen, *, timeout: float = 10) -> None:
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def binary_or_skip(name: str) -> str:
    """A server binary from Debian's packages; CI (CI=true) installs it, elsewhere the test is skipped."""
    # The virtualenv's first (moto_server): a pyenv shim of the same name on PATH may lead nowhere.
    found = (str(VENV_BIN / name) if (VENV_BIN / name).exists() else None) or shutil.which(name)
    if found:
        return found
    reason = f"`{name}` is not installed (.ci/run installs it)"
    if os.environ.get("CI") == "true":
        pytest.fail(reason)
    pytest.skip(reason)


class RedisServer:
    """redis-server without persistence: a restart starts empty, like the production cache."""

    def __init__(self):
        self.binary = binary_or_skip("redis-server")
        self.port = free_port()
        self.process = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self) -> "RedisServer":
        self.process = subprocess.Popen(  # noqa: S603
            [self.binary, "--port", str(self.port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        wait_for_port(self.port, process=self.process)
        return self

    def stop(self) -> None:
        if self.process is not None:
            stop(self.process)

    def dbsize(self) -> int:
        return redis.Redis(host="127.0.0.1", port=self.port).dbsize()

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc):
        self.stop()


class MotoS3Server:
    """moto's server mode: a real HTTP endpoint speaking the S3 API."""

    def __init__(self):
        self.binary = binary_or_skip("moto_server")
        self.port = free_port()
        self.process = None

    @property
    def endpoint_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def __enter__(self):
        self.process = subprocess.Popen(  # noqa: S603
            [self.binary, "-H", "127.0.0.1", "-p", str(self.port)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        wait_for_port(self.port, process=self.process)
        return self

    def __exit__(self, *exc):
        stop(self.process)


def database_url() -> str:
    """The test database (pytest-django's, on the throwaway cluster) as a URL a subprocess can use."""
    params = connection.settings_dict
    host = params["HOST"] or params.get("OPTIONS", {}).get("host", "")
    user = quote(params["USER"] or "")
    if host.startswith("/"):
        return f"postgres://{user}@/{params['NAME']}?host={host}"
    return f"postgres://{user}@{host}:{params['PORT'] or 5432}/{params['NAME']}"


def production_env(**extra) -> dict:
    """The environment of a production deployment on 127.0.0.1 (behind a TLS proxy, as documented)."""
    env = {key: value for key, value in os.environ.items() if not key.startswith(("DJANGO_", "PYTEST"))}
    env.update(
        DJANGO_SETTINGS_MODULE="partnerhub.settings.production",
        SECRET_KEY="production-test-" + "k" * 50,
        DATABASE_URL=database_url(),
        ALLOWED_HOSTS="127.0.0.1,localhost",
        EMAIL_URL="smtp://mail.example.org:587/?tls=True",
        CACHE_URL="locmemcache://",
        STATIC_ROOT=str(REPO / "var" / "static"),
        MEDIA_ROOT=tempfile.mkdtemp(prefix="partnerhub-media-"),
        ADMIN_2FA_REQUIRED="false",
        DATABASE_CONN_MAX_AGE="0",
    )
    env.update({key: str(value) for key, value in extra.items()})
    return env


class Gunicorn:
    """PartnerHub under gunicorn with the production settings, answering on 127.0.0.1:<port>."""

    def __init__(self, env: dict, *, workers: int = 1, threads: int = 4):
        self.env = env
        self.port = free_port()
        self.workers = workers
        self.threads = threads
        self.process = None
        self.log_file = tempfile.NamedTemporaryFile(prefix="partnerhub-gunicorn-", suffix=".log")  # noqa: SIM115

    def log(self) -> str:
        """What the server wrote (tracebacks of 500s included): shown by the assertions that fail."""
        return Path(self.log_file.name).read_text(errors="replace")[-5000:]

    def __enter__(self):
        self.process = subprocess.Popen(  # noqa: S603
            [
                str(VENV_BIN / "gunicorn"),
                "partnerhub.wsgi",
                "--bind",
                f"127.0.0.1:{self.port}",
                "--workers",
                str(self.workers),
                "--threads",
                str(self.threads),
                "--timeout",
                "60",
            ],
            cwd=REPO,
            env=self.env,
            stdout=self.log_file,
            stderr=subprocess.STDOUT,
        )
        try:
            wait_for_http(self.port, process=self.process)
        except RuntimeError as error:
            raise RuntimeError(f"{error}\n{self.log()}") from error
        return self

    def __exit__(self, *exc):
        stop(self.process)
        self.log_file.close()


class Browserless:
    """Minimal HTTP client for a server behind a TLS proxy: sends X-Forwarded-Proto and keeps cookies.

    Cookies are Secure in production, so a cookie jar would not send them over
    plain HTTP; the proxy in front speaks HTTPS to the reader, this speaks to
    the application server behind it.
    """

    def __init__(self, port: int, *, host: str = "127.0.0.1"):
        self.port = port
        self.host = host
        self.cookies = {}

    def request(self, method: str, path: str, *, body: bytes | None = None, headers: dict | None = None):
        conn = http.client.HTTPConnection(self.host, self.port, timeout=60)
        all_headers = {"Host": f"{self.host}:{self.port}", "X-Forwarded-Proto": "https"}
        if self.cookies:
            all_headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        all_headers.update(headers or {})
        conn.request(method, path, body=body, headers=all_headers)
        response = conn.getresponse()
        response.text = response.read().decode("utf-8", "replace")
        for header, value in response.getheaders():
            if header.lower() == "set-cookie":
                name, _, rest = value.partition("=")
                cookie_value = rest.split(";", 1)[0]
                if cookie_value in ("", '""'):
                    self.cookies.pop(name, None)
                else:
                    self.cookies[name] = cookie_value
        conn.close()
        return response

    def get(self, path: str, **kwargs):
        return self.request("GET", path, **kwargs)

    def post_form(self, path: str, data: dict):
        return self.request(
            "POST",
            path,
            body=urlencode(data).encode(),
            headers={
                "Content-Type": "application/x-www-form-urlencoded",
                "Origin": f"https://{self.host}:{self.port}",
                "Referer": f"https://{self.host}:{self.port}{path}",
                "X-CSRFToken": self.cookies.get("csrftoken", ""),
            },
        )

    def post_file(self, path: str, data: dict, *, field: str, filename: str, content: bytes):
        """A multipart form post with one file, as a browser sends an upload."""
        boundary = "partnerhub-test-boundary"
        parts = [
            f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'.encode()
            for name, value in {**data, "csrfmiddlewaretoken": self.cookies.get("csrftoken", "")}.items()
        ]
        parts.append(
            f'--{boundary}\r\nContent-Disposition: form-data; name="{field}"; filename="{filename}"\r\n'
            "Content-Type: application/octet-stream\r\n\r\n".encode()
            + content
            + b"\r\n"
        )
        body = b"".join(parts) + f"--{boundary}--\r\n".encode()
        return self.request(
            "POST",
            path,
            body=body,
            headers={
                "Content-Type": f"multipart/form-data; boundary={boundary}",
                "Origin": f"https://{self.host}:{self.port}",
                "Referer": f"https://{self.host}:{self.port}{path}",
            },
        )

    def login(self, username: str, password: str, *, path: str = "/admin/login/"):
        self.get(path)
        return self.post_form(
            path, {"username": username, "password": password, "csrfmiddlewaretoken": self.cookies.get("csrftoken", "")}
        )
