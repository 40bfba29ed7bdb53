from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.action_menu import ActionMenuItem
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component
from wagtail.models import Locale
from wagtail_localize.models import TranslationSource

from editorial.write_guards import page_submission_allowed

from . import guards, views  # noqa: F401  (guards mounts the checked wagtail-localize views)
from .selectors import STATES, translation_status_summary
from .services import minor_edit_mark, translations_resync_minor

MINOR = "minor"


@hooks.register("register_admin_urls")
def register_translation_status_url():
    return [
        path("reports/translation-status/", views.translation_status, name="translation_status"),
        path(
            "reports/translation-status/submit/<int:page_id>/",
            views.submit_translation_for_moderation,
            name="translation_submit_for_moderation",
        ),
        # Same path as wagtail-localize's PO upload; this app's hooks load first, so
        # uploads are checked here before wagtail-localize imports them.
        path(
            "localize/translate/<int:translation_id>/pofile/upload/",
            views.upload_pofile_checked,
            name="translations_upload_pofile",
        ),
    ]


@hooks.register("before_serve_page")
def serve_pages_in_their_own_language(page, request, serve_args, serve_kwargs):
    """/fr/… without a French page routes to the Polish one: send the reader to its English
    version if that is live (English before Polish, as at /), else to its /pl/ URL.

    Without this the Polish text would be served labelled lang="fr" with a
    French interface around it.
    """
    active = translation.get_language()
    # HomePage.route reads the page with its locale: no query then.
    if active and page.locale.language_code != active:
        url = (views.fallback_translation(page, request) or page).get_url(request)
        if url and url != request.path:
            return redirect(url)
    return None


@hooks.register("register_reports_menu_item")
def register_translation_status_menu_item():
    return MenuItem(_("Translation status"), reverse("translation_status"), icon_name="site", order=900)


class TranslationStatusPanel(Component):
    name = "translation_status"
    order = 150
    template_name = "translations/dashboard_panel.html"

    def get_context_data(self, parent_context):
        request = parent_context["request"]
        return {
            "summary": translation_status_summary(user=request.user),
            "states": STATES,
            "status_url": reverse("translation_status"),
        }


@hooks.register("construct_homepage_panels")
def add_translation_status_panel(request, panels):
    panels.append(TranslationStatusPanel())


def _is_translated_source(page):
    """A page in the default locale that wagtail-localize has translations of."""
    return (
        page.pk
        and page.locale_id == Locale.get_default().pk
        and TranslationSource.objects.filter(object_id=page.translation_key, locale_id=page.locale_id).exists()
    )


class MinorEditMenuItem(ActionMenuItem):
    """A second Publish/Submit button that marks the revision as a minor edit.

    It posts the same field as Wagtail's own button (so Wagtail publishes or
    submits exactly as usual, permissions and workflows included) with the
    value "minor", which ``after_edit_page`` below reads.
    """

    template_name = "translations/minor_edit_menu_item.html"
    icon_name = "check"

    def is_shown(self, context):
        return context["view"] == "edit" and not context["locked_for_user"] and _is_translated_source(context["page"])


class PublishMinorEditMenuItem(MinorEditMenuItem):
    name = "action-publish"
    label = _("Publish as minor edit (translations stay up to date)")

    def is_shown(self, context):
        return super().is_shown(context) and self.get_user_page_permissions_tester(context).can_publish()


class SubmitMinorEditMenuItem(MinorEditMenuItem):
    name = "action-submit"
    label = _("Submit as minor edit (translations stay up to date)")

    def is_shown(self, context):
        return (
            super().is_shown(context)
            and not self.get_user_page_permissions_tester(context).can_publish()
            and page_submission_allowed(user=context["request"].user, page=context["page"])
        )


@hooks.register("register_page_action_menu_item")
def register_publish_minor_edit_menu_item():
    return PublishMinorEditMenuItem(order=15)


@hooks.register("register_page_action_menu_item")
def register_submit_minor_edit_menu_item():
    return SubmitMinorEditMenuItem(order=25)


@hooks.register("after_edit_page")
def apply_minor_edit(request, page):
    if MINOR not in (request.POST.get("action-publish"), request.POST.get("action-submit")):
        return
    page.refresh_from_db()
    revision = page.latest_revision
    if revision is None:
        return
    minor_edit_mark(revision=revision, user=request.user)
    # Published right now (the editor may publish): re-sync at once. Otherwise
    # the re-sync happens when a moderator approves the revision (signals.py).
    if page.live_revision_id == revision.pk:
        translations_resync_minor(page=page, user=request.user)
