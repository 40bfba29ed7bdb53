"""Dashboard panels: what awaits a moderator, what needs an organisation's editors."""

from django.utils.translation import gettext_lazy as _

from wagtail.admin.ui.components import Component

from .selectors import organisations_for_editor, pages_awaiting_approval, section_overview


class AwaitingMyApprovalPanel(Component):
    name = "editorial_awaiting_my_approval"
    template_name = "editorial/panels/awaiting_my_approval.html"
    order = 90  # above Wagtail's own panels: this is the moderator's to-do list

    def __init__(self, items):
        self.items = items

    def get_context_data(self, parent_context):
        return {"items": self.items, "heading": _("Awaiting my approval"), "request": parent_context["request"]}


class OrganisationSectionPanel(Component):
    name = "editorial_organisation_section"
    template_name = "editorial/panels/organisation_section.html"
    order = 95

    def __init__(self, overview):
        self.overview = overview

    def get_context_data(self, parent_context):
        return {
            **self.overview,
            "panel_id": f"editorial-section-{self.overview['organisation'].pk}",
            "request": parent_context["request"],
            "csrf_token": parent_context.get("csrf_token"),
        }


def panels_for(request):
    panels = []
    items = pages_awaiting_approval(user=request.user)
    if items:
        panels.append(AwaitingMyApprovalPanel(items))
    panels.extend(
        OrganisationSectionPanel(section_overview(organisation=organisation))
        for organisation in organisations_for_editor(user=request.user)
    )
    return panels
