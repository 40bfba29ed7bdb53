import pytest

from tests.citizens_network import build_network
from tests.engagement.conftest import consent_texts  # noqa: F401 (a fixture)


@pytest.fixture
def network(db):
    return build_network()


@pytest.fixture
def page_cache(settings):
    """Django's page cache switched on (it is off in the test settings)."""
    settings.CACHE_MIDDLEWARE_SECONDS = 600
    return settings
