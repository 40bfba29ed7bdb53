"""The admin's login slows down a password guesser: a 429 after a few wrong passwords, and back after the pause."""

from datetime import timedelta

from django.utils import timezone

import pytest
from axes.models import AccessAttempt

from partnerhub.settings import base

pytestmark = pytest.mark.django_db

PASSWORD = "the-right-password-2026"


@pytest.fixture(autouse=True)
def axes_on(settings):
    settings.AUTHENTICATION_BACKENDS = base.AUTHENTICATION_BACKENDS
    settings.AXES_FAILURE_LIMIT = 5


@pytest.fixture
def moderator(django_user_model):
    return django_user_model.objects.create_user("moderator", password=PASSWORD, is_staff=True)


def sign_in(client, password, username="moderator"):
    return client.post("/admin/login/", {"username": username, "password": password})


def test_wrong_passwords_are_refused_until_the_limit_then_the_login_pauses_with_a_429(client, moderator):
    for _ in range(4):
        response = sign_in(client, "guess")
        assert response.status_code == 200  # the login form again, with its error
    locked = sign_in(client, "guess")
    assert locked.status_code == 429
    assert "Signing in is paused" in locked.content.decode() or "Logowanie" in locked.content.decode()
    assert "15" in locked.content.decode()  # the minutes to wait

    # Even the right password waits out the pause: a guesser cannot tell a hit.
    assert sign_in(client, PASSWORD).status_code == 429
    assert "_auth_user_id" not in client.session


def test_after_the_pause_the_right_password_works_and_clears_the_count(client, moderator):
    for _ in range(5):
        sign_in(client, "guess")
    AccessAttempt.objects.update(attempt_time=timezone.now() - timedelta(minutes=16))
    response = sign_in(client, PASSWORD)
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(moderator.pk)
    assert not AccessAttempt.objects.filter(username="moderator").exists()


def test_a_stranger_guessing_from_elsewhere_does_not_lock_the_editor_out(client, moderator):
    for _ in range(5):
        client.post("/admin/login/", {"username": "moderator", "password": "guess"}, REMOTE_ADDR="203.0.113.9")
    assert sign_in(client, PASSWORD).status_code == 302


def test_guessing_other_accounts_is_counted_per_account(client, moderator):
    for name in ("anna", "jan", "ola"):
        for _ in range(5):
            sign_in(client, "guess", username=name)
    assert sign_in(client, PASSWORD).status_code == 302
