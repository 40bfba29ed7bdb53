"""Signed links for subscribers (no account) and absolute URLs for e-mails.

A token carries the subscription's random key and the link's purpose, is
signed with SECRET_KEY (django.core.signing) and expires after ``max_age``.
Because the key is random per subscription, a link stops working the moment
the subscription is erased.
"""

import re

from django.conf import settings
from django.core import signing
from django.urls import reverse
from django.utils import translation
from django.utils.crypto import constant_time_compare, salted_hmac
from django.utils.translation import gettext_lazy as _

from .models.newsletter import Subscriber

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
        "email": CONFIRM_MAX_AGE_DAYS,
        "unsubscribe": UNSUBSCRIBE_MAX_AGE_DAYS,
    }.get(purpose, settings.ENGAGEMENT_LINK_MAX_AGE_DAYS)
    return days * 24 * 60 * 60


def subscriber_token(*, subscriber, purpose, email=None):
    """A signed link for one subscription and purpose; ``email`` binds a link to one new address (purpose "email")."""
    payload = {"k": str(subscriber.key)}
    if email is not None:
        payload["e"] = email
    return signing.dumps(payload, salt=f"engagement.subscriber.{purpose}")


def _subscriber_payload(*, token, purpose):
    """The subscription a link points to and the link's payload, or LinkInvalid with a message for the visitor."""
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
    return subscriber, payload


def subscriber_from_token(*, token, purpose):
    """The subscription a link points to, or LinkInvalid with a message for the visitor."""
    return _subscriber_payload(token=token, purpose=purpose)[0]


def email_change_from_token(*, token):
    """The subscription and the new address an address-change link confirms, or LinkInvalid.

    The link names the address it was sent to; it stops working once that
    change is applied or replaced by a newer request (a new link is sent then).
    """
    subscriber, payload = _subscriber_payload(token=token, purpose="email")
    email = payload.get("e") or ""
    if not email or not subscriber.pending_email or subscriber.pending_email.lower() != email.lower():
        raise LinkInvalid(
            _("This link is no longer valid: the change of address was already confirmed or replaced by a newer one.")
        )
    return subscriber, subscriber.pending_email


def absolute_url(path):
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def subscriber_url(*, subscriber, purpose, language=None):
    with translation.override(language or subscriber.language):
        path = reverse(
            f"engagement:newsletter_{purpose}",
            kwargs={"token": subscriber_token(subscriber=subscriber, purpose=purpose)},
        )
    return absolute_url(path)


def email_change_url(*, subscriber, email):
    """The link, e-mailed to ``email``, that confirms moving the subscription to it."""
    with translation.override(subscriber.language):
        path = reverse(
            "engagement:newsletter_email_confirm",
            kwargs={"token": subscriber_token(subscriber=subscriber, purpose="email", email=email)},
        )
    return absolute_url(path)


# --- Bounces: which delivery a returned message belongs to ----------------------
#
# The token is short, lower-case and made of letters, digits and "-" only, so
# it survives as the "+detail" of an envelope address (VERP; some mail servers
# lower-case local parts) and in a header quoted back by a bounce.

DELIVERY_HEADER = "X-PartnerHub-Delivery"
DELIVERY_TOKEN_RE = re.compile(r"d(?P<id>\d{1,18})-(?P<mac>[0-9a-f]{16})")


def _delivery_mac(delivery_id):
    return salted_hmac("engagement.delivery.bounce", str(delivery_id)).hexdigest()[:16]


def delivery_token(*, delivery_id):
    return f"d{delivery_id}-{_delivery_mac(delivery_id)}"


def delivery_id_from_token(token):
    """The delivery id a token names, or None if it is not one of ours (forged or mangled)."""
    match = DELIVERY_TOKEN_RE.fullmatch(token.lower())
    if match is None or not constant_time_compare(match["mac"], _delivery_mac(match["id"])):
        return None
    return int(match["id"])


def delivery_bounce_address(*, delivery_id):
    """The envelope sender for one delivery: ``bounces+<token>@domain``, or None without NEWSLETTER_BOUNCE_ADDRESS."""
    address = settings.NEWSLETTER_BOUNCE_ADDRESS
    if not address or "@" not in address:
        return None
    local, domain = address.rsplit("@", 1)
    return f"{local}+{delivery_token(delivery_id=delivery_id)}@{domain}"
