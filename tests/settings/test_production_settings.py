"""Production settings refuse to run with an unsafe configuration."""

import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def load_settings(module, **env):
    """Import a settings module in a fresh interpreter, as a server would."""
    clean_env = {k: v for k, v in os.environ.items() if k not in {"SECRET_KEY", "DEBUG", "DATABASE_URL"}}
    clean_env.update(env, DJANGO_SETTINGS_MODULE=module)
    return subprocess.run(  # noqa: S603
        [
            sys.executable,
            "-c",
            "import django; django.setup(); from django.conf import settings; print(settings.DEBUG)",
        ],
        cwd=REPO,
        env=clean_env,
        capture_output=True,
        text=True,
    )


def test_production_refuses_to_start_without_secret_key():
    result = load_settings("partnerhub.settings.production")
    assert result.returncode != 0
    assert "SECRET_KEY is not set" in result.stderr


def test_production_refuses_the_development_key():
    result = load_settings("partnerhub.settings.production", SECRET_KEY="django-insecure-partnerhub-dev-only")
    assert result.returncode != 0
    assert "SECRET_KEY is not set" in result.stderr


def test_production_starts_with_a_secret_key_and_debug_off():
    result = load_settings("partnerhub.settings.production", SECRET_KEY="a-long-random-value-for-the-test-" * 2)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "False"


def test_production_keeps_debug_off_even_if_the_environment_asks_for_it():
    result = load_settings("partnerhub.settings.production", SECRET_KEY="x" * 60, DEBUG="true")
    assert result.stdout.strip() == "False"
