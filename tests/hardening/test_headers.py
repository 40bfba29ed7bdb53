"""Every response says what the browser may run: CSP on public pages and the admin, Permissions-Policy."""

from django.core.files.base import ContentFile

from wagtail.documents.models import Document

import pytest

pytestmark = pytest.mark.django_db


def directives(response):
    policy = response["Content-Security-Policy"]
    return {part.split()[0]: part.split()[1:] for part in policy.split("; ")}


def test_a_public_page_runs_only_this_sites_scripts_and_styles(client, tree):
    response = client.get(tree.partner.url)
    assert response.status_code == 200
    policy = directives(response)
    assert policy["script-src"] == ["'self'"]
    assert policy["style-src"] == ["'self'"]
    assert policy["object-src"] == ["'none'"]
    assert policy["frame-ancestors"] == ["'self'"]
    body = response.content.decode()
    # The strict policy holds only because no template writes inline code.
    assert "<script>" not in body and 'style="' not in body


def test_the_map_tiles_are_the_only_other_origin_and_only_for_images(client, tree, settings):
    response = client.get("/pl/partnerzy/map/")
    policy = directives(response)
    assert "https://tile.openstreetmap.org" in policy["img-src"]
    assert all(
        "openstreetmap" not in source for name, sources in policy.items() if name != "img-src" for source in sources
    )


def test_a_page_from_the_page_cache_keeps_its_policy(client, tree, settings):
    settings.CACHE_MIDDLEWARE_SECONDS = 600  # the page cache, off in the test settings
    first = client.get(tree.partner.url)
    again = client.get(tree.partner.url)
    assert again["X-Page-Cache"] == "hit"
    assert again["Content-Security-Policy"] == first["Content-Security-Policy"]


def test_the_admin_allows_wagtails_inline_scripts_but_no_other_origin(admin_client):
    response = admin_client.get("/admin/")
    assert response.status_code == 200
    policy = directives(response)
    assert policy["script-src"] == ["'self'", "'unsafe-inline'"]
    assert policy["object-src"] == ["'none'"]
    assert policy["default-src"] == ["'self'"]


def test_documents_keep_wagtails_own_sandboxing_policy(client, tree):
    document = Document.objects.create(
        title="Umowa", file=ContentFile(b"<html><script>alert(1)</script>", name="umowa.html")
    )
    response = client.get(document.url)
    assert "default-src 'none'" in response["Content-Security-Policy"]
    assert response["Content-Disposition"].startswith("attachment")


def test_browser_features_no_page_uses_are_switched_off(client, tree):
    response = client.get(tree.home.url)
    assert "camera=()" in response["Permissions-Policy"]
    assert "geolocation=()" in response["Permissions-Policy"]
