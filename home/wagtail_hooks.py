"""Admin for the site-wide snippets of home/: the footer texts, translated in wagtail-localize's editor."""

from django.utils.translation import gettext_lazy as _

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from core.models import NetworkFooter


class NetworkFooterViewSet(SnippetViewSet):
    """The network's name, address and contact text per language (chosen in Settings → Network settings)."""

    model = NetworkFooter
    icon = "site"
    menu_label = _("Footer texts")
    add_to_settings_menu = True
    list_display = ["network_name", "locale"]
    search_fields = ["network_name"]
    ordering = ["network_name"]


register_snippet(NetworkFooterViewSet)
