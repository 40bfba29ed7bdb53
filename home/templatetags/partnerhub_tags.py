"""Template tags for the site chrome: navigation and the language switcher."""

from django import template
from django.conf import settings
from django.utils import translation

from wagtail.models import Locale, Page, Site

register = template.Library()


def _current_home(request):
    site = Site.find_for_request(request)
    if site is None:
        return None
    return site.root_page.localized


@register.inclusion_tag("components/main_menu.html", takes_context=True)
def main_menu(context):
    request = context["request"]
    home = _current_home(request)
    items = home.get_children().live().in_menu().public() if home else Page.objects.none()
    current = context.get("page")
    return {"home": home, "menu_items": items, "current_page": current, "request": request}


def _published_translations(page):
    """{language code: page} of the page's live, public translations (itself included)."""
    if page is None or not isinstance(page, Page) or not page.pk:
        return {}
    return {
        translated.locale.language_code: translated
        for translated in page.get_translations(inclusive=True)
        .live()
        .public()
        .filter(alias_of__isnull=True)
        .select_related("locale")
    }


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
    names = dict(settings.LANGUAGES)
    current_language = translation.get_language()
    translations = _published_translations(page)
    home = _current_home(request)
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
    return [
        (code, translated.get_full_url(request))
        for code, translated in sorted(_published_translations(context.get("page")).items())
    ]


@register.simple_tag
def default_locale_code():
    return Locale.get_default().language_code


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
        locale = Locale.get_active()
    except Locale.DoesNotExist:
        return objects
    model = type(objects[0])
    keys = {obj.translation_key for obj in objects if obj.locale_id != locale.pk}
    if not keys:
        return objects
    candidates = model.objects.filter(translation_key__in=keys, locale=locale)
    if issubclass(model, Page):
        candidates = candidates.live().public()
    found = {obj.translation_key: obj for obj in candidates}
    return [found.get(obj.translation_key, obj) if obj.locale_id != locale.pk else obj for obj in objects]


