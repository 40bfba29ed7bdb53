"""`manage.py backup` and `restore` on the session's real PostgreSQL (and once on SQLite, as an operator runs them).

Transactional: pg_dump and pg_restore are other processes, they see only committed rows; and a
restore replaces every table, which the test's flush afterwards empties again.
"""

import io
import json
import os
import re
import sqlite3
import subprocess
import sys
import tarfile

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import Client

from wagtail.documents import get_document_model
from wagtail.models import Page

import boto3
import pytest

from partners.models import CooperationArea
from tests import factories

from .servers import REPO, MotoS3Server

pytestmark = pytest.mark.django_db(transaction=True)

DOCUMENT = bytes(range(256)) * 40 + b"%PDF-1.4 statut"  # every byte value: no text-mode mangling goes unseen


@pytest.fixture
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path / "media")
    return tmp_path / "media"


def backup(tmp_path):
    out = io.StringIO()
    call_command("backup", output=tmp_path / "backups", stdout=out, verbosity=0)
    (archive,) = (tmp_path / "backups").iterdir()
    return archive, out.getvalue()


def restore(archive, **options):
    out = io.StringIO()
    # interactive=False is --no-input (call_command sets the option's destination, not its flag).
    call_command("restore", str(archive), interactive=False, stdout=out, stderr=io.StringIO(), verbosity=0, **options)
    return out.getvalue()


def rewritten(archive, change):
    """A copy of the archive, every member passed through change(name, data) -> data (None: left out)."""
    with tarfile.open(archive) as tar:
        members = [(member, tar.extractfile(member).read()) for member in tar]
    copy = archive.with_name("altered-" + archive.name)
    with tarfile.open(copy, "w:gz") as tar:
        for member, data in members:
            data = change(member.name, data)
            if data is not None:
                member.size = len(data)
                tar.addfile(member, io.BytesIO(data))
    return copy


def with_manifest(archive, edit):
    def change(name, data):
        return edit(data) if name == "manifest.json" else data

    return rewritten(archive, change)


def test_a_restore_brings_back_pages_snippets_and_media_as_they_were(committed_tree, media_root, tmp_path):
    page = factories.StandardPageFactory(parent=committed_tree.home, title="Statut stowarzyszenia", slug="statut")
    factories.CooperationAreaFactory(name="Kultura", slug="kultura")
    document = get_document_model().objects.create(title="Statut", file=ContentFile(DOCUMENT, name="statut.pdf"))
    document_name = document.file.name
    unchanged = default_storage.save("documents/regulamin.txt", ContentFile(b"Regulamin"))
    unchanged_stat = os.stat(media_root / unchanged)

    archive, output = backup(tmp_path)

    assert re.fullmatch(r"partnerhub-backup-\d{8}T\d{6}Z\.tar\.gz", archive.name)
    assert str(archive) in output
    assert re.search(r"\(\d+\.\d (KB|MB)\)", output), output  # its size
    assert "2 media files" in output
    assert oct(archive.stat().st_mode & 0o777) == "0o600"  # every password hash is in it

    page.delete()
    CooperationArea.objects.filter(slug="kultura").delete()
    document.delete()
    default_storage.delete(document_name)
    factories.CooperationAreaFactory(name="Sport", slug="sport")  # saved after the backup: must go

    summary = restore(archive)

    restored = Page.objects.get(slug="statut").specific
    assert restored.title == "Statut stowarzyszenia"
    assert set(CooperationArea.objects.values_list("slug", flat=True)) == {"kultura"}
    document = get_document_model().objects.get(title="Statut")
    with default_storage.open(document.file.name, "rb") as file:
        assert file.read() == DOCUMENT
    assert os.stat(media_root / unchanged).st_mtime_ns == unchanged_stat.st_mtime_ns  # identical: left alone
    assert "1 written back, 1 already there and identical" in summary
    assert Client().get(restored.url).status_code == 200  # the restored site serves the page


@pytest.mark.parametrize("member", ["database.pgdump", "media/documents/statut.pdf"])
def test_an_archive_with_one_changed_byte_is_refused_and_nothing_changes(committed_tree, media_root, tmp_path, member):
    default_storage.save("documents/statut.pdf", ContentFile(DOCUMENT))
    archive, _ = backup(tmp_path)
    factories.CooperationAreaFactory(name="Sport", slug="sport")
    default_storage.delete("documents/statut.pdf")

    def flip_one_byte(name, data):
        if name != member:
            return data
        middle = len(data) // 2
        return data[:middle] + bytes([data[middle] ^ 0x01]) + data[middle + 1 :]

    with pytest.raises(CommandError, match=rf"{member} in the archive does not match its sha256.*Nothing was changed"):
        restore(rewritten(archive, flip_one_byte))

    assert CooperationArea.objects.filter(slug="sport").exists()
    assert not default_storage.exists("documents/statut.pdf")


