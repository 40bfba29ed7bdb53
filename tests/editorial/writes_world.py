"""The editorial world (conftest.build_world) with translations, for the tests of refused writes.

On top of organisations A, B, C and one user per role it adds what the
translation routes act on:

- English and French home pages (wagtail-localize translations of the Polish one);
- A's section and its live news "Festyn rodzinny" (with an area and a tag)
  translated into German, the German news in moderation;
- the area of cooperation translated into German and French;
- a translator of English and German (the demo's ``translator``), besides the
  German-only one of build_world;
- every user's admin in English, so that messages can be read in the tests.
"""

from dataclasses import dataclass, fields

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.messages import get_messages
from django.db import transaction
from django.test import Client
from django.urls import reverse

from wagtail.models import Locale, Page
from wagtail.users.models import UserProfile
from wagtail_localize.models import TranslationSource

from core.locales import locales_sync
from editorial.services import TRANSLATORS, roles_setup
from tests import factories
from tests.editorial.conftest import World, build_world, make_user
from tests.l10n.conftest import translate

TRANSLATOR_EN_DE = "translator_en_de"


@dataclass
class WritesWorld(World):
    home_en: int = 0
    home_fr: int = 0
    org_a_de: int = 0
    a_live_de: int = 0  # in moderation, submitted by the German translator
    area: int = 0
    area_de: int = 0
    a_live_source: int = 0  # wagtail-localize TranslationSource of A's live news (translated into German)
    home_source: int = 0  # of the Polish home page (translated into English and French)
    area_source: int = 0  # of the area (translated into German and French)

    def locale(self, code):
        return Locale.objects.get(language_code=code)


def build_writes_world():
    world = build_world()
    locales_sync()
    user_model = get_user_model()
    home = Page.objects.get(pk=world.home).specific
    translate(home, "en", {"Sieć partnerska": "Partnership network"})
    translate(home, "fr", {"Sieć partnerska": "Réseau de partenariat"})
    # Translators' rights sit on their language's home page: set them again now that these exist.
    roles_setup()
    translator_en_de = make_user(
        TRANSLATOR_EN_DE, *Group.objects.filter(name__in=[TRANSLATORS.format(language=c) for c in ("en", "de")])
    )

    area = factories.CooperationAreaFactory(name="Kultura", slug="kultura")
    translate(area, "de", {"Kultura": "Kultur"})
    translate(area, "fr", {"Kultura": "Culture"})

    a_live = Page.objects.get(pk=world.a_live).specific
    a_live.areas.set([area])
    a_live.tags.add("festyn")
    a_live.save_revision().publish()
    organisations = Page.objects.get(pk=world.org_a).get_parent().specific
    translate(organisations, "de", {})
    translate(Page.objects.get(pk=world.org_a).specific, "de", {"Aktywni": "Die Aktiven"})
    translate(Page.objects.get(pk=world.a_live).specific, "de", {"Festyn rodzinny": "Familienfest"})
    de = Locale.objects.get(language_code="de")
    a_live_de = Page.objects.get(pk=world.a_live).get_translation(de).specific
    a_live_de.title = "Familienfest (Entwurf)"
    a_live_de.save_revision(user=user_model.objects.get(pk=world.users["translator"]))
    a_live_de.get_workflow().start(a_live_de, user_model.objects.get(pk=world.users["translator"]))

    users = {**world.users, TRANSLATOR_EN_DE: translator_en_de.pk}
    for user in user_model.objects.filter(pk__in=users.values()):
        profile = UserProfile.get_for_user(user)
        profile.preferred_language = "en"
        profile.save()

    base = {field.name: getattr(world, field.name) for field in fields(World) if field.name != "users"}
    return WritesWorld(
        **base,
        users=users,
        home_en=home.get_translation(Locale.objects.get(language_code="en")).pk,
        home_fr=home.get_translation(Locale.objects.get(language_code="fr")).pk,
        org_a_de=Page.objects.get(pk=world.org_a).get_translation(de).pk,
        a_live_de=a_live_de.pk,
        area=area.pk,
        area_de=area.get_translation(de).pk,
        a_live_source=TranslationSource.objects.get_for_instance(Page.objects.get(pk=world.a_live).specific).pk,
        home_source=TranslationSource.objects.get_for_instance(home).pk,
        area_source=TranslationSource.objects.get_for_instance(area).pk,
    )


def module_world(django_db_blocker):
    """For a module-scoped fixture: one world for the whole module, rolled back at its end.

    Each test still runs in its own savepoint (the ``db`` fixture).
    """
    with django_db_blocker.unblock(), transaction.atomic():
        yield build_writes_world()
        transaction.set_rollback(True)


def client_for(world, role):
    """A test client logged in as ``role`` (a key of ``world.users``), or anonymous, reading English.

    Wagtail writes its "permission denied" message outside the user's admin
    language, in the request's: the browser asks for English here.
    """
    client = Client(headers={"accept-language": "en"})
    if role != "anonymous":
        client.force_login(get_user_model().objects.get(pk=world.users[role]))
    return client


def flash_messages(response):
    """The admin's flash messages set by this response, as (level tag, text with its spaces collapsed)."""
    return [(message.level_tag, " ".join(str(message).split())) for message in get_messages(response.wsgi_request)]


def refused_with(response, text):
    """Wagtail's admin refusal (302 to the dashboard) carrying this error message."""
    return (
        response.status_code == 302
        and response["Location"] == reverse("wagtailadmin_home")
        and ("error", text) in flash_messages(response)
    )


PERMISSION_DENIED = "Sorry, you do not have permission to access this area."
