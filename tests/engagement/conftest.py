"""Fixtures for the engagement tests: translations compiled, a clean cache
(the rate limiter lives there), consent texts and subscribers."""

import subprocess
import time
from pathlib import Path

from django.core.cache import cache
from django.utils import timezone
from django.utils.translation import trans_real

import pytest

from engagement.models import ConsentText, Subscriber

LOCALE_DIR = Path(__file__).resolve().parents[2] / "locale"


@pytest.fixture(scope="session", autouse=True)
def compiled_engagement_translations():
    """`make install` compiles the catalogues; compile them here too so a bare pytest run has them."""
    for po in LOCALE_DIR.glob("*/LC_MESSAGES/django.po"):
        mo = po.with_suffix(".mo")
        if not mo.exists() or mo.stat().st_mtime < po.stat().st_mtime:
            subprocess.run(["msgfmt", "--check-format", "-o", str(mo), str(po)], check=True)  # noqa: S603, S607
    trans_real._translations = {}
    trans_real._default = None
    yield


@pytest.fixture(autouse=True)
def clear_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def consent_texts(db):
    """A new version in each language (migration 0002 created version 1)."""
    return {
        code: ConsentText.objects.create(language=code, text=f"Consent text in {code}, second version.")
        for code in ("pl", "en", "de")
    }


def make_subscriber(*, email="reader@example.org", language="pl", confirmed=True, consent=None, **kwargs):
    consent = consent or ConsentText.current(language)
    return Subscriber.objects.create(
        email=email,
        language=language,
        consent=consent,
        consented_at=timezone.now(),
        confirmed_at=timezone.now() if confirmed else None,
        **kwargs,
    )


@pytest.fixture
def subscriber(db):
    return make_subscriber()


@pytest.fixture
def moderator(db, django_user_model):
    from django.contrib.auth.models import Group

    user = django_user_model.objects.create_user(username="moderator", email="mod@example.org", password="x")
    user.groups.add(Group.objects.get(name="Moderators"))
    return user


@pytest.fixture
def superuser(db, django_user_model):
    return django_user_model.objects.create_superuser(username="admin", email="admin@example.org", password="x")


def onboard(tree, title, *, editor_username=None, django_user_model=None):
    """An organisation with its own editors' group (and one editor) as onboarding makes it."""
    from engagement.onboarding import organisation_onboard

    page, group = organisation_onboard(index=tree.organisations, title=title, kind="ngo")
    editor = None
    if editor_username:
        editor = django_user_model.objects.create_user(username=editor_username, password="x")
        editor.groups.add(group)
    return page, editor


def human(**overrides):
    """wagtail-honeypot's two fields as a person's browser sends them: empty trap, form shown a minute ago.

    ``whf_time="now"`` stands for the moment of the request (a bot posting at once).
    """
    if overrides.get("whf_time") == "now":
        overrides["whf_time"] = str(int(time.time()))
    return {"whf_name": "", "whf_time": str(int(time.time()) - 60), **overrides}
