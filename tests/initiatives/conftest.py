from django.db import transaction

import pytest

from tests.citizens_network import build_network
from tests.network_content import build_network_content


@pytest.fixture(scope="class")
def network(django_db_setup, django_db_blocker):
    """Built once per test class, rolled back after it; each test still runs in its own savepoint."""
    with django_db_blocker.unblock(), transaction.atomic():
        yield build_network()
        transaction.set_rollback(True)


@pytest.fixture(autouse=True)
def _db_per_test(db):
    """Every test here uses the database (and rolls back what it adds)."""


@pytest.fixture
def content(tree):
    """One published page of every type with its key fields filled in."""
    return build_network_content(tree)
