"""Areas of cooperation are managed and translated in the admin."""

import pytest

from tests import factories

pytestmark = pytest.mark.django_db


def test_areas_are_listed_and_editable_in_the_admin(client, django_user_model):
    area = factories.CooperationAreaFactory(name="Wymiana młodzieży", slug="youth-exchange")
    client.force_login(django_user_model.objects.create_superuser("admin", "admin@example.org", "x"))

    listing = client.get("/admin/snippets/partners/cooperationarea/")
    assert listing.status_code == 200
    assert "Wymiana młodzieży" in listing.content.decode()

    edit_url = f"/admin/snippets/partners/cooperationarea/edit/{area.pk}/"
    response = client.post(edit_url, {"name": "Wymiana młodzieży i szkół", "slug": "youth-exchange", "description": ""})
    assert response.status_code == 302
    area.refresh_from_db()
    assert area.name == "Wymiana młodzieży i szkół"


def test_an_area_without_a_name_is_refused_and_nothing_changes(client, django_user_model):
    area = factories.CooperationAreaFactory(name="Kultura", slug="culture")
    client.force_login(django_user_model.objects.create_superuser("admin", "admin@example.org", "x"))
    response = client.post(
        f"/admin/snippets/partners/cooperationarea/edit/{area.pk}/", {"name": "", "slug": "culture", "description": ""}
    )
    assert response.status_code == 200
    assert "name" in response.context["form"].errors
    area.refresh_from_db()
    assert area.name == "Kultura"
