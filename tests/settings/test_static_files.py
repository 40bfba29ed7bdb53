"""Production's static files: `collectstatic` with the manifest storage succeeds.

WhiteNoise's manifest storage rewrites every reference inside CSS and JS and
fails on a missing one (a vendored library's source map, say): that failure
would only show at deploy time, so it is checked here.
"""

from pathlib import Path

from django.core.management import call_command
from django.test import override_settings

PRODUCTION_STATIC_STORAGE = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}


def test_collectstatic_with_the_manifest_storage_hashes_and_compresses_the_maps_libraries(tmp_path):
    with override_settings(STATIC_ROOT=str(tmp_path), STORAGES=PRODUCTION_STATIC_STORAGE):
        call_command("collectstatic", "--no-input", "-v", "0")
    collected = {path.relative_to(tmp_path).as_posix() for path in Path(tmp_path).rglob("*")}
    assert "staticfiles.json" in collected
    for library in ("vendor/leaflet/leaflet", "vendor/leaflet.markercluster/leaflet.markercluster"):
        hashed = [name for name in collected if name.startswith(library + ".") and name.endswith(".js")]
        assert hashed, f"{library}.js was not collected"
        assert any(name.endswith(".js.gz") for name in collected if name.startswith(library))
