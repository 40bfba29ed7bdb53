"""The backup archive: one .tar.gz holding the database, the media files under ``media/`` and ``manifest.json``.

The manifest comes last (it holds the sha256 of every other member, known only once they are
written). Restore reads the whole archive and checks every member against it before it changes
anything, so a damaged or altered archive is refused as a whole.
"""

import hashlib
import io
import json
import os
import tarfile
import tempfile
import time
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from django.core.management.base import CommandError

from .media import CHUNK

FORMAT = "partnerhub-backup"
FORMAT_VERSION = 1
MANIFEST = "manifest.json"
MEDIA_PREFIX = "media/"
DATABASE_MEMBERS = {"postgresql": "database.pgdump", "sqlite": "database.sqlite3"}
# A shape check, so that a hand-edited or foreign manifest fails with a message and not a KeyError.
MANIFEST_FIELDS = {
    "created_at": str,
    "database": dict,
    "migrations": list,
    "media": dict,
    "members": dict,
}


def archive_name(created: datetime) -> str:
    return f"partnerhub-backup-{created:%Y%m%dT%H%M%SZ}.tar.gz"


def human_size(size: int) -> str:
    if size < 1024:
        return f"{size} B"
    for unit in ("KB", "MB", "GB"):
        size /= 1024
        if size < 1024 or unit == "GB":
            break
    return f"{size:.1f} {unit}"


class _HashingReader:
    """A file's bytes as tarfile copies them into the archive, hashed on the way (media are read once)."""

    def __init__(self, fileobj):
        self.fileobj = fileobj
        self.digest = hashlib.sha256()

    def read(self, size=-1):
        data = self.fileobj.read(size)
        self.digest.update(data)
        return data


def _copy_hashing(source, target=None) -> str:
    digest = hashlib.sha256()
    for chunk in iter(lambda: source.read(CHUNK), b""):
        digest.update(chunk)
        if target is not None:
            target.write(chunk)
    return digest.hexdigest()


class ArchiveWriter:
    """Writes ``<name>.partial`` and renames it once complete: a backup cut short never looks like a finished one."""

    def __init__(self, path: Path):
        self.path = path
        self.partial = path.with_name(path.name + ".partial")
        self.members = {}
        self._finished = False

    def __enter__(self):
        if self.path.exists():
            raise CommandError(f"{self.path} exists already.")
        # The archive holds every account's password hash and the personal data: its owner's eyes only.
        self._file = os.fdopen(os.open(self.partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600), "wb")
        self._tar = tarfile.open(fileobj=self._file, mode="w:gz", compresslevel=6)
        return self

    def add(self, name: str, fileobj, size: int) -> None:
        info = tarfile.TarInfo(name)
        info.size, info.mtime, info.mode = size, int(time.time()), 0o600
        reader = _HashingReader(fileobj)
        self._tar.addfile(info, reader)
        self.members[name] = {"sha256": reader.digest.hexdigest(), "bytes": size}

    def finish(self, manifest: dict) -> None:
        data = json.dumps(
            {"format": FORMAT, "format_version": FORMAT_VERSION, **manifest, "members": self.members}, indent=1
        ).encode()
        info = tarfile.TarInfo(MANIFEST)
        info.size, info.mtime, info.mode = len(data), int(time.time()), 0o600
        self._tar.addfile(info, io.BytesIO(data))
        self._finished = True

    def __exit__(self, exc_type, *exc):
        try:
            self._tar.close()
            self._file.flush()
            os.fsync(self._file.fileno())  # on disk before it is called finished
        finally:
            self._file.close()
        if exc_type is None and self._finished:
            self.partial.rename(self.path)
        else:
            self.partial.unlink(missing_ok=True)


@dataclass
class Verified:
    manifest: dict
    database: Path  # the dump, extracted into the caller's working directory

    @property
    def media(self) -> dict:
        return {name: entry for name, entry in self.manifest["members"].items() if name.startswith(MEDIA_PREFIX)}


def storage_name(member: str) -> str:
    """The media file's name in the storage, refusing anything a backup never writes (``..``, absolute paths)."""
    relative = member.removeprefix(MEDIA_PREFIX)
    parts = relative.split("/")
    if not member.startswith(MEDIA_PREFIX) or "\\" in relative or any(part in ("", ".", "..") for part in parts):
        raise CommandError(f"The archive holds {member!r}, which is not a media file name a backup writes.")
    return relative


