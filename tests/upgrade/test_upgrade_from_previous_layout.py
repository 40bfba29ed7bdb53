"""A database created before the layout of issue 14 upgrades with ``migrate`` alone and keeps every row.

The models whose code moved (the image model and network settings to core/,
the directory to directory/) kept their app labels, so no migration was
needed; this checks it for real: the tree as it was at PREVIOUS_LAYOUT
creates and fills a database, today's tree migrates it and reads every row
back through its new modules (content types included: a moved page type
still resolves to its class).
"""

import os
import shutil
import subprocess
import sys
import tarfile
import textwrap
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PREVIOUS_LAYOUT = "c82205e"  # main before core/, directory/ and demo/ existed

FILL = textwrap.dedent(
    """
    from wagtail.models import Locale, Page
    from home.models import HomePage, NetworkFooter
    from partners.models import CooperationArea, Partnership, PartnershipDirectoryPage
    locale, _ = Locale.objects.get_or_create(language_code="pl")
    root = Page.get_first_root_node()
    home = root.add_child(instance=HomePage(title="Sieć", slug="siec-upgrade", hero_title="Sieć", locale=locale))
    home.add_child(instance=PartnershipDirectoryPage(title="Katalog", slug="katalog", locale=locale))
    area = CooperationArea.objects.create(name="Kultura", slug="kultura", locale=locale)
    partnership = Partnership.objects.create(
        local_unit_name="Konstancin-Jeziorna", partner_name="Leidschendam-Voorburg", country="NL", since_year=1996
    )
    partnership.areas.add(area)
    partnership.save()  # a ParentalManyToManyField is written when its model is saved
    NetworkFooter.objects.create(network_name="Sieć partnerska", locale=locale)
    """
)

CHECK = textwrap.dedent(
    """
    from wagtail.models import Page
    from core.models import NetworkFooter
    from directory.models import Partnership, PartnershipDirectoryPage
    directory = Page.objects.get(slug="katalog").specific
    assert isinstance(directory, PartnershipDirectoryPage), type(directory)
    partnership = Partnership.objects.get(partner_name="Leidschendam-Voorburg")
    assert partnership.since_year == 1996 and [a.slug for a in partnership.areas.all()] == ["kultura"]
    assert NetworkFooter.objects.get().network_name == "Sieć partnerska"
    print("UPGRADED")
    """
)


def _manage(tree, database, *args, stdin=None):
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "partnerhub.settings.dev",
        "DATABASE_URL": f"sqlite:///{database}",
        "PYTHONPATH": str(tree),
    }
    env.pop("DATABASE_URL_TEST", None)
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=tree,
        env=env,
        input=stdin,
        capture_output=True,
        text=True,
        check=False,
    )


@pytest.fixture
def previous_tree(tmp_path):
    if shutil.which("git") is None or not (ROOT / ".git").exists():
        pytest.fail("git and the repository's history are needed to rebuild the previous layout")
    archive = tmp_path / "previous.tar"
    subprocess.run(["git", "archive", "--format=tar", f"--output={archive}", PREVIOUS_LAYOUT], cwd=ROOT, check=True)
    tree = tmp_path / "previous"
    with tarfile.open(archive) as tar:
        tar.extractall(tree, filter="data")
    return tree


def test_a_database_of_the_previous_layout_upgrades_with_migrate_alone_and_keeps_its_rows(previous_tree, tmp_path):
    database = tmp_path / "upgrade.sqlite3"
    created = _manage(previous_tree, database, "migrate", "--no-input", "-v", "0")
    assert created.returncode == 0, created.stderr
    filled = _manage(previous_tree, database, "shell", stdin=FILL)
    assert filled.returncode == 0, filled.stderr

    migrated = _manage(ROOT, database, "migrate", "--no-input")
    assert migrated.returncode == 0, migrated.stderr
    pending = _manage(ROOT, database, "migrate", "--check")
    assert pending.returncode == 0, pending.stdout + pending.stderr
    checked = _manage(ROOT, database, "shell", stdin=CHECK)
    assert checked.returncode == 0, checked.stderr
    assert "UPGRADED" in checked.stdout
