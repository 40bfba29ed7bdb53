"""Base settings: safe for production by default.

Every environment variable the project reads is declared in ``ENV`` below,
with its type and default, and documented in README.md ("Configuration").
``dev``, ``test`` and ``production`` are small overrides of this module.
"""

from pathlib import Path

import environ

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent
VAR_DIR = BASE_DIR / "var"

ENV = environ.Env(
    DEBUG=(bool, False),
    SECRET_KEY=(str, ""),
    ALLOWED_HOSTS=(list, ["127.0.0.1", "localhost"]),
    CSRF_TRUSTED_ORIGINS=(list, []),
    DATABASE_URL=(str, f"sqlite:///{VAR_DIR / 'partnerhub.sqlite3'}"),
    MEDIA_ROOT=(str, str(VAR_DIR / "media")),
    STATIC_ROOT=(str, str(VAR_DIR / "static")),
    EMAIL_URL=(str, "consolemail://"),
    DEFAULT_FROM_EMAIL=(str, "PartnerHub <no-reply@partnerhub.local>"),
    WAGTAILADMIN_BASE_URL=(str, "http://127.0.0.1:8000"),
    SITE_NAME=(str, "PartnerHub"),
    SECURE_COOKIES=(bool, True),
    DEMO_PASSWORD=(str, "partnerhub-demo"),
    # engagement: accession, contact forms, newsletter (docs/engagement.md)
    ENGAGEMENT_FORM_RETENTION_DAYS=(int, 365),
    ENGAGEMENT_UNCONFIRMED_RETENTION_DAYS=(int, 7),
    ENGAGEMENT_LINK_MAX_AGE_DAYS=(int, 30),
    ENGAGEMENT_RATE_LIMIT_PER_MINUTE=(int, 5),
    TASKS_DATABASE_QUEUE=(bool, False),
)

DEBUG = ENV("DEBUG")
SECRET_KEY = ENV("SECRET_KEY")
ALLOWED_HOSTS = ENV("ALLOWED_HOSTS")
CSRF_TRUSTED_ORIGINS = ENV("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    # PartnerHub's own apps, one per domain (see README, "Architecture").
    "home",
    "partners",
    "initiatives",
    "search",
    "engagement",
    # Translation of content.
    "wagtail_localize",
    "wagtail_localize.locales",  # replaces wagtail.locales
    # Wagtail.
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.sitemaps",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django_tasks_db",
    # Django.
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.humanize",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
]

ROOT_URLCONF = "partnerhub.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

WSGI_APPLICATION = "partnerhub.wsgi.application"

DATABASES = {"default": ENV.db_url("DATABASE_URL")}
DATABASES["default"]["ATOMIC_REQUESTS"] = True
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # Wagtail's PostgreSQL search backend needs it (system check postgres.E005).
    INSTALLED_APPS.append("django.contrib.postgres")

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# --- Languages -------------------------------------------------------------
# The one place where languages are declared: the interface (Django), the
# content (Wagtail locales) and the URL prefixes all follow it. Adding a
# language is one line here plus `python manage.py sync_locales`.
LANGUAGE_CODE = "pl"
LANGUAGES = [
    ("pl", "Polski"),
    ("en", "English"),
    ("de", "Deutsch"),
]
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_I18N = True
TIME_ZONE = "Europe/Warsaw"
USE_TZ = True

# --- Static and media files --------------------------------------------------
STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
]
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = ENV("STATIC_ROOT")
STATIC_URL = "/static/"
MEDIA_ROOT = ENV("MEDIA_ROOT")
MEDIA_URL = "/media/"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# --- E-mail ------------------------------------------------------------------
# Only the values the URL sets: Django 6.1 warns about each EMAIL_* setting given.
vars().update({key: value for key, value in ENV.email_url("EMAIL_URL").items() if value not in ("", None, False)})
DEFAULT_FROM_EMAIL = ENV("DEFAULT_FROM_EMAIL")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# --- Security ----------------------------------------------------------------
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = False  # Wagtail's admin reads the CSRF token from JS.
X_FRAME_OPTIONS = "SAMEORIGIN"  # Wagtail's preview panel uses an iframe.
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"

# --- Wagtail -----------------------------------------------------------------
WAGTAIL_SITE_NAME = ENV("SITE_NAME")
WAGTAILADMIN_BASE_URL = ENV("WAGTAILADMIN_BASE_URL")
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "rtf", "txt", "xlsx", "zip"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp", "avif"]
WAGTAIL_ENABLE_UPDATE_CHECK = False  # the site must work offline on a LAN
WAGTAIL_LOCKING_ENABLED = True
WAGTAIL_WORKFLOW_ENABLED = True
WAGTAIL_MODERATION_ENABLED = True
WAGTAILADMIN_COMMENTS_ENABLED = True
WAGTAILEMBEDS_RESPONSIVE_HTML = True

# Demo accounts' shared password (used only by `manage.py load_demo`).
DEMO_PASSWORD = ENV("DEMO_PASSWORD")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
    "loggers": {"partnerhub": {"handlers": ["console"], "level": "INFO", "propagate": False}},
}

WAGTAILIMAGES_IMAGE_MODEL = "home.SiteImage"

# --- Engagement: accession, contact forms, newsletter (docs/engagement.md) ----
ENGAGEMENT_FORM_RETENTION_DAYS = ENV("ENGAGEMENT_FORM_RETENTION_DAYS")
ENGAGEMENT_UNCONFIRMED_RETENTION_DAYS = ENV("ENGAGEMENT_UNCONFIRMED_RETENTION_DAYS")
ENGAGEMENT_LINK_MAX_AGE_DAYS = ENV("ENGAGEMENT_LINK_MAX_AGE_DAYS")
ENGAGEMENT_RATE_LIMIT = (ENV("ENGAGEMENT_RATE_LIMIT_PER_MINUTE"), 60)  # (requests, seconds) per IP and form
# Background work (newsletter sending). Without TASKS, tasks run inline. With
# TASKS_DATABASE_QUEUE=true the newsletter is queued in the database
# (django-tasks-db) and sent by `manage.py db_worker --backend database`.
# Wagtail 8 runs its own tasks through the django-tasks backport, whose tasks
# django-tasks-db's backend (built on Django 6's django.tasks) refuses, so the
# "default" alias stays inline for Wagtail and the queue gets its own alias.
ENGAGEMENT_TASK_BACKEND = "default"
if ENV("TASKS_DATABASE_QUEUE"):
    TASKS = {
        "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
        "database": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]},
    }
    ENGAGEMENT_TASK_BACKEND = "database"
