"""Tests: real PostgreSQL.

``DATABASE_URL=postgres://…`` points the tests at an existing server.
Without it, a session fixture (``django_db_modify_db_settings`` in
tests/conftest.py) starts a throwaway cluster before the test database is
created, and fills in where it runs.
"""

import os

from .base import *  # noqa: F403
from .base import DATABASES, STATIC_ROOT

DEBUG = False
SECRET_KEY = "partnerhub-tests-only"  # noqa: S105
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# Django's test client logs in without a request, which django-axes' backend refuses; the
# throttling tests (tests/hardening/test_login_throttling.py) put it back.
AUTHENTICATION_BACKENDS = ["django.contrib.auth.backends.ModelBackend"]
SILENCED_SYSTEM_CHECKS = ["axes.W003"]  # "AxesStandaloneBackend is not configured": on purpose, above
# Most tests sign in as an administrator without a second step; tests/hardening/test_two_factor.py
# switches it on.
ADMIN_2FA_REQUIRED = False
MAILERS = {"default": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}}
STORAGES["staticfiles"]["BACKEND"] = "django.contrib.staticfiles.storage.StaticFilesStorage"  # noqa: F405
MEDIA_ROOT = str(BASE_DIR / "var" / "test-media")  # noqa: F405
WAGTAILADMIN_BASE_URL = "http://testserver"
os.makedirs(STATIC_ROOT, exist_ok=True)  # whitenoise warns when it is missing
if not os.environ.get("DATABASE_URL", "").startswith("postgres"):
    # Where the throwaway cluster runs is known once the session fixture has started it.
    DATABASES["default"].update(ENGINE="django.db.backends.postgresql", NAME="postgres", HOST="", USER="", PORT="")
    DATABASES["default"]["OPTIONS"] = {}  # not the embedded database's options
# Caching (docs/caching.md): a per-process cache emptied before every test
# (tests/conftest.py); the page cache is off unless a test turns it on.
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "partnerhub-tests"}}
CACHE_MIDDLEWARE_SECONDS = 0
