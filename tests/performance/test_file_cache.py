"""The shared file cache stays bounded without listing its directory on every write."""

import os
import subprocess
import sys
from pathlib import Path

from caching.backends import FileBasedCache

REPO = Path(__file__).resolve().parents[2]


def file_cache(directory, **options):
    return FileBasedCache(str(directory), {"OPTIONS": options})


def test_a_filecache_url_gets_the_cache_that_culls_now_and_then(tmp_path):
    """As a server would load it (production settings, a file cache URL)."""
    env = {key: value for key, value in os.environ.items() if key not in {"DATABASE_URL", "DEBUG"}}
    env.update(
        DJANGO_SETTINGS_MODULE="partnerhub.settings.production",
        SECRET_KEY="a-long-random-value-for-the-test-" * 2,
        CACHE_URL=f"filecache://{tmp_path}",
    )
    code = "import django; django.setup(); from django.conf import settings; c = settings.CACHES['default']; print(c['BACKEND'], c['OPTIONS']['MAX_ENTRIES'])"
    result = subprocess.run([sys.executable, "-c", code], cwd=REPO, env=env, capture_output=True, text=True)  # noqa: S603
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["caching.backends.FileBasedCache", "20000"]


def test_it_stays_within_max_entries_plus_one_culling_interval(tmp_path):
    cache = file_cache(tmp_path, MAX_ENTRIES=20, CULL_EVERY=10)
    for number in range(200):
        cache.set(f"key-{number}", "x" * 100)
        assert len(list(tmp_path.glob("*.djcache"))) <= 20 + 10
    assert cache.get("key-199") == "x" * 100


def test_most_writes_do_not_list_the_directory(tmp_path, monkeypatch):
    cache = file_cache(tmp_path, MAX_ENTRIES=1_000, CULL_EVERY=50)
    listings = []
    original = cache._list_cache_files
    monkeypatch.setattr(cache, "_list_cache_files", lambda: listings.append(1) or original())
    for number in range(500):
        cache.set(f"key-{number}", number)
    assert len(listings) == 500 // 50
    assert [cache.get(f"key-{number}") for number in (0, 250, 499)] == [0, 250, 499]
