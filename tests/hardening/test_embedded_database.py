"""The embedded database (SQLite, the demo's) loses nothing when several people write at once.

Each writer does what a form post does under ATOMIC_REQUESTS: a transaction that reads,
then writes. Without the settings' options (a deferred transaction, no WAL) such writers
fail at once with "database is locked" when two of them meet.
"""

import threading

from django.db import connections, transaction

import pytest

from partnerhub.settings.base import SQLITE_CONCURRENCY_OPTIONS

ALIAS = "embedded"
WRITERS = 8
WRITES_EACH = 20


@pytest.fixture
def embedded(tmp_path, django_db_blocker):
    connections.settings[ALIAS] = {
        "NAME": str(tmp_path / "demo.sqlite3"),
        "ENGINE": "django.db.backends.sqlite3",
        "OPTIONS": SQLITE_CONCURRENCY_OPTIONS,
        "TIME_ZONE": None,
        "CONN_MAX_AGE": 0,
        "CONN_HEALTH_CHECKS": False,
        "AUTOCOMMIT": True,
        "ATOMIC_REQUESTS": False,
        "USER": "",
        "PASSWORD": "",
        "HOST": "",
        "PORT": "",
        "TEST": {},
    }
    with django_db_blocker.unblock():
        with connections[ALIAS].cursor() as cursor:
            cursor.execute("CREATE TABLE message (id INTEGER PRIMARY KEY, writer INTEGER, body TEXT)")
        yield connections[ALIAS]
        connections[ALIAS].close()
    del connections[ALIAS]
    del connections.settings[ALIAS]


def in_thread(work, errors):
    def run():
        try:
            work(connections[ALIAS])
        except Exception as error:  # noqa: BLE001 -- every failure is a lost write, asserted on
            errors.append(repr(error))
        finally:
            connections[ALIAS].close()

    return threading.Thread(target=run)


def test_the_embedded_database_runs_in_wal_mode(embedded):
    with embedded.cursor() as cursor:
        cursor.execute("PRAGMA journal_mode")
        assert cursor.fetchone()[0] == "wal"


def test_simultaneous_form_posts_and_readers_lose_no_write(embedded):
    errors = []

    def post_forms(connection, number):
        for index in range(WRITES_EACH):
            with transaction.atomic(using=ALIAS), connection.cursor() as cursor:
                cursor.execute("SELECT COUNT(*) FROM message")
                cursor.execute("INSERT INTO message (writer, body) VALUES (%s, %s)", [number, f"post {index}"])

    def read_pages(connection):
        for _ in range(WRITES_EACH * 2):
            with connection.cursor() as cursor:
                cursor.execute("SELECT COUNT(*) FROM message")

    threads = [in_thread(lambda c, n=n: post_forms(c, n), errors) for n in range(WRITERS)]
    threads += [in_thread(read_pages, errors) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert errors == []
    with embedded.cursor() as cursor:
        cursor.execute("SELECT COUNT(*) FROM message")
        assert cursor.fetchone()[0] == WRITERS * WRITES_EACH
