"""Base settings: safe for production by default.

Every environment variable the project reads is declared in ``ENV`` below,
with its type and default, and documented in README.md ("Configuration").
``dev``, ``test`` and ``production`` are small overrides of this module.
"""

from datetime import timedelta
from pathlib import Path
from urllib.parse import urlsplit

from django.utils.csp import CSP

import environ

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent
VAR_DIR = BASE_DIR / "var"

ENV = environ.Env(
    DEBUG=(bool, False),
    SECRET_KEY=(str, ""),
    ALLOWED_HOSTS=(list, ["127.0.0.1", "localhost", ".localhost"]),
    CSRF_TRUSTED_ORIGINS=(list, []),
    DATABASE_URL=(str, f"sqlite:///{VAR_DIR / 'partnerhub.sqlite3'}"),
    # Seconds a worker keeps its database connection (0 = a new one per request:
    # ~12 ms of every request on the benchmark machine, docs/benchmarks.md).
    DATABASE_CONN_MAX_AGE=(int, 300),
    # Where pg_dump and pg_restore are (manage.py backup/restore); empty = PATH, then /usr/lib/postgresql/<version>/bin.
    PG_BIN_DIR=(str, ""),
    MEDIA_ROOT=(str, str(VAR_DIR / "media")),
    # Media in S3-compatible object storage (MinIO, Ceph, AWS…), shared by every application
    # server; empty = MEDIA_ROOT on local disk. Credentials: AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY.
    MEDIA_S3_BUCKET=(str, ""),
    MEDIA_S3_ENDPOINT_URL=(str, ""),
    MEDIA_S3_REGION=(str, ""),
    MEDIA_S3_CUSTOM_DOMAIN=(str, ""),
    STATIC_ROOT=(str, str(VAR_DIR / "static")),
    EMAIL_URL=(str, "consolemail://"),
    DEFAULT_FROM_EMAIL=(str, "PartnerHub <no-reply@partnerhub.local>"),
    WAGTAILADMIN_BASE_URL=(str, "http://127.0.0.1:8000"),
    SITE_NAME=(str, "PartnerHub"),
    SECURE_COOKIES=(bool, True),
    # Two-step sign-in (TOTP) for administrators and moderators (editorial/two_factor.py).
    ADMIN_2FA_REQUIRED=(bool, True),
    # Login throttling (django-axes): wrong passwords per account and address, then the pause.
    AXES_FAILURE_LIMIT=(int, 5),
    AXES_COOLOFF_MINUTES=(int, 15),
    # Production only (settings/production.py): HTTPS behind the proxy, and sessions.
    SECURE_SSL_REDIRECT=(bool, True),
    SECURE_HSTS_SECONDS=(int, 63_072_000),
    SESSION_COOKIE_AGE=(int, 8 * 60 * 60),
    DEMO_PASSWORD=(str, "partnerhub-demo"),
    # Editorial workflow (docs/editorial.md).
    EDITORIAL_REVIEW_AFTER_DAYS=(int, 365),
    # Machine translation in wagtail-localize's editor (off when both are empty).
    DEEPL_API_KEY=(str, ""),
    LIBRETRANSLATE_URL=(str, ""),
    LIBRETRANSLATE_API_KEY=(str, ""),
    # Map of partners: the tile server ({z}/{x}/{y} template; empty = no tiles,
    # markers and the list only) and the attribution its licence requires (HTML).
    MAP_TILE_URL=(str, "https://tile.openstreetmap.org/{z}/{x}/{y}.png"),
    MAP_TILE_ATTRIBUTION=(
        str,
        '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors',
    ),
    PARTNERSHIP_DATA_LICENCE=(str, "CC BY 4.0"),
    PARTNERSHIP_DATA_LICENCE_URL=(str, "https://creativecommons.org/licenses/by/4.0/"),
    # engagement: accession, contact forms, newsletter (docs/engagement.md)
    ENGAGEMENT_FORM_RETENTION_DAYS=(int, 365),
    ENGAGEMENT_UNCONFIRMED_RETENTION_DAYS=(int, 7),
    ENGAGEMENT_LINK_MAX_AGE_DAYS=(int, 30),
    ENGAGEMENT_RATE_LIMIT_PER_MINUTE=(int, 5),
    TASKS_DATABASE_QUEUE=(bool, False),
    # Caching (docs/caching.md): the shared cache (filecache:///path, redis://host:6379/0,
    # locmemcache://), the page cache's lifetime without Varnish (0 = off), the Varnish
    # to purge on publish (empty = none), and the s-maxage and stale-while-revalidate
    # every anonymous page is sent with.
    CACHE_URL=(str, f"filecache://{VAR_DIR / 'cache'}"),
    PAGE_CACHE_SECONDS=(int, 600),
    FRONTEND_CACHE_URL=(str, ""),
    FRONTEND_CACHE_SECONDS=(int, 300),
    FRONTEND_CACHE_STALE_SECONDS=(int, 60),
    # Newsletter bounces (docs/engagement.md, "Bounces"): the envelope sender
    # (VERP: bounces+<token>@domain; empty = DEFAULT_FROM_EMAIL, no matching by
    # address), the mailbox `process_bounces` reads when given none (Maildir or
    # mbox path, or imaps://user:password@host/folder), hard bounces before a
    # subscription is suspended.
    NEWSLETTER_BOUNCE_ADDRESS=(str, ""),
    NEWSLETTER_BOUNCE_MAILBOX=(str, ""),
    NEWSLETTER_HARD_BOUNCE_LIMIT=(int, 2),
)

