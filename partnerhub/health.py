"""Probes for a load balancer or an orchestrator: is the process up, can it serve?

``/healthz/`` answers as soon as the process runs, without touching anything else (a
failing database must not make every instance look dead and get restarted).
``/readyz/`` answers 200 only when the database, the shared cache and the media storage
answer, and 503 with the failing part named otherwise, so a balancer stops sending
readers to an instance that cannot serve them. Neither is ever cached.
"""

import logging
import secrets

from django.core.cache import cache
from django.core.files.storage import default_storage
from django.db import connection, transaction
from django.http import JsonResponse
from django.views.decorators.cache import never_cache

logger = logging.getLogger(__name__)


def _database():
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()


def _cache():
    # django-redis swallows a Redis outage (IGNORE_EXCEPTIONS): a value that does not come back is the sign.
    key, value = "readyz-probe", secrets.token_hex(8)
    cache.set(key, value, timeout=10)
    if cache.get(key) != value:
        raise ConnectionError("the cache did not keep a value")


def _storage():
    bucket = getattr(default_storage, "bucket", None)  # S3: the bucket itself, not one object, must answer
    if bucket is not None:
        bucket.meta.client.head_bucket(Bucket=bucket.name)
    else:
        default_storage.exists("readyz-probe")


CHECKS = {"database": _database, "cache": _cache, "storage": _storage}


@never_cache
@transaction.non_atomic_requests  # a request-wide transaction would need the database first
def healthz(request):
    return JsonResponse({"status": "ok"})


@never_cache
@transaction.non_atomic_requests
def readyz(request):
    results = {}
    for name, check in CHECKS.items():
        try:
            check()
        except Exception as error:  # noqa: BLE001 -- any failure means "not ready", and is logged
            logger.warning("readyz: %s is not reachable: %s", name, error)
            results[name] = "unreachable"
        else:
            results[name] = "ok"
    ready = all(result == "ok" for result in results.values())
    return JsonResponse({"status": "ok" if ready else "unavailable", **results}, status=200 if ready else 503)
