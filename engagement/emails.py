"""E-mails rendered from templates/engagement/email/, in the recipient's language."""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.utils import translation


def email_build(*, to, template, context, language, headers=None, html=False):
    """An e-mail whose subject, text (and optional HTML) come from ``<template>_subject.txt``, ``.txt``, ``.html``."""
    with translation.override(language):
        context = {**context, "language": language}
        subject = " ".join(render_to_string(f"engagement/email/{template}_subject.txt", context).split())
        body = render_to_string(f"engagement/email/{template}.txt", context)
        message = EmailMultiAlternatives(
            subject=subject, body=body, from_email=settings.DEFAULT_FROM_EMAIL, to=[to], headers=headers or {}
        )
        if html:
            message.attach_alternative(render_to_string(f"engagement/email/{template}.html", context), "text/html")
    return message


def unsubscribe_headers(unsubscribe_url):
    """RFC 2369 and RFC 8058: mail clients show an "Unsubscribe" button that POSTs to the URL."""
    return {
        "List-Unsubscribe": f"<{unsubscribe_url}>",
        "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
    }
