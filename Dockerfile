# syntax=docker/dockerfile:1
# PartnerHub's application image. One image runs every application process of compose.yaml:
# gunicorn (the CMD), the newsletter worker (`python manage.py db_worker --backend database`)
# and the migrations (`python manage.py migrate`). docs/operations.md, "Deploying".
#
#   docker build -t partnerhub .
#
# Stages: the front-end libraries from npm (static/vendor/ is not committed), the locked Python
# dependencies with uv, then a slim runtime holding the virtualenv, the code, the collected static
# files, the compiled catalogues and PostgreSQL's client tools, run as an unprivileged user.

ARG PYTHON_IMAGE=python:3.12-slim-bookworm

# uv, the version that wrote uv.lock.
FROM ghcr.io/astral-sh/uv:0.13.9 AS uv

# --- Leaflet and Leaflet.markercluster, as `make vendor` fetches them (versions: the Makefile's) --------
FROM node:20-bookworm-slim AS vendor
ARG LEAFLET_VERSION=1.9.4
ARG MARKERCLUSTER_VERSION=1.5.3
WORKDIR /vendor
RUN npm pack --silent "leaflet@${LEAFLET_VERSION}" "leaflet.markercluster@${MARKERCLUSTER_VERSION}" >/dev/null \
    && mkdir -p leaflet leaflet.markercluster \
    && tar -xzf "leaflet-${LEAFLET_VERSION}.tgz" -C leaflet --strip-components=2 \
        package/dist/leaflet.js package/dist/leaflet.js.map package/dist/leaflet.css package/dist/images \
    && tar -xzf "leaflet-${LEAFLET_VERSION}.tgz" -C leaflet --strip-components=1 package/LICENSE \
    && tar -xzf "leaflet.markercluster-${MARKERCLUSTER_VERSION}.tgz" -C leaflet.markercluster --strip-components=2 \
        package/dist/leaflet.markercluster.js package/dist/leaflet.markercluster.js.map \
        package/dist/MarkerCluster.css package/dist/MarkerCluster.Default.css \
    && tar -xzf "leaflet.markercluster-${MARKERCLUSTER_VERSION}.tgz" -C leaflet.markercluster --strip-components=1 \
        package/MIT-LICENCE.txt \
    && rm ./*.tgz

# --- The virtualenv from uv.lock (no dev group), the static files and the catalogues -----------------
FROM ${PYTHON_IMAGE} AS builder
COPY --from=uv /uv /usr/local/bin/uv
ENV UV_COMPILE_BYTECODE=1 \
    UV_LINK_MODE=copy \
    UV_PYTHON_DOWNLOADS=never \
    UV_PYTHON=/usr/local/bin/python3.12 \
    UV_PROJECT_ENVIRONMENT=/opt/venv
WORKDIR /app
# The dependencies first: this layer is rebuilt only when the lock changes.
COPY pyproject.toml uv.lock .python-version ./
RUN --mount=type=cache,target=/root/.cache/uv uv sync --frozen --no-dev --no-install-project
COPY . .
COPY --from=vendor /vendor/ static/vendor/
ENV PATH=/opt/venv/bin:$PATH \
    DJANGO_SETTINGS_MODULE=partnerhub.settings.production \
    STATIC_ROOT=/app/static_collected
# collectstatic with the production (manifest) storage, and the catalogues as `make install`
# compiles them (polib, wagtail-localize's dependency, when gettext is absent as here). The
# production settings refuse to load without a SECRET_KEY: a throwaway one for this step only,
# never stored in the image (the running containers get theirs from the environment).
RUN SECRET_KEY=build-time-only-not-used-at-runtime \
    DATABASE_URL=sqlite:///:memory: \
    CACHE_URL=locmemcache:// \
    sh -c 'python manage.py collectstatic --noinput -v 0 && python manage.py compile_catalogues'

# --- Runtime -------------------------------------------------------------------------------------
FROM ${PYTHON_IMAGE} AS runtime
# psycopg, Pillow and argon2 come as wheels with their libraries. The one Debian package: pg_dump and
# pg_restore for `manage.py backup` and `restore` (docs/operations.md, "Backups"), of the server's
# major version (compose.yaml runs postgres:15). Not pinned to a version: Debian's stable updates
# replace it on the mirror, and a pinned version would stop the image from building.
# hadolint ignore=DL3008
RUN apt-get update \
    && apt-get install -y --no-install-recommends postgresql-client-15 \
    && rm -rf /var/lib/apt/lists/*
RUN groupadd --system --gid 10001 partnerhub \
    && useradd --system --uid 10001 --gid partnerhub --home-dir /app --no-create-home \
        --shell /usr/sbin/nologin partnerhub
ENV PATH=/opt/venv/bin:$PATH \
    PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    DJANGO_SETTINGS_MODULE=partnerhub.settings.production \
    STATIC_ROOT=/app/static_collected \
    GUNICORN_BIND=0.0.0.0:8000
WORKDIR /app
COPY --from=builder /opt/venv /opt/venv
# The code stays root's and read-only to the application; only var/ (MEDIA_ROOT and the file
# cache when no object storage or Redis is configured) is writable.
COPY --from=builder /app /app
RUN mkdir -p /app/var && chown partnerhub:partnerhub /app/var
USER 10001:10001
EXPOSE 8000
# Liveness: /healthz/ answers as long as the process serves (no database query).
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 CMD ["python", "deploy/healthcheck.py"]
CMD ["gunicorn", "--config", "deploy/gunicorn.conf.py", "partnerhub.wsgi"]
