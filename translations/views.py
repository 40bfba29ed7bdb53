from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import translation
from django.utils.cache import patch_vary_headers
from django.utils.translation import gettext as _
from django.utils.translation.trans_real import parse_accept_lang_header
from django.views.decorators.http import require_POST

from wagtail.admin.utils import get_valid_next_url_from_request
from wagtail.models import Locale, Page, Site
from wagtail_localize.models import Translation
from wagtail_localize.views.edit_translation import upload_pofile as localize_upload_pofile
from wagtail_localize.views.edit_translation import user_can_edit_instance

import polib

from core.queries import pages_public
from editorial.write_guards import page_submission_allowed

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


# The language for a reader who asks for one the site lacks: the partners abroad
# read English far more often than Polish. Polish (LANGUAGE_CODE) when there is
# no live English home either.
FALLBACK_LANGUAGE = "en"


def language_redirect(request):
    """``/``: redirect to the reader's language among those with a published home page.

    Django's LocaleMiddleware would pick any configured language, even one with
    no content yet; here a language counts only once its home page is live.
    The language cookie (set by Django's set_language view) wins over the
    browser's Accept-Language. A browser that asks only for languages the site
    lacks gets English (FALLBACK_LANGUAGE) if its home is live; Polish
    (LANGUAGE_CODE) otherwise, and when the browser asks for nothing.
    """
    available = language_codes_with_home(request)
    chosen = None
    cookie = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
    # "*" (any language) names none: Django's own negotiation skips it too.
    accepted = [
        code.lower()
        for code, _quality in parse_accept_lang_header(request.headers.get("Accept-Language", ""))
        if code != "*"
    ]
    if cookie in available:
        chosen = cookie
    else:
        for code in accepted:
            for candidate in (code, code.split("-")[0]):
                if candidate in available:
                    chosen = candidate
                    break
            if chosen:
                break
    if chosen is None and accepted and FALLBACK_LANGUAGE in available:
        chosen = FALLBACK_LANGUAGE
    if chosen is None:
        chosen = settings.LANGUAGE_CODE
    with translation.override(chosen):
        url = reverse("wagtail_serve", args=[""])
    response = HttpResponseRedirect(url)
    patch_vary_headers(response, ["Accept-Language", "Cookie"])
    return response


def language_codes_with_home(request):
    site = Site.find_for_request(request)
    if site is None:
        return set()
    return set(site.root_page.get_translations(inclusive=True).live().values_list("locale__language_code", flat=True))


def fallback_translation(page, request):
    """The live, public English (FALLBACK_LANGUAGE) version of ``page`` for a reader whose language it lacks, or None.

    Only where the English home is live too: without it /en/… would not route.
    """
    if page.locale.language_code == FALLBACK_LANGUAGE or FALLBACK_LANGUAGE not in language_codes_with_home(request):
        return None
    return pages_public(page.get_translations().live().filter(locale__language_code=FALLBACK_LANGUAGE)).first()


@require_POST
def upload_pofile_checked(request, translation_id):
    """wagtail-localize's PO upload, after checking the file (same URL, registered first).

    wagtail-localize answers a PO file without its translation header with a
    server error, and accepts one whose entries belong to another page without
    a word. Here such files are rejected with a message that says what is
    wrong, and nothing is imported.
    """
    translation_obj = get_object_or_404(Translation, id=translation_id)
    if not user_can_edit_instance(request.user, translation_obj.get_target_instance()):
        raise PermissionDenied
    next_url = get_valid_next_url_from_request(request) or reverse("wagtailadmin_home")
    upload = request.FILES.get("file")
    error = pofile_problem(upload, translation_obj) if upload else _("Choose a PO file to upload.")
    if error:
        messages.error(request, error)
        return redirect(next_url)
    upload.seek(0)
    return localize_upload_pofile(request, translation_id)


def pofile_problem(upload, translation_obj):
    """What is wrong with an uploaded PO file for this translation, or None."""
    try:
        text = upload.read().decode("utf-8")
    except UnicodeDecodeError:
        return _("The file is not a PO file: it is not UTF-8 text.")
    if not text.strip():
        return _("The file is empty.")
    try:
        po = polib.pofile(text) if "\n" in text else None
    except (OSError, ValueError) as error:
        return _("The file is not a valid PO file: %(error)s") % {"error": error}
    if po is None or not len(po):
        return _("The file is not a valid PO file: it contains no translatable strings.")
    translation_id = po.metadata.get("X-WagtailLocalize-TranslationID")
    if not translation_id:
        return _(
            "The file has no X-WagtailLocalize-TranslationID header: download the PO file from this "
            "translation and edit that one."
        )
    if translation_id != str(translation_obj.uuid):
        return _("Cannot import PO file that was created for a different translation.")
    return None


@require_POST
def submit_translation_for_moderation(request, page_id):
    """Start the page's moderation workflow on a translated page's latest draft.

    wagtail-localize's translation editor can publish or save a draft but has
    no "Submit for moderation"; translators without the publish permission
    save a draft there and submit it here (a button in the status report),
    so translated pages go through the same workflow as every other page.
    """
    page = get_object_or_404(Page, id=page_id).specific
    next_url = get_valid_next_url_from_request(request) or reverse("translation_status")
    workflow = page.get_workflow()
    # Edit permission first: nothing below may run for someone who cannot edit the page.
    if not page_submission_allowed(user=request.user, page=page) or workflow is None:
        raise PermissionDenied
    if page.workflow_in_progress:
        messages.warning(
            request, _("'%(title)s' is already in moderation.") % {"title": page.get_admin_display_title()}
        )
        return redirect(next_url)
    translation_obj = (
        Translation.objects.filter(
            source__object_id=page.translation_key, target_locale_id=page.locale_id, enabled=True
        )
        .exclude(source__locale_id=page.locale_id)
        .first()
    )
    if translation_obj is not None:
        # wagtail-localize's editor stores each translated sentence at once but
        # writes them into the page only when it publishes; translators cannot
        # publish, so their sentences become the draft that goes to moderation.
        try:
            translation_obj.save_target(user=request.user, publish=False)
        except ValidationError:
            messages.error(
                request,
                _("'%(title)s' could not be saved: open it in the translation editor to see which sentence is wrong.")
                % {"title": page.get_admin_display_title()},
            )
            return redirect(next_url)
        page = Page.objects.get(pk=page.pk).specific
    elif page.latest_revision is None:
        page.save_revision(user=request.user)
    workflow.start(page, request.user)
    messages.success(
        request, _("'%(title)s' was submitted for moderation.") % {"title": page.get_admin_display_title()}
    )
    return redirect(next_url)
