"""A throwaway PostgreSQL cluster for the test session.

Tests run against a real PostgreSQL. When ``DATABASE_URL`` is not given, a
session fixture (tests/conftest.py) calls :func:`start_throwaway_cluster`: it runs ``initdb`` in a
temporary directory, starts the server on a Unix socket only (no TCP port to
collide with), and stops it and removes the directory when the process exits.
"""

import atexit
import getpass
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

PG_BIN_CANDIDATES = ["/usr/lib/postgresql/15/bin", "/usr/lib/postgresql/16/bin", "/usr/lib/postgresql/17/bin"]


class PostgresNotAvailable(RuntimeError):
    pass


def find_binary(name: str) -> str:
    found = shutil.which(name)
    if found:
        return found
    for directory in PG_BIN_CANDIDATES:
        candidate = Path(directory) / name
        if candidate.exists():
            return str(candidate)
    raise PostgresNotAvailable(
        f"The tests need a real PostgreSQL but `{name}` was not found on PATH or in "
        f"{', '.join(PG_BIN_CANDIDATES)}. Install the PostgreSQL server binaries "
        "(Debian: `apt-get install -y postgresql`), or set DATABASE_URL to an existing "
        "server, e.g. DATABASE_URL=postgres://user:password@127.0.0.1:5432/partnerhub."
    )


def run_as_postgres_user() -> list[str]:
    """initdb refuses to run as root: run the server as an unprivileged user then."""
    if os.geteuid() != 0:
        return []
    for user in ("postgres", "nobody"):
        if subprocess.run(["id", user], capture_output=True).returncode == 0:  # noqa: S603, S607
            return ["runuser", "-u", user, "--"]
    raise PostgresNotAvailable("Running as root and no 'postgres' user exists to run the test cluster.")


def start_throwaway_cluster() -> str:
    initdb = find_binary("initdb")
    pg_ctl = find_binary("pg_ctl")
    prefix = run_as_postgres_user()
    workdir = Path(tempfile.mkdtemp(prefix="partnerhub-pg-"))
    datadir = workdir / "data"
    if prefix:
        shutil.chown(workdir, user=prefix[2])
    user = prefix[2] if prefix else getpass.getuser()

    def run(*cmd: str) -> None:
        result = subprocess.run([*prefix, *cmd], capture_output=True, text=True)  # noqa: S603
        if result.returncode != 0:
            raise PostgresNotAvailable(f"{' '.join(cmd)} failed:\n{result.stdout}\n{result.stderr}")

    run(initdb, "-D", str(datadir), "-U", user, "-A", "trust", "-E", "UTF8", "--no-sync")
    run(
        pg_ctl,
        "-D",
        str(datadir),
        "-l",
        str(workdir / "server.log"),
        "-o",
        f"-k {workdir} -c listen_addresses='' -c fsync=off -c synchronous_commit=off "
        "-c full_page_writes=off -c max_connections=100",
        "-w",
        "start",
    )

    def stop() -> None:
        subprocess.run([*prefix, pg_ctl, "-D", str(datadir), "-m", "immediate", "stop"], capture_output=True)  # noqa: S603
        shutil.rmtree(workdir, ignore_errors=True)

    atexit.register(stop)
    # The default "postgres" database exists after initdb; Django creates test_postgres.
    return f"postgres://{user}@/postgres?host={workdir}"
