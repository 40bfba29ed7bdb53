"""Admin views: reviewing accession requests, composing and sending newsletter
issues, and the records of processing."""

import csv

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView, TemplateView, View

from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.models import Site

from .forms import ComposeIssueForm, RejectForm
from .models.accession import AccessionRequest, AccessionStatus
from .models.newsletter import NewsletterIssue
from .permissions import personal_data_policy, records_visible_to
from .selectors import records_of_processing
from .services.accession import accession_request_approve, accession_request_reject, accession_reviewer_check
from .services.newsletter import newsletter_issue_compose, newsletter_issue_progress, newsletter_issue_send


def accession_index_url():
    return reverse("wagtailsnippets_engagement_accessionrequest:list")


class AccessionReviewView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "engagement/admin/accession_review.html"
    header_icon = "group"
    page_title = _("Accession request")

    def dispatch(self, request, *args, **kwargs):
        if not accession_reviewer_check(user=request.user):
            raise PermissionDenied
        # Another network's request is not there for this reviewer.
        self.accession = get_object_or_404(
            records_visible_to(AccessionRequest, request.user).select_related("reviewer", "organisation", "site"),
            pk=kwargs["pk"],
        )
        if not accession_reviewer_check(user=request.user, accession=self.accession):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_page_subtitle(self):
        return self.accession.organisation_name

    def get_breadcrumbs_items(self):
        return [
            {"url": reverse("wagtailadmin_home"), "label": _("Home")},
            {"url": accession_index_url(), "label": _("Accession requests")},
            {"url": "", "label": self.accession.organisation_name},
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["accession"] = self.accession
        context["pending"] = self.accession.status == AccessionStatus.PENDING
        context.setdefault("reject_form", RejectForm())
        return context

    def post(self, request, *args, **kwargs):
        action = request.POST.get("action")
        try:
            if action == "approve":
                accession_request_approve(accession=self.accession, reviewer=request.user)
                messages.success(
                    request,
                    _("“%(name)s” is now a member; its contact person has been e-mailed.")
                    % {"name": self.accession.organisation_name},
                )
                return redirect(accession_index_url())
            if action == "reject":
                form = RejectForm(request.POST)
                if not form.is_valid():
                    return self.render_to_response(self.get_context_data(reject_form=form), status=400)
                accession_request_reject(
                    accession=self.accession, reviewer=request.user, reason=form.cleaned_data["reason"]
                )
                messages.success(request, _("The request has been rejected and the applicant informed."))
                return redirect(accession_index_url())
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            return redirect(request.path)
        return self.render_to_response(self.get_context_data(), status=400)


class NewsletterPermissionMixin:
    """Whoever may ``permission`` newsletter issues in some network; ``issues()`` are the ones of their networks."""

    permission = "change"

    def dispatch(self, request, *args, **kwargs):
        if not personal_data_policy(NewsletterIssue).user_has_permission(request.user, self.permission):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def issues(self):
        return personal_data_policy(NewsletterIssue).instances_user_has_permission_for(self.request.user, "change")


class NewsletterComposeView(NewsletterPermissionMixin, WagtailAdminTemplateMixin, FormView):
    template_name = "engagement/admin/newsletter_compose.html"
    form_class = ComposeIssueForm
    page_title = _("Compose a newsletter issue")
    header_icon = "mail"
    permission = "add"

    def get_form_kwargs(self):
        networks = personal_data_policy(NewsletterIssue).networks_for(self.request.user, "add")
        sites = Site.objects.all() if networks is None else Site.objects.filter(pk__in=networks)
        return {**super().get_form_kwargs(), "sites": sites}

    def form_valid(self, form):
        data = form.cleaned_data
        issue = newsletter_issue_compose(
            site=data["site"],
            language=data["language"],
            days=data["days"],
            scope=data["scope"],
            organisation=data["organisation"],
            area=data["area"],
        )
        messages.success(self.request, _("Issue drafted with the suggested content: review and edit it, then send it."))
        return redirect("wagtailsnippets_engagement_newsletterissue:edit", issue.pk)


class NewsletterSendView(NewsletterPermissionMixin, View):
    def post(self, request, pk):
        issue = get_object_or_404(self.issues(), pk=pk)
        try:
            newsletter_issue_send(issue=issue)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        return redirect("engagement_admin:newsletter_progress", pk=issue.pk)


class NewsletterProgressView(NewsletterPermissionMixin, WagtailAdminTemplateMixin, TemplateView):
    template_name = "engagement/admin/newsletter_progress.html"
    page_title = _("Sending progress")
    header_icon = "mail"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        issue = get_object_or_404(self.issues(), pk=self.kwargs["pk"])
        context["issue"] = issue
        context["progress"] = newsletter_issue_progress(issue=issue)
        context["failures"] = (
            issue.deliveries.exclude(error="").select_related("subscriber").order_by("-attempted_at")[:50]
        )
        return context


class RecordsOfProcessingView(WagtailAdminTemplateMixin, TemplateView):
    template_name = "engagement/admin/records_of_processing.html"
    page_title = _("Records of processing")
    header_icon = "list-ul"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_superuser:
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get(self, request, *args, **kwargs):
        rows = records_of_processing()
        if request.GET.get("format") == "csv":
            response = HttpResponse(content_type="text/csv; charset=utf-8")
            response["Content-Disposition"] = 'attachment; filename="records-of-processing.csv"'
            writer = csv.writer(response)
            writer.writerow(["category", "data", "purpose", "legal_basis", "since", "retention", "count"])
            for row in rows:
                writer.writerow(
                    [
                        row["category"],
                        row["data"],
                        row["purpose"],
                        row["legal_basis"],
                        row["since"].date().isoformat() if row["since"] else "",
                        row["retention"],
                        row["count"],
                    ]
                )
            return response
        return self.render_to_response(self.get_context_data(rows=rows))
