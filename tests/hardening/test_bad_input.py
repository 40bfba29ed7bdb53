"""Bad input from outside answers 400 or 404 with a message, never a 500 (issue 17's probe)."""

import pytest

pytestmark = pytest.mark.django_db

HUGE = "99999999999999999999"


@pytest.mark.parametrize(
    "path",
    [
        "/api/v2/pages/find/?id=x",
        "/api/v2/pages/find/?id=" + HUGE,
        "/api/v2/pages/find/?html_path=%00",
        "/api/v2/pages/?search=a%00b",
        "/api/v2/images/?search=a%00b",
        "/api/v2/pages/?offset=" + HUGE,
        "/api/v2/pages/?limit=" + HUGE,
        "/api/v2/images/?offset=" + HUGE,
        "/api/v2/documents/?offset=" + HUGE,
        "/api/v2/pages/?child_of=" + HUGE,
        "/api/v2/pages/?descendant_of=x",
        "/api/v2/pages/" + HUGE + "/",
        "/api/v2/images/" + HUGE + "/",
    ],
)
def test_the_api_answers_bad_parameters_with_a_json_client_error(client, tree, path):
    response = client.get(path)
    assert 400 <= response.status_code < 500, (path, response.status_code)
    assert response["Content-Type"].startswith("application/json")
    assert "message" in response.json()


@pytest.mark.parametrize(
    "path",
    [
        "/api/v2/pages/?search=%22unbalanced",
        "/api/v2/pages/?search=a%09b",
        "/api/v2/images/?search=%22unbalanced",
        "/api/v2/documents/?search=%22unbalanced",
        "/api/v2/documents/?search=a%09b",
    ],
)
def test_api_search_with_odd_characters_finds_nothing_or_explains_why(client, tree, path):
    response = client.get(path)
    assert response.status_code in (200, 400), (path, response.status_code)
    body = response.json()
    assert body["items"] == [] if response.status_code == 200 else body["message"]


@pytest.mark.parametrize(
    "path",
    [
        "/pl/search/?q=a%00b",
        "/pl/search/?q=%22unbalanced&page=" + HUGE,
        "/pl/inicjatywy/?page=" + HUGE,
        "/pl/inicjatywy/?area=%00",
        "/pl/partnerzy/?page=x",
    ],
)
def test_public_pages_answer_bad_query_strings_without_an_error(client, tree, path):
    response = client.get(path)
    assert response.status_code in (200, 400, 404), (path, response.status_code)
