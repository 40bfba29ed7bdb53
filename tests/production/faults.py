"""Helpers of the fault tests (docs/operations.md, "Faults"): real processes on 127.0.0.1, bounded in time.

- ``SmtpSink``: a small SMTP server in a thread of the test that records every
  message it accepted (250 after DATA), slowly if asked, and can call back at
  a chosen message (to kill the sender just before or just after the reply);
- ``Worker``: ``manage.py db_worker`` as its own process, as in production;
- ``PostgresCluster``: a second throwaway PostgreSQL (tests/postgres.py) that a
  test may restart without disturbing the session's cluster, filled from the
  session's test database with pg_dump;
- ``Varnish``: Debian's varnishd with deploy/varnish/default.vcl in front of one server;
- ``Load``: public GETs paced at a rate from a thread pool, each request's start,
  end, status and error kept;
- ``Editor``: an admin session that saves or publishes a page through the edit form.
"""

import contextlib
import email
import http.client
import os
import random
import shutil
import signal
import socketserver
import statistics
import subprocess
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from django.db import connection
from django.test import override_settings

import environ
import psycopg
import pytest

from bench.run import form_fields
from tests.postgres import find_binary, run_as_postgres_user, start_throwaway_cluster

from .servers import REPO, VENV_BIN, Browserless, free_port, stop, wait_for_port

# --- SMTP -----------------------------------------------------------------------


@dataclass
class Accepted:
    index: int  # the n-th DATA the sink received (dropped ones included), from 1
    recipients: list
    message: email.message.Message
    at: float  # time.monotonic() when the sink replied (or dropped the connection)
    wall: float = 0.0  # time.time() then, to compare with what the sender recorded


class SmtpSink:
    """An SMTP server that accepts everything (no TLS, no AUTH) and keeps what it accepted.

    ``delay`` seconds pass between the end of a message's DATA and the 250 reply,
    as with a real server that writes the message to disk first. ``before_reply``
    and ``after_reply`` map a message's index to a callback run in the server's
    thread at that moment; ``before_reply`` callbacks drop the connection without
    a reply (a message without its 250 is not accepted, RFC 5321 §4.1.1.4).
    """

    def __init__(self, *, delay: float = 0.0):
        self.delay = delay
        self.before_reply = {}
        self.after_reply = {}
        self.accepted: list[Accepted] = []
        self.dropped: list[Accepted] = []  # DATA received, connection dropped before the reply
        self.received = 0
        self.lock = threading.Lock()
        sink = self

        class Handler(socketserver.StreamRequestHandler):
            def handle(self):
                sink._session(self.rfile, self.wfile)

        class Server(socketserver.ThreadingTCPServer):
            daemon_threads = True
            allow_reuse_address = True

        self.server = Server(("127.0.0.1", 0), Handler)
        self.port = self.server.server_address[1]
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        return f"smtp://127.0.0.1:{self.port}"

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.server.shutdown()
        self.server.server_close()

    def _session(self, rfile, wfile):
        def reply(line):
            wfile.write(line.encode() + b"\r\n")
            wfile.flush()

        reply("220 sink.test ESMTP")
        recipients = []
        while True:
            line = rfile.readline()
            if not line:
                return
            verb = line.decode("ascii", "replace").strip().split(" ", 1)[0].upper()
            if verb == "EHLO":
                reply("250-sink.test")
                reply("250-8BITMIME")
                reply("250 SMTPUTF8")
            elif verb in ("HELO", "NOOP"):
                reply("250 OK")
            elif verb in ("MAIL", "RSET"):
                recipients = []
                reply("250 OK")
            elif verb == "RCPT":
                address = line.decode().split(":", 1)[1].strip().split(" ")[0].strip("<>")
                recipients.append(address.lower())
                reply("250 OK")
            elif verb == "DATA":
                reply("354 End data with <CR><LF>.<CR><LF>")
                chunks = []
                while True:
                    data = rfile.readline()
                    if not data:
                        return
                    if data in (b".\r\n", b".\n"):
                        break
                    chunks.append(data[1:] if data.startswith(b"..") else data)
                with self.lock:
                    self.received += 1
                    index = self.received
                if index in self.before_reply:
                    message = email.message_from_bytes(b"".join(chunks))
                    with self.lock:
                        self.dropped.append(Accepted(index, list(recipients), message, time.monotonic()))
                    self.before_reply[index]()
                    return  # the connection closes without a 250: the message was not accepted
                if self.delay:
                    time.sleep(self.delay)
                with self.lock:
                    self.accepted.append(
                        Accepted(
                            index,
                            list(recipients),
                            email.message_from_bytes(b"".join(chunks)),
                            time.monotonic(),
                            time.time(),
                        )
                    )
                reply("250 OK queued")
                if index in self.after_reply:
                    self.after_reply[index]()
                recipients = []
            elif verb == "QUIT":
                reply("221 Bye")
                return
            else:
                reply("502 Command not implemented")

    def per_recipient(self) -> dict:
        counts = {}
        with self.lock:
            for message in self.accepted:
                for address in message.recipients:
                    counts[address] = counts.get(address, 0) + 1
        return counts

    def wait_for_accepted(self, count: int, *, timeout: float, process: subprocess.Popen | None = None) -> None:
        deadline = time.monotonic() + timeout
        while len(self.accepted) < count:
            if process is not None and process.poll() is not None:
                raise RuntimeError(f"the worker exited with {process.returncode} after {len(self.accepted)} messages")
            if time.monotonic() > deadline:
                raise TimeoutError(f"{len(self.accepted)} of {count} messages after {timeout} s")
            time.sleep(0.05)


