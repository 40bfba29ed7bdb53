"""Fixtures of the production tests: static files collected once, committed data for real servers."""

import subprocess
import sys

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import Argon2PasswordHasher

import pytest

from tests.conftest import build_network_tree

from .servers import REPO, production_env

PRODUCTION_STATIC_ROOT = REPO / "var" / "test-static-production"
SOURCES = [REPO / "static", *(REPO.glob("*/static"))]
PASSWORD = "a-long-admin-password-for-tests"


def _newest_source_mtime() -> float:
    return max((path.stat().st_mtime for root in SOURCES for path in root.rglob("*") if path.is_file()), default=0)


@pytest.fixture(scope="session")
def production_static_root():
    """collectstatic with the production (manifest) storage, run only when a static file changed since the last run."""
    manifest = PRODUCTION_STATIC_ROOT / "staticfiles.json"
    if not manifest.exists() or manifest.stat().st_mtime < _newest_source_mtime():
        subprocess.run(  # noqa: S603
            [sys.executable, "manage.py", "collectstatic", "--noinput", "-v", "0"],
            cwd=REPO,
            env=production_env(STATIC_ROOT=PRODUCTION_STATIC_ROOT, DATABASE_URL="sqlite:///:memory:"),
            check=True,
        )
    return PRODUCTION_STATIC_ROOT


@pytest.fixture
def committed_tree(transactional_db):
    """The network tree, committed so that a server in another process sees it (flushed after the test)."""
    return build_network_tree()


@pytest.fixture
def production_admin(transactional_db):
    """A superuser whose password the production hasher (Argon2) verifies."""
    user = get_user_model().objects.create(username="operator", is_superuser=True, is_staff=True)
    user.password = Argon2PasswordHasher().encode(PASSWORD, Argon2PasswordHasher().salt())
    user.save(update_fields=["password"])
    return user
