import pytest

from tests.citizens_network import build_network


@pytest.fixture
def network(db):
    return build_network()


@pytest.fixture
def page_cache(settings):
    """The anonymous page cache switched on (it is off in the test settings)."""
    settings.PAGE_CACHE_SECONDS = 600
    return settings
