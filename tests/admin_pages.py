"""Real admin POSTs for the page tests: create a page the way an editor does.

The admin page form carries a management form for every inline panel and a
``-count`` for every StreamField even when they are empty; the browser sends
them from the rendered form, so these helpers send them too.
"""

import io

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation

from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from PIL import Image

from home.models import HomePage, StandardPage
from initiatives.models import InitiativePage, NewsPage
from partners.models import MemberOrganisationPage, PartnerPage

STREAMFIELDS = {
    StandardPage: ["body"],
    PartnerPage: ["description"],
    MemberOrganisationPage: ["description"],
    InitiativePage: ["body"],
    NewsPage: ["body"],
}
INLINE_PANELS = {
    HomePage: ["featured_initiatives", "partner_highlights"],
    PartnerPage: ["agreements"],
    InitiativePage: ["gallery_images", "related_documents", "occurrences"],
}


def page_form_data(model, fields):
    """Form data for ``model``'s admin add view: empty streams and formsets, then ``fields``.

    ``fields`` is passed through ``nested_form_data``, so it may hold
    ``streamfield(...)`` and ``inline_formset(...)`` values; a top-level list
    (checkboxes of a many-to-many field) is sent as repeated values.
    """
    empty = {name: streamfield([]) for name in STREAMFIELDS.get(model, [])}
    empty |= {name: inline_formset([]) for name in INLINE_PANELS.get(model, [])}
    repeated = {name: value for name, value in fields.items() if isinstance(value, list)}
    nested = {name: value for name, value in fields.items() if name not in repeated}
    return nested_form_data(empty | nested) | repeated


def add_page_url(model, parent):
    return reverse("wagtailadmin_pages:add", args=[model._meta.app_label, model._meta.model_name, parent.pk])


def post_new_page(client, model, parent, fields, *, publish=True):
    """POST the admin add form for ``model`` under ``parent``; returns the response."""
    data = page_form_data(model, fields)
    if publish:
        data["action-publish"] = "action-publish"
    return client.post(add_page_url(model, parent), data)


def form_errors(response):
    """Field errors of the page form and of its inline formsets, as {name: [messages]}."""
    form = response.context["form"]
    # The messages are lazy: read them in the admin user's language (see make_superuser).
    with translation.override("en"):
        return _form_errors(form)


def _form_errors(form):
    errors = {name: list(messages) for name, messages in form.errors.items()}
    for prefix, formset in form.formsets.items():
        for index, subform_errors in enumerate(formset.errors):
            for name, messages in subform_errors.items():
                errors[f"{prefix}-{index}-{name}"] = list(messages)
    return errors


def child_slugs(parent):
    return set(Page.objects.get(pk=parent.pk).get_children().values_list("slug", flat=True))


def png_upload(name="herb.png", size=(40, 30)):
    buffer = io.BytesIO()
    Image.new("RGB", size, (200, 30, 30)).save(buffer, format="PNG")
    return SimpleUploadedFile(name, buffer.getvalue(), content_type="image/png")


def make_superuser(username="admin"):
    """A superuser whose admin speaks English, so error messages can be checked as written."""
    from django.contrib.auth import get_user_model

    from wagtail.users.models import UserProfile

    user = get_user_model().objects.create_superuser(username, f"{username}@example.org", "pass-Word-123")
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"
    profile.save()
    return user


def assert_refused(response):
    """Wagtail's admin answers a forbidden add with a redirect to the dashboard and an error message."""
    assert response.status_code == 302, response.status_code
    assert response["Location"] == reverse("wagtailadmin_home"), response["Location"]


class AdminTestCase(WagtailPageTestCase):
    """Wagtail's page assertions, with a network tree and a superuser logged into the admin."""

    @classmethod
    def setUpTestData(cls):
        from tests.conftest import build_network_tree

        cls.tree = build_network_tree()
        cls.admin = make_superuser()

    def setUp(self):
        self.client.force_login(self.admin)
