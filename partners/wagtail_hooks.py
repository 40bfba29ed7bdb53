"""Admin of the partners app: areas of cooperation as a translatable snippet."""

from django.utils.translation import gettext_lazy as _

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import CooperationArea


class CooperationAreaViewSet(SnippetViewSet):
    """Areas of cooperation: edited by moderators, translated in wagtail-localize's editor."""

    model = CooperationArea
    icon = "tag"
    menu_label = _("Areas of cooperation")
    menu_order = 210
    add_to_admin_menu = True
    list_display = ["name", "slug", "locale"]
    search_fields = ["name"]
    ordering = ["name"]


register_snippet(CooperationAreaViewSet)
