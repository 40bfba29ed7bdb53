from django.core.paginator import Paginator
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from wagtail.models import Locale

from .selectors import STATES, translation_status_rows


def translation_status(request):
    """Pages × locales with their translation state, filterable by locale and state."""
    default = Locale.get_default()
    all_locales = list(Locale.objects.exclude(pk=default.pk).order_by("language_code"))
    locale_code = request.GET.get("locale", "")
    state = request.GET.get("state", "")
    locales = [locale for locale in all_locales if locale.language_code == locale_code] or all_locales
    if state not in STATES:
        state = ""
    rows = translation_status_rows(user=request.user, locales=locales)
    if state:
        rows = [row for row in rows if any(cell.state == state for cell in row.cells)]
    paginator = Paginator(rows, 50)
    page_obj = paginator.get_page(request.GET.get("p"))
    return TemplateResponse(
        request,
        "translations/status.html",
        {
            "title": _("Translation status"),
            "source_locale": default,
            "locales": locales,
            "all_locales": all_locales,
            "selected_locale": locale_code if len(locales) == 1 and locale_code else "",
            "states": STATES,
            "selected_state": state,
            "page_obj": page_obj,
            "rows": page_obj.object_list,
        },
    )
