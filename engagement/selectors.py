"""Read-side queries of the engagement app."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db.models import Count, Min
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.contrib.forms.models import FormSubmission
from wagtail.models import Locale

from core.queries import network_home_paths, pages_under_filter
from initiatives.models import InitiativeOccurrence, InitiativePage, NewsPage

from .links import CONFIRM_MAX_AGE_DAYS
from .models.accession import AccessionRequest, AccessionStatus
from .models.newsletter import Bounce, Delivery, Subscriber


def _row(*, category, data, purpose, legal_basis, retention, stats):
    return {
        "category": category,
        "data": data,
        "purpose": purpose,
        "legal_basis": legal_basis,
        "retention": retention,
        "count": stats["count"],
        "since": stats["since"],
    }


def _stats(queryset, date_field):
    return queryset.aggregate(count=Count("pk"), since=Min(date_field))


def records_of_processing():
    """What personal data the site holds, why, on what basis, since when and for how long (GDPR art. 30)."""
    form_days = settings.ENGAGEMENT_FORM_RETENTION_DAYS
    unconfirmed_days = settings.ENGAGEMENT_UNCONFIRMED_RETENTION_DAYS
    return [
        _row(
            category=_("Newsletter subscribers (confirmed)"),
            data=_("E-mail address, language, chosen scope, accepted consent text version and time, confirmation time"),
            purpose=_("Sending the newsletter the person asked for"),
            legal_basis=_("Consent (GDPR art. 6(1)(a)), given by double opt-in"),
            retention=_("Until the person unsubscribes or erases the data (one click in every e-mail)"),
            stats=_stats(
                Subscriber.objects.filter(confirmed_at__isnull=False, restricted_at__isnull=True), "created_at"
            ),
        ),
        _row(
            category=_("Newsletter sign-ups awaiting confirmation"),
            data=_("E-mail address, language, chosen scope, accepted consent text version and time"),
            purpose=_("Confirming the address (double opt-in); nothing else is sent"),
            legal_basis=_("Consent (GDPR art. 6(1)(a)), pending confirmation"),
            retention=_("Deleted %(days)s days after sign-up if not confirmed") % {"days": unconfirmed_days},
            stats=_stats(Subscriber.objects.filter(confirmed_at__isnull=True), "created_at"),
        ),
        _row(
            category=_("Newsletter address changes awaiting confirmation"),
            data=_("The new e-mail address a subscriber asked for, and when"),
            purpose=_("Confirming that the new address belongs to the subscriber before it is used"),
            legal_basis=_("Rectification at the data subject's request (GDPR art. 16)"),
            retention=_("Cleared when confirmed, or %(days)s days after the request") % {"days": CONFIRM_MAX_AGE_DAYS},
            stats=_stats(Subscriber.objects.exclude(pending_email=""), "pending_email_at"),
        ),
        _row(
            category=_("Newsletter subscriptions with restricted processing"),
            data=_("As for confirmed subscribers, plus since when and on what ground processing is restricted"),
            purpose=_("Keeping the data the person asked us to keep (or objected to using); nothing is sent"),
            legal_basis=_("Restriction (GDPR art. 18) or objection (art. 21) by the data subject"),
            retention=_("Until the person lifts the restriction, unsubscribes or erases the data"),
            stats=_stats(Subscriber.objects.filter(restricted_at__isnull=False), "restricted_at"),
        ),
        _row(
            category=_("Newsletter deliveries"),
            data=_("Which issue was sent to which subscription, status and error message"),
            purpose=_("Proving delivery and handling failures and bounces"),
            legal_basis=_("Legitimate interest (GDPR art. 6(1)(f))"),
            retention=_("Detached from the person when the subscription is erased; counts only afterwards"),
            stats=_stats(Delivery.objects.filter(subscriber__isnull=False), "attempted_at"),
        ),
        _row(
            category=_("Newsletter bounces"),
            data=_(
                "Which delivery came back undelivered, permanent or temporary, the mail server's status and message"
            ),
            purpose=_("Stopping mail to addresses that no longer work"),
            legal_basis=_("Legitimate interest (GDPR art. 6(1)(f))"),
            retention=_("Detached from the person and the server message cleared when the subscription is erased"),
            stats=_stats(Bounce.objects.filter(subscriber__isnull=False), "received_at"),
        ),
        _row(
            category=_("Contact form messages"),
            data=_("Whatever the form asks: usually name, e-mail address and the message"),
            purpose=_("Answering the enquiry"),
            legal_basis=_("Legitimate interest (GDPR art. 6(1)(f)) or steps at the person's request (art. 6(1)(b))"),
            retention=_("Deleted %(days)s days after submission") % {"days": form_days},
            stats=_stats(FormSubmission.objects.all(), "submit_time"),
        ),
        _row(
            category=_("Accession requests"),
            data=_("Organisation name and kind, contact person, e-mail address, offer, goals, consent text and time"),
            purpose=_("Deciding on the organisation's accession to the partnership"),
            legal_basis=_("Steps at the request of the data subject (GDPR art. 6(1)(b)) and consent"),
            retention=_("Pending requests until decided; decided requests deleted %(days)s days after the decision")
            % {"days": form_days},
            stats=_stats(AccessionRequest.objects.all(), "created_at"),
        ),
        _row(
            category=_("Editor accounts"),
            data=_("Name, e-mail address, user name, password hash, last login, group memberships"),
            purpose=_("Editing the organisation's section of the site"),
            legal_basis=_("Legitimate interest of the partnership (GDPR art. 6(1)(f))"),
            retention=_("Until the account is deleted by an administrator"),
            stats=_stats(get_user_model().objects.all(), "date_joined"),
        ),
    ]


def accession_requests_pending_count():
    return AccessionRequest.objects.filter(status=AccessionStatus.PENDING).count()


def _live_in(model, *, locale, **filters):
    return model.objects.live().public().filter(locale=locale, **filters)


def newsletter_issue_suggest_pages(*, language, since, organisation=None, area=None, site_id=None):
    """Recent live news and initiatives, and initiatives with upcoming events, in ``language`` (no repeats).

    ``site_id`` keeps the suggestions inside one network (an issue goes to
    that network's subscribers only).

    For an issue to one organisation's subscribers only that organisation's
    section is suggested (its page in ``language``, whichever translation was
    chosen); for one area only pages tagged with that area (in any translation).
    """
    locale = Locale.objects.filter(language_code=language).first()
    if locale is None:
        return []
    section = None
    if organisation is not None:
        section = (
            organisation.get_translations(inclusive=True).filter(locale=locale).first()
            if organisation.locale_id != locale.pk
            else organisation
        )
        if section is None:  # the organisation has no section in this language: nothing to suggest
            return []

    in_network = pages_under_filter(network_home_paths(site_ids=[site_id])) if site_id is not None else None

    def narrow(queryset):
        if in_network is not None:
            queryset = queryset.filter(in_network)
        if section is not None:
            queryset = queryset.descendant_of(section)
        if area is not None:
            queryset = queryset.filter(areas__translation_key=area.translation_key).distinct()
        return queryset

    upcoming_pages = narrow(_live_in(InitiativePage, locale=locale)).values("pk")
    upcoming_ids = (
        InitiativeOccurrence.objects.filter(start__gte=timezone.now(), page__in=upcoming_pages)
        .order_by("start")
        .values_list("page_id", flat=True)[:20]
    )
    groups = [
        narrow(_live_in(NewsPage, locale=locale, date__gte=since)).order_by("-date")[:10],
        narrow(_live_in(InitiativePage, locale=locale, first_published_at__date__gte=since)).order_by(
            "-first_published_at"
        )[:5],
        _live_in(InitiativePage, locale=locale, pk__in=list(upcoming_ids)),
    ]
    pages = {}
    for group in groups:
        for page in group:
            pages.setdefault(page.pk, page)
    return list(pages.values())
