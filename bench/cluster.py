"""A PostgreSQL cluster kept in var/bench-pg between benchmark runs.

Generating the full network takes minutes; keeping its cluster on disk lets a
second `make bench` reuse it (the server is started on a Unix socket in the
cluster's directory, no TCP port, and stopped when the benchmark ends).
`make clean` (rm -rf var) or `rm -rf var/bench-pg` throws it away.
"""

import atexit
import getpass
import shutil
import subprocess
from pathlib import Path

from tests.postgres import PostgresNotAvailable, find_binary, run_as_postgres_user


def cluster_start(*, directory, stop_at_exit=True):
    """Start (creating it on first use) the cluster in ``directory``; return its DATABASE_URL.

    The server is stopped when this process exits, unless ``stop_at_exit`` is false
    (then `pg_ctl -D <directory>/data stop` stops it)."""
    directory = Path(directory).resolve()
    datadir = directory / "data"
    initdb, pg_ctl = find_binary("initdb"), find_binary("pg_ctl")
    prefix = run_as_postgres_user()
    user = prefix[2] if prefix else getpass.getuser()

    def run(*cmd):
        result = subprocess.run([*prefix, *cmd], capture_output=True, text=True)  # noqa: S603
        if result.returncode != 0:
            raise PostgresNotAvailable(f"{' '.join(cmd)} failed:\n{result.stdout}\n{result.stderr}")

    directory.mkdir(parents=True, exist_ok=True)
    if prefix:
        shutil.chown(directory, user=user)
    if not (datadir / "PG_VERSION").exists():
        shutil.rmtree(datadir, ignore_errors=True)
        run(initdb, "-D", str(datadir), "-U", user, "-A", "trust", "-E", "UTF8", "--no-sync")
    # A previous run killed before it could stop the server leaves its pid file behind.
    status = subprocess.run([*prefix, pg_ctl, "-D", str(datadir), "status"], capture_output=True)  # noqa: S603
    if status.returncode != 0:
        (datadir / "postmaster.pid").unlink(missing_ok=True)
        run(
            pg_ctl,
            "-D",
            str(datadir),
            "-l",
            str(directory / "server.log"),
            "-o",
            f"-k {directory} -c listen_addresses='' -c fsync=off -c synchronous_commit=off "
            "-c full_page_writes=off -c max_connections=100",
            "-w",
            "start",
        )

        def stop():
            subprocess.run([*prefix, pg_ctl, "-D", str(datadir), "-m", "fast", "stop"], capture_output=True)  # noqa: S603

        if stop_at_exit:
            atexit.register(stop)
    return f"postgres://{user}@/postgres?host={directory}"