def _parse_manifest(data: bytes) -> dict:
    try:
        manifest = json.loads(data)
    except ValueError as error:
        raise CommandError(f"The archive's {MANIFEST} is not valid JSON ({error}).") from error
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise CommandError(f'The archive\'s {MANIFEST} is not a PartnerHub backup manifest (no "format": "{FORMAT}").')
    if manifest.get("format_version") != FORMAT_VERSION:
        raise CommandError(
            f"The archive is in backup format version {manifest.get('format_version')!r}; this release reads "
            f"version {FORMAT_VERSION}. Restore it with the release that wrote it."
        )
    for field, kind in MANIFEST_FIELDS.items():
        if not isinstance(manifest.get(field), kind):
            raise CommandError(f"The archive's {MANIFEST} lacks {field!r} (or it is not a {kind.__name__}).")
    if not all(isinstance(migration, str) for migration in manifest["migrations"]):
        raise CommandError(f'The archive\'s {MANIFEST} lists migrations that are not "app.name" strings.')
    for name, entry in manifest["members"].items():
        if not (
            isinstance(entry, dict) and isinstance(entry.get("sha256"), str) and isinstance(entry.get("bytes"), int)
        ):
            raise CommandError(f"The archive's {MANIFEST} gives no sha256 and size for {name}.")
    return manifest


def _check_contents(manifest: dict, found: dict, vendor: str) -> None:
    archived_vendor = manifest["database"].get("vendor")
    if archived_vendor != vendor:
        raise CommandError(
            f"The archive holds a {archived_vendor} database and this site runs on {vendor}: a backup restores "
            "only into the same kind of database (dumpdata and loaddata move content between them)."
        )
    if manifest["database"].get("member") != DATABASE_MEMBERS[vendor]:
        raise CommandError(f"The archive's {MANIFEST} does not name {DATABASE_MEMBERS[vendor]} as its database.")
    listed = manifest["members"]
    for name in sorted(listed.keys() - found.keys()):
        raise CommandError(f"The manifest lists {name}, which is missing from the archive.")
    for name in sorted(found.keys() - listed.keys()):
        raise CommandError(f"The archive holds {name}, which its manifest does not list.")
    for name, sha256 in sorted(found.items()):
        if sha256 != listed[name]["sha256"]:
            raise CommandError(f"{name} in the archive does not match its sha256 in the manifest: damaged or altered.")


def read_verified(path: Path, vendor: str, workdir: Path) -> Verified:
    """Reads the whole archive once, checking every member; the database dump is extracted into ``workdir``."""
    found, manifest = {}, None
    try:
        with tarfile.open(path, "r|gz") as tar:  # a stream: one pass, no seeking back through the gzip
            for member in tar:
                if member.name in found or (member.name == MANIFEST and manifest is not None):
                    raise CommandError(f"The archive holds {member.name} twice.")
                if not member.isfile():
                    raise CommandError(f"The archive holds {member.name!r}, which is not a regular file.")
                source = tar.extractfile(member)
                if member.name == MANIFEST:
                    manifest = _parse_manifest(source.read())
                elif member.name in DATABASE_MEMBERS.values():
                    with (workdir / member.name).open("wb") as target:
                        found[member.name] = _copy_hashing(source, target)
                else:
                    storage_name(member.name)
                    found[member.name] = _copy_hashing(source)
    except (tarfile.TarError, EOFError, zlib.error, OSError) as error:
        raise CommandError(f"{path} is damaged or not a backup archive ({error}).") from error
    if manifest is None:
        raise CommandError(f"{path} has no {MANIFEST}: it is not a PartnerHub backup, or it was cut short.")
    _check_contents(manifest, found, vendor)
    return Verified(manifest, workdir / DATABASE_MEMBERS[vendor])


def media_files(path: Path, verified: Verified) -> Iterator[tuple[str, object, dict]]:
    """(storage name, content, manifest entry) of every media file, each checked again as it is read."""
    media = verified.media
    with tarfile.open(path, "r|gz") as tar:
        for member in tar:
            entry = media.get(member.name)
            if entry is None:
                continue
            # Spooled: a storage may read the content twice (seek back), which a tar stream cannot.
            with tempfile.SpooledTemporaryFile(max_size=8 * CHUNK) as copy:
                if _copy_hashing(tar.extractfile(member), copy) != entry["sha256"]:
                    raise CommandError(f"{member.name} changed in {path} while it was being restored.")
                copy.seek(0)
                yield storage_name(member.name), copy, entry
