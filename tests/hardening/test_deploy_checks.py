"""The production settings pass Django's deployment checklist, and say what is missing when they cannot."""

import subprocess
import sys

import pytest

from tests.production.servers import REPO


def deploy_check(**env):
    base = {
        "PATH": "/usr/bin:/bin",
        "DJANGO_SETTINGS_MODULE": "partnerhub.settings.production",
        "SECRET_KEY": "deploy-check-" + "s" * 50,
        "DATABASE_URL": "sqlite:///:memory:",
        "EMAIL_URL": "smtp://mail.example.org:587/?tls=True",
    }
    base.update(env)
    return subprocess.run(  # noqa: S603
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=REPO,
        env={key: value for key, value in base.items() if value is not None},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_check_deploy_is_clean_with_the_production_settings():
    result = deploy_check()
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_the_console_mailer_is_refused_in_production_with_a_hint():
    result = deploy_check(EMAIL_URL="consolemail://")
    assert result.returncode != 0
    assert "development-only email backend" in result.stderr


@pytest.mark.parametrize("secret_key", [None, "django-insecure-abc"])
def test_production_refuses_to_start_without_a_real_secret_key(secret_key):
    result = deploy_check(SECRET_KEY=secret_key)
    assert result.returncode != 0
    assert "SECRET_KEY is not set" in result.stderr