def test_a_truncated_archive_is_refused(committed_tree, media_root, tmp_path):
    archive, _ = backup(tmp_path)
    cut = archive.with_name("cut.tar.gz")
    cut.write_bytes(archive.read_bytes()[: archive.stat().st_size // 2])
    factories.CooperationAreaFactory(name="Sport", slug="sport")

    with pytest.raises(CommandError, match="is damaged or not a backup archive.*Nothing was changed"):
        restore(cut)

    assert CooperationArea.objects.filter(slug="sport").exists()


def _manifest_edit(**changes):
    def edit(data):
        manifest = json.loads(data)
        for key, value in changes.items():
            if key == "vendor":
                manifest["database"]["vendor"] = value
            else:
                manifest[key] = value
        return json.dumps(manifest).encode()

    return edit


@pytest.mark.parametrize(
    ("edit", "message"),
    [
        (lambda data: data[:-10], r"manifest\.json is not valid JSON"),
        (lambda data: None, r"has no manifest\.json: it is not a PartnerHub backup"),
        (_manifest_edit(format_version=2), r"backup format version 2; this release reads version 1"),
        (_manifest_edit(members=None), r"manifest\.json lacks 'members'"),
        (_manifest_edit(vendor="sqlite"), r"holds a sqlite database and this site runs on postgresql"),
    ],
    ids=["not-json", "missing", "newer-format", "no-checksums", "other-vendor"],
)
def test_an_archive_with_a_bad_manifest_is_refused_with_the_reason(committed_tree, media_root, tmp_path, edit, message):
    archive, _ = backup(tmp_path)
    factories.CooperationAreaFactory(name="Sport", slug="sport")

    with pytest.raises(CommandError, match=message):
        restore(with_manifest(archive, edit))

    assert CooperationArea.objects.filter(slug="sport").exists()


def test_restore_asks_before_it_replaces_the_database(committed_tree, media_root, tmp_path, monkeypatch):
    archive, _ = backup(tmp_path)
    factories.CooperationAreaFactory(name="Sport", slug="sport")
    questions = []
    monkeypatch.setattr("builtins.input", lambda question: questions.append(question) or "no")
    out = io.StringIO()

    call_command("restore", str(archive), stdout=out, verbosity=0)

    assert "replaces the whole database" in questions[0]
    assert "Restore cancelled: nothing was changed." in out.getvalue()
    assert CooperationArea.objects.filter(slug="sport").exists()


def test_backup_names_the_missing_pg_dump(committed_tree, settings, tmp_path):
    settings.PG_BIN_DIR = str(tmp_path / "no-postgresql-here")

    with pytest.raises(CommandError, match=r"`pg_dump` is not in PG_BIN_DIR"):
        call_command("backup", output=tmp_path / "backups", verbosity=0)

    assert list((tmp_path / "backups").iterdir()) == []  # no half-written archive left behind


def test_media_in_object_storage_are_backed_up_and_restored_through_the_bucket(committed_tree, settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path / "not-used")  # the bucket alone holds the media
    with MotoS3Server() as s3:
        credentials = {"access_key": "partnerhub", "secret_key": "partnerhub-secret"}
        boto3.client(
            "s3",
            endpoint_url=s3.endpoint_url,
            region_name="us-east-1",
            aws_access_key_id=credentials["access_key"],
            aws_secret_access_key=credentials["secret_key"],
        ).create_bucket(Bucket="partnerhub-media")
        settings.STORAGES = {
            **settings.STORAGES,
            "default": {
                "BACKEND": "storages.backends.s3.S3Storage",
                "OPTIONS": {
                    "bucket_name": "partnerhub-media",
                    "endpoint_url": s3.endpoint_url,
                    "region_name": "us-east-1",
                    "file_overwrite": False,
                    **credentials,
                },
            },
        }
        default_storage.save("documents/statut.pdf", ContentFile(DOCUMENT))
        default_storage.save("original_images/rynek.png", ContentFile(b"\x89PNG rynek"))
        archive, output = backup(tmp_path)
        default_storage.delete("documents/statut.pdf")

        summary = restore(archive)

        with default_storage.open("documents/statut.pdf", "rb") as file:
            assert file.read() == DOCUMENT
        assert "2 media files" in output
        assert "1 written back, 1 already there and identical" in summary
    assert not (tmp_path / "not-used").exists()


def test_the_embedded_database_round_trips_through_the_commands(tmp_path):
    """SQLite (the demo, a small office), run as an operator runs it: manage.py in its own process."""
    database = tmp_path / "partnerhub.sqlite3"
    with sqlite3.connect(database) as db:
        db.execute("CREATE TABLE note (text TEXT)")
        db.execute("INSERT INTO note VALUES ('before the backup')")
    db.close()
    (tmp_path / "media" / "documents").mkdir(parents=True)
    (tmp_path / "media" / "documents" / "plan.txt").write_bytes(b"plan")
    env = {key: value for key, value in os.environ.items() if not key.startswith(("DJANGO_", "PYTEST"))}
    env.update(
        DJANGO_SETTINGS_MODULE="partnerhub.settings.dev",
        DATABASE_URL=f"sqlite:///{database}",
        MEDIA_ROOT=str(tmp_path / "media"),
        CACHE_URL="locmemcache://",
    )

    def manage(*args):
        result = subprocess.run([sys.executable, "manage.py", *args], cwd=REPO, env=env, capture_output=True, text=True)
        assert result.returncode == 0, result.stderr
        return result.stdout

    manage("backup", "--output", str(tmp_path / "backups"))
    (archive,) = (tmp_path / "backups").iterdir()
    with sqlite3.connect(database) as db:
        db.execute("INSERT INTO note VALUES ('after the backup')")
    db.close()
    (tmp_path / "media" / "documents" / "plan.txt").unlink()

    summary = manage("restore", str(archive), "--no-input")

    with sqlite3.connect(database) as db:
        assert db.execute("SELECT text FROM note").fetchall() == [("before the backup",)]
    db.close()
    assert (tmp_path / "media" / "documents" / "plan.txt").read_bytes() == b"plan"
    assert "the sqlite database and 1 media files (1 written back" in summary
