from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import (
    CopyView,
    DeleteView,
    EditView,
    HistoryView,
    InspectView,
    SnippetViewSet,
    SnippetViewSetGroup,
    UsageView,
)

from core.queries import network_home_paths, pages_under_filter
from editorial.selectors import networks_moderated_by
from partners.models import MemberOrganisationPage

from . import admin_views
from .models.accession import AccessionRequest
from .models.newsletter import ConsentText, NewsletterIssue, Subscriber
from .models.retention import PurgeLog
from .permissions import (
    PersonalDataChooserViewSet,
    network_scoped,
    network_scoped_copy,
    personal_data_policy,
    records_visible_to,
)


class PersonalDataViewSet(SnippetViewSet):
    """Snippets holding personal data: every view shows only the records of the user's networks.

    The listing (and its CSV/XLSX export) starts from the records the user
    sees; the views of one record answer 404 for another network's.
    """

    chooser_viewset_class = PersonalDataChooserViewSet
    edit_view_class = network_scoped(EditView)
    delete_view_class = network_scoped(DeleteView)
    copy_view_class = network_scoped_copy(CopyView)
    usage_view_class = network_scoped(UsageView)
    history_view_class = network_scoped(HistoryView)
    inspect_view_class = network_scoped(InspectView)

    def get_queryset(self, request):
        return records_visible_to(self.model, request.user).select_related("site")


class AccessionRequestViewSet(PersonalDataViewSet):
    model = AccessionRequest
    icon = "group"
    menu_label = _("Accession requests")
    inspect_view_enabled = True
    list_display = [
        TitleColumn(
            "organisation_name",
            label=_("Organisation"),
            get_url=lambda obj: reverse("engagement_admin:accession_review", args=[obj.pk]),
        ),
        "contact_person",
        "status",
        "site",
        Column("created_at", label=_("Received")),
    ]
    list_filter = ["status", "kind", "site"]
    list_export = ["organisation_name", "kind", "contact_person", "email", "status", "site", "created_at"]
    search_fields = ["organisation_name", "contact_person", "email"]


class ConsentTextViewSet(SnippetViewSet):
    model = ConsentText
    icon = "doc-full"
    menu_label = _("Consent texts")
    list_display = ["__str__", "language", "version", "created_at"]
    list_filter = ["language"]


class SubscriberViewSet(PersonalDataViewSet):
    model = Subscriber
    icon = "user"
    menu_label = _("Subscribers")
    inspect_view_enabled = True
    # Restriction (art. 18/21) and bounce suspension are shown so moderators know why someone gets nothing.
    list_display = [
        "email",
        "site",
        "language",
        "scope",
        "confirmed_at",
        "restriction_ground",
        "hard_bounces",
        "suspended_at",
    ]
    list_filter = ["site", "language", "scope", "restriction_ground"]
    list_export = ["email", "site", "language", "scope", "confirmed_at", "restriction_ground", "suspended_at"]
    search_fields = ["email"]


class NewsletterIssueViewSet(PersonalDataViewSet):
    model = NewsletterIssue
    icon = "mail"
    menu_label = _("Newsletter issues")
    list_display = [
        "subject",
        "site",
        "language",
        "status",
        TitleColumn(
            "status",
            label=_("Sending"),
            get_url=lambda obj: reverse("engagement_admin:newsletter_progress", args=[obj.pk]),
        ),
    ]
    list_filter = ["site", "language", "status"]


class PurgeLogViewSet(SnippetViewSet):
    model = PurgeLog
    icon = "bin"
    menu_label = _("Purge log")
    list_display = ["ran_at", "category", "cutoff", "deleted"]


class PolicyMenuItem(MenuItem):
    """Shown to whoever the model's permission policy lets do ``action`` (in some network)."""

    def __init__(self, *args, model, action, **kwargs):
        super().__init__(*args, **kwargs)
        self.model, self.action = model, action

    def is_shown(self, request):
        return personal_data_policy(self.model).user_has_permission(request.user, self.action)


class EngagementViewSetGroup(SnippetViewSetGroup):
    items = (AccessionRequestViewSet, NewsletterIssueViewSet, SubscriberViewSet, ConsentTextViewSet, PurgeLogViewSet)
    menu_icon = "mail"
    menu_label = _("Engagement")
    menu_name = "engagement"

    def get_submenu_items(self):
        compose = PolicyMenuItem(
            _("Compose a newsletter issue"),
            reverse("engagement_admin:newsletter_compose"),
            icon_name="edit",
            order=150,
            model=NewsletterIssue,
            action="add",
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


@hooks.register("filter_form_submissions_for_user")
def form_submissions_per_network(user, editable_forms):
    """Contact form messages are personal data: the form pages whose submissions ``user`` reads.

    Wagtail lists the form pages the user may edit. Of those, superusers and
    the platform's moderators (who read subscribers) keep all; a network's
    moderators keep their network's and an organisation's editors their own
    section's. Editing a page for another reason (a translator's language
    tree) shows no one's messages.
    """
    if user.is_superuser or user.has_perm("engagement.view_subscriber"):
        return editable_forms
    paths = list(network_home_paths(site_ids=networks_moderated_by(user=user)))
    paths += MemberOrganisationPage.objects.filter(editors_group__in=user.groups.all()).values_list("path", flat=True)
    return editable_forms.filter(pages_under_filter(paths))