DEBUG = ENV("DEBUG")
SECRET_KEY = ENV("SECRET_KEY")
ALLOWED_HOSTS = ENV("ALLOWED_HOSTS")
CSRF_TRUSTED_ORIGINS = ENV("CSRF_TRUSTED_ORIGINS")

INSTALLED_APPS = [
    # PartnerHub's own apps, one per domain, from the ground floor up (README, "Architecture").
    "core",
    "partners",
    "directory",
    "initiatives",
    "engagement",
    "editorial",
    # Translation status report, dashboard panel and "minor edit" (docs/translation.md).
    "translations",
    "search",
    "home",
    # One site per partnership network: add_network and the network's rights (README, "Networks").
    "networks",
    "demo",
    # HTTP caching: Cache-Control, the page cache, Varnish purges (docs/caching.md).
    "caching",
    # Translation of content.
    "wagtail_localize",
    "wagtail_localize.locales",  # replaces wagtail.locales
    # Wagtail.
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.search_promotions",  # promoted search results, edited by moderators (search/)
    "wagtail.embeds",
    "wagtail.api.v2",  # the open API (docs/api.md)
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
    "rest_framework",
    "corsheaders",  # any site may read the open API and the GeoJSON of partners
    "django_filters",
    "django_countries",  # installed for its catalogues: country names in the reader's language
    "django_tasks_db",
    "wagtail_honeypot",  # honeypot on the public forms (engagement/abuse.py)
    # Django.
    "django.contrib.admin",
    "django.contrib.auth",
    "axes",  # login throttling (below, "Security")
    "django_otp",  # two-step sign-in to the admin (editorial/two_factor.py)
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",  # recovery codes
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.humanize",
    "django.contrib.postgres",  # Wagtail's search on PostgreSQL needs it (postgres.E005); harmless on SQLite
]


MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "partnerhub.security.PartnerHubCSPMiddleware",  # CSP on every response (admin: its own policy)
    "partnerhub.security.PermissionsPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # HTTP caching (docs/caching.md): Cache-Control on the way out, then the page
    # cache's store half, gzip and ETags; the page cache's lookup half is last.
    "caching.middleware.CacheControlMiddleware",
    "caching.middleware.UpdatePageCacheMiddleware",
    "caching.middleware.PartnerHubGZipMiddleware",
    "django.middleware.http.ConditionalGetMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "translations.middleware.PartnerHubLocaleMiddleware",  # Django's, minus pointless 404 redirects
    "corsheaders.middleware.CorsMiddleware",  # before CommonMiddleware can answer
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "editorial.two_factor.TwoFactorMiddleware",  # the second step before any other admin page
    "django.contrib.messages.middleware.MessageMiddleware",
    "editorial.isolation.AdminIsolationMiddleware",  # guards of the admin's side routes
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "caching.middleware.FetchFromPageCacheMiddleware",
    "axes.middleware.AxesMiddleware",  # answers a locked-out login with 429 (last, as django-axes asks)
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
# The embedded database (the demo, a small office) with a few editors and readers at once:
# in WAL mode readers go on while one writer writes; IMMEDIATE takes the write lock when a
# transaction starts (a deferred one fails at once with "database is locked" when it must
# upgrade); a writer then waits up to 20 s for the lock. PostgreSQL is the production database.
SQLITE_CONCURRENCY_OPTIONS = {
    "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA busy_timeout=20000",
    "transaction_mode": "IMMEDIATE",
    "timeout": 20,
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"].setdefault("OPTIONS", {}).update(SQLITE_CONCURRENCY_OPTIONS)
DATABASES["default"]["ATOMIC_REQUESTS"] = True
DATABASES["default"]["CONN_MAX_AGE"] = ENV("DATABASE_CONN_MAX_AGE")
# A kept connection is checked before a request reuses it (a restarted server costs no failed request).
DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
PG_BIN_DIR = ENV("PG_BIN_DIR")  # docs/operations.md, "Backups"

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
    ("fr", "Français"),
    ("lt", "Lietuvių"),
    ("cs", "Čeština"),
    ("uk", "Українська"),
    ("it", "Italiano"),
    ("lv", "Latviešu"),
    ("nl", "Nederlands"),
]
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_I18N = True
# English dates in the British order ("6 December 2026"): partnerhub/formats/en/.
FORMAT_MODULE_PATH = ["partnerhub.formats"]
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
if ENV("MEDIA_S3_BUCKET"):
    # Several application servers see one upload at once. Names never overwrite (a second
    # "plan.pdf" gets a suffix). Images and their renditions are public objects under plain
    # URLs (cacheable pages may hold them); documents are served through Wagtail's view
    # below, which checks their collection's privacy first, so the bucket's documents/
    # prefix stays private (docs/operations.md, "Media").
    STORAGES["default"] = {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": ENV("MEDIA_S3_BUCKET"),
            "endpoint_url": ENV("MEDIA_S3_ENDPOINT_URL") or None,
            "region_name": ENV("MEDIA_S3_REGION") or None,
            "custom_domain": ENV("MEDIA_S3_CUSTOM_DOMAIN") or None,
            "file_overwrite": False,
            "default_acl": None,
            "querystring_auth": False,
        },
    }
    WAGTAILDOCS_SERVE_METHOD = "serve_view"
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# --- E-mail ------------------------------------------------------------------
# Django 6.1's MAILERS, built from one EMAIL_URL (smtp://user:pass@host:587/?tls=True,
# consolemail://, dummymail://).
_email = ENV.email_url("EMAIL_URL")
_email_options = {
    option: _email[key]
    for key, option in [
        ("EMAIL_HOST", "host"),
        ("EMAIL_PORT", "port"),
        ("EMAIL_HOST_USER", "username"),
        ("EMAIL_HOST_PASSWORD", "password"),
        ("EMAIL_USE_TLS", "use_tls"),
        ("EMAIL_USE_SSL", "use_ssl"),
    ]
    if _email.get(key) not in ("", None, False)
}
MAILERS = {"default": {"BACKEND": _email["EMAIL_BACKEND"], "OPTIONS": _email_options}}
DEFAULT_FROM_EMAIL = ENV("DEFAULT_FROM_EMAIL")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# --- Security ----------------------------------------------------------------
SESSION_COOKIE_HTTPONLY = True
CSRF_COOKIE_HTTPONLY = False  # Wagtail's admin reads the CSRF token from JS.
X_FRAME_OPTIONS = "SAMEORIGIN"  # Wagtail's preview panel uses an iframe.
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
# Login throttling (django-axes): after AXES_FAILURE_LIMIT wrong passwords for one account from
# one address, that pair waits AXES_COOLOFF_MINUTES; a good login clears the count. (Per pair, so
# a stranger cannot lock an editor out from elsewhere.) The address is REMOTE_ADDR, which the
# proxy in front must set (README, "Production"), as for the public forms' rate limit.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = ENV("AXES_FAILURE_LIMIT")
AXES_COOLOFF_TIME = timedelta(minutes=ENV("AXES_COOLOFF_MINUTES"))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "security/login_locked.html"
AXES_HTTP_RESPONSE_CODE = 429
AXES_SENSITIVE_PARAMETERS = ["password"]
ADMIN_2FA_REQUIRED = ENV("ADMIN_2FA_REQUIRED")
OTP_TOTP_ISSUER = ENV("SITE_NAME")  # the name the authenticator app shows
# Where production redirects to HTTPS, a load balancer still asks over plain HTTP whether
# the process is up and ready (partnerhub/health.py).
SECURE_REDIRECT_EXEMPT = [r"^healthz/$", r"^readyz/$"]
# Content-Security-Policy (partnerhub/security.py): public pages run only this origin's own
# scripts and styles; the map's tiles are the one other origin, for images only.
_tile_origin = "{0.scheme}://{0.netloc}".format(urlsplit(ENV("MAP_TILE_URL"))) if ENV("MAP_TILE_URL") else None
_CSP_COMMON = {
    "default-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:", *([_tile_origin] if _tile_origin else [])],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.SELF],  # Wagtail's preview panel shows pages in a frame of the admin
}
SECURE_CSP = {**_CSP_COMMON, "script-src": [CSP.SELF], "style-src": [CSP.SELF]}
# Wagtail's admin writes inline scripts and style attributes of its own; still nothing from elsewhere.
SECURE_CSP_ADMIN = {
    **_CSP_COMMON,
    "script-src": [CSP.SELF, CSP.UNSAFE_INLINE],
    "style-src": [CSP.SELF, CSP.UNSAFE_INLINE],
    "img-src": [*_CSP_COMMON["img-src"], "blob:"],  # image previews before an upload
    "frame-src": [CSP.SELF],
}
PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=()"

