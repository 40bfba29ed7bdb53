"""Translating content through wagtail-localize's own services, as its editor does."""

from django.test import TestCase

from wagtail.models import Locale
from wagtail.users.models import UserProfile
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource

import pytest

from core.locales import locales_sync


def translate(instance, language_code, strings, *, publish=True, translation_type="manual"):
    """Submit ``instance`` for translation and translate the given source strings.

    ``strings`` maps source text to its translation; segments not listed stay
    untranslated and fall back to the source text.
    """
    locale = Locale.objects.get(language_code=language_code)
    # Extracts the source afresh when the instance changed since it was first submitted.
    source, _created = TranslationSource.update_or_create_from_instance(instance)
    translation, _created = Translation.objects.get_or_create(source=source, target_locale=locale)
    for segment in StringSegment.objects.filter(source=source).select_related("string", "context"):
        if segment.string.data in strings:
            StringTranslation.objects.update_or_create(
                translation_of=segment.string,
                locale=locale,
                context=segment.context,
                defaults={"data": strings[segment.string.data], "translation_type": translation_type},
            )
    # wagtail-localize publishes on commit; tests run inside a transaction.
    with TestCase.captureOnCommitCallbacks(execute=True):
        translation.save_target(publish=publish)
    return translation


@pytest.fixture
def admin_client(client, admin_user):
    """An administrator whose admin interface is in English (the msgids)."""
    profile = UserProfile.get_for_user(admin_user)
    profile.preferred_language = "en"
    profile.save()
    client.force_login(admin_user)
    return client


@pytest.fixture
def locales(db):
    locales_sync()
    return {locale.language_code: locale for locale in Locale.objects.all()}


@pytest.fixture
def german_tree(tree, locales):
    """The Polish network tree with its home and index pages translated to German."""
    translate(
        tree.home,
        "de",
        {"Sieć partnerska": "Partnerschaftsnetz", "siec": "netz", "Razem działamy lokalnie": "Gemeinsam vor Ort"},
    )
    for page, title in [
        (tree.partners, "Partnerstädte"),
        (tree.organisations, "Mitglieder"),
        (tree.initiatives, "Initiativen"),
        (tree.news, "Neuigkeiten"),
    ]:
        translate(page, "de", {page.title: title, page.slug: title.lower().replace("ä", "ae")})
    return tree


@pytest.fixture
def german_content(german_tree):
    """One published page of every kind (tests/network_content.py) translated into German; see tests/l10n/content.py."""
    from tests.l10n.content import build_german_content

    return build_german_content(german_tree)
