"""The shared cache on a real Redis: the site keeps serving, and logging in, while Redis is down."""

import pytest

from .conftest import PASSWORD
from .servers import Browserless, Gunicorn, RedisServer, production_env

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def redis_server():
    server = RedisServer().start()
    yield server
    server.stop()


def test_pages_and_logins_survive_redis_stopping_and_the_cache_fills_again_after_a_restart(
    committed_tree, production_admin, production_static_root, redis_server
):
    env = production_env(CACHE_URL=redis_server.url, STATIC_ROOT=production_static_root, PAGE_CACHE_SECONDS=600)
    with Gunicorn(env) as app:
        reader = Browserless(app.port)
        assert reader.get("/pl/partnerzy/borken/").status == 200, app.log()

        redis_server.stop()
        for path in ("/pl/partnerzy/borken/", "/pl/partnerzy/", "/pl/"):
            response = reader.get(path)
            assert response.status == 200, (path, response.text[:500])
        assert "Borken" in reader.get("/pl/partnerzy/borken/").text

        editor = Browserless(app.port)
        response = editor.login("operator", PASSWORD)
        assert response.status == 302, response.text[:2000]
        dashboard = editor.get("/admin/")
        assert dashboard.status == 200
        assert "operator" in dashboard.text  # the session, kept in the database, survived no Redis at all

        redis_server.start()  # same port, empty
        editor.get("/admin/")
        assert editor.get("/admin/").status == 200
        reader.get("/pl/partnerzy/borken/")
        assert redis_server.dbsize(), "the cache fills again once Redis is back"