# --- Wagtail -----------------------------------------------------------------
WAGTAIL_SITE_NAME = ENV("SITE_NAME")
# No avatars from gravatar.com: the admin must work offline, and editors' e-mail hashes stay here.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAILADMIN_BASE_URL = ENV("WAGTAILADMIN_BASE_URL")
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "rtf", "txt", "xlsx", "zip"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
# 40 megapixels (a camera's full-size photo): a larger picture is refused from its header, before
# the upload form decodes it whole (core/uploads.py), so one upload takes at most ~160 MB of a worker.
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 40_000_000
WAGTAILIMAGES_IMAGE_FORM_BASE = "core.uploads.SiteImageForm"
WAGTAILDOCS_DOCUMENT_FORM_BASE = "core.uploads.SiteDocumentForm"
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp", "avif"]
WAGTAIL_ENABLE_UPDATE_CHECK = False  # the site must work offline on a LAN
WAGTAIL_LOCKING_ENABLED = True
WAGTAIL_WORKFLOW_ENABLED = True
WAGTAIL_MODERATION_ENABLED = True
WAGTAILADMIN_COMMENTS_ENABLED = True
WAGTAILEMBEDS_RESPONSIVE_HTML = True

# --- Editorial workflow (editorial/, docs/editorial.md) ---------------------
# Moderation e-mails go to the moderators of the workflow and to the editor,
# never to every superuser.
WAGTAILADMIN_NOTIFICATION_INCLUDE_SUPERUSERS = False
# A page not published or reviewed for this many days is due for review.
EDITORIAL_REVIEW_AFTER_DAYS = ENV("EDITORIAL_REVIEW_AFTER_DAYS")

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

