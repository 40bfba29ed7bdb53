"""Signed links for subscribers (no account) and absolute URLs for e-mails.

A token carries the subscription's random key and the link's purpose, is
signed with SECRET_KEY (django.core.signing) and expires after ``max_age``.
Because the key is random per subscription, a link stops working the moment
the subscription is erased.
"""

from django.conf import settings
from django.core import signing
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _

# Unsubscribe links sit in old e-mails for a long time; they stay valid for
# about a year, long after the manage links (ENGAGEMENT_LINK_MAX_AGE_DAYS).
UNSUBSCRIBE_MAX_AGE_DAYS = 400
CONFIRM_MAX_AGE_DAYS = 7


class LinkInvalid(Exception):
    def __init__(self, message):
        super().__init__(message)
        self.message = message


def _max_age(purpose):
    days = {
        "confirm": CONFIRM_MAX_AGE_DAYS,
        "unsubscribe": UNSUBSCRIBE_MAX_AGE_DAYS,
    }.get(purpose, settings.ENGAGEMENT_LINK_MAX_AGE_DAYS)
    return days * 24 * 60 * 60


def subscriber_token(*, subscriber, purpose):
    return signing.dumps({"k": str(subscriber.key)}, salt=f"engagement.subscriber.{purpose}")


def subscriber_from_token(*, token, purpose):
    """The subscription a link points to, or LinkInvalid with a message for the visitor."""
    from .models import Subscriber

    try:
        payload = signing.loads(token, salt=f"engagement.subscriber.{purpose}", max_age=_max_age(purpose))
    except signing.SignatureExpired as error:
        raise LinkInvalid(_("This link has expired. Ask for a new one below.")) from error
    except signing.BadSignature as error:
        raise LinkInvalid(
            _("This link is not valid: it may have been copied incompletely. Ask for a new one below.")
        ) from error
    subscriber = Subscriber.objects.filter(key=payload.get("k")).select_related("consent").first()
    if subscriber is None:
        raise LinkInvalid(_("This subscription no longer exists: its data has been erased."))
    return subscriber


def absolute_url(path):
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def subscriber_url(*, subscriber, purpose, language=None):
    with translation.override(language or subscriber.language):
        path = reverse(
            f"engagement:newsletter_{purpose}",
            kwargs={"token": subscriber_token(subscriber=subscriber, purpose=purpose)},
        )
    return absolute_url(path)
