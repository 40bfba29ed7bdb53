"""Production: behind a TLS-terminating proxy, with a real SECRET_KEY.

`python manage.py check --deploy --fail-level WARNING` passes with these settings
(tests/hardening/test_deploy_checks.py). The proxy in front (Varnish, nginx, a load
balancer) terminates TLS and says so in ``X-Forwarded-Proto``; README.md, "Production".
"""

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import ENV, SECRET_KEY

DEBUG = False

if not SECRET_KEY or SECRET_KEY.startswith("django-insecure"):
    raise ImproperlyConfigured(
        "SECRET_KEY is not set. Production settings need a long random value in the "
        "SECRET_KEY environment variable, e.g. the output of "
        "`python -c 'import secrets; print(secrets.token_urlsafe(50))'`."
    )

# --- HTTPS behind the proxy ---------------------------------------------------
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = ENV("SECURE_SSL_REDIRECT")
SECURE_HSTS_SECONDS = ENV("SECURE_HSTS_SECONDS")  # two years by default
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
SESSION_COOKIE_SECURE = ENV("SECURE_COOKIES")
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE

# --- Sessions and passwords ---------------------------------------------------
# An editor's session ends after a working day without use, and with the browser.
SESSION_COOKIE_AGE = ENV("SESSION_COOKIE_AGE")
SESSION_SAVE_EVERY_REQUEST = True
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    # Older hashes still verify, and are upgraded to Argon2 at the next login.
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2SHA1PasswordHasher",
]

# Wagtail's preview panel shows the page in a frame of the admin, which DENY would break;
# SAMEORIGIN still refuses every other site's frames (and CSP's frame-ancestors says the same).
SILENCED_SYSTEM_CHECKS = ["security.W019"]
