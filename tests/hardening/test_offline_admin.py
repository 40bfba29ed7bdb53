"""The admin works on a LAN with no Internet: its avatars are this site's own static file, not gravatar.com's."""

import json
import re
from pathlib import Path
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.staticfiles import finders

import pytest

pytestmark = pytest.mark.django_db

# Wagtail's avatar component: <span class="avatar …"> with an optional tooltip <template>, then the <img>.
AVATAR_IMG = re.compile(r'class="avatar[^"]*"[^>]*>\s*(?:<template.*?</template>\s*)?<img src="([^"]+)"', re.S)


def avatar_sources(body):
    sources = AVATAR_IMG.findall(body)
    # The sidebar's account menu is drawn by script from the JSON in a <script> element.
    sources += [json.loads(f'"{url}"') for url in re.findall(r'"avatarUrl": "((?:[^"\\]|\\.)*)"', body)]
    return sources


def test_avatars_are_a_static_file_of_this_site(admin_client):
    # admin_client's user has an e-mail address: with Wagtail's default it would get a gravatar.com URL.
    for url in ("/admin/", "/admin/account/"):
        body = admin_client.get(url).content.decode()
        assert "gravatar" not in body
        sources = avatar_sources(body)
        assert sources, f"no avatar found on {url}"
        for source in sources:
            parts = urlsplit(source)
            assert not parts.scheme and not parts.netloc, source  # neither http(s):// nor protocol-relative //
            assert parts.path.startswith(settings.STATIC_URL), source
            found = finders.find(parts.path.removeprefix(settings.STATIC_URL))
            assert found and Path(found).is_file(), source
