"""The media half of a backup, through the storage API only: the same code for a local MEDIA_ROOT and a bucket."""

import hashlib
import posixpath
from collections.abc import Iterator

from django.core.files import File
from django.core.management.base import CommandError

CHUNK = 1024 * 1024


def file_names(storage, directory: str = "") -> Iterator[str]:
    """Every file in the storage, directory by directory, in a stable order."""
    try:
        directories, files = storage.listdir(directory)
    except FileNotFoundError:  # a MEDIA_ROOT that nothing was ever uploaded to
        return
    for name in sorted(files):
        yield posixpath.join(directory, name)
    for name in sorted(directories):
        yield from file_names(storage, posixpath.join(directory, name))


def sha256_of(fileobj) -> str:
    digest = hashlib.sha256()
    for chunk in iter(lambda: fileobj.read(CHUNK), b""):
        digest.update(chunk)
    return digest.hexdigest()


def holds(storage, name: str, *, sha256: str, size: int) -> bool:
    """Whether the storage already has this very content under this name (the size first: cheap in a bucket)."""
    if not storage.exists(name) or storage.size(name) != size:
        return False
    with storage.open(name, "rb") as existing:
        return sha256_of(existing) == sha256


def write_back(storage, name: str, content) -> None:
    # Storages never overwrite (they pick another name, and S3 is configured so): the old file goes first.
    if storage.exists(name):
        storage.delete(name)
    saved = storage.save(name, File(content, name=posixpath.basename(name)))
    if saved != name:
        raise CommandError(f"The storage saved media/{name} as {saved}; the database still points at {name}.")
