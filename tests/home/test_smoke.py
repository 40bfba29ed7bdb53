import pytest


@pytest.mark.django_db
def test_home_page_renders_in_polish(client, tree):
    response = client.get("/pl/")
    assert response.status_code == 200
    assert '<html lang="pl">' in response.content.decode()
    assert "Razem działamy lokalnie" in response.content.decode()
