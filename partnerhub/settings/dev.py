"""Local development: DEBUG on, a fixed insecure key, mail to the console."""

from .base import *  # noqa: F403
from .base import ENV

DEBUG = ENV.bool("DEBUG", default=True)
SECRET_KEY = ENV.str("SECRET_KEY", default="django-insecure-partnerhub-dev-only")  # noqa: S105
ALLOWED_HOSTS = ENV.list("ALLOWED_HOSTS", default=["*"])
STORAGES["staticfiles"]["BACKEND"] = "django.contrib.staticfiles.storage.StaticFilesStorage"  # noqa: F405
# The demo's accounts sign in with their password only; production asks moderators and
# administrators for a code too (ADMIN_2FA_REQUIRED=true to try it here).
ADMIN_2FA_REQUIRED = ENV.bool("ADMIN_2FA_REQUIRED", default=False)
