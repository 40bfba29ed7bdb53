"""A change published through one server shows at once through the other and through Varnish.

Two gunicorn servers share the database and a real Redis (the page cache); a
real varnishd with deploy/varnish/default.vcl sits in front of the second.
tests/caching/test_varnish.py checks the purge with one in-process server and
test_shared_storage.py a picture across two servers; this is the publish: the
editor on A, the readers on B and behind Varnish, every copy warm beforehand.
"""

import pytest

from tests import factories

from .conftest import PASSWORD
from .faults import Editor, Varnish, get_once, started_together
from .servers import Gunicorn, RedisServer, production_env

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def redis_server():
    server = RedisServer().start()
    yield server
    server.stop()


def test_a_publish_through_one_server_is_seen_through_the_other_and_through_varnish(
    committed_tree, production_admin, production_static_root, redis_server
):
    news = factories.NewsPageFactory(parent=committed_tree.news, title="Zebranie w marcu", slug="zebranie")
    env = production_env(CACHE_URL=redis_server.url, STATIC_ROOT=production_static_root, PAGE_CACHE_SECONDS=600)
    first, second = Gunicorn(env), Gunicorn(env)
    varnish = Varnish(second.port)
    env["FRONTEND_CACHE_URL"] = varnish.url  # both servers purge the Varnish (the same env dict)
    pages = [news.url, committed_tree.news.url]
    with started_together(first, second, varnish):
        for path in pages:
            for _round in range(2):
                status, headers, body = get_once(second.port, path)
                assert status == 200 and "Zebranie w marcu" in body, (path, status, second.log())
            assert headers.get("x-page-cache") == "hit", (path, headers)  # B serves it from Redis
            for _round in range(2):
                status, headers, body = get_once(varnish.port, path)
                assert status == 200 and "Zebranie w marcu" in body
            assert headers.get("x-varnish-cache") == "hit", (path, headers)

        editor = Editor(first.port, "operator", PASSWORD)
        assert editor.save(news.pk, publish=True, title="Zebranie przeniesione na kwiecień") == 302, first.log()

        for path in pages:
            status, headers, body = get_once(second.port, path)
            assert status == 200 and "Zebranie przeniesione na kwiecień" in body, (path, headers)
            assert "Zebranie w marcu" not in body
            status, headers, body = get_once(varnish.port, path)
            assert status == 200 and "Zebranie przeniesione na kwiecień" in body, (path, headers)
            assert headers.get("x-varnish-cache") == "miss"
            assert "Zebranie w marcu" not in body
