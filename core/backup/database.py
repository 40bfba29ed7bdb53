"""The database half of a backup: PostgreSQL through pg_dump/pg_restore, SQLite through its online backup API."""

import os
import shutil
import sqlite3
import subprocess
from contextlib import closing
from pathlib import Path

from django.conf import settings
from django.core.management.base import CommandError
from django.db import connection

VENDORS = ("postgresql", "sqlite")
# Debian and Ubuntu keep each major version's client binaries here, often off PATH.
PG_VERSIONS_DIR = Path("/usr/lib/postgresql")


def check_vendor() -> str:
    if connection.vendor not in VENDORS:
        raise CommandError(f"Backups support PostgreSQL and SQLite; this database is {connection.vendor}.")
    return connection.vendor


def find_pg_binary(name: str) -> str:
    """PG_BIN_DIR when set (and then only there: an explicit choice is not second-guessed), else PATH, else
    the newest /usr/lib/postgresql/<version>/bin (a newer pg_dump reads older servers, never the reverse)."""
    configured = getattr(settings, "PG_BIN_DIR", "")
    if configured:
        candidate = Path(configured) / name
        if candidate.is_file() and os.access(candidate, os.X_OK):
            return str(candidate)
        raise CommandError(f"`{name}` is not in PG_BIN_DIR ({configured}).")
    found = shutil.which(name)
    if found:
        return found
    versions = [path for path in PG_VERSIONS_DIR.glob("*/bin") if path.parent.name.isdigit()]
    for directory in sorted(versions, key=lambda path: int(path.parent.name), reverse=True):
        if (directory / name).is_file():
            return str(directory / name)
    raise CommandError(
        f"`{name}` was not found on PATH nor in {PG_VERSIONS_DIR}/<version>/bin. Install the PostgreSQL "
        "client (Debian: apt-get install postgresql-client) or set PG_BIN_DIR to the directory that holds it."
    )


def _pg_run(binary: str, *args: str) -> None:
    # Connected as `manage.py dbshell` is: Django's own client gives the environment (PGPASSWORD, PGSSLMODE,
    # PGSERVICE, PGPASSFILE…), so the password never shows in a process listing. The host may also come
    # from OPTIONS (a DATABASE_URL's ?host=/run/postgresql, a socket directory).
    params, options = connection.settings_dict, connection.settings_dict["OPTIONS"]
    _, env = connection.client.settings_to_cmd_args_env(params, [])
    where = {"host": params["HOST"] or options.get("host"), "port": params["PORT"] or options.get("port")}
    where["username"] = params["USER"] or options.get("user")
    command = [find_pg_binary(binary), *(f"--{flag}={value}" for flag, value in where.items() if value)]
    command.append(f"--dbname={params['NAME'] or 'service=' + options.get('service', '')}")
    result = subprocess.run([*command, *args], env={**os.environ, **(env or {})}, capture_output=True, text=True)  # noqa: S603 -- no shell, our own arguments
    if result.returncode != 0:
        raise CommandError(f"{binary} failed (exit {result.returncode}): {result.stderr.strip()}")


def dump(path: Path) -> None:
    """A consistent copy of the whole database, written to ``path``, while the site keeps running."""
    if check_vendor() == "postgresql":
        # Without owners and grants: the archive restores into a database of any role's.
        _pg_run("pg_dump", "--format=custom", "--no-owner", "--no-privileges", f"--file={path}")
    else:
        connection.ensure_connection()
        with closing(sqlite3.connect(path)) as target:
            connection.connection.backup(target)


def restore(path: Path) -> None:
    """Replaces the database's content with the dump at ``path``, all or nothing."""
    if check_vendor() == "postgresql":
        try:
            _pg_run("pg_restore", "--clean", "--if-exists", "--no-owner", "--single-transaction", str(path))
        except CommandError as error:
            raise CommandError(f"{error}\nThe database is as it was: pg_restore ran in one transaction.") from error
        # pg_restore dropped and re-created the tables under this connection's feet.
        connection.close()
    else:
        connection.ensure_connection()
        with closing(sqlite3.connect(path)) as source:
            source.backup(connection.connection)
