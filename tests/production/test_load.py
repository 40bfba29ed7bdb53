"""Load: a mixed public set at 100 requests a second while an editor publishes (``make faults``).

Two gunicorn servers (2 workers × 4 threads each) share the database and a real
Redis (page cache); a real varnishd with deploy/varnish/default.vcl is in front
of the second. Readers go half through Varnish and a quarter straight to each
server (as through a second Varnish); an editor publishes a news item through
the first server's admin every few seconds, which purges Varnish and renews the
page cache's generation. Every answer must be a 200; p50/p95/p99 are printed.

FAULTS_LOAD_SECONDS (default 600: ten minutes), FAULTS_LOAD_RATE (default 100)
and FAULTS_PUBLISH_EVERY (seconds, default 5) set the run. Marked ``faults``:
not part of the default run (pyproject's addopts); ``make faults`` runs it.
"""

import os
import threading
import time

import pytest

from tests import factories

from .conftest import PASSWORD
from .faults import Editor, Load, Varnish, get_once, percentiles, started_together
from .servers import Gunicorn, RedisServer, production_env

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.faults]

SECONDS = float(os.environ.get("FAULTS_LOAD_SECONDS", "600"))
RATE = float(os.environ.get("FAULTS_LOAD_RATE", "100"))
PUBLISH_EVERY = float(os.environ.get("FAULTS_PUBLISH_EVERY", "5"))


@pytest.fixture
def redis_server():
    server = RedisServer().start()
    yield server
    server.stop()


def public_paths(tree, news):
    return [
        "/pl/",
        tree.partners.url,
        tree.partner.url,
        tree.organisations.url,
        tree.organisation.url,
        tree.initiatives.url,
        tree.news.url,
        *(page.url for page in news),
        "/pl/search/?q=Borken",
        "/pl/search/?q=festyn",
        "/pl/feeds/news.rss",
        "/sitemap.xml",
        "/api/v2/pages/?type=initiatives.NewsPage&fields=title",
        "/healthz/",
    ]


def ms(seconds):
    return "-" if seconds is None else f"{seconds * 1000:.0f}"


def test_a_mixed_public_load_while_an_editor_publishes_gets_no_error(
    committed_tree, production_admin, production_static_root, redis_server
):
    machine_load = os.getloadavg()[0]  # other work on the machine shows in the tail
    news = [
        factories.NewsPageFactory(parent=committed_tree.news, title=f"Wiadomość {n}", slug=f"wiadomosc-{n}")
        for n in range(4)
    ]
    published = news[0]
    env = production_env(CACHE_URL=redis_server.url, STATIC_ROOT=production_static_root, PAGE_CACHE_SECONDS=600)
    first, second = Gunicorn(env, workers=2), Gunicorn(env, workers=2)
    varnish = Varnish(second.port)
    env["FRONTEND_CACHE_URL"] = varnish.url
    paths = public_paths(committed_tree, news)
    with started_together(first, second, varnish):
        for port in (first.port, second.port, varnish.port):
            for path in paths:
                status, _headers, body = get_once(port, path)
                assert status == 200, (port, path, status, body[:300])
        editor = Editor(first.port, "operator", PASSWORD)

        publishes = []  # (title, seconds, status, started)
        stop_publishing = threading.Event()

        def publish():
            number = 0
            while not stop_publishing.wait(PUBLISH_EVERY):
                number += 1
                title = f"Wiadomość opublikowana {number}"
                started = time.monotonic()
                try:
                    status = editor.save(published.pk, publish=True, title=title)
                except (OSError, AssertionError) as error:
                    status = repr(error)[:300]
                publishes.append((title, time.monotonic() - started, status, started))

        targets = [("varnish", varnish.port), ("first", first.port), ("varnish", varnish.port), ("second", second.port)]
        load = Load(targets, paths, rate=RATE, threads=64).start(SECONDS)
        publishing = threading.Thread(target=publish, daemon=True)
        publishing.start()
        outcomes = load.wait()
        stop_publishing.set()
        publishing.join(timeout=120)
        last_title = publishes[-1][0] if publishes else published.title
        seen = {
            port: last_title in get_once(port, published.url)[2] for port in (first.port, second.port, varnish.port)
        }
        logs = {"first": first.log(), "second": second.log()}

    duration = max(o.ended for o in outcomes) - min(o.scheduled for o in outcomes)
    failed = [o for o in outcomes if o.status != 200]
    latency = percentiles([o.latency for o in outcomes])
    lines = [
        f"\nFAULT load: {len(outcomes)} requests in {duration:.0f} s ({len(outcomes) / duration:.1f}/s, "
        f"asked {RATE:g}/s), {len(failed)} errors; latency from the scheduled start "
        f"p50 {ms(latency[50])} ms, p95 {ms(latency[95])} ms, p99 {ms(latency[99])} ms, "
        f"max {ms(max(o.latency for o in outcomes))} ms (the machine's load average when the test began: {machine_load:.1f})",
    ]
    for target in ("varnish", "first", "second"):
        values = [o.latency for o in outcomes if o.target == target]
        cuts = percentiles(values)
        lines.append(f"  {target}: {len(values)} requests, p50 {ms(cuts[50])} p95 {ms(cuts[95])} p99 {ms(cuts[99])} ms")
    # Readers' requests due while a publish was under way or in the 2 s after it (purge, new generation).
    around = [(started, started + seconds + 2) for _title, seconds, _status, started in publishes]
    near = [o.latency for o in outcomes if any(a <= o.scheduled <= b for a, b in around)]
    far = [o.latency for o in outcomes if not any(a <= o.scheduled <= b for a, b in around)]
    for label, values in (("around a publish", near), ("otherwise", far)):
        cuts = percentiles(values)
        lines.append(f"  {label}: {len(values)} requests, p50 {ms(cuts[50])} p95 {ms(cuts[95])} p99 {ms(cuts[99])} ms")
    publish_times = [seconds for _title, seconds, status, _started in publishes if status == 302]
    lines.append(
        f"  publishes: {len(publish_times)} of {len(publishes)} answered 302, median "
        f"{ms(percentiles(publish_times)[50])} ms; the last one shown by first/second/varnish: {list(seen.values())}"
    )
    print("\n".join(lines))
    assert not failed, ([(o.target, o.path, o.status, o.error) for o in failed[:10]], logs)
    assert publishes and all(status == 302 for _title, _seconds, status, _started in publishes), publishes
    assert all(seen.values()), seen
