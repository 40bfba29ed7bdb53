import pytest

from tests.citizens_network import build_network


@pytest.fixture
def network(db):
    return build_network()