# --- The task worker -------------------------------------------------------------


class Worker:
    """``manage.py db_worker --backend database`` in its own process (production settings)."""

    def __init__(self, env: dict, *args: str):
        self.env = env
        self.args = args
        self.process = None
        self.log_file = tempfile.NamedTemporaryFile(prefix="partnerhub-worker-", suffix=".log")  # noqa: SIM115

    def log(self) -> str:
        return Path(self.log_file.name).read_text(errors="replace")[-5000:]

    def start(self) -> "Worker":
        self.process = subprocess.Popen(  # noqa: S603
            [
                str(VENV_BIN / "python"),
                "manage.py",
                "db_worker",
                "--backend",
                "database",
                "--no-startup-delay",
                "--interval",
                "0.2",
                *self.args,
            ],
            cwd=REPO,
            env=self.env,
            stdout=self.log_file,
            stderr=subprocess.STDOUT,
        )
        return self

    def kill(self) -> None:
        """SIGKILL: no signal handler, no finally, no last commit (the OOM killer, a pulled plug)."""
        if self.process is not None and self.process.poll() is None:
            os.kill(self.process.pid, signal.SIGKILL)

    def stop(self) -> None:
        if self.process is not None:
            stop(self.process)
        self.log_file.close()

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc):
        self.stop()


@contextlib.contextmanager
def database_task_queue():
    """This process enqueues into the database queue (TASKS_DATABASE_QUEUE=true) for the block's duration.

    Both task frameworks (Django's and the backport Wagtail uses) cache their
    settings: they are reset around the override (as tests/engagement do).
    """
    from django.tasks import task_backends

    import django_tasks
    from asgiref.local import Local

    def reset():
        for handler in (task_backends, django_tasks.task_backends):
            handler.__dict__.pop("settings", None)
            handler._connections = Local(handler.thread_critical)

    tasks = {
        "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
        "database": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]},
    }
    with override_settings(TASKS=tasks, ENGAGEMENT_TASK_BACKEND="database"):
        reset()
        try:
            yield
        finally:
            reset()
    reset()


# --- A second PostgreSQL --------------------------------------------------------


