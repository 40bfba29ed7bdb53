"""deploy/varnish/default.vcl for real: Debian's varnishd on 127.0.0.1 in front of the live server.

Like the browser tests' Chromium: without varnishd these tests fail in CI
(CI=true; .ci/run installs Debian's varnish) and are skipped elsewhere.
"""

import http.client
import os
import shutil
import socket
import subprocess
import time
from pathlib import Path
from urllib.parse import urlsplit

from django.conf import settings as django_settings
from django.test import Client

import pytest

from tests.citizens_network import build_network

pytestmark = pytest.mark.django_db(transaction=True)

VCL = Path(django_settings.BASE_DIR) / "deploy" / "varnish" / "default.vcl"
SITE_HOST = "localhost"  # the test site's hostname: Wagtail purges with it as the Host


def _varnishd_or_skip():
    varnishd = shutil.which("varnishd") or shutil.which("varnishd", path="/usr/sbin:/usr/local/sbin")
    if varnishd:
        return varnishd
    reason = "Debian's varnish is not installed (apt-get install -y varnish); the Varnish tests need varnishd."
    if os.environ.get("CI") == "true":
        pytest.fail(reason)
    pytest.skip(reason)


def _free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def varnish(live_server, tmp_path, settings):
    """varnishd with the committed VCL, its backend the live server; the site purges it."""
    varnishd = _varnishd_or_skip()
    backend_port = urlsplit(live_server.url).port
    vcl = tmp_path / "default.vcl"
    vcl.write_text(VCL.read_text().replace('.port = "8000";', f'.port = "{backend_port}";'))
    port = _free_port()
    process = subprocess.Popen(  # noqa: S603
        [varnishd, "-F", "-j", "none", "-a", f"127.0.0.1:{port}", "-f", str(vcl), "-n", str(tmp_path / "work")]
        + ["-s", "malloc,32m", "-p", "default_grace=0"],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    deadline = time.monotonic() + 20
    while True:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            break
        except OSError:
            if process.poll() is not None or time.monotonic() > deadline:
                process.kill()
                pytest.fail(f"varnishd did not start:\n{process.communicate()[0].decode()}")
            time.sleep(0.1)
    settings.WAGTAILFRONTENDCACHE = {
        "default": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": f"http://127.0.0.1:{port}",
        }
    }
    yield port
    process.terminate()
    process.wait(timeout=10)


def get(port, path, *, cookie=None, method="GET", source="127.0.0.1"):
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=15, source_address=(source, 0))
    headers = {"Host": SITE_HOST}
    if cookie:
        headers["Cookie"] = cookie
    connection.request(method, path, headers=headers)
    response = connection.getresponse()
    body = response.read().decode()
    connection.close()
    return response, body


@pytest.fixture
def network(db):
    return build_network()


class TestThroughVarnish:
    def test_a_page_is_cached_and_a_published_change_shows_on_the_next_request(self, varnish, network):
        url, listing = network.festival.url, "/pl/inicjatywy/?area=culture"
        for path in (url, listing):
            assert get(varnish, path)[0].getheader("X-Varnish-Cache") == "miss"
            response, body = get(varnish, path)
            assert response.getheader("X-Varnish-Cache") == "hit"
            assert "Festiwal kultury w Borken" in body

        network.festival.title = "Festiwal kultury 2026"
        network.festival.save_revision().publish()

        for path in (url, listing):
            response, body = get(varnish, path)
            assert response.getheader("X-Varnish-Cache") == "miss", path
            assert "Festiwal kultury 2026" in body, path

    def test_an_unpublished_page_is_gone_on_the_next_request(self, varnish, network):
        url = network.festival.url
        get(varnish, url)
        assert get(varnish, url)[0].getheader("X-Varnish-Cache") == "hit"
        network.festival.unpublish()
        assert get(varnish, url)[0].status == 404

    def test_a_change_of_the_frame_bans_every_page(self, varnish, network):
        get(varnish, network.festival.url)
        network.culture.name = "Kultura i sztuka"
        network.culture.save()
        response, body = get(varnish, network.festival.url)
        assert response.getheader("X-Varnish-Cache") == "miss"
        assert "Kultura i sztuka" in body

    def test_other_cookies_are_stripped_so_readers_share_one_copy(self, varnish, network):
        get(varnish, network.festival.url)
        response, _body = get(varnish, network.festival.url, cookie="csrftoken=abc; _pk_id=1")
        assert response.getheader("X-Varnish-Cache") == "hit"


class TestNeverFromVarnish:
    def test_a_logged_in_editor_never_gets_a_cached_page(self, varnish, network, django_user_model):
        django_user_model.objects.create_superuser("editor", "editor@example.org", "pass")
        editor = Client()
        assert editor.login(username="editor", password="pass")
        session = f"sessionid={editor.cookies['sessionid'].value}"
        url = network.festival.url
        get(varnish, url)  # the anonymous copy is cached
        for _round in range(2):
            response, body = get(varnish, url, cookie=session)
            assert response.getheader("X-Varnish-Cache") == "miss"
            assert "private" in response.getheader("Cache-Control")
            assert "wagtail-userbar" in body  # the editor's own page
        response, body = get(varnish, url)
        assert response.getheader("X-Varnish-Cache") == "hit"
        assert "wagtail-userbar" not in body  # and it never became the readers'

    def test_the_admin_and_admin_cookies_bypass_it(self, varnish, network):
        for _round in range(2):
            response, _body = get(varnish, "/admin/login/")
            assert response.getheader("X-Varnish-Cache") == "miss"
            response, _body = get(varnish, network.festival.url, cookie="sessionid=anything")
            assert response.getheader("X-Varnish-Cache") == "miss"
            response, _body = get(varnish, network.festival.url, cookie="messages=anything")
            assert response.getheader("X-Varnish-Cache") == "miss"

    def test_purge_is_refused_from_another_address(self, varnish, network):
        get(varnish, network.festival.url)
        response, _body = get(varnish, network.festival.url, method="PURGE", source="127.0.0.2")
        assert response.status == 405
        assert get(varnish, network.festival.url)[0].getheader("X-Varnish-Cache") == "hit"
        assert get(varnish, network.festival.url, method="PURGE")[0].status == 200
        assert get(varnish, network.festival.url)[0].getheader("X-Varnish-Cache") == "miss"
