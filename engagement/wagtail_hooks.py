from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from . import admin_views
from .models.accession import AccessionRequest
from .models.newsletter import ConsentText, NewsletterIssue, Subscriber
from .models.retention import PurgeLog
from .permissions import PersonalDataChooserViewSet


class AccessionRequestViewSet(SnippetViewSet):
    chooser_viewset_class = PersonalDataChooserViewSet
    model = AccessionRequest
    icon = "group"
    menu_label = _("Accession requests")
    inspect_view_enabled = True
    list_filter = ["status", "kind"]
    list_display = [
        TitleColumn(
            "organisation_name",
            label=_("Organisation"),
            get_url=lambda obj: reverse("engagement_admin:accession_review", args=[obj.pk]),
        ),
        "contact_person",
        "status",
        Column("created_at", label=_("Received")),
    ]
    search_fields = ["organisation_name", "contact_person", "email"]


class ConsentTextViewSet(SnippetViewSet):
    model = ConsentText
    icon = "doc-full"
    menu_label = _("Consent texts")
    list_display = ["__str__", "language", "version", "created_at"]
    list_filter = ["language"]


class SubscriberViewSet(SnippetViewSet):
    chooser_viewset_class = PersonalDataChooserViewSet
    model = Subscriber
    icon = "user"
    menu_label = _("Subscribers")
    inspect_view_enabled = True
    # Restriction (art. 18/21) and bounce suspension are shown so moderators know why someone gets nothing.
    list_display = ["email", "language", "scope", "confirmed_at", "restriction_ground", "hard_bounces", "suspended_at"]
    list_filter = ["language", "scope", "restriction_ground"]
    search_fields = ["email"]


class NewsletterIssueViewSet(SnippetViewSet):
    chooser_viewset_class = PersonalDataChooserViewSet
    model = NewsletterIssue
    icon = "mail"
    menu_label = _("Newsletter issues")
    list_display = [
        "subject",
        "language",
        "status",
        TitleColumn(
            "status",
            label=_("Sending"),
            get_url=lambda obj: reverse("engagement_admin:newsletter_progress", args=[obj.pk]),
        ),
    ]
    list_filter = ["language", "status"]


class PurgeLogViewSet(SnippetViewSet):
    model = PurgeLog
    icon = "bin"
    menu_label = _("Purge log")
    list_display = ["ran_at", "category", "cutoff", "deleted"]


class PermissionMenuItem(MenuItem):
    def __init__(self, *args, permission, **kwargs):
        super().__init__(*args, **kwargs)
        self.permission = permission

    def is_shown(self, request):
        return request.user.has_perm(self.permission)


class EngagementViewSetGroup(SnippetViewSetGroup):
    items = (AccessionRequestViewSet, NewsletterIssueViewSet, SubscriberViewSet, ConsentTextViewSet, PurgeLogViewSet)
    menu_icon = "mail"
    menu_label = _("Engagement")
    menu_name = "engagement"

    def get_submenu_items(self):
        compose = PermissionMenuItem(
            _("Compose a newsletter issue"),
            reverse("engagement_admin:newsletter_compose"),
            icon_name="edit",
            order=150,
            permission="engagement.change_newsletterissue",
        )
        return [*super().get_submenu_items(), compose]


register_snippet(EngagementViewSetGroup)


@hooks.register("register_admin_urls")
def register_engagement_admin_urls():
    urls = [
        path("accessions/<int:pk>/review/", admin_views.AccessionReviewView.as_view(), name="accession_review"),
        path("newsletter/compose/", admin_views.NewsletterComposeView.as_view(), name="newsletter_compose"),
        path("newsletter/<int:pk>/send/", admin_views.NewsletterSendView.as_view(), name="newsletter_send"),
        path("newsletter/<int:pk>/progress/", admin_views.NewsletterProgressView.as_view(), name="newsletter_progress"),
        path("records-of-processing/", admin_views.RecordsOfProcessingView.as_view(), name="records_of_processing"),
    ]
    return [path("engagement/", include((urls, "engagement_admin"), namespace="engagement_admin"))]


class SuperuserMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.is_superuser


@hooks.register("register_settings_menu_item")
def register_records_of_processing_menu_item():
    return SuperuserMenuItem(
        _("Records of processing"), reverse("engagement_admin:records_of_processing"), icon_name="list-ul", order=900
    )
