"""The one admin view of its own: "still accurate" for a page due for review."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from wagtail.admin import messages
from wagtail.admin.utils import get_valid_next_url_from_request
from wagtail.models import Page

from .services import page_mark_reviewed


@require_POST
def mark_reviewed(request, page_id):
    page = get_object_or_404(Page, pk=page_id, depth__gt=1)
    if not page.permissions_for_user(request.user).can_edit():
        raise PermissionDenied
    page_mark_reviewed(page=page, user=request.user)
    messages.success(request, _("'%(title)s' marked as reviewed.") % {"title": page.get_admin_display_title()})
    return redirect(get_valid_next_url_from_request(request) or "wagtailadmin_home")
