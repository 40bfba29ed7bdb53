"""Template tags for the site chrome: navigation and the language switcher."""

from django import template
from django.conf import settings
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.safestring import mark_safe

from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Locale, Page, Site

from caching.generation import fragment_cached
from caching.queries import locale_active, pages_public
from caching.scope import is_item_page

register = template.Library()


def current_home(request):
    """The site's home page in the reader's language (Wagtail's ``.localized`` is two queries), cached."""
    site = Site.find_for_request(request)
    if site is None:
        return None
    return fragment_cached(
        "current-home", site.pk, translation.get_language(), build=lambda: site.root_page.localized, structural=True
    )


def _page_key(page):
    return page.pk if isinstance(page, Page) and page.pk else None


@register.simple_tag(takes_context=True)
def main_menu(context):
    """The site's main navigation, cached per site, language and section (see docs/caching.md)."""
    request = context["request"]
    current = context.get("page")
    # Only the current top-level section changes the markup (aria-current).
    section = current.path[:12] if isinstance(current, Page) and current.depth >= 3 else ""

    def build():
        home = current_home(request)
        items = list(pages_public(home.get_children().live().in_menu())) if home else []
        return render_to_string(
            "components/main_menu.html",
            {"home": home, "menu_items": items, "current_page": current, "request": request},
        )

    site = Site.find_for_request(request)
    html = fragment_cached(
        "main-menu",
        getattr(site, "pk", None),
        translation.get_language(),
        section,
        request.get_host(),
        build=build,
        structural=True,
    )
    return mark_safe(html)  # noqa: S308  (rendered by our own template, autoescaped)


def _published_translations(page):
    """{language code: page} of the page's live, public translations (itself included).

    Cached: the language switcher and the hreflang links both need it, for
    the page and for the home page.
    """
    if page is None or not isinstance(page, Page) or not page.pk:
        return {}

    def build():
        translations = pages_public(page.get_translations(inclusive=True).live()).filter(alias_of__isnull=True)
        return {translated.locale.language_code: translated for translated in translations.select_related("locale")}

    return fragment_cached(
        "published-translations", page.translation_key, build=build, structural=not is_item_page(page)
    )


@register.inclusion_tag("components/language_switcher.html", takes_context=True)
def language_switcher(context):
    """Links to this page in every language it is published in; a note otherwise.

    A language with no published translation of this page links to that
    language's home page instead, marked as such, so the switcher never leads
    to a 404 or to a draft. A language with no published home at all is left
    out.
    """
    request = context["request"]
    page = context.get("page")
    current_language = translation.get_language()
    site = Site.find_for_request(request)
    return fragment_cached(
        "language-switcher",
        getattr(site, "pk", None),
        current_language,
        _page_key(page),
        request.get_host(),
        build=lambda: _language_switcher_context(request, page, current_language),
        structural=not is_item_page(page),
    )


def _language_switcher_context(request, page, current_language):
    names = dict(settings.LANGUAGES)
    translations = _published_translations(page)
    home = current_home(request)
    homes = _published_translations(home) if home is not None else {}
    links = []
    for code, name in settings.LANGUAGES:
        target = translations.get(code)
        if code == current_language:
            links.append({"code": code, "name": name, "is_current": True})
        elif target is not None:
            links.append({"code": code, "name": name, "url": target.get_url(request)})
        elif code in homes:
            links.append({"code": code, "name": name, "url": homes[code].get_url(request), "is_home": True})
    untranslated = any(link.get("is_home") for link in links)
    return {
        "links": links,
        "current_language": current_language,
        "current_name": names.get(current_language),
        "has_untranslated": untranslated,
    }


@register.simple_tag(takes_context=True)
def alternate_links(context):
    """(language code, absolute URL) for each published translation, for hreflang."""
    request = context["request"]
    page = context.get("page")
    site = Site.find_for_request(request)
    return fragment_cached(
        "alternate-links",
        getattr(site, "pk", None),
        _page_key(page),
        request.get_host(),
        build=lambda: [
            (code, translated.get_full_url(request))
            for code, translated in sorted(_published_translations(page).items())
        ],
        structural=not is_item_page(page),
    )


@register.simple_tag
def default_locale_code():
    """The default locale's code: what ``Locale.get_default()`` looks up, without its query."""
    return get_supported_content_language_variant(settings.LANGUAGE_CODE)


@register.filter
def localized(objects):
    """The reader's-language version of each translatable object, in one query.

    Pages and snippets linked from a translated page still point at the
    Polish originals (wagtail-localize synchronises these links); this swaps
    each for its translation in the active language when one exists (a live
    one, for pages) and keeps the original otherwise.
    """
    objects = list(objects or [])
    if not objects:
        return objects
    try:
        locale = locale_active()
    except Locale.DoesNotExist:
        return objects
    model = type(objects[0])
    keys = {obj.translation_key for obj in objects if obj.locale_id != locale.pk}
    if not keys:
        return objects

    def build():
        candidates = model.objects.filter(translation_key__in=keys, locale=locale)
        if issubclass(model, Page):
            candidates = pages_public(candidates.live())
        return {obj.translation_key: obj for obj in candidates}

    # Areas, partners and organisations: kept until the frame changes.
    found = fragment_cached(
        "localized",
        model._meta.label,
        locale.pk,
        *sorted(map(str, keys)),
        build=build,
        structural=not is_item_page(objects[0]),
    )
    return [found.get(obj.translation_key, obj) if obj.locale_id != locale.pk else obj for obj in objects]
