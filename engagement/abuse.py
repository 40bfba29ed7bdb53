"""Protection shared by every public form: a per-IP rate limit and a honeypot.

The rate limit counts submissions (POST requests) per client address and
form in the cache, in fixed windows: cheap, and good enough to stop a script
hammering a form. The honeypot is wagtail-honeypot's: a text field hidden from people
(and from screen readers) that bots fill in, plus the time the form was
shown (a bot that posts within seconds is caught). Form-builder pages use its
model mixins directly; the other public forms check the same two fields
here. A tripped honeypot gets the normal success answer but nothing is stored
or sent, so the bot learns nothing.
"""

from django.conf import settings
from django.core.cache import cache
from django.template.response import TemplateResponse

from wagtail_honeypot.models import HoneypotFormSubmissionMixin


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


def honeypot_tripped(data):
    """Whether a POST looks like a bot's, by wagtail-honeypot's rules (for forms that are not form-builder pages).

    The form carries wagtail-honeypot's two fields (``{% honeypot_fields %}``):
    a text field people never see, which must stay empty, and the time the
    form was rendered, which must be more than HONEYPOT_TIME_INTERVAL seconds
    ago. A missing field counts as a bot too: people submit the form we rendered.
    """
    name_field = settings.HONEYPOT_NAME_FIELD
    time_field = settings.HONEYPOT_TIME_FIELD
    if name_field not in data or time_field not in data or data[name_field] != "":
        return True
    return not HoneypotFormSubmissionMixin.time_diff(data[time_field], settings.HONEYPOT_TIME_INTERVAL)


class HoneypotCheckMixin:
    """For plain Django forms: ``is_spam`` tells whether a bot filled the form (see ``honeypot_tripped``)."""

    @property
    def is_spam(self):
        return self.is_bound and honeypot_tripped(self.data)
