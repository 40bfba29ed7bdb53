from .accession import AccessionRequest, AccessionStatus, Offer
from .accession_page import AccessionPage
from .contact import ContactFormField, ContactFormPage
from .newsletter import (
    Bounce,
    BounceKind,
    ConsentText,
    Delivery,
    DeliveryStatus,
    IssueStatus,
    NewsletterIssue,
    NewsletterIssueItem,
    RestrictionGround,
    Subscriber,
    SubscriptionScope,
)
from .retention import PurgeLog

__all__ = [
    "AccessionPage",
    "AccessionRequest",
    "AccessionStatus",
    "Bounce",
    "BounceKind",
    "ConsentText",
    "ContactFormField",
    "ContactFormPage",
    "Delivery",
    "DeliveryStatus",
    "IssueStatus",
    "NewsletterIssue",
    "NewsletterIssueItem",
    "Offer",
    "PurgeLog",
    "RestrictionGround",
    "Subscriber",
    "SubscriptionScope",
]