# --- Translation (wagtail-localize, docs/translation.md) ----------------------
# A new translation holds only the source text: it starts as a draft, and goes
# live when its translator's work is approved (or a moderator publishes it).
WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE = False

# --- Machine translation (wagtail-localize) -----------------------------------
# Off by default: the "Translate with machine" button only appears when a
# translator is configured. DeepL wins when both variables are given.
if ENV("DEEPL_API_KEY"):
    WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {
        "CLASS": "wagtail_localize.machine_translators.deepl.DeepLTranslator",
        "OPTIONS": {"AUTH_KEY": ENV("DEEPL_API_KEY")},
    }
elif ENV("LIBRETRANSLATE_URL"):
    WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {
        "CLASS": "wagtail_localize.machine_translators.libretranslate.LibreTranslator",
        "OPTIONS": {"LIBRETRANSLATE_URL": ENV("LIBRETRANSLATE_URL"), "API_KEY": ENV("LIBRETRANSLATE_API_KEY")},
    }
# --- Map, SEO and open API (docs/api.md, docs/seo-and-map.md) ----------------
# Any site may read the open API and the GeoJSON of partners, and only read them.
CORS_ALLOW_ALL_ORIGINS = True
CORS_URLS_REGEX = r"^/(?:[a-z]{2}/)?api/.*$"
CORS_ALLOW_METHODS = ("GET", "OPTIONS")
CORS_ALLOW_CREDENTIALS = False
WAGTAILAPI_LIMIT_MAX = 100
MAP_TILE_URL = ENV("MAP_TILE_URL")
MAP_TILE_ATTRIBUTION = ENV("MAP_TILE_ATTRIBUTION")
# --- Partnership directory (partners/directory*.py, docs/directory.md) --------
# The licence under which the directory's exports (CSV, XLSX, JSON-LD) are offered.
PARTNERSHIP_DATA_LICENCE = ENV("PARTNERSHIP_DATA_LICENCE")
PARTNERSHIP_DATA_LICENCE_URL = ENV("PARTNERSHIP_DATA_LICENCE_URL")
# --- Engagement: accession, contact forms, newsletter (docs/engagement.md) ----
ENGAGEMENT_FORM_RETENTION_DAYS = ENV("ENGAGEMENT_FORM_RETENTION_DAYS")
ENGAGEMENT_UNCONFIRMED_RETENTION_DAYS = ENV("ENGAGEMENT_UNCONFIRMED_RETENTION_DAYS")
ENGAGEMENT_LINK_MAX_AGE_DAYS = ENV("ENGAGEMENT_LINK_MAX_AGE_DAYS")
ENGAGEMENT_RATE_LIMIT = (ENV("ENGAGEMENT_RATE_LIMIT_PER_MINUTE"), 60)  # (requests, seconds) per IP and form
# wagtail-honeypot: on for new contact forms; a form posted sooner than
# HONEYPOT_TIME_INTERVAL seconds after it was shown counts as a bot's.
HONEYPOT_ENABLED_DEFAULT = True
HONEYPOT_NAME_FIELD = "whf_name"
HONEYPOT_TIME_FIELD = "whf_time"
HONEYPOT_TIME_INTERVAL = 3
NEWSLETTER_BOUNCE_ADDRESS = ENV("NEWSLETTER_BOUNCE_ADDRESS")
NEWSLETTER_BOUNCE_MAILBOX = ENV("NEWSLETTER_BOUNCE_MAILBOX")
NEWSLETTER_HARD_BOUNCE_LIMIT = ENV("NEWSLETTER_HARD_BOUNCE_LIMIT")
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
# --- Caching: Cache-Control, the page cache, Varnish (docs/caching.md) -------
CACHES = {"default": ENV.cache_url("CACHE_URL")}
if "django_redis" in CACHES["default"]["BACKEND"]:
    # The site keeps working (uncached) when Redis is down (tests/production/test_redis_down.py),
    # and an unreachable Redis host costs a cache call half a second at most, not redis-py's 5 s.
    CACHES["default"].setdefault("OPTIONS", {}).update(
        IGNORE_EXCEPTIONS=True, SOCKET_CONNECT_TIMEOUT=0.5, SOCKET_TIMEOUT=0.5
    )
    DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = True  # logged (django_redis.cache), not raised
