from django.db import transaction

import pytest

from tests.citizens_network import build_network


@pytest.fixture(scope="class")
def network(django_db_setup, django_db_blocker):
    """Built once per test class, rolled back after it; each test still runs in its own savepoint."""
    with django_db_blocker.unblock(), transaction.atomic():
        yield build_network()
        transaction.set_rollback(True)


@pytest.fixture(autouse=True)
def _db_per_test(db):
    """Every test here uses the database (and rolls back what it adds)."""
