"""Protection shared by every public form: a per-IP rate limit and a honeypot.

The rate limit counts submissions (POST requests) per client address and
form in the cache, in fixed windows: cheap, and good enough to stop a script
hammering a form. The honeypot is a text field hidden from people (and from
screen readers) that bots fill in; a filled-in honeypot gets the normal
success answer but nothing is stored or sent, so the bot learns nothing.
"""

from django import forms
from django.conf import settings
from django.core.cache import cache
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _

HONEYPOT_FIELD = "website_address"


def client_ip(request):
    # Behind the reverse proxy the deployment sets REMOTE_ADDR correctly
    # (X-Forwarded-For is not trusted here: anyone can forge it).
    return request.META.get("REMOTE_ADDR", "unknown")


def rate_limit_exceeded(request, *, scope):
    """Count this POST and say whether the client is over the limit for ``scope``."""
    if request.method != "POST":
        return False
    limit, window = settings.ENGAGEMENT_RATE_LIMIT
    key = f"engagement:rate:{scope}:{client_ip(request)}"
    cache.add(key, 0, timeout=window)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add() and incr()
        cache.set(key, 1, timeout=window)
        count = 1
    return count > limit


def rate_limited_response(request):
    return TemplateResponse(request, "engagement/rate_limited.html", {}, status=429)


class HoneypotField(forms.CharField):
    def __init__(self, **kwargs):
        super().__init__(
            required=False,
            label=_("Leave this field empty"),
            widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
            **kwargs,
        )


class HoneypotFormMixin:
    """Adds the hidden honeypot field; ``is_spam`` tells whether a bot filled it in."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields[HONEYPOT_FIELD] = HoneypotField()

    @property
    def is_spam(self):
        return bool(self.data.get(HONEYPOT_FIELD))
