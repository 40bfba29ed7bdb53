"""Tests: real PostgreSQL (a throwaway cluster unless DATABASE_URL is given)."""

import os

if not os.environ.get("DATABASE_URL", "").startswith("postgres"):
    from tests.postgres import start_throwaway_cluster

    os.environ["DATABASE_URL"] = start_throwaway_cluster()

from .base import *  # noqa: E402, F403

DEBUG = False
SECRET_KEY = "partnerhub-tests-only"  # noqa: S105
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
MAILERS = {"default": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}}
STORAGES["staticfiles"]["BACKEND"] = "django.contrib.staticfiles.storage.StaticFilesStorage"  # noqa: F405
MEDIA_ROOT = str(BASE_DIR / "var" / "test-media")  # noqa: F405
WAGTAILADMIN_BASE_URL = "http://testserver"
os.makedirs(STATIC_ROOT, exist_ok=True)  # noqa: F405  (whitenoise warns when it is missing)
# Caching (docs/caching.md): a per-process cache emptied before every test
# (tests/conftest.py); the page cache is off unless a test turns it on.
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "partnerhub-tests"},
    "fragments-local": CACHES["fragments-local"],  # noqa: F405
}
PAGE_CACHE_SECONDS = 0
