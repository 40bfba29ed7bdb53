"""Local development: DEBUG on, a fixed insecure key, mail to the console."""

from .base import *  # noqa: F403
from .base import ENV

DEBUG = ENV.bool("DEBUG", default=True)
SECRET_KEY = ENV.str("SECRET_KEY", default="django-insecure-partnerhub-dev-only")  # noqa: S105
ALLOWED_HOSTS = ENV.list("ALLOWED_HOSTS", default=["*"])
STORAGES["staticfiles"]["BACKEND"] = "django.contrib.staticfiles.storage.StaticFilesStorage"  # noqa: F405
