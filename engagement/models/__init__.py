from .accession import AccessionPage, AccessionRequest, AccessionStatus, Offer
from .contact import ContactFormField, ContactFormPage
from .newsletter import (
    ConsentText,
    Delivery,
    DeliveryStatus,
    IssueStatus,
    NewsletterIssue,
    NewsletterIssueItem,
    Subscriber,
    SubscriptionScope,
)
from .retention import PurgeLog

__all__ = [
    "AccessionPage",
    "AccessionRequest",
    "AccessionStatus",
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
    "Subscriber",
    "SubscriptionScope",
]
