import pytest

from tests.network_content import build_network_content


@pytest.fixture
def content(tree):
    """One published page of every type with its key fields filled in."""
    return build_network_content(tree)