class PostgresCluster:
    """A throwaway cluster of its own (tests/postgres.py), on a Unix socket, that a test may restart."""

    def __init__(self):
        self.url = start_throwaway_cluster()  # postgres://user@/postgres?host=<workdir>; stopped at exit
        where = environ.Env.db_url_config(self.url)
        self.user = where["USER"]
        self.socket_dir = Path(where["OPTIONS"]["host"])
        self.datadir = self.socket_dir / "data"
        self.prefix = run_as_postgres_user()
        self.pg_ctl = find_binary("pg_ctl")
        self.database = "partnerhub"

    @property
    def database_url(self) -> str:
        return f"postgres://{self.user}@/{self.database}?host={self.socket_dir}"

    def connect(self):
        return psycopg.connect(host=str(self.socket_dir), user=self.user, dbname=self.database, autocommit=True)

    def copy_session_database(self) -> None:
        """The session's test database (migrated, with what the test committed) copied here, in seconds."""
        params = connection.settings_dict
        host = params["HOST"] or params.get("OPTIONS", {}).get("host", "")
        subprocess.run(  # noqa: S603
            [find_binary("psql"), "-h", str(self.socket_dir), "-U", self.user, "-d", "postgres", "-q", "-c"]
            + [f"CREATE DATABASE {self.database}"],
            check=True,
            capture_output=True,
        )
        dump = subprocess.Popen(  # noqa: S603
            [find_binary("pg_dump"), "-h", host, "-U", params["USER"], "--no-owner", "--no-privileges", params["NAME"]],
            stdout=subprocess.PIPE,
        )
        restore = subprocess.run(  # noqa: S603
            [find_binary("psql"), "-h", str(self.socket_dir), "-U", self.user, "-d", self.database, "-q"]
            + ["-v", "ON_ERROR_STOP=1"],
            stdin=dump.stdout,
            capture_output=True,
            text=True,
        )
        dump.stdout.close()
        if dump.wait() != 0 or restore.returncode != 0:
            raise RuntimeError(f"copying the test database failed:\n{restore.stderr[-3000:]}")

    def restart(self) -> tuple[float, float]:
        """``pg_ctl restart -m fast`` (every session ended, then the server starts again); its start and end."""
        log = self.socket_dir / "server.log"
        started = time.monotonic()
        # The new server must not inherit a pipe of ours (subprocess.run would wait for it to close): -l, DEVNULL.
        returncode = subprocess.call(  # noqa: S603
            [*self.prefix, self.pg_ctl, "-D", str(self.datadir), "-l", str(log), "-m", "fast", "-w", "restart"],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            timeout=120,
        )
        ended = time.monotonic()
        if returncode != 0:
            raise RuntimeError(f"pg_ctl restart failed:\n{log.read_text(errors='replace')[-3000:]}")
        return started, ended

    def stop(self) -> None:
        subprocess.run(  # noqa: S603
            [*self.prefix, self.pg_ctl, "-D", str(self.datadir), "-m", "immediate", "stop"], capture_output=True
        )


# --- Varnish ---------------------------------------------------------------------


