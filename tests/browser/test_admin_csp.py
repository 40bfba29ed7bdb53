"""Wagtail's admin works under its Content-Security-Policy: an editor's page editor loads whole."""

from wagtail.models import Page

import pytest
from playwright.sync_api import expect

from tests.conftest import build_network_tree

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

PASSWORD = "a-long-editor-password"


def test_the_page_editor_loads_without_a_refused_script_or_style(page, live_server, django_user_model):
    tree = build_network_tree()
    django_user_model.objects.create_superuser("redaktor", "redaktor@example.org", PASSWORD)
    partner = Page.objects.get(pk=tree.partner.pk)

    page.goto(live_server.url + "/admin/login/")
    page.fill("input[name=username]", "redaktor")
    page.fill("input[name=password]", PASSWORD)
    page.locator("form button[type=submit]").click()
    page.wait_for_url(live_server.url + "/admin/")
    page.goto(live_server.url + f"/admin/pages/{partner.pk}/edit/")
    # Wagtail's own scripts ran: the editor's Stimulus controllers have connected and the tabs work.
    expect(page.locator("input[name=title]")).to_have_value("Borken")
    expect(page.locator("[data-controller~='w-tabs']").first).to_be_visible()
    page.locator("[role=tab]").nth(1).click()
    expect(page.locator("[role=tab]").nth(1)).to_have_attribute("aria-selected", "true")
    assert page.csp_violations == [], page.csp_violations
