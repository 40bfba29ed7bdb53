"""Fault: PostgreSQL restarts (``pg_ctl restart -m fast``) while two servers serve readers and an editor.

A cluster of its own (the session's is shared by every other test), filled with
a copy of the test database. Two gunicorn servers keep their connections
(DATABASE_CONN_MAX_AGE=300, the production default) and check them before use
(CONN_HEALTH_CHECKS, base settings); the page cache is off so that every
reader's request asks the database. Errors are allowed only while the server
is down (plus a margin); afterwards every request succeeds, the same gunicorn
workers serve (none restarted), and every draft the admin said it saved is a
revision in the database.
"""

import os
import threading
import time
from pathlib import Path

import pytest

from tests import factories

from .conftest import PASSWORD
from .faults import Editor, Load, PostgresCluster, get_once, started_together
from .servers import Gunicorn, production_env

pytestmark = pytest.mark.django_db(transaction=True)

LOAD_SECONDS = float(os.environ.get("FAULTS_RESTART_LOAD_SECONDS", "20"))
RESTART_AT = LOAD_SECONDS * 0.4
MARGIN = 2.0  # seconds around the restart in which a failure still counts as the restart's
RATE = 15  # requests per second over both servers: with the page cache off, what this 2-CPU machine renders


def whole_log(server):
    return Path(server.log_file.name).read_text(errors="replace")


@pytest.fixture
def cluster():
    cluster = PostgresCluster()
    yield cluster
    cluster.stop()


def public_paths(tree, news):
    return ["/pl/", tree.partners.url, tree.partner.url, tree.news.url, news.url, "/pl/search/?q=Borken"] + [
        "/api/v2/pages/?type=initiatives.NewsPage&fields=title"
    ]


def test_the_servers_ride_out_a_database_restart_and_no_saved_draft_is_lost(
    committed_tree, production_admin, production_static_root, cluster
):
    news = factories.NewsPageFactory(parent=committed_tree.news, title="Wiadomość", slug="wiadomosc")
    cluster.copy_session_database()
    env = production_env(
        DATABASE_URL=cluster.database_url,
        STATIC_ROOT=production_static_root,
        PAGE_CACHE_SECONDS=0,
        DATABASE_CONN_MAX_AGE=300,
    )
    with started_together(Gunicorn(env), Gunicorn(env)) as (first, second):
        paths = public_paths(committed_tree, news)
        for server in (first, second):
            for path in paths:
                status, _headers, body = get_once(server.port, path)
                assert status == 200, (path, status, body[:300], server.log())
        editor = Editor(first.port, "operator", PASSWORD)

        saves = []  # (title, started, ended, status or error)
        stop_editing = threading.Event()

        def edit():
            number = 0
            while not stop_editing.is_set():
                number += 1
                title = f"Szkic {number}"
                started = time.monotonic()
                try:
                    status = editor.save(news.pk, title=title)
                except (OSError, AssertionError) as error:  # no answer, or the form again with an error
                    status = repr(error)[:300]
                saves.append((title, started, time.monotonic(), status))
                stop_editing.wait(max(0.0, 1.0 - (time.monotonic() - started)))

        load = Load({"first": first.port, "second": second.port}, paths, rate=RATE, threads=16).start(LOAD_SECONDS)
        editing = threading.Thread(target=edit, daemon=True)
        editing.start()
        time.sleep(RESTART_AT)
        down, up = cluster.restart()
        outcomes = load.wait()
        stop_editing.set()
        editing.join(timeout=60)

        window = (down - MARGIN, up + MARGIN)
        failed = [o for o in outcomes if o.status != 200]
        outside = [o for o in failed if not (o.ended >= window[0] and o.started <= window[1])]
        assert not outside, [(o.target, o.path, o.status, o.error, o.started - down) for o in outside[:10]]
        after = [o for o in outcomes if o.started > window[1]]
        assert after and all(o.status == 200 for o in after), [(o.path, o.status, o.error) for o in after if not o.ok]
        # Both servers answer for themselves again, with the workers they started with.
        for server in (first, second):
            status, _headers, body = get_once(server.port, "/readyz/")
            assert status == 200, body
            assert whole_log(server).count("Booting worker") == 1, server.log()
            assert server.process.poll() is None
        first_log = whole_log(first)

    saved = [title for title, _started, _ended, status in saves if status == 302]
    with cluster.connect() as db:
        revisions = {
            row[0]
            for row in db.execute(
                "SELECT content->>'title' FROM wagtailcore_revision WHERE object_id = %s", [str(news.pk)]
            )
        }
    assert saved and set(saved) <= revisions, set(saved) - revisions
    # A save refused while the database was down: said so (a 500, or Django's 400 "session was deleted"
    # when only the session could not be written afterwards); whether the draft was kept anyway.
    failed_saves = [(title, status, title in revisions) for title, _started, _ended, status in saves if status != 302]
    # A save fails only if it was under way while the server was down (a slow one may start well before).
    assert all(ended >= window[0] and started <= window[1] for _t, started, ended, status in saves if status != 302), (
        [(title, started - down, status) for title, started, _e, status in saves],
        first_log[-20000:],
    )
    saved_after = [title for title, started, _ended, status in saves if started > window[1] and status == 302]
    assert saved_after, "the editor saves again after the restart"
    after_up = sum(o.started > up for o in failed)
    first_error = min((o.started for o in failed), default=down) - down
    last_error = max((o.ended for o in failed), default=down) - down
    print(
        f"\nFAULT postgres-restart: pg_ctl restart -m fast took {up - down:.2f} s; "
        f"{len(failed)} of {len(outcomes)} reader requests failed "
        f"({sum(o.status is None for o in failed)} without an answer, "
        f"{sum(o.status is not None for o in failed)} with {sorted({o.status for o in failed if o.status})}), "
        f"from {first_error:+.2f} s to {last_error:+.2f} s after the restart began, {after_up} begun after it was back; "
        f"{len(failed_saves)} of {len(saves)} draft saves failed {failed_saves}, {len(saved)} saved, all kept"
    )
