"""Admin for the partnership directory: the snippet list (filters, search,
export, bulk actions, the "dormant?" flag) and the CSV/XLSX upload view."""

import datetime

from django import forms
from django.core.exceptions import PermissionDenied
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import Column
from wagtail.snippets.bulk_actions.snippet_bulk_action import SnippetBulkAction
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

import django_filters
from django_countries import countries

from partners.models import CooperationArea, RelationshipStatus

from .facets import DORMANT_AFTER_MONTHS, months_ago, partnerships_dormant, partnerships_with_latest_activity
from .importing import ImportFileError, partnerships_import_file
from .partnerships import LocalUnitKind, Partnership, Voivodeship


def _is_dormant(partnership):
    """The list's flag, read from the annotation the list's queryset adds (no query per row)."""
    if partnership.status == RelationshipStatus.ENDED:
        return ""
    cutoff = months_ago(timezone.localdate(), DORMANT_AFTER_MONTHS)
    started = partnership.since_date or (partnership.since_year and datetime.date(partnership.since_year, 1, 1))
    if partnership.latest_activity < cutoff and (not started or started < cutoff):
        return _("dormant?")
    return ""


class PartnershipFilterSet(WagtailFilterSet):
    country = django_filters.ChoiceFilter(label=_("Country"), choices=list(countries))
    voivodeship = django_filters.ChoiceFilter(label=_("Voivodeship"), choices=Voivodeship.choices)
    local_unit_kind = django_filters.ChoiceFilter(label=_("Kind of local unit"), choices=LocalUnitKind.choices)
    status = django_filters.ChoiceFilter(label=_("Status"), choices=RelationshipStatus.choices)
    areas = django_filters.ModelChoiceFilter(label=_("Area of cooperation"), queryset=CooperationArea.objects.all())
    dormant = django_filters.BooleanFilter(
        label=_("Dormant? (no joint activity for 24 months)"), method="filter_dormant"
    )

    class Meta:
        model = Partnership
        fields = ["country", "voivodeship", "local_unit_kind", "status", "areas"]

    def filter_dormant(self, queryset, name, value):
        dormant_ids = partnerships_dormant().values("pk")
        return queryset.filter(pk__in=dormant_ids) if value else queryset.exclude(pk__in=dormant_ids)


class PartnershipViewSet(SnippetViewSet):
    model = Partnership
    icon = "site"
    menu_label = _("Partnerships")
    menu_order = 250
    add_to_admin_menu = True
    filterset_class = PartnershipFilterSet
    search_fields = ["local_unit_name", "partner_name", "partner_region", "search_text"]
    search_backend_name = None  # plain database lookups; search_text is the diacritic-free copy
    list_per_page = 50
    list_display = [
        "local_unit_name",
        "partner_name",
        "country",
        "status",
        "since_year",
        Column("dormant", label=_("Dormant?"), accessor=_is_dormant),
    ]
    list_export = [
        "local_unit_name",
        "local_unit_kind",
        "voivodeship",
        "teryt",
        "partner_name",
        "partner_kind",
        "country",
        "partner_region",
        "latitude",
        "longitude",
        "status",
        "since_year",
        "since_date",
        "resolution_number",
        "recurring_events",
        "source",
        "notes",
        "last_activity",
    ]
    export_headings = {"country": "country"}
    export_filename = "partnerships"

    def get_queryset(self, request):
        return partnerships_with_latest_activity(queryset=Partnership.objects.all())


register_snippet(PartnershipViewSet)


class RecordActivityBulkAction(SnippetBulkAction):
    """Moderators confirm a partnership is alive: sets its last joint activity to today."""

    display_name = _("Record activity today")
    aria_label = _("Record a joint activity today for the selected partnerships")
    action_type = "record_activity"
    template_name = "partners/bulk_actions/confirm_record_activity.html"
    models = [Partnership]

    def check_perm(self, snippet):
        return self.permission_policy.user_has_permission_for_instance(self.request.user, "change", snippet)

    @classmethod
    def execute_action(cls, objects, **kwargs):
        count = Partnership.objects.filter(pk__in=[obj.pk for obj in objects]).update(
            last_activity=timezone.localdate()
        )
        return count, 0

    def get_success_message(self, num_parent_objects, num_child_objects):
        return ngettext(
            "Recorded activity today for %(count)d partnership.",
            "Recorded activity today for %(count)d partnerships.",
            num_parent_objects,
        ) % {"count": num_parent_objects}


hooks.register("register_bulk_action", RecordActivityBulkAction)


# --- Import upload ----------------------------------------------------------------


class PartnershipImportForm(forms.Form):
    file = forms.FileField(label=_("CSV or XLSX file"), help_text=_("The columns are described in the import guide."))
    dry_run = forms.BooleanField(
        label=_("Only check the file (dry run)"), required=False, initial=True, help_text=_("Nothing is saved.")
    )
    skip_invalid = forms.BooleanField(
        label=_("Save the valid rows even if some rows are wrong"), required=False, initial=False
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        if not upload.name.lower().endswith((".csv", ".xlsx")):
            raise forms.ValidationError(_("Only .csv and .xlsx files can be imported."))
        return upload


def _can_import(user):
    return user.has_perms(["partners.add_partnership", "partners.change_partnership"])


def partnerships_import_view(request):
    if not _can_import(request.user):
        raise PermissionDenied
    report = None
    if request.method == "POST":
        form = PartnershipImportForm(request.POST, request.FILES)
        if form.is_valid():
            upload = form.cleaned_data["file"]
            try:
                report = partnerships_import_file(
                    file=upload,
                    filename=upload.name,
                    dry_run=form.cleaned_data["dry_run"],
                    skip_invalid=form.cleaned_data["skip_invalid"],
                )
            except ImportFileError as error:
                form.add_error("file", str(error))
    else:
        form = PartnershipImportForm()
    return TemplateResponse(
        request,
        "partners/admin/import_partnerships.html",
        {
            "form": form,
            "report": report,
            "page_title": _("Import partnerships"),
            "header_icon": "upload",
            "errors_shown": report.errors[:500] if report else [],
        },
    )


@hooks.register("register_admin_urls")
def register_partnership_import_url():
    return [path("partnerships/import/", partnerships_import_view, name="partnerships_import")]


class ImportMenuItem(MenuItem):
    def is_shown(self, request):
        return _can_import(request.user)


@hooks.register("register_admin_menu_item")
def register_partnership_import_menu_item():
    return ImportMenuItem(_("Import partnerships"), reverse("partnerships_import"), icon_name="upload", order=251)
