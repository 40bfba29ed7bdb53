from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.template.response import TemplateResponse
from django.utils.translation import get_language

from wagtail.models import Locale, Page


def search(request):
    query = request.GET.get("query", "").strip()
    results = Page.objects.none()
    if query:
        locale = Locale.objects.filter(language_code=get_language()).first() or Locale.get_default()
        results = Page.objects.live().public().filter(locale=locale).specific().search(query)
    paginator = Paginator(results, 10)
    try:
        page = paginator.page(request.GET.get("page", 1))
    except PageNotAnInteger:
        page = paginator.page(1)
    except EmptyPage:
        page = paginator.page(paginator.num_pages)
    return TemplateResponse(request, "search/search.html", {"search_query": query, "search_results": page})
