import pytest

from tests.seo.network import build_published_network


@pytest.fixture
def network(db):
    return build_published_network()