class Varnish:
    """varnishd -F with deploy/varnish/default.vcl, its backend the server on ``backend_port``."""

    def __init__(self, backend_port: int):
        varnishd = shutil.which("varnishd") or shutil.which("varnishd", path="/usr/sbin:/usr/local/sbin")
        if not varnishd:
            reason = "Debian's varnish is not installed (apt-get install -y varnish)"
            if os.environ.get("CI") == "true":
                pytest.fail(reason)
            pytest.skip(reason)
        self.varnishd = varnishd
        self.backend_port = backend_port
        self.port = free_port()
        self.workdir = Path(tempfile.mkdtemp(prefix="partnerhub-varnish-"))
        self.process = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def __enter__(self):
        vcl = self.workdir / "default.vcl"
        source = (REPO / "deploy" / "varnish" / "default.vcl").read_text()
        vcl.write_text(source.replace('.port = "8000";', f'.port = "{self.backend_port}";'))
        self.process = subprocess.Popen(  # noqa: S603
            [self.varnishd, "-F", "-j", "none", "-a", f"127.0.0.1:{self.port}", "-f", str(vcl)]
            + ["-n", str(self.workdir / "work"), "-s", "malloc,64m", "-p", "default_grace=0"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        wait_for_port(self.port, process=self.process, timeout=20)
        return self

    def __exit__(self, *exc):
        stop(self.process)
        shutil.rmtree(self.workdir, ignore_errors=True)


# --- Public load -----------------------------------------------------------------


@dataclass
class Outcome:
    target: str
    path: str
    scheduled: float
    started: float
    ended: float
    status: int | None  # None: no HTTP answer (refused, reset, timeout)
    error: str = ""

    @property
    def ok(self) -> bool:
        return self.status is not None and 200 <= self.status < 400

    @property
    def latency(self) -> float:
        """From when the request was due (an open-loop schedule: waiting for a free thread counts)."""
        return self.ended - self.scheduled


def get_once(port: int, path: str, *, host: str = "localhost", timeout: float = 30) -> tuple[int, dict, str]:
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        conn.request("GET", path, headers={"Host": host, "X-Forwarded-Proto": "https", "Accept-Encoding": "gzip"})
        response = conn.getresponse()
        body = response.read()
        headers = {key.lower(): value for key, value in response.getheaders()}
        if headers.get("content-encoding") == "gzip":
            import gzip

            body = gzip.decompress(body)
        return response.status, headers, body.decode("utf-8", "replace")
    finally:
        conn.close()


class Load:
    """GETs of ``paths`` spread over ``targets``, ``rate`` per second, from a thread pool.

    The schedule is open-loop: request i is due at start + i / rate whatever the
    answers before it, so a stalled server shows as latency, not as a lower rate.
    """

    def __init__(self, targets, paths: list, *, rate: float, threads: int = 32, timeout: float = 30):
        # {name: port}, or [(name, port), …] in turn (a name twice: twice the share)
        self.targets = list(targets.items()) if isinstance(targets, dict) else list(targets)
        self.paths = paths
        self.rate = rate
        self.threads = threads
        self.timeout = timeout
        self.outcomes: list[Outcome] = []
        self._stop = threading.Event()
        self._thread = None
        self.started = None

    def _one(self, target: str, port: int, path: str, scheduled: float) -> None:
        started = time.monotonic()
        try:
            status, _headers, _body = get_once(port, path, timeout=self.timeout)
            outcome = Outcome(target, path, scheduled, started, time.monotonic(), status)
        except (OSError, http.client.HTTPException) as error:
            outcome = Outcome(target, path, scheduled, started, time.monotonic(), None, repr(error)[:200])
        self.outcomes.append(outcome)  # list.append is atomic

    def _run(self, seconds: float) -> None:
        rng = random.Random(1)  # noqa: S311 -- the same mix every run
        with ThreadPoolExecutor(self.threads, thread_name_prefix="load") as pool:
            index = 0
            while not self._stop.is_set():
                due = self.started + index / self.rate
                if due - self.started >= seconds:
                    break
                delay = due - time.monotonic()
                if delay > 0:
                    time.sleep(delay)
                pool.submit(self._one, *self.targets[index % len(self.targets)], rng.choice(self.paths), due)
                index += 1

    def start(self, seconds: float) -> "Load":
        self.started = time.monotonic()
        self._thread = threading.Thread(target=self._run, args=(seconds,), daemon=True)
        self._thread.start()
        return self

    def wait(self) -> list:
        self._thread.join()
        return sorted(self.outcomes, key=lambda outcome: outcome.scheduled)

    def stop(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join()


def percentiles(values: list, points=(50, 95, 99)) -> dict:
    if len(values) < 2:
        return dict.fromkeys(points, values[0] if values else None)
    cuts = statistics.quantiles(values, n=100, method="inclusive")
    return {point: cuts[point - 1] for point in points}


# --- The editor --------------------------------------------------------------------


def with_fields(fields: list, **changes) -> list:
    return [(name, value) for name, value in fields if name not in changes] + list(changes.items())


class Editor:
    """A signed-in admin session on one server, saving or publishing one page through its edit form."""

    def __init__(self, port: int, username: str, password: str):
        self.client = Browserless(port)
        response = self.client.login(username, password)
        if response.status != 302:
            raise RuntimeError(f"login answered {response.status}: {response.text[:500]}")

    def save(self, page_id: int, *, publish: bool = False, **changes) -> int:
        """GET the edit form, POST it back with ``changes``; the answer's status (302 = saved)."""
        path = f"/admin/pages/{page_id}/edit/"
        form = self.client.get(path)
        if form.status != 200:
            return form.status
        fields = form_fields(form.text, form_id="page-edit-form")
        if publish:
            changes["action-publish"] = "action-publish"
        response = self.client.post_form(path, with_fields(fields, **changes))
        if response.status == 200:  # the form again, with its errors
            raise AssertionError(f"the edit form refused the change: {response.text[:3000]}")
        return response.status


@contextlib.contextmanager
def started_together(*servers):
    """Enter several servers' contexts (Gunicorn, Varnish…) at once: gunicorn's import of Django takes seconds each."""
    with contextlib.ExitStack() as stack, ThreadPoolExecutor(len(servers)) as pool:
        futures = [pool.submit(server.__enter__) for server in servers]
        for server, future in zip(servers, futures, strict=True):
            try:
                future.result()
            finally:
                stack.push(server.__exit__)
        yield servers
