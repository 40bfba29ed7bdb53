from django.template.response import TemplateResponse
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from wagtail.models import Locale, Site

from core.listing import paginate
from core.models import NetworkKind, NetworkSettings
from core.normalise import page_search_text

from .forms import PortalSearchForm, SearchForm
from .highlight import highlight
from .selectors import network_homes, network_of, search_promotions_for, search_suggestion, search_terms, site_search

PER_PAGE = 10


def _result(obj, *, terms):
    """What the template shows for a page or a document."""
    if hasattr(obj, "url_path"):
        text = page_search_text(obj) or obj.title
        return {
            "object": obj,
            "is_page": True,
            "title": obj.get_listing_title() if hasattr(obj, "get_listing_title") else obj.title,
            "title_html": highlight(obj.title, terms=terms),
            "kind": obj._meta.verbose_name,
            "snippet": highlight(text, terms=terms),
        }
    return {
        "object": obj,
        "is_page": False,
        "title_html": highlight(obj.title, terms=terms),
        "kind": _("Document"),
        "snippet": "",
        "url": obj.url,
        "extension": obj.file_extension.upper(),
    }


def search(request):
    site = Site.find_for_request(request)
    # for_request: the same settings object the page's header and footer read (one query for both).
    network = NetworkSettings.for_request(request) if site is not None else None
    is_portal = network is not None and network.kind == NetworkKind.TWINNING_PORTAL
    form = (PortalSearchForm if is_portal else SearchForm)(request.GET)
    form.is_valid()
    notices = []
    if "type" in form.errors:
        notices.append(_("Unknown result type “%(value)s”: showing everything.") % {"value": request.GET.get("type")})
    if "query" in form.errors:
        notices.append(_("The search text is too long: only its first 200 characters were used."))
    query = form.cleaned_data.get("query") or request.GET.get("query", "").strip()[:200]
    kind = form.cleaned_data.get("type") or None
    locale = Locale.objects.filter(language_code=get_language()).first() or Locale.get_default()
    across_networks = is_portal and form.cleaned_data.get("scope") == "all"
    context = {
        "search_form": form,
        "search_query": query,
        "search_type": kind,
        "search_notices": notices,
        "across_networks": across_networks,
    }
    if query:
        terms = search_terms(query)
        results = site_search(
            query=query, locale=locale, kind=kind, site=None if across_networks else site, network=network
        )
        page, page_range = paginate(request, results, per_page=PER_PAGE)
        promotions = search_promotions_for(query=query, locale=locale) if page.number == 1 else []
        promoted_ids = {promotion["page"].pk for promotion in promotions if "page" in promotion}
        page.object_list = [
            _result(obj, terms=terms)
            for obj in page.object_list
            if getattr(obj, "pk", None) not in promoted_ids or not hasattr(obj, "url_path")
        ]
        if across_networks:
            homes = network_homes()
            for result in page.object_list:
                if result["is_page"]:
                    result["network"] = network_of(result["object"], homes)
        context.update(
            {
                "page_obj": page,
                "page_range": page_range,
                "result_count": page.paginator.count,
                "search_results": page,
                "promotions": promotions,
            }
        )
        if not page.paginator.count and not promotions:
            context["suggestion"] = search_suggestion(
                query=query, locale=locale, site=None if across_networks else site
            )
    return TemplateResponse(request, "search/search.html", context)