# Sessions in the database, not the cache: a Redis restart logs nobody out, and a
# logout during a Redis outage cannot come back from a stale cached copy.
SESSION_ENGINE = "django.contrib.sessions.backends.db"
# Without Varnish: Django's page cache (caching/middleware.py), keyed by the
# generation, for this many seconds (0 = off). A publish invalidates at once.
CACHE_MIDDLEWARE_ALIAS = "default"
CACHE_MIDDLEWARE_SECONDS = ENV("PAGE_CACHE_SECONDS")
# Routes whose anonymous GET responses may be shared (url names, fnmatch patterns).
PAGE_CACHE_URL_NAMES = ["wagtail_serve", "feed_*", "search", "sitemap", "robots_txt"]
# A request carrying any of these cookies is always rendered fresh and never stored.
PAGE_CACHE_BYPASS_COOKIES = ["sessionid", "messages"]  # SESSION_COOKIE_NAME, the messages cookie
# Besides a page's publish, unpublish, move and delete, saving or deleting one of
# these makes a new generation and bans every page from Varnish (caching/signals.py):
# what readers see on pages that aren't theirs. Not engagement (forms, newsletter
# sign-ups), nor Wagtail's revisions, locks, comments and workflow states.
PAGE_CACHE_INVALIDATING_MODELS = [
    "home.NetworkSettings",  # network name, contact, social links
    "home.NetworkFooter",
    "partners.CooperationArea",  # areas of cooperation, shown on every listing
    "partners.Partnership",  # the partnership directory
    "partners.PartnershipStatusEvent",
    "wagtailsearchpromotions.SearchPromotion",
    "wagtailredirects.Redirect",
    "wagtailcore.Site",
    "wagtailcore.Locale",
    "wagtailcore.PageViewRestriction",  # privacy: a page that stops being public
]
# Images and documents: only once a page uses them (Wagtail's reference index).
PAGE_CACHE_INVALIDATING_MEDIA = ["home.SiteImage", "wagtaildocs.Document"]
# Sent with every shareable anonymous page: a Varnish (or CDN) keeps it this
# long and serves it stale this much longer while it refetches.
FRONTEND_CACHE_SECONDS = ENV("FRONTEND_CACHE_SECONDS")
FRONTEND_CACHE_STALE_SECONDS = ENV("FRONTEND_CACHE_STALE_SECONDS")
# The Varnish in front, purged through wagtail.contrib.frontend_cache
# (caching/purge.py; deploy/varnish/default.vcl). Its own app isn't installed:
# it would purge only the page itself, caching/signals.py purges what shows it too.
WAGTAILFRONTENDCACHE = {}
if ENV("FRONTEND_CACHE_URL"):
    WAGTAILFRONTENDCACHE = {
        "default": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": ENV("FRONTEND_CACHE_URL"),
        }
    }
# Each URL is purged as given: the page's translations are purged by their own URLs.
WAGTAILFRONTENDCACHE_LANGUAGES = []
