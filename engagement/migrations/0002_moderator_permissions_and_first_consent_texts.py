"""Give Wagtail's Moderators group the engagement permissions, and publish a
first newsletter consent text in each language (editable as new versions)."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

MODERATOR_PERMISSIONS = [
    "review_accessionrequest",
    "view_accessionrequest",
    "add_newsletterissue",
    "change_newsletterissue",
    "view_newsletterissue",
    "add_consenttext",
    "change_consenttext",
    "view_consenttext",
    "view_subscriber",
    "view_purgelog",
]

CONSENT_TEXTS = {
    "pl": (
        "Wyrażam zgodę na przetwarzanie mojego adresu e-mail przez partnerstwo w celu wysyłania newslettera. "
        "Zgodę mogę wycofać w każdej chwili jednym kliknięciem w każdej wiadomości. Mam prawo dostępu do danych, "
        "ich sprostowania, usunięcia, ograniczenia przetwarzania, przenoszenia i sprzeciwu."
    ),
    "en": (
        "I agree that the partnership processes my e-mail address to send me its newsletter. I can withdraw this "
        "consent at any time with one click in every e-mail. I have the right to access, rectify and erase my data, "
        "to restrict or object to its processing, and to data portability."
    ),
    "de": (
        "Ich willige ein, dass die Partnerschaft meine E-Mail-Adresse verarbeitet, um mir den Newsletter zu senden. "
        "Ich kann die Einwilligung jederzeit mit einem Klick in jeder E-Mail widerrufen. Ich habe das Recht auf "
        "Auskunft, Berichtigung, Löschung, Einschränkung der Verarbeitung, Widerspruch und Datenübertragbarkeit."
    ),
}


def forwards(apps, schema_editor):
    # Permissions are normally created after all migrations; create ours now to assign them.
    app_config = apps.get_app_config("engagement")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    ConsentText = apps.get_model("engagement", "ConsentText")
    moderators = Group.objects.filter(name="Moderators").first()
    if moderators:
        moderators.permissions.add(
            *Permission.objects.filter(content_type__app_label="engagement", codename__in=MODERATOR_PERMISSIONS)
        )
    for language, text in CONSENT_TEXTS.items():
        if not ConsentText.objects.filter(language=language).exists():
            ConsentText.objects.create(language=language, version=1, text=text)


class Migration(migrations.Migration):
    dependencies = [
        ("engagement", "0001_accession_contact_newsletter_retention"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("wagtailcore", "0002_initial_data"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
